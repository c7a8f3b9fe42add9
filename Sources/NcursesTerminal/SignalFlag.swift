import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The number of the last SIGINT, SIGTERM or SIGHUP received, 0 for none. An atomic, because a
/// signal handler may touch nothing but lock-free state.
let receivedSignal = Atomic<Int32>(0)

/// The handler: a plain function that captures nothing and only stores the number.
private func recordSignal(_ number: Int32) {
    receivedSignal.store(number, ordering: .relaxed)
}

/// Turns terminating signals into a flag the app's loop polls, so it can save and restore the
/// terminal itself. Installed before ncurses starts: ncurses installs its own SIGINT/SIGTERM
/// handler (which exits at once) only where the handler is still the default.
enum SignalFlag {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The signals now caught: all but those the process was started ignoring. Computed once
    /// per process, whatever the number of screens.
    static let handled: [Int32] = {
        // Touch the global first so its lazy initialisation never happens inside a handler.
        receivedSignal.store(0, ordering: .relaxed)
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

    static func take() -> Int32? {
        let number = receivedSignal.exchange(0, ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
