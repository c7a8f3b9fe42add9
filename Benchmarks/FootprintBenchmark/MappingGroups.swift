import Foundation

/// Where a process's resident memory lies, from `/proc/PID/smaps`, in KiB per group of
/// mappings: the program's own file, the Swift runtime and Foundation, other shared
/// libraries, the heap, and other anonymous memory (thread stacks, libraries' relocated data
/// that was written to, mmap'd blocks).
struct MappingGroups {
    struct Amount {
        var resident = 0
        /// Resident and written to by this process (heap, relocations): memory that is its
        /// alone whatever else runs.
        var dirty = 0
    }

    private(set) var groups: [(name: String, amount: Amount)] = []

    init?(pid: pid_t, program: String) {
        guard let smaps = procFile("/proc/\(pid)/smaps") else { return nil }
        var amounts: [String: Amount] = [:]
        var order: [String] = []
        var current = ""
        for line in smaps.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let first = words.first else { continue }
            if first.contains("-"), first.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
                current = Self.group(path: words.count >= 6 ? words[5...].joined(separator: " ") : "", program: program)
                if amounts[current] == nil {
                    order.append(current)
                    amounts[current] = Amount()
                }
            } else if first == "Rss:", words.count >= 2, let value = Int(words[1]) {
                amounts[current]?.resident += value
            } else if first == "Private_Dirty:" || first == "Shared_Dirty:", words.count >= 2, let value = Int(words[1]) {
                amounts[current]?.dirty += value
            }
        }
        groups = order.map { ($0, amounts[$0]!) }.sorted { $0.amount.resident > $1.amount.resident }
    }

    private static func group(path: String, program: String) -> String {
        if path == program { return "the program (rehearse)" }
        if path == "[heap]" { return "heap" }
        if path.contains("/lib/swift/") { return "Swift runtime and Foundation libraries" }
        if path.contains(".so") { return "other shared libraries (libc, libstdc++, sqlite, ncurses, cmark, zlib)" }
        if path.isEmpty || path.hasPrefix("[anon") || path == "[stack]" { return "other anonymous memory (stacks, mmap'd blocks)" }
        return "other files (locale data, the store's shared memory)"
    }
}
