import CZlib
import Foundation

/// zlib's deflate for content written once and read rarely (a session's plan, the guide's
/// questions): model answers are prose, and shrink to about a third.
enum Deflate {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `fast` for what is written every second (an answer being typed): zlib's fastest level
    /// takes a fifth of the time of its best on long prose, for a few percent more bytes.
    static func compress(_ text: String, fast: Bool = false) throws -> Data {
        let input = Array(text.utf8)
        var size = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(size))
        let status = compress2(&output, &size, input, uLong(input.count), fast ? Z_BEST_SPEED : Z_BEST_COMPRESSION)
        guard status == Z_OK else { throw Failure(description: "zlib could not compress (\(status))") }
        // The length first: inflating needs to know how much room to give.
        var length = UInt32(input.count).bigEndian
        return Data(bytes: &length, count: 4) + Data(output.prefix(Int(size)))
    }

    /// The text back; nil for bytes that are not what `compress` wrote (a damaged store).
    static func decompress(_ data: Data) -> String? {
        guard data.count > 4 else { return nil }
        let length = data.prefix(4).reduce(0) { ($0 << 8) | Int($1) }
        // Real plans and questions are far smaller; a damaged length must not ask for gigabytes.
        guard length <= 64 << 20 else { return nil }
        var output = [UInt8](repeating: 0, count: max(length, 1))
        var size = uLong(length)
        let input = Array(data.dropFirst(4))
        let status = uncompress(&output, &size, input, uLong(input.count))
        guard status == Z_OK, Int(size) == length else { return nil }
        return String(validating: output.prefix(length), as: UTF8.self)
    }
}
