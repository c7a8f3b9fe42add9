import Foundation

// glibc's pseudo-terminal calls, which the Glibc module hides behind _XOPEN_SOURCE.
@_silgen_name("posix_openpt") private func posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantpt(_ descriptor: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockpt(_ descriptor: Int32) -> Int32
@_silgen_name("ptsname") private func ptsname(_ descriptor: Int32) -> UnsafeMutablePointer<CChar>?

/// How long a program took to show its first frame.
struct FirstFrame {
    /// Seconds from starting the program to the last byte of its first frame.
    var wall: Double
    /// Seconds of CPU the program used (user and system), almost all of it before the frame: it
    /// waits for a key afterwards. Steadier than `wall` on a machine that other work shares.
    var cpu: Double
}

/// Starts a program on a fresh pseudo-terminal of `width`×`height` and times it to the last
/// byte of the first burst of output that holds `marker`: the whole process, from exec and the
/// dynamic linker to its first frame on the terminal. Nil if the marker never comes.
///
/// A burst ends when the terminal has been quiet for `quiet` seconds; the program is then
/// stopped with SIGTERM.
func firstFrame(_ executable: String, _ arguments: [String], environment: [String: String], marker: String,
                width: UInt16 = 100, height: UInt16 = 30, quiet: Double = 0.15) -> FirstFrame? {
    let master = posix_openpt(O_RDWR | O_NOCTTY)
    guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else { return nil }
    defer { close(master) }
    var size = winsize(ws_row: height, ws_col: width, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    let terminal = open(name, O_RDWR | O_NOCTTY)
    guard terminal >= 0 else { return nil }

    let start = monotonicSeconds()
    let child = Child(executable, arguments, environment: environment,
                      streams: [.descriptor(terminal), .descriptor(terminal), .descriptor(terminal)], closing: [terminal, master])
    close(terminal)
    guard let child else { return nil }
    let wall = waitForFrame(on: master, marker: marker, start: start, quiet: quiet)
    kill(child.pid, SIGTERM)
    let cpu = child.wait().cpuSeconds
    return wall.map { FirstFrame(wall: $0, cpu: cpu) }
}

/// Seconds from `start` to the last byte of the first burst that holds `marker`.
private func waitForFrame(on master: Int32, marker: String, start: Double, quiet: Double) -> Double? {
    let wanted = Array(marker.utf8)
    var received: [UInt8] = []
    var lastByte = start
    var seen = false
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let waitMilliseconds = seen ? Int32(quiet * 1000) : Int32(max(0, 15 - (monotonicSeconds() - start)) * 1000)
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, waitMilliseconds)
        if ready < 0, errno == EINTR { continue }
        if ready <= 0 { return seen ? lastByte - start : nil }
        let got = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if got <= 0 { return seen ? lastByte - start : nil }
        lastByte = monotonicSeconds()
        if !seen {
            received += chunk[0..<got]
            seen = received.firstRange(of: wanted) != nil
        }
    }
}

func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
