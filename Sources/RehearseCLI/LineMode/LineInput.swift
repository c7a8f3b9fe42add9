import Glibc

/// Set by the SIGINT handler; the handler does nothing else, as a signal handler must.
nonisolated(unsafe) private var interruptRequested: sig_atomic_t = 0

private func requestInterrupt(_ signal: Int32) {
    interruptRequested = 1
}

/// Lines from standard input, waited for with a timeout so the interview clock can run
/// between them. Line mode needs no terminal: this works on a pipe, a file or a tty.
final class LineInput {
    enum Result: Equatable {
        case line(String)
        case timedOut
        case end
        /// Ctrl-C.
        case interrupted
    }

    /// From now on Ctrl-C ends the wait for input with `.interrupted` instead of killing the
    /// process, so that the session can end as `:quit` would.
    static func catchInterrupts() {
        signal(SIGINT, requestInterrupt)
        // A blocked signal stays blocked across exec: unblock it in case our parent had.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var atEnd = false

    init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    /// The next line (without its line break), waiting at most `timeout`; nil waits for ever.
    func next(timeout: Duration?) -> Result {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        while true {
            if interruptRequested != 0 {
                interruptRequested = 0
                return .interrupted
            }
            if let line = takeLine() { return .line(line) }
            if atEnd {
                guard !buffer.isEmpty else { return .end }
                // A last line with no line break still counts.
                let last = decode(buffer[...])
                buffer.removeAll()
                return .line(last)
            }
            var milliseconds: Int32 = -1
            if let deadline {
                let left = deadline - clock.now
                if left <= .zero { return .timedOut }
                milliseconds = Int32(clamping: (left.components.seconds * 1000) + (left.components.attoseconds / 1_000_000_000_000_000) + 1)
            }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            if ready == 0 { continue } // loop: the deadline check above decides
            fill()
        }
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = read(descriptor, &chunk, chunk.count)
        if count > 0 {
            buffer += chunk[..<count]
        } else if count == 0 || errno != EINTR && errno != EAGAIN {
            atEnd = true
        }
    }

    private func takeLine() -> String? {
        guard let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        var line = buffer[..<newline]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        let text = decode(line)
        buffer.removeSubrange(...newline)
        return text
    }

    private func decode(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
