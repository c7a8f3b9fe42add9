import Foundation
import Testing

/// The built binary on a real terminal: tmux runs it in a detached window, `send-keys` types
/// and `capture-pane` reads the screen, as a person would see it.
///
/// Each session has a tmux server of its own (`tmux -L socket`), so tests running side by side
/// never share a window, and the server is killed when the session is released. The pane stays
/// open after the program ends and shows `EXIT=status`, then `icanon` or `-icanon` from
/// `stty -a`: whether the program gave the terminal back in its normal (canonical) mode.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// tmux on the PATH or in the usual places; nil when it is not installed.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        return folders.map { $0 + "/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    let socket: String
    let target = "rehearse"
    /// HOME of the program; its data folder (REHEARSE_HOME) is `home/data`, as with
    /// `RehearseBinary.run(home:)`, so the binary's other commands read the same sessions.
    let home: String
    /// The program's working directory.
    let folder: String
    private let tmux: String
    private var socketPath: String?
    private var lastScreen = ""

    /// Starts `rehearse arguments` in a `width`×`height` window. `environment` adds to (or
    /// overrides) HOME, REHEARSE_HOME, LANG=C.UTF-8, TERM=xterm-256color and PATH; nothing
    /// else from the test's environment reaches the program.
    init(_ arguments: [String], home: String, folder: String? = nil, environment: [String: String] = [:],
         width: Int = 100, height: Int = 30) throws {
        guard let tmux = Self.executable else {
            throw Failure(description: "tmux is not installed: the full-screen tests need it (`make deps` installs it, or `apt-get install tmux`)")
        }
        self.tmux = tmux
        self.home = home
        self.folder = folder ?? home
        socket = "rehearse-e2e-" + UUID().uuidString.prefix(13).lowercased()
        var variables = ["HOME": home, "REHEARSE_HOME": home + "/data", "LANG": "C.UTF-8", "TERM": "xterm-256color",
                         "PATH": "/usr/bin:/bin"]
        variables.merge(environment) { $1 }
        let program = ["env", "-i"] + variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            + [RehearseBinary.path] + arguments
        let command = "cd \(Self.quote(self.folder)) && \(program.map(Self.quote).joined(separator: " ")); "
            + "echo \"EXIT=$?\"; stty -a | grep -o -- '-\\?icanon'; sleep 600"
        let started = try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", target, command])
        guard started.status == 0 else {
            throw Failure(description: "tmux new-session failed (\(started.status)): \(started.output)")
        }
        socketPath = try? run(["display-message", "-p", "#{socket_path}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit {
        _ = try? run(["kill-server"])
        // tmux leaves its socket behind.
        if let socketPath, socketPath.contains(socket) { unlink(socketPath) }
    }

    // MARK: Input

    /// Types `text` literally, as if pasted or typed quickly.
    func type(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        send(["-l", text], sourceLocation: sourceLocation)
    }

    /// Sends raw bytes, exactly as given (`send-keys -H`): a terminal's escape sequences
    /// whatever TERM says, control characters, a bracketed paste.
    func send(bytes text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        send(["-H"] + text.utf8.map { String($0, radix: 16) }, sourceLocation: sourceLocation)
    }

    /// Pastes `text` as a terminal does: bracketed (`ESC [ 200 ~` … `ESC [ 201 ~`) when the
    /// program asked for that, as tmux's `paste-buffer -p` follows the program's request.
    func paste(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = NSTemporaryDirectory() + "rehearse-paste-" + UUID().uuidString
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { unlink(file) }
        for arguments in [["load-buffer", "-b", "paste", file], ["paste-buffer", "-p", "-d", "-b", "paste", "-t", target]] {
            let result = try run(arguments)
            if result.status != 0 { Issue.record("tmux \(arguments[0]) failed: \(result.output)", sourceLocation: sourceLocation) }
        }
    }

    /// Presses keys by tmux's names: `Enter`, `Tab`, `Space`, `Escape`, `F1`, `C-s`, `q`.
    func press(_ keys: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        send(keys, sourceLocation: sourceLocation)
    }

    private func send(_ keys: [String], sourceLocation: SourceLocation) {
        do {
            let result = try run(["send-keys", "-t", target] + keys)
            if result.status != 0 { Issue.record("tmux send-keys \(keys) failed: \(result.output)", sourceLocation: sourceLocation) }
        } catch {
            Issue.record(error, sourceLocation: sourceLocation)
        }
    }

    func resize(width: Int, height: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let result = try run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
            if result.status != 0 { Issue.record("tmux resize-window failed: \(result.output)", sourceLocation: sourceLocation) }
        } catch {
            Issue.record(error, sourceLocation: sourceLocation)
        }
    }

    // MARK: Reading the screen

    /// The window as text, one line per row.
    func screen() -> String {
        if let result = try? run(["capture-pane", "-p", "-t", target]), result.status == 0 { lastScreen = result.output }
        return lastScreen
    }

    /// The window with its attributes and colours as escape sequences (`capture-pane -e`).
    func styledScreen() -> String {
        (try? run(["capture-pane", "-e", "-p", "-t", target]))?.output ?? ""
    }

    /// The rows of the window.
    func rows() -> [String] {
        screen().components(separatedBy: "\n")
    }

    /// Polls the screen every 50 ms until `condition` holds; records an issue showing the last
    /// screen (and returns nil) when it does not within `timeout` seconds.
    @discardableResult
    func waitUntil(_ description: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let text = screen()
            if condition(text) { return text }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        let text = screen()
        if condition(text) { return text }
        Issue.record("\(description) did not happen within \(timeout) s; the screen:\n\(text)", sourceLocation: sourceLocation)
        return nil
    }

    /// Waits until `text` is on the screen (see `waitUntil`).
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        waitUntil("\"\(text)\" appearing", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) } != nil
    }

    /// Waits until `text` is gone from the screen.
    @discardableResult
    func waitForAbsence(of text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        waitUntil("\"\(text)\" going away", timeout: timeout, sourceLocation: sourceLocation) { !$0.contains(text) } != nil
    }

    /// Checks that `part` of the screen stays the same for `seconds`, polling every 50 ms;
    /// returns the part as it was.
    @discardableResult
    func expectSteady(_ description: String, for seconds: Double, sourceLocation: SourceLocation = #_sourceLocation,
                      _ part: (String) -> String) -> String {
        let first = part(screen())
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            let now = screen()
            if part(now) != first {
                Issue.record("\(description) changed from\n\(first)\nto\n\(part(now))\non the screen:\n\(now)", sourceLocation: sourceLocation)
                return first
            }
        }
        return first
    }

    // MARK: The end of the program

    /// Waits for the program to end; returns its exit status.
    func exitStatus(timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Int32? {
        guard let text = waitUntil("the program exiting", timeout: timeout, sourceLocation: sourceLocation, { Self.exitLine(in: $0) != nil }) else {
            return nil
        }
        return Self.exitLine(in: text)
    }

    private static func exitLine(in screen: String) -> Int32? {
        for line in screen.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("EXIT="), let status = Int32(trimmed.dropFirst(5)) { return status }
        }
        return nil
    }

    /// After the program ended: whether `stty -a` found the terminal canonical again
    /// (`icanon`, not `-icanon`); nil if the check did not show.
    func terminalRestored(timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool? {
        func mode(_ screen: String) -> String? {
            screen.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0 == "icanon" || $0 == "-icanon" }
        }
        guard let text = waitUntil("stty's report after the exit", timeout: timeout, sourceLocation: sourceLocation, { mode($0) != nil }) else {
            return nil
        }
        return mode(text) == "icanon"
    }

    /// The running program's process id: the pane's shell runs it as its child (`env` executes
    /// it in place).
    func programPID(timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> pid_t? {
        guard let pane = try? run(["display-message", "-p", "-t", target, "#{pane_pid}"]),
              let shell = Int32(pane.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            Issue.record("tmux did not tell the pane's process", sourceLocation: sourceLocation)
            return nil
        }
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            for child in children.split(separator: " ").compactMap({ Int32($0) }) {
                let commandLine = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(child)/cmdline"))) ?? Data()
                let program = commandLine.split(separator: 0).first.map { String(decoding: $0, as: UTF8.self) }
                if program == RehearseBinary.path { return child }
            }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        Issue.record("no rehearse process under the pane's shell \(shell)", sourceLocation: sourceLocation)
        return nil
    }

    // MARK: Running tmux

    /// Runs tmux and waits for it. Not through Foundation's `Process`: a process started from
    /// a test's thread inherits that thread's blocked signals, and a tmux server that blocks
    /// SIGTERM never ends on `kill-server` (it signals itself). Here the child starts with no
    /// signal blocked or ignored, none of the test's open files, and its output in a file, as
    /// the server it may start outlives it.
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let outputPath = NSTemporaryDirectory() + "rehearse-tmux-" + UUID().uuidString
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        Self.closeFrom?(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var every = sigset_t()
        sigfillset(&every)
        sigdelset(&every, SIGKILL)
        sigdelset(&every, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &every)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["SHELL"] = "/bin/sh"
        let argv: [UnsafeMutablePointer<CChar>?] = ([tmux, "-u", "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, tmux, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw Failure(description: "cannot run \(tmux): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED and WEXITSTATUS by hand: the macros do not reach Swift.
        return (status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), looked up at run
    /// time as the headers show it only to GNU sources.
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
