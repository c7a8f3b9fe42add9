#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal's input, read in blocks straight from its file descriptor. ncurses reads one
/// byte per system call, which makes a megabyte paste cost a million of them; here it is a few
/// hundred reads.
struct TerminalInput {
    let descriptor: Int32
    private var block = [UInt8](repeating: 0, count: 65_536)

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    enum Outcome: Equatable {
        /// Bytes were added to the decoder.
        case read
        case timedOut
        /// A signal came first (SIGWINCH, SIGINT…).
        case interrupted
        /// End of input: the terminal is gone (or the input was a file).
        case ended
    }

    /// Waits up to `milliseconds` (0: only what is there) for input, and hands what came to
    /// `decoder`.
    mutating func read(waiting milliseconds: Int32, into decoder: inout InputDecoder) -> Outcome {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&request, 1, max(0, milliseconds))
        if ready == 0 { return .timedOut }
        if ready < 0 { return errno == EINTR ? .interrupted : .ended }
        let count = block.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            decoder.append(block[0..<count])
            return .read
        }
        if count < 0, errno == EINTR || errno == EAGAIN { return .interrupted }
        return .ended
    }
}

/// read(2), under a name the method above does not hide.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
