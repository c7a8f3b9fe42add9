import Glibc

/// The signal that asked the interview to stop (SIGINT, SIGTERM, SIGHUP); the handler does
/// nothing else, as a signal handler must.
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0

private func requestStop(_ signal: Int32) {
    stopRequested = signal
}

/// Lines from standard input, waited for with a timeout so the interview clock can run
/// between them. Line mode needs no terminal: this works on a pipe, a file or a tty.
final class LineInput {
    enum Result: Equatable {
        case line(String)
        case timedOut
        case end
        /// Ctrl-C, SIGTERM or SIGHUP: the signal's number.
        case interrupted(signal: Int32)
    }

    /// The signals that stop a session and leave it resumable.
    static let stoppingSignals = [SIGINT, SIGTERM, SIGHUP]

    /// From now on Ctrl-C, SIGTERM and SIGHUP end the wait for input with `.interrupted`
    /// instead of killing the process, so that the session is saved and can be resumed. A
    /// closed output (`| head -1`) fails the write instead of killing the process, so that an
    /// empty session is still removed; the interview then stops as for SIGPIPE.
    static func catchStopSignals() {
        signal(SIGPIPE, SIG_IGN)
        var set = sigset_t()
        sigemptyset(&set)
        for stop in stoppingSignals {
            signal(stop, requestStop)
            sigaddset(&set, stop)
        }
        // A blocked signal stays blocked across exec: unblock them in case our parent had.
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    private let descriptor: Int32
    /// Bytes read and not yet returned start at `start`: taking a line moves the start rather
    /// than shifting the rest, so a long paste is read in linear time.
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private static let chunkSize = 1 << 16

    init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    /// Whether a whole line is already waiting: a caller can gather a paste's lines before
    /// acting on them.
    var hasWaitingLine: Bool {
        buffer[start...].contains(UInt8(ascii: "\n"))
    }

    /// The next line (without its line break), waiting at most `timeout`; nil waits for ever.
    /// Lines already received when a stop signal comes are returned first: nothing typed
    /// before the signal is lost.
    func next(timeout: Duration?) -> Result {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        while true {
            if let line = takeLine() { return .line(line) }
            if stopRequested != 0 {
                // What the terminal or pipe already holds counts as typed before the signal.
                if !atEnd, poll(descriptor, waiting: 0) { fill() ; if let line = takeLine() { return .line(line) } }
                let signal = Int32(stopRequested)
                stopRequested = 0
                return .interrupted(signal: signal)
            }
            if atEnd {
                guard start < buffer.count else { return .end }
                // A last line with no line break still counts.
                let last = String(decoding: buffer[start...], as: UTF8.self)
                buffer.removeAll()
                start = 0
                return .line(last)
            }
            var milliseconds: Int32 = -1
            if let deadline {
                let left = deadline - clock.now
                if left <= .zero { return .timedOut }
                milliseconds = Int32(clamping: (left.components.seconds * 1000) + (left.components.attoseconds / 1_000_000_000_000_000) + 1)
            }
            if poll(descriptor, waiting: milliseconds) { fill() }
        }
    }

    /// Whether input is ready within `milliseconds` (-1: wait for it); false on a timeout or
    /// a signal, which the caller's loop then looks at.
    private func poll(_ descriptor: Int32, waiting milliseconds: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return Glibc.poll(&request, 1, milliseconds) > 0
    }

    private func fill() {
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        let count = buffer.withUnsafeMutableBufferPointer { read(descriptor, $0.baseAddress! + old, Self.chunkSize) }
        buffer.removeLast(Self.chunkSize - max(count, 0))
        if count == 0 || (count < 0 && errno != EINTR && errno != EAGAIN) {
            atEnd = true
        }
    }

    private func takeLine() -> String? {
        guard let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) else {
            // Only the unread part is kept: the bytes before it are done with.
            if start > 0, start >= Self.chunkSize {
                buffer.removeFirst(start)
                start = 0
            }
            return nil
        }
        var line = buffer[start..<newline]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        start = newline + 1
        return String(decoding: line, as: UTF8.self)
    }
}
