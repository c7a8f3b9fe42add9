import CNcurses
import TerminalUI

/// The key sequences the terminal's terminfo entry names: what ncurses itself would decode
/// for this TERM. They are matched before the escape-sequence grammar, so that a terminal
/// with sequences of its own still has its keys.
enum TerminfoKeys {
    /// Needs a running screen: the names are looked up in its terminfo entry.
    static func sequences() -> [[UInt8]: Key] {
        var names: [(String, Key)] = [
            ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right),
            ("khome", .home), ("kend", .end), ("kpp", .pageUp), ("knp", .pageDown),
            ("kdch1", .delete), ("kich1", .insert), ("kcbt", .backTab), ("kent", .enter),
            // 5 is Ctrl, 3 is Alt in xterm's naming; terminals without them simply lack the entry.
            ("kLFT5", .wordLeft), ("kRIT5", .wordRight), ("kLFT3", .wordLeft), ("kRIT3", .wordRight),
            ("kDC5", .deleteWordForward), ("kDC3", .deleteWordForward),
        ]
        names += (1...12).map { ("kf\($0)", Key.function($0)) }
        var sequences: [[UInt8]: Key] = [:]
        for (name, key) in names {
            // tigetstr gives nil for a capability the entry lacks, and -1 for a name that is not a string.
            guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { continue }
            let bytes = Array(String(cString: value).utf8)
            // Single bytes (Backspace as ^H or ^?) are read as control codes.
            guard bytes.count > 1, bytes[0] == 0x1B, sequences[bytes] == nil else { continue }
            sequences[bytes] = key
        }
        return sequences
    }
}
