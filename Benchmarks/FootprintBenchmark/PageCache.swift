import Foundation

/// How much of a program's files the page cache holds when it starts. Its file-backed resident
/// memory depends on it: around each page the program touches, the kernel also maps the pages
/// already cached nearby (64 KB of them, or a whole large folio), so the same binary shows more
/// resident code when more of its file is cached.
enum PageCacheState: CaseIterable {
    /// The program's files dropped from the cache before each run: as the first run after a
    /// reboot, and as the runs after it when nothing else reads the binary.
    case cold
    /// Dropped, then read whole, as right after the binary is copied or installed.
    case wholeFilesRead

    var description: String {
        switch self {
        case .cold: "its files dropped from the page cache before each run"
        case .wholeFilesRead: "its files read whole into the page cache before each run, as after installing it"
        }
    }

    func prepare(_ files: [String]) {
        for file in files {
            let descriptor = open(file, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            // Pages that another process maps stay: only this program's own pages go.
            _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
            guard self == .wholeFilesRead else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while chunk.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        }
    }
}

/// The files a program maps when it runs (itself and its shared libraries), from a run in a
/// tmux window that lasts until `marker` shows.
func filesMapped(by command: [String], marker: String) -> [String] {
    withScratchHome { home, environment in
        guard let program = command.first, let window = try? TmuxWindow(command, folder: home, environment: environment),
              window.waitFor(marker), let pid = window.pid(of: program), let maps = procFile("/proc/\(pid)/maps") else { return [] }
        var files: [String] = []
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            if !path.hasPrefix(home), !files.contains(path) { files.append(path) }
        }
        return files
    }
}
