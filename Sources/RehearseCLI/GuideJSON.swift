import ArgumentParser
import Foundation
import InterviewCore

/// The JSON that `inspect`, `lint` and `banks` print: sorted keys, invisible and control
/// characters escaped (see `JSONSafety`), and a clear failure rather than silence when a value
/// cannot be encoded.
enum GuideJSON {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            Console.error("could not write the result as JSON: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        let safe = JSONSafety.escapingInvisibles([UInt8](data)) + [UInt8(ascii: "\n")]
        try? FileHandle.standardOutput.write(contentsOf: Data(safe))
    }
}
