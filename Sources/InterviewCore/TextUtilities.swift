extension Unicode.Scalar {
    /// White space by value: ASCII spaces and breaks plus Unicode's space separators. Cheaper
    /// than `properties.isWhitespace`, which looks the scalar up in Unicode's tables.
    public var isSpaceOrLineBreak: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    public func trimmingWhitespace() -> String {
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return text // nothing to trim: no copy
        }
        return UTF8Text.trimmed(Array(text.utf8))
    }

    /// Runs of white space folded to one space, ends trimmed.
    public func collapsingWhitespace() -> String {
        utf8.withContiguousStorageIfAvailable(UTF8Text.collapsedString) ?? UTF8Text.collapsed(Array(utf8))
    }
}

/// White-space handling on UTF-8 bytes: guides are large, and building strings one scalar at
/// a time dominated the cost of reading them.
public enum UTF8Text {
    /// Runs of white space folded to one space, ends trimmed.
    public static func collapsed(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer(collapsedString)
    }

    /// White space in `input` folded straight into a new string's storage: one allocation.
    public static func collapsedString(_ input: UnsafeBufferPointer<UInt8>) -> String {
        collapsedString(capacity: input.count) { $0(input) }
    }

    /// A string of at most `capacity` bytes, from the chunks `produce` feeds, with white space
    /// folded as they stream in: no buffer between the source and the string.
    public static func collapsedString(
        capacity: Int,
        _ produce: (_ feed: (UnsafeBufferPointer<UInt8>) -> Void) -> Void
    ) -> String {
        String(unsafeUninitializedCapacity: capacity) { output in
            var folder = WhitespaceFolder(output: output)
            produce { folder.append($0) }
            return folder.written
        }
    }

    /// Appends chunks to a buffer, folding runs of white space and dropping it at both ends.
    public struct WhitespaceFolder {
        let output: UnsafeMutableBufferPointer<UInt8>
        public private(set) var written = 0
        private var pendingSpace = false

        public init(output: UnsafeMutableBufferPointer<UInt8>) {
            self.output = output
        }

        public mutating func append(_ input: UnsafeBufferPointer<UInt8>) {
            guard let source = input.baseAddress, let target = output.baseAddress else { return }
            var index = 0
            while index < input.count {
                // Fast path: a run of visible ASCII words with single spaces between them is
                // already folded, and is copied whole.
                if source[index] > 0x20, source[index] < 0x80 {
                    if pendingSpace, written < output.count {
                        target[written] = 0x20
                        written += 1
                    }
                    pendingSpace = false
                    var end = index + 1
                    while end < input.count {
                        let byte = source[end]
                        if byte > 0x20, byte < 0x80 {
                            end += 1
                        } else if byte == 0x20, end + 1 < input.count, source[end + 1] > 0x20, source[end + 1] < 0x80 {
                            end += 2
                        } else {
                            break
                        }
                    }
                    let run = min(end - index, output.count - written)
                    (target + written).update(from: source + index, count: run)
                    written += run
                    index = end
                    continue
                }
                let space = whitespaceLength(input, at: index)
                if space > 0 {
                    pendingSpace = written > 0
                    index += space
                } else {
                    if pendingSpace, written < output.count {
                        output[written] = 0x20
                        written += 1
                    }
                    pendingSpace = false
                    if written < output.count {
                        output[written] = input[index]
                        written += 1
                    }
                    index += 1
                }
            }
        }
    }

    /// Leading and trailing white space removed.
    public static func trimmed(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { input in
            var start = 0
            var end = 0
            var index = 0
            var seenText = false
            while index < input.count {
                let space = whitespaceLength(input, at: index)
                if space > 0 {
                    index += space
                } else {
                    if !seenText { start = index }
                    seenText = true
                    index += 1
                    end = index
                }
            }
            return seenText ? String(decoding: input[start..<end], as: UTF8.self) : ""
        }
    }

