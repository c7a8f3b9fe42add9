import TerminalUI

/// One thing `get_wch` delivered: a key code (arrows, function keys…) or a character's code.
enum RawInput: Hashable, Sendable {
    case keyCode(Int32)
    case character(UInt32)
}

/// Turns ncurses input into `Key`s. No ncurses here, so it is tested without a terminal.
struct KeyDecoder: Sendable {
    /// What each key code means, the terminal's extended ones (Ctrl-Left…) included.
    var keyCodes: [Int32: Key]

    /// Decodes `input`. `following` reads the next input without waiting: an Escape with
    /// something right behind it is Alt and that key. `unread` is input read ahead that belongs
    /// to the next key, to be pushed back so nothing typed or pasted is lost.
    func decode(_ input: RawInput, following: () -> RawInput?) -> (key: Key?, unread: RawInput?) {
        guard input == .character(0x1B) else { return (single(input), nil) }
        guard let next = following() else { return (.escape, nil) }
        switch single(next) {
        case .character("b"), .left: return (.wordLeft, nil)
        case .character("f"), .right: return (.wordRight, nil)
        case .character("d"): return (.deleteWordForward, nil)
        case .backspace: return (.deleteWordBackward, nil)
        case .character(let character): return (.alt(character), nil)
        default: return (.escape, next)
        }
    }

    /// One input on its own.
    func single(_ input: RawInput) -> Key? {
        switch input {
        case .keyCode(let code):
            return keyCodes[code]
        case .character(let value):
            if value < 0x20 || value == 0x7F { return Key.fromControlCode(value) }
            // Surrogates and values past U+10FFFF are not characters; show them as such.
            guard let scalar = Unicode.Scalar(value) else { return .character("\u{FFFD}") }
            return .character(Character(scalar))
        }
    }
}
