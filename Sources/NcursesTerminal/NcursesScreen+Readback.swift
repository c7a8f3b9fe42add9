import CNcurses
import TerminalUI

extension NcursesScreen {
    /// What ncurses holds for a cell (not what the terminal shows): lets tests check a frame
    /// landed where it should without a terminal to look at.
    func heldCell(x: Int, y: Int) -> (text: String, attributes: TextAttributes, pair: Int16)? {
        var cell = cchar_t()
        guard mvwin_wch(rehearse_stdscr(), Int32(y), Int32(x), &cell) == OK else { return nil }
        var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&cell, &characters, &attributes, &pair, nil) == OK else { return nil }
        let text = String(String.UnicodeScalarView(characters.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        let known: TextAttributes = [.bold, .dim, .reverse, .underline]
        return (text, TextAttributes(rawValue: attributes).intersection(known), pair)
    }
}

extension NcursesScreen {
    /// Where ncurses's window cursor is (where the terminal's shows, when visible).
    var heldCursor: Position {
        let window = rehearse_stdscr()
        return Position(x: Int(getcurx(window)), y: Int(getcury(window)))
    }
}
