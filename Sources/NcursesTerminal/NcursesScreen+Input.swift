import CNcurses
import TerminalUI

extension NcursesScreen {
    /// The next key, waiting at most `timeout`; nil when none came, when a signal is pending,
    /// or for a key code that means nothing here.
    public func nextKey(timeout: Duration) -> Key? {
        guard !isStopped, !suspended, SignalFlag.pending == nil else { return nil }
        guard let input = read(waiting: Self.milliseconds(timeout)) else { return nil }
        let (key, unread) = decoder.decode(input) { read(waiting: 0) }
        if let unread { pushBack(unread) }
        if key == .resize {
            // ncurses has already resized its windows to the terminal's new size.
            size = Self.currentSize()
            redraw = .clear
        }
        return key
    }

    /// One input from ncurses, waiting up to `milliseconds` (0: only what is already there).
    private func read(waiting milliseconds: Int32) -> RawInput? {
        let window = rehearse_stdscr()
        wtimeout(window, milliseconds)
        var value: wint_t = 0
        switch wget_wch(window, &value) {
        case KEY_CODE_YES: return .keyCode(Int32(bitPattern: value))
        case OK: return .character(value)
        default: return nil  // timed out, interrupted by a signal, or end of input
        }
    }

    /// Returns read-ahead input to ncurses's queue, to be read again by the next call.
    private func pushBack(_ input: RawInput) {
        switch input {
        case .keyCode(let code): ungetch(code)
        case .character(let value): unget_wch(wchar_t(bitPattern: value))
        }
    }

    /// A timeout for wtimeout: whole milliseconds, rounded up, never negative (which would
    /// block forever).
    static func milliseconds(_ timeout: Duration) -> Int32 {
        let (seconds, attoseconds) = timeout.components
        guard seconds > 0 || (seconds == 0 && attoseconds > 0) else { return 0 }
        let whole = min(seconds, Int64(Int32.max / 1000)) * 1000
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: whole + fraction)
    }
}
