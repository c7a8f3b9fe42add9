import CNcurses
import TerminalUI

extension NcursesScreen {
    /// The next key, waiting at most `timeout` for one; nil when none came, when a signal is
    /// pending, or at the end of input. A sequence already begun is waited for a little longer
    /// (`escapeDelay` for a lone Esc, `sequenceDelay` for the rest of a sequence), so that a
    /// key is never cut in two; a paste is gathered across calls, and ends after `pasteSilence`
    /// with no input even if the terminal never marks its end.
    public func nextKey(timeout: Duration) -> Key? {
        guard !isStopped, !suspended else { return nil }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while SignalFlag.pending == nil {
            if SignalFlag.takeResize() {
                takeNewSize()
                redraw = .clear
                return .resize
            }
            switch decoder.next() {
            case .key(let key):
                return key
            case .skipped:
                continue
            case .empty:
                switch input.read(waiting: Self.milliseconds(deadline - clock.now), into: &decoder) {
                case .read: lastInput = clock.now
                case .interrupted: if clock.now >= deadline { return nil }
                case .timedOut, .ended: return nil
                }
            case .incomplete(let wait):
                let waitUntil: ContinuousClock.Instant = switch wait {
                case .escape: clock.now + escapeDelay
                case .sequence: clock.now + Self.sequenceDelay
                case .paste: min(deadline, lastInput + Self.pasteSilence)
                }
                switch input.read(waiting: Self.milliseconds(waitUntil - clock.now), into: &decoder) {
                case .read:
                    lastInput = clock.now
                    // A long paste still lets the caller's loop run (the clock, signals).
                    if wait == .paste, clock.now >= deadline { return nil }
                case .interrupted:
                    continue
                case .timedOut, .ended:
                    if wait == .paste, clock.now < lastInput + Self.pasteSilence { return nil }
                    switch decoder.next(final: true) {
                    case .key(let key): return key
                    default: continue
                    }
                }
            }
        }
        return nil
    }

    /// How long the rest of an escape sequence (or a character's UTF-8 bytes) is waited for once
    /// it has begun: long enough for a slow link, and only ever spent on a sequence cut short.
    static let sequenceDelay: Duration = .milliseconds(100)

    /// A paste the terminal never ends (`ESC [ 201 ~`) ends after this long with no input.
    static let pasteSilence: Duration = .seconds(1)

    /// How long a lone Esc waits for a sequence behind it: 25 ms, or `ESCDELAY` (as ncurses
    /// reads it) between 1 and 1000.
    static func escapeDelay(environment value: String?) -> Duration {
        guard let value, let milliseconds = Int(value), (1...1000).contains(milliseconds) else { return .milliseconds(25) }
        return .milliseconds(milliseconds)
    }

    /// A timeout for poll: whole milliseconds, rounded up, never negative (which would block
    /// forever).
    static func milliseconds(_ timeout: Duration) -> Int32 {
        let (seconds, attoseconds) = timeout.components
        guard seconds > 0 || (seconds == 0 && attoseconds > 0) else { return 0 }
        let whole = min(seconds, Int64(Int32.max / 1000)) * 1000
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: whole + fraction)
    }
}
