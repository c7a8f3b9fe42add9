/// An answer cut into sentences, each a range of UTF-8 offsets into the text, so that a
/// model's word-pieces (which carry the same offsets) can be traced to their sentence.
///
/// A sentence ends at `.`, `!`, `?` or `;` followed by white space, at a blank line, and before
/// a line that opens a list item or a STAR part ("Action: ..."): answers typed in a terminal
/// are wrapped by hand, so a single line break alone does not end one.
public struct AnswerSentences: Sendable {
    public let text: String
    public let ranges: [Range<Int>]

    public init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        var start = 0
        func close(at end: Int) {
            var lower = start
            var upper = end
            while lower < upper, Self.isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, Self.isSpace(bytes[upper - 1]) { upper -= 1 }
            if lower < upper { ranges.append(lower..<upper) }
            start = end
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0x20
            if (byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3B) && Self.isSpace(next)
                && !(byte == 0x2E && Self.isListNumber(bytes, endingAt: index)) {
                close(at: index + 1)
            } else if byte == 0x0A, Self.opensBlock(bytes, after: index) {
                close(at: index + 1)
            }
            index += 1
        }
        close(at: bytes.count)
        self.ranges = ranges
    }

    public var count: Int { ranges.count }

    public subscript(index: Int) -> String {
        let utf8 = Array(text.utf8)[ranges[index]]
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The sentence holding the byte at `offset`, if any.
    public func index(containing offset: Int) -> Int? {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(offset) ? low : nil
    }

    /// "2." at the start of a line numbers a list item; it ends no sentence.
    private static func isListNumber(_ bytes: [UInt8], endingAt index: Int) -> Bool {
        var position = index
        while position > 0, (0x30...0x39).contains(bytes[position - 1]) { position -= 1 }
        guard position < index else { return false }
        while position > 0, bytes[position - 1] == 0x20 || bytes[position - 1] == 0x09 { position -= 1 }
        return position == 0 || bytes[position - 1] == 0x0A
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// After the line break at `index`: a blank line, a list item, or a STAR part's label.
    private static func opensBlock(_ bytes: [UInt8], after index: Int) -> Bool {
        var position = index + 1
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0D {
            position += 1
        }
        guard position < bytes.count else { return true }
        let first = bytes[position]
        if first == 0x0A { return true }
        if first == 0x2D || first == 0x2A { return position + 1 < bytes.count && bytes[position + 1] == 0x20 }
        if (0x30...0x39).contains(first) {
            var end = position
            while end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
            return end + 1 < bytes.count && (bytes[end] == 0x2E || bytes[end] == 0x29) && bytes[end + 1] == 0x20
        }
        let rest = bytes[position...].prefix(12)
        return StarAnswerText.label(in: rest) != nil
    }
}
