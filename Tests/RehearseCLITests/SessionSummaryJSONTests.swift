import Foundation
import Testing
import TranscriptStore
@testable import RehearseCLI

/// `history --json` writes summaries by hand for speed: the text must be what `JSONEncoder`
/// gives, but for the invisible characters it escapes.
@Suite struct SessionSummaryJSONTests {
    static func encoded(_ summaries: [SessionSummary]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(summaries), as: UTF8.self)
    }

    static func written(_ summaries: [SessionSummary]) -> String {
        var bytes = Array("[\n".utf8)
        var writer = SessionSummaryJSON()
        for (index, summary) in summaries.enumerated() {
            if index > 0 { bytes += Array(",\n".utf8) }
            writer.write(summary, into: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self) + "\n]"
    }

    static let samples = [
        SessionSummary(id: "5e551011", startedAt: Date(timeIntervalSince1970: 1_790_000_000.75), updatedAt: Date(timeIntervalSince1970: 1_790_000_400),
                       state: .finished, guides: ["Edge AI \"Guide\" / Ünïcode\\path", "Second\ttab\u{1B}[2J"], banks: ["edge-ai-engineer"],
                       seed: UInt64.max, questionCount: 5, answered: 5, secondsUsed: 612.5, score: 0.1282051282051282),
        SessionSummary(id: "0000000a", startedAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 86_399),
                       state: .interrupted, guides: [], banks: [], seed: 0, questionCount: 1, answered: 0, secondsUsed: 0, score: nil),
        SessionSummary(id: "00ab00cd", startedAt: Date(timeIntervalSince1970: 1_000_000_000), updatedAt: Date(timeIntervalSince1970: 1_000_000_000),
                       state: .abandoned, guides: ["😀 Emoji guide"], banks: ["b"], seed: 42, questionCount: 3, answered: 1,
                       secondsUsed: 61, score: 1),
        // The first one's lists again, as most rows of a history repeat them.
        SessionSummary(id: "00ab00ce", startedAt: Date(timeIntervalSince1970: 4_102_444_799), updatedAt: Date(timeIntervalSince1970: 4_102_444_800),
                       state: .finished, guides: ["Edge AI \"Guide\" / Ünïcode\\path", "Second\ttab\u{1B}[2J"], banks: ["edge-ai-engineer"],
                       seed: 7, questionCount: 5, answered: 4, secondsUsed: 0.25, score: 0),
    ]

    @Test func theTextIsWhatJSONEncoderWrites() throws {
        #expect(Self.written(Self.samples) == (try Self.encoded(Self.samples)))
    }

    @Test func invisibleCharactersAreEscaped() throws {
        var bytes: [UInt8] = []
        SessionSummaryJSON.string("a\u{9B}b\u{202E}c\u{200B}d\u{7F}", into: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == "\"a\\u009bb\\u202ec\\u200bd\\u007f\"")
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? String == "a\u{9B}b\u{202E}c\u{200B}d\u{7F}")
    }
}
