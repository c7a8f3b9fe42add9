import Foundation
import InterviewCore

/// Times `rehearse assess` as a user runs it: a fresh process each time, on a 300-word answer.
enum AssessTiming {
    struct Sample {
        var wall: Double
        var cpu: Double
    }

    /// Runs `binary` with `arguments` once; wall and CPU time (user + system) in milliseconds.
    static func run(_ binary: String, _ arguments: [String], environment: [String: String]) throws -> Sample {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var before = rusage()
        getrusage(Int32(RUSAGE_CHILDREN.rawValue), &before)
        let start = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        let wall = ContinuousClock.now - start
        var after = rusage()
        getrusage(Int32(RUSAGE_CHILDREN.rawValue), &after)
        guard process.terminationStatus == 0 else { throw Failure(description: "\(arguments) exited \(process.terminationStatus)") }
        return Sample(wall: milliseconds(wall), cpu: cpuMilliseconds(after) - cpuMilliseconds(before))
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    private static func cpuMilliseconds(_ usage: rusage) -> Double {
        Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
    }

    /// "median (min–max)" in whole milliseconds.
    static func summary(_ values: [Double]) -> String {
        let sorted = values.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "–" }
        return "\(Int(sorted[sorted.count / 2].rounded())) ms (\(Int(first.rounded()))–\(Int(last.rounded())))"
    }
}
