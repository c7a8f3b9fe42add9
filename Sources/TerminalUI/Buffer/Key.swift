/// A key press as the app sees it, whatever the terminal sent.
public enum Key: Hashable, Sendable {
    /// A printable character (pasted text arrives as many of these at once).
    case character(Character)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right, home, end, pageUp, pageDown, insert
    /// Ctrl-Left / Ctrl-Right, or Alt-b / Alt-f.
    case wordLeft, wordRight
    /// Ctrl-Backspace, Alt-Backspace or Ctrl-W.
    case deleteWordBackward
    /// Ctrl-Delete or Alt-d.
    case deleteWordForward
    /// Ctrl and a letter, lower case: `.control("s")` is Ctrl-S.
    case control(Character)
    /// Alt (or Escape) and a character.
    case alt(Character)
    case function(Int)
    /// The terminal changed size.
    case resize
    /// Text pasted while the terminal marked the paste (bracketed paste): one edit, whose
    /// control characters are text, never keys.
    case paste(String)

    /// The byte a terminal sends for Ctrl and a letter, as a key; nil for other bytes.
    /// Tab, Enter and Backspace have control codes of their own and are keys of their own.
    public static func fromControlCode(_ code: UInt32) -> Key? {
        switch code {
        case 0x09: .tab
        case 0x0A, 0x0D: .enter
        case 0x08, 0x7F: .backspace
        case 0x17: .deleteWordBackward
        case 0x1B: .escape
        case 0x01...0x1A: .control(Character(Unicode.Scalar(code + 0x60)!))
        default: nil
        }
    }

    /// How the key-hint bar names the key, where room is short.
    public var shortLabel: String {
        self == .backTab ? "⇧Tab" : label
    }

    /// How the help screen and the key-hint bar name the key.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .escape: "Esc"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .insert: "Insert"
        case .wordLeft: "Ctrl-←"
        case .wordRight: "Ctrl-→"
        case .deleteWordBackward: "Ctrl-W"
        case .deleteWordForward: "Alt-D"
        case .control(let letter): "^" + String(letter).uppercased()
        case .alt(let character): "Alt-" + String(character)
        case .function(let number): "F\(number)"
        case .resize: "resize"
        case .paste: "paste"
        }
    }
}

/// What the app asks of a terminal; the ncurses backend is the real one.
public protocol Terminal {
    var size: Size { get }
    /// The next key, waiting at most `timeout`; nil when none came in time.
    mutating func nextKey(timeout: Duration) -> Key?
    /// Shows `buffer`, sending only what changed since the last frame.
    mutating func draw(_ buffer: CellBuffer)
    /// Gives the terminal back (for `$EDITOR`), and takes it again.
    mutating func suspend()
    mutating func resume()
    /// The terminal's bell (or its flash, where it has no sound).
    mutating func bell()
}
