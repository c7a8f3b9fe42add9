import Foundation
import Testing

/// The built binary with a pipe on standard input, answered the way a script answers a
/// program: wait for a prompt to appear, then send lines.
final class InteractiveSession: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let lock = NSLock()
    private var output = ""
    private var consumed: String.Index
    let home: String
    private let ownsHome: Bool

    /// Runs `rehearse arguments` with `home` as its home (a new temporary one if nil).
    init(_ arguments: [String], home: String? = nil, environment extra: [String: String] = [:]) throws {
        signal(SIGPIPE, SIG_IGN) // a session that has ended must not take the test runner with it
        ownsHome = home == nil
        self.home = home ?? NSTemporaryDirectory() + "rehearse-session-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: self.home, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: RehearseBinary.path)
        process.arguments = arguments
        process.environment = ["HOME": self.home, "REHEARSE_HOME": self.home + "/data", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
            .merging(extra) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: self.home)
        let out = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = out
        consumed = output.startIndex
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.output += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        if ownsHome { try? FileManager.default.removeItem(atPath: home) }
    }

    /// Ctrl-C, as a terminal sends it.
    func interrupt() {
        kill(process.processIdentifier, SIGINT)
    }

    /// Any signal, as another program or a closing terminal sends it.
    func send(signal number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// SIGKILL: no chance to clean up, as when a machine loses power.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    var transcript: String {
        lock.lock()
        defer { lock.unlock() }
        return output
    }

    /// Waits until `text` appears after what earlier waits consumed; records an issue if it
    /// does not within `seconds`.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            lock.lock()
            if let range = output.range(of: text, range: consumed..<output.endIndex) {
                consumed = range.upperBound
                lock.unlock()
                return true
            }
            lock.unlock()
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("\"\(text)\" did not appear; output so far:\n\(transcript)", sourceLocation: sourceLocation)
        return false
    }

    /// Waits for whichever of `texts` appears first after what was consumed; nil on time-out.
    func waitForAny(_ texts: [String], seconds: Double = 10) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            lock.lock()
            let found = texts.compactMap { text in output.range(of: text, range: consumed..<output.endIndex).map { (text, $0) } }
                .min { $0.1.lowerBound < $1.1.lowerBound }
            if let (text, range) = found {
                consumed = range.upperBound
                lock.unlock()
                return text
            }
            lock.unlock()
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    /// Self-review as a script answers it: `ticks` at `rubric> `, `accept` at `accept> ` when
    /// that is asked (nothing ticked while points were detected), `pitfalls` at `pitfalls> `.
    func review(ticks: String, accept: String = "", pitfalls: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        waitFor("rubric> ", sourceLocation: sourceLocation)
        send(ticks)
        if waitForAny(["accept> ", "pitfalls> "]) == "accept> " {
            send(accept)
            waitFor("pitfalls> ", sourceLocation: sourceLocation)
        }
        send(pitfalls)
    }

    func send(_ lines: String...) {
        send(lines)
    }

    func send(_ lines: [String]) {
        try? input.fileHandleForWriting.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
    }

    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits for the program to exit and returns its status.
    func finish(seconds: Double = 10) -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            Issue.record("the session did not end; output:\n\(transcript)")
        }
        Thread.sleep(forTimeInterval: 0.05) // let the last output arrive
        return process.terminationStatus
    }
}
