import Foundation
import InterviewCore

/// Finding text in stored answers, in any case and with or without accents. Searching every
/// session reads every answer, so the common case is kept cheap: an answer in ASCII is
/// compared byte by byte with the query folded once; only other text goes through Foundation's
/// comparison.
struct AnswerSearch {
    private let query: String
    /// The query without case or accents, when that leaves it ASCII (else nil: no ASCII text
    /// can hold it, and other text is compared by Foundation).
    private let asciiQuery: [UInt8]?

    init(_ query: String) {
        self.query = query
        let folded = Array(query.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).utf8)
        asciiQuery = folded.allSatisfy { $0 < 0x80 } ? folded.map(Self.lowered) : nil
    }

    func isFound(in written: String) -> Bool {
        let ascii = written.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard let asciiQuery else { return false }
            return Self.contains(bytes, asciiQuery)
        }
        if let ascii, let found = ascii { return found }
        return written.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard text.count >= needle.count else { return false }
        let first = needle[0]
        for start in 0...(text.count - needle.count) where lowered(text[start]) == first {
            var offset = 1
            while offset < needle.count, lowered(text[start + offset]) == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
        }
        return false
    }
}

/// What a search reads of a stored record: the texts typed, and nothing else decoded.
struct TypedTexts: Decodable {
    var scaffold: Scaffold
    var freeText: String
    var starParts: [StarPart: String]
    var followUpAnswers: [String]

    init(_ record: QuestionRecord) {
        (scaffold, freeText, starParts, followUpAnswers) = (record.scaffold, record.freeText, record.starParts, record.followUpAnswers)
    }

    /// The answer as given and shown: the form in use (text left in the other form after a
    /// switch between free text and STAR is not the answer), and the follow-up answers.
    var shown: [String] { (scaffold == .star ? Array(starParts.values) : [freeText]) + followUpAnswers }
}
