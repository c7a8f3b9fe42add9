import Foundation

/// A program in a detached tmux window of its own server, driven by keys and read as text, as
/// the end-to-end tests drive Rehearse.
final class TmuxWindow {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    private let tmux: String
    private let socket = "rehearse-footprint-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

    /// Runs `command` (words, quoted here for the shell) in `folder` with only `environment`,
    /// in a `width`×`height` window. The window stays open after the program ends.
    init(_ command: [String], folder: String, environment: [String: String], width: Int = 100, height: Int = 30) throws {
        guard let tmux = Self.tmux else { throw Failure(description: "tmux is not installed (make deps installs it)") }
        self.tmux = tmux
        let words = ["env", "-i"] + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + command
        let line = "cd \(Self.quote(folder)) && \(words.map(Self.quote).joined(separator: " ")); sleep 600"
        guard run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "bench", line]) != nil else {
            throw Failure(description: "tmux new-session failed")
        }
    }

    deinit {
        _ = run(["kill-server"])
    }

    func type(_ text: String) { _ = run(["send-keys", "-t", "bench", "-l", text]) }

    func press(_ key: String) { _ = run(["send-keys", "-t", "bench", key]) }

    func screen() -> String { run(["capture-pane", "-p", "-t", "bench"]) ?? "" }

    /// Polls the screen until `text` shows; false after `seconds`.
    func waitFor(_ text: String, seconds: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if screen().contains(text) { return true }
            usleep(50_000)
        } while Date() < deadline
        return false
    }

    /// The process the pane's shell runs `program` as (`env` executes it in place).
    func pid(of program: String) -> pid_t? {
        guard let shell = run(["display-message", "-p", "-t", "bench", "#{pane_pid}"]).flatMap({ pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else {
            return nil
        }
        for _ in 0..<100 {
            if let child = children(of: shell).first(where: { executable(of: $0) == program }) { return child }
            usleep(50_000)
        }
        return nil
    }

    /// tmux's output, or nil when it fails. The output goes through a file, not a pipe: the
    /// server that `new-session` starts outlives the command and would hold a pipe open.
    @discardableResult
    private func run(_ arguments: [String]) -> String? {
        let outputPath = NSTemporaryDirectory() + socket + "-output"
        defer { unlink(outputPath) }
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["SHELL"] = "/bin/sh"
        let streams: [Child.Stream] = [.file("/dev/null", flags: O_RDONLY), .file(outputPath, flags: O_WRONLY | O_CREAT | O_TRUNC),
                                       .file("/dev/null", flags: O_WRONLY)]
        guard let child = Child(tmux, ["-u", "-L", socket, "-f", "/dev/null"] + arguments, environment: environment, streams: streams),
              child.wait().status == 0 else { return nil }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
