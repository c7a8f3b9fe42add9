import Foundation

/// A program started with posix_spawn: of this process it gets only the environment and the
/// descriptors it is given.
struct Child {
    /// Where one of the child's standard descriptors (0, 1, 2) comes from.
    enum Stream {
        /// A descriptor of this process.
        case descriptor(Int32)
        /// A file, opened for the child.
        case file(String, flags: Int32)
    }

    let pid: pid_t

    /// Starts `executable` with `streams` as its descriptors 0, 1 and 2, closing `closing` (this
    /// process's descriptors that the child must not hold) in it.
    init?(_ executable: String, _ arguments: [String], environment: [String: String], streams: [Stream], closing: [Int32] = []) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, stream) in zip(Int32(0)..., streams) {
            switch stream {
            case .descriptor(let descriptor): posix_spawn_file_actions_adddup2(&actions, descriptor, target)
            case .file(let path, let flags): posix_spawn_file_actions_addopen(&actions, target, path, flags, 0o600)
            }
        }
        for descriptor in closing { posix_spawn_file_actions_addclose(&actions, descriptor) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else { return nil }
        self.pid = pid
    }

    /// Waits for the child to end: its wait status, and the CPU seconds it used.
    func wait() -> (status: Int32, cpuSeconds: Double) {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1, errno == EINTR {}
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return (status, seconds(usage.ru_utime) + seconds(usage.ru_stime))
    }
}
