import CNcurses
import TerminalUI

/// The key codes ncurses reports, and the Ctrl/Alt arrows the terminal's terminfo names.
enum KeyCodes {
    /// Needs a running screen with keypad on: extended names are looked up in its terminfo.
    static func table() -> [Int32: Key] {
        var table: [Int32: Key] = [
            KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
            KEY_HOME: .home, KEY_END: .end, KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown,
            KEY_DC: .delete, KEY_BACKSPACE: .backspace, KEY_BTAB: .backTab, KEY_ENTER: .enter,
            KEY_RESIZE: .resize,
        ]
        for number in 1...24 {
            table[rehearse_key_f(Int32(number))] = .function(number)
        }
        // 5 is Ctrl, 3 is Alt in xterm's naming; terminals without them simply lack the entry.
        let extended: [(String, Key)] = [
            ("kLFT5", .wordLeft), ("kRIT5", .wordRight), ("kDC5", .deleteWordForward),
            ("kLFT3", .wordLeft), ("kRIT3", .wordRight),
        ]
        for (name, key) in extended {
            // key_defined takes the sequence, not the capability's name.
            guard let sequence = tigetstr(name), Int(bitPattern: sequence) != -1 else { continue }
            let code = key_defined(sequence)
            if code > 0 { table[code] = key }
        }
        return table
    }

    /// Terminfo names the arrows as sent in keypad ("application") mode, which ncurses turns
    /// on; terminals that ignore that request send the normal-mode forms, bound here too.
    static func bindNormalModeKeys() {
        let keys: [(String, Int32)] = [
            ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
            ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END),
        ]
        for (sequence, code) in keys where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
    }
}
