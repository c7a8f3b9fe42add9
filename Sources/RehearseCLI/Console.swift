import ArgumentParser
import Foundation
import InterviewCore

/// Where commands write. Text from guides goes through `TerminalText` before it gets here.
enum Console {
    /// Set when standard output's reader has gone (a closed pipe, with SIGPIPE ignored): a
    /// session then stops as it would for a signal rather than talk to no one.
    nonisolated(unsafe) private(set) static var outputClosed = false

    // The throwing writes: the plain `write(_:)` traps when the reader has gone (a closed pipe).
    static func out(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
        } catch {
            outputClosed = true
        }
    }

    /// One line on standard error, prefixed with the program's name.
    static func error(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(("rehearse: " + TerminalText.neutralized(text) + "\n").utf8))
    }

    /// JSON on standard output: sorted keys, ISO 8601 dates, invisible and control characters
    /// escaped (see `JSONSafety`), and a clear failure rather than silence when a value cannot
    /// be encoded.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            Console.error("could not write the result as JSON: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        try? FileHandle.standardOutput.write(contentsOf: Data(JSONSafety.escapingInvisibles([UInt8](data)) + [UInt8(ascii: "\n")]))
    }

    /// A path as shown to the user: neutralised, and relative to the working folder when inside it.
    static func display(_ path: String) -> String {
        let folder = FileManager.default.currentDirectoryPath + "/"
        let shown = path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
        return TerminalText.neutralized(shown)
    }
}

/// Exit statuses shared by the commands (README, "Exit statuses"): 1 for a guide with errors,
/// 2 for usage and unreadable input, 3 for a session store that cannot be used.
enum ExitStatus {
    static let guideHasErrors: Int32 = 1
    static let badInput: Int32 = 2
    static let storeUnusable: Int32 = 3
}

/// Standard output gathered into large writes: a listing of thousands of lines is a few
/// system calls, not one per line.
final class BufferedOutput {
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 16

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunk { flush() }
    }

    /// Bytes added by `body` straight into the buffer: a listing's rows, without a string each.
    func write(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= Self.chunk { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        try? FileHandle.standardOutput.write(contentsOf: Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
