import Glibc

/// Finding one byte in a buffer through memchr, many times faster than a generic `contains`
/// over a whole guide, or over each of its titles.
enum ByteSearch {
    static func contains(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = buffer.baseAddress else { return false }
        return memchr(start, Int32(byte), buffer.count) != nil
    }

    /// In a string's UTF-8 bytes.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { contains(byte, in: $0) } ?? text.utf8.contains(byte)
    }
}
