import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The number of the last SIGINT, SIGTERM or SIGHUP received, 0 for none. An atomic, because a
/// signal handler may touch nothing but lock-free state.
let receivedSignal = Atomic<Int32>(0)

/// Set by SIGWINCH: the terminal changed size.
let windowResized = Atomic<Bool>(false)

/// The handler: a plain function that captures nothing and only stores the number.
private func recordSignal(_ number: Int32) {
    receivedSignal.store(number, ordering: .relaxed)
}

private func recordResize(_: Int32) {
    windowResized.store(true, ordering: .relaxed)
}

/// Turns terminating signals into a flag the app's loop polls, so it can save and restore the
/// terminal itself. Installed before ncurses starts: ncurses installs its own SIGINT/SIGTERM
/// handler (which exits at once) only where the handler is still the default.
enum SignalFlag {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The signals now caught: all but those the process was started ignoring. Computed once
    /// per process, whatever the number of screens.
    static let handled: [Int32] = {
        // Touch the globals first so their lazy initialisation never happens inside a handler.
        receivedSignal.store(0, ordering: .relaxed)
        windowResized.store(false, ordering: .relaxed)
        // Rehearse reads its own input, so it takes SIGWINCH too (ncurses, finding a handler
        // in place, leaves it): the next read reports the new size.
        signal(SIGWINCH, recordResize)
        return signals.filter { number in
            let previous = signal(number, recordSignal)
            // A signal ignored on purpose (`nohup`) stays ignored.
            guard let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) else { return true }
            signal(number, SIG_IGN)
            return false
        }
    }()

    static func install() {
        _ = handled
    }

    static var pending: Int32? {
        let number = receivedSignal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Whether the terminal changed size since the last call.
    static func takeResize() -> Bool {
        windowResized.exchange(false, ordering: .relaxed)
    }

    static func take() -> Int32? {
        let number = receivedSignal.exchange(0, ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
