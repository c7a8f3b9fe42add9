import Glibc

/// Where a large guide's body can be cut so that each piece parses to exactly the blocks the
/// whole would: before an ATX heading of level 1 to 3 at the start of a line, which ends any
/// paragraph, list or quote before it, and outside fenced code, raw HTML that may hold blank
/// lines (`<!--`, `<pre>`, `<script>`, `<style>`, `<textarea>`) and `<details>` blocks. A
/// guide with link reference definitions is never cut, since a link may use one defined in
/// another piece. Reading piece by piece keeps only one piece's tree in memory at a time.
enum GuidePieces {
    struct Piece {
        var range: Range<Int>
        /// Lines of the body before the piece.
        var linesBefore: Int
    }

    /// Pieces of at least `target` bytes (the last may be smaller); one piece for a small body.
    static func split(_ body: UnsafeBufferPointer<UInt8>, target: Int) -> [Piece] {
        guard body.count > target else { return [Piece(range: 0..<body.count, linesBefore: 0)] }
        var pieces: [Piece] = []
        var pieceStart = 0
        var pieceLines = 0
        var line = 0
        var fence: (byte: UInt8, length: Int)?
        var rawHTMLEnd: [UInt8]?
        var detailsDepth = 0
        var start = 0
        while start < body.count {
            let end = lineEnd(body, from: start)
            let text = UnsafeBufferPointer(rebasing: body[start..<end])
            let hasTag = ByteSearch.contains(UInt8(ascii: "<"), in: text)
            if let open = fence {
                if closesFence(text, open) { fence = nil }
            } else if let closing = rawHTMLEnd {
                if hasTag || closing.first != UInt8(ascii: "<"), contains(closing, in: text) { rawHTMLEnd = nil }
            } else if let opened = opensFence(text) {
                fence = opened
            } else {
                if isLinkReferenceDefinition(text) { return [Piece(range: 0..<body.count, linesBefore: 0)] }
                if start - pieceStart >= target, detailsDepth == 0, isCutHeading(text) {
                    pieces.append(Piece(range: pieceStart..<start, linesBefore: pieceLines))
                    pieceStart = start
                    pieceLines = line
                }
                if hasTag {
                    rawHTMLEnd = rawHTMLBlockEnd(opening: text)
                    detailsDepth = max(0, detailsDepth + count("<details", in: text) - count("</details", in: text))
                }
            }
            line += 1
            start = end + 1
        }
        pieces.append(Piece(range: pieceStart..<body.count, linesBefore: pieceLines))
        return pieces
    }

    /// Where the line starting at `start` ends (its line feed, or the end of the body).
    private static func lineEnd(_ body: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = body.baseAddress, let found = memchr(base + start, 0x0A, body.count - start) else { return body.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// `#`, `##` or `###` at the very start of the line, then a space or the line's end.
    private static func isCutHeading(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var hashes = 0
        while hashes < line.count, line[hashes] == UInt8(ascii: "#") { hashes += 1 }
        guard (1...3).contains(hashes) else { return false }
        return hashes == line.count || line[hashes] == UInt8(ascii: " ") || line[hashes] == UInt8(ascii: "\t")
    }

    /// A code fence: up to three spaces, then three or more backticks or tildes.
    private static func opensFence(_ line: UnsafeBufferPointer<UInt8>) -> (byte: UInt8, length: Int)? {
        var index = 0
        while index < min(3, line.count), line[index] == UInt8(ascii: " ") { index += 1 }
        guard index < line.count, line[index] == UInt8(ascii: "`") || line[index] == UInt8(ascii: "~") else { return nil }
        let byte = line[index]
        var length = 0
        while index < line.count, line[index] == byte { index += 1; length += 1 }
        guard length >= 3 else { return nil }
        // A backtick fence's info string may not hold a backtick.
        if byte == UInt8(ascii: "`"), line[index...].contains(byte) { return nil }
        return (byte, length)
    }

    /// The closing fence: the same character, at least as many, nothing else but spaces.
    private static func closesFence(_ line: UnsafeBufferPointer<UInt8>, _ open: (byte: UInt8, length: Int)) -> Bool {
        var index = 0
        while index < min(3, line.count), line[index] == UInt8(ascii: " ") { index += 1 }
        var length = 0
        while index < line.count, line[index] == open.byte { index += 1; length += 1 }
        guard length >= open.length else { return false }
        return line[index...].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// For a line opening raw HTML that CommonMark keeps open across blank lines, the text that
    /// closes it; nil when that text is on the same line, or for any other line.
    private static func rawHTMLBlockEnd(opening line: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var index = 0
        while index < min(3, line.count), line[index] == UInt8(ascii: " ") { index += 1 }
        guard index < line.count, line[index] == UInt8(ascii: "<") else { return nil }
        let rest = UnsafeBufferPointer(rebasing: line[index...])
        for (opener, closer) in rawHTMLOpeners where startsWith(opener, rest) {
            return contains(closer, in: UnsafeBufferPointer(rebasing: rest[opener.count...])) ? nil : closer
        }
        return nil
    }

    private static let rawHTMLOpeners: [(opener: [UInt8], closer: [UInt8])] = [
        ("<!--", "-->"), ("<pre", "</pre>"), ("<script", "</script>"), ("<style", "</style>"), ("<textarea", "</textarea>"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// `[label]: destination`, up to three spaces in.
    private static func isLinkReferenceDefinition(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < min(3, line.count), line[index] == UInt8(ascii: " ") { index += 1 }
        guard index < line.count, line[index] == UInt8(ascii: "[") else { return false }
        guard let close = line[index...].firstIndex(of: UInt8(ascii: "]")) else { return false }
        return close + 1 < line.count && line[close + 1] == UInt8(ascii: ":")
    }

    private static func startsWith(_ prefix: [UInt8], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= prefix.count else { return false }
        for (offset, byte) in prefix.enumerated() where lowercased(text[offset]) != byte { return false }
        return true
    }

    private static func contains(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        count(needle, in: text) > 0
    }

    private static func count(_ needle: StaticString, in text: UnsafeBufferPointer<UInt8>) -> Int {
        count(Array(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)), in: text)
    }

    private static func count(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard text.count >= needle.count, let first = needle.first else { return 0 }
        var found = 0
        var index = 0
        while index + needle.count <= text.count {
            if lowercased(text[index]) == first, startsWith(needle, UnsafeBufferPointer(rebasing: text[index...])) {
                found += 1
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}
