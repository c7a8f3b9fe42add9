import Foundation

/// A process's memory as Linux accounts it, in KiB: `/proc/PID/status` and
/// `/proc/PID/smaps_rollup`.
struct ProcessMemory {
    /// The peak resident set (VmHWM) and the resident set now (VmRSS).
    var peak = 0
    var resident = 0
    /// Resident pages of anonymous memory (heap, stacks, relocated data) and of mapped files
    /// (code and read-only data of the program and its libraries).
    var anonymous = 0
    var file = 0
    /// Resident pages mapped by this process alone, and its proportional share of all of them.
    var unshared = 0
    var proportional = 0

    init?(pid: pid_t) {
        guard let status = procFile("/proc/\(pid)/status"), let rollup = procFile("/proc/\(pid)/smaps_rollup") else { return nil }
        let fields = Self.fields(status + "\n" + rollup)
        peak = fields["VmHWM"] ?? 0
        resident = fields["VmRSS"] ?? 0
        anonymous = fields["RssAnon"] ?? 0
        file = fields["RssFile"] ?? 0
        unshared = (fields["Private_Clean"] ?? 0) + (fields["Private_Dirty"] ?? 0)
        proportional = fields["Pss"] ?? 0
    }

    /// `Name:   123 kB` lines; the first of each name wins.
    private static func fields(_ text: String) -> [String: Int] {
        var fields: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            guard parts.count >= 2, parts.last == "kB", let value = Int(parts[1]) else { continue }
            if fields[String(parts[0])] == nil { fields[String(parts[0])] = value }
        }
        return fields
    }
}

/// A file under /proc, read to its end. (Its size shows as 0, and Foundation's readers
/// stopped after the first page of `smaps`.)
func procFile(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if got < 0, errno == EINTR { continue }
        guard got >= 0 else { return nil }
        if got == 0 { return String(decoding: bytes, as: UTF8.self) }
        bytes += chunk[0..<got]
    }
}

/// The children of a process, from `/proc/PID/task/PID/children`.
func children(of pid: pid_t) -> [pid_t] {
    let text = procFile("/proc/\(pid)/task/\(pid)/children") ?? ""
    return text.split(separator: " ").compactMap { pid_t($0) }
}

/// The program a process runs, from `/proc/PID/exe`.
func executable(of pid: pid_t) -> String? {
    try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
}