    /// How many bytes of white space start at `index`: ASCII spaces and breaks, NEL, no-break
    /// space, and Unicode's space separators; 0 when none does.
    @inline(__always)
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        let remaining = bytes.count - index
        switch byte {
        case 0xC2 where remaining >= 2:
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1 where remaining >= 3:
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2 where remaining >= 3:
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            if second == 0x80, (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3 where remaining >= 3:
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}

extension String {
    /// Whether the last byte is this ASCII character; `hasSuffix` compares graphemes, which is
    /// needlessly slow for punctuation.
    public func endsWith(ascii character: Unicode.Scalar) -> Bool {
        utf8.last == UInt8(ascii: character)
    }

    /// Every occurrence of `target` replaced, without Foundation.
    public func replacing(character target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}

/// Lower-case text as bytes, for fast phrase matching on short labels. The standard library's
/// `String.contains(_:)` builds a search table per call, far too slow for every bullet of a guide.
public struct FoldedText {
    /// The folded bytes; labels are short, so this lives on the stack inside `withFolded`.
    public let bytes: UnsafeBufferPointer<UInt8>

    @usableFromInline
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Calls `body` with `text` folded: ASCII letters lowered, hyphens and underscores as
    /// spaces, curly apostrophes as straight ones; other bytes as they are.
    public static func withFolded<Result>(_ text: some StringProtocol, _ body: (FoldedText) -> Result) -> Result {
        withFolded(bytes: text.utf8, body)
    }

    /// A `String` (the usual case) goes straight to its bytes, with no generic collection code.
    /// Inlinable, so that callers get it specialised: unspecialised, the temporary buffer below
    /// would go to the heap.
    @inlinable
    public static func withFolded<Result>(_ text: String, _ body: (FoldedText) -> Result) -> Result {
        var text = text
        return text.withUTF8 { withFolded(bytes: $0, body) }
    }

    /// Contiguous text (nearly every string) is folded through the non-generic path below: a
    /// generic walk of a `String.UTF8View` goes through protocol witnesses byte by byte.
    public static func withFolded<Result>(bytes utf8: some Collection<UInt8>, _ body: (FoldedText) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable({ withFolded(bytes: $0, body) }) { return result }
        return withFolded(bytes: Array(utf8), body)
    }

    public static func withFolded<Result>(bytes utf8: [UInt8], _ body: (FoldedText) -> Result) -> Result {
        utf8.withUnsafeBufferPointer { withFolded(bytes: $0, body) }
    }

    @inlinable
    public static func withFolded<Result>(bytes utf8: UnsafeBufferPointer<UInt8>, _ body: (FoldedText) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count) { buffer in
            var count = 0
            var apostrophe = 0 // bytes of U+2019 (E2 80 99) seen so far
            for byte in utf8 {
                switch byte {
                case 0x41...0x5A: buffer[count] = byte + 0x20
                case 0x2D, 0x5F: buffer[count] = 0x20
                default: buffer[count] = byte
                }
                count += 1
                apostrophe = (byte == 0xE2) ? 1 : (apostrophe == 1 && byte == 0x80) ? 2 : (apostrophe == 2 && byte == 0x99) ? 3 : 0
                if apostrophe == 3 {
                    count -= 3
                    buffer[count] = 0x27
                    count += 1
                    apostrophe = 0
                }
            }
            return body(FoldedText(bytes: UnsafeBufferPointer(rebasing: buffer[..<count])))
        }
    }

    public func equals(_ phrase: StaticString) -> Bool {
        guard phrase.utf8CodeUnitCount == bytes.count else { return false }
        // Indexed, not `elementsEqual`: its iterators cost about twenty instructions a byte, and
        // every section label of a guide is compared with the common ones.
        let needle = phrase.utf8Start
        for index in 0..<bytes.count where bytes[index] != needle[index] { return false }
        return true
    }

    public func contains(_ phrase: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: phrase.utf8Start, count: phrase.utf8CodeUnitCount)
        guard needle.count <= bytes.count else { return false }
        guard let first = needle.first else { return true }
        var start = 0
        while start + needle.count <= bytes.count {
            if bytes[start] == first {
                var offset = 1
                while offset < needle.count, bytes[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    public func contains(anyOf phrases: StaticString...) -> Bool {
        phrases.contains { contains($0) }
    }

    public func hasPrefix(_ phrase: StaticString) -> Bool {
        phrase.utf8CodeUnitCount <= bytes.count
            && bytes.prefix(phrase.utf8CodeUnitCount).elementsEqual(UnsafeBufferPointer(start: phrase.utf8Start, count: phrase.utf8CodeUnitCount))
    }

    public func hasSuffix(_ phrase: StaticString) -> Bool {
        phrase.utf8CodeUnitCount <= bytes.count
            && bytes.suffix(phrase.utf8CodeUnitCount).elementsEqual(UnsafeBufferPointer(start: phrase.utf8Start, count: phrase.utf8CodeUnitCount))
    }
}
