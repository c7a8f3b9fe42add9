// Keystroke benchmark for the full-screen interface (run with `make bench`):
// 1. The full cost of one typed character on the question screen (the event, the state update,
//    handing any save to a background writer on a real store, rendering into the buffer, and
//    the diff against the last frame) with 0, 500 and 5,000 words already written, at 80x24
//    and 200x60: its median, 99th percentile and maximum.
// 2. The bytes the real program sends to its terminal for one typed character, read through
//    a pseudo-terminal.
// 3. A 1 MB bracketed paste into the real program through a pseudo-terminal: the CPU time it
//    costs the program, and the time until the screen shows it landed.
import Foundation
import GuideParser
import InterviewCore
import TerminalUI
import TranscriptStore

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let bankPath = repository.appendingPathComponent("QuestionBanks/edge-ai-engineer.md").path

// MARK: 1. In process: KeystrokeCost.swift

// MARK: 2. Through a pseudo-terminal

// glibc's pseudo-terminal calls, which the Glibc module hides behind _XOPEN_SOURCE.
@_silgen_name("posix_openpt") func posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") func grantpt(_ descriptor: Int32) -> Int32
@_silgen_name("unlockpt") func unlockpt(_ descriptor: Int32) -> Int32
@_silgen_name("ptsname") func ptsname(_ descriptor: Int32) -> UnsafeMutablePointer<CChar>?

/// The real binary on a pseudo-terminal: everything it writes is read back and counted.
final class PseudoTerminal {
    let master: Int32
    let process = Process()
    private(set) var received = [UInt8]()

    init(executable: String, arguments: [String], environment: [String: String]) throws {
        master = posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            throw NSError(domain: "pty", code: Int(errno))
        }
        let slave = FileHandle(forUpdatingAtPath: String(cString: name))!
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    /// Reads for `seconds`; returns the bytes that arrived.
    @discardableResult
    func read(for seconds: Double) -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        var count = 0
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            if got > 0 {
                received += chunk[0..<got]
                count += got
            } else {
                usleep(2_000)
            }
        }
        return count
    }

    func waitFor(_ text: String, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            read(for: 0.05)
            if String(decoding: received, as: UTF8.self).contains(text) { return true }
        }
        return false
    }

    func send(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
    }

    /// Writes all of `bytes`, reading what the program writes meanwhile so neither side stalls.
    func sendAll(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if count > 0 { sent += count } else { read(for: 0.001) }
        }
    }

    /// User and system CPU time the program has used so far, from /proc.
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return .nan }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name: state is field 3, utime 14 and stime 15 (in clock ticks).
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return .nan }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

let releaseBinary = repository.appendingPathComponent(".build/release/rehearse").path

/// The release binary on a 200x60 pseudo-terminal, at its first question's editor; nil (said
/// why) when it cannot get there. `home` is its data folder.
func programAtTheFirstQuestion(home: String, measure: String) throws -> PseudoTerminal? {
    guard FileManager.default.isExecutableFile(atPath: releaseBinary) else {
        print("\(measure): build the release binary first (make bench does).")
        return nil
    }
    let terminal = try PseudoTerminal(
        executable: releaseBinary,
        arguments: ["practice", "--bank", bankPath, "--questions", "1", "--category", "technical", "--think-time", "0", "--answer-time", "600", "--seed", "1"],
        environment: ["HOME": home, "REHEARSE_HOME": home, "TERM": "xterm-256color", "LANG": "C.UTF-8", "LINES": "60", "COLUMNS": "200"])
    for (text, screen, key) in [("Start the interview", "home screen", "\r"), ("Briefing", "briefing", "\r"), ("Your answer", "question", "")] {
        guard terminal.waitFor(text) else {
            print("\(measure): the \(screen) did not appear")
            terminal.stop()
            return nil
        }
        if !key.isEmpty { terminal.send(key) }
    }
    terminal.read(for: 0.5)
    return terminal
}

func temporaryHome() throws -> String {
    let home = NSTemporaryDirectory() + "rehearse-bench-\(getpid())-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    return home
}

func bytesPerCharacter() throws {
    let home = try temporaryHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    guard let terminal = try programAtTheFirstQuestion(home: home, measure: "Bytes per typed character") else { return }
    defer { terminal.stop() }
    var perCharacter: [Double] = []
    for character in "Quantize with calibration data" {
        terminal.send(String(character))
        perCharacter.append(Double(terminal.read(for: 0.12)))
    }
    print("Bytes sent to a 200x60 terminal per typed character, \(perCharacter.count) characters 0.12 s apart:")
    print(String(format: "  median %.0f bytes, 90th percentile %.0f (windows where the clock also ticked cost more), %d bytes in all since start-up (home, briefing, question)",
                 median(perCharacter), percentile(perCharacter, 0.9), terminal.received.count))
}

// MARK: 3. A megabyte paste

func megabytePaste() throws {
    let body = Array(String(repeating: "The model is quantized with calibration data.\n", count: 22_310).utf8) // 1,048,570 bytes
    let paste = Array("\u{1B}[200~".utf8) + body + Array("\u{1B}[201~".utf8)
    var cpu: [Double] = []
    var wall: [Double] = []
    for _ in 0..<5 {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        guard let terminal = try programAtTheFirstQuestion(home: home, measure: "A 1 MB paste") else { return }
        defer { terminal.stop() }
        let cpuBefore = terminal.cpuSeconds
        let start = Date()
        terminal.sendAll(paste)
        guard terminal.waitFor("The paste was cut", seconds: 30) else { return print("A 1 MB paste: the notice never showed") }
        wall.append(Date().timeIntervalSince(start))
        cpu.append(terminal.cpuSeconds - cpuBefore)
    }
    // The reference: the same bytes through the same kind of pseudo-terminal to a program that
    // only reads them (cat in raw mode), which is what the transport alone costs.
    var transport: [Double] = []
    for _ in 0..<5 {
        let reader = try PseudoTerminal(executable: "/bin/sh", arguments: ["-c", "stty raw -echo; echo ready; exec cat > /dev/null"],
                                        environment: ["PATH": "/usr/bin:/bin"])
        defer { reader.stop() }
        guard reader.waitFor("ready") else { return print("A 1 MB paste: the reference reader did not start") }
        let start = Date()
        reader.sendAll(paste)
        transport.append(Date().timeIntervalSince(start))
    }
    print("A 1 MB bracketed paste into the question's editor (cut at 50,000 characters), 5 fresh processes:")
    print(String(format: "  CPU time of the program: median %.2f s (min %.2f, max %.2f); until the notice shows: median %.2f s (min %.2f, max %.2f)",
                 median(cpu), cpu.min()!, cpu.max()!, median(wall), wall.min()!, wall.max()!))
    print(String(format: "  reference, the same bytes into `cat` on a pseudo-terminal: median %.2f s (min %.2f, max %.2f)",
                 median(transport), transport.min()!, transport.max()!))
}

try keystrokeCosts(bankPath: bankPath)
try bytesPerCharacter()
try megabytePaste()
