import CNcurses
import TerminalUI

extension NcursesScreen {
    /// Writes the cells that changed since the last frame into ncurses's window, then lets
    /// ncurses send the difference to the terminal.
    public func draw(_ buffer: CellBuffer) {
        guard !isStopped else { return }
        // Drawing while another program has the terminal would take it back; wait for resume.
        guard !suspended else { return }
        let window = rehearse_stdscr()
        if previous?.size != buffer.size { redraw = .clear }
        if redraw == .clear {
            // Blank what the buffer does not cover, and repaint the terminal from scratch.
            werase(window)
            clearok(window, true)
        }
        let since = redraw == .changes ? previous : nil
        redraw = .changes
        for change in buffer.changes(since: since) {
            for (offset, cell) in change.cells.enumerated() where cell.width > 0 {
                put(cell, x: change.x + offset, y: change.y)
            }
        }
        placeCursor(buffer.cursor)
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    /// One cell. ncurses lays characters out by the C library's widths; where that disagrees
    /// with the buffer's, the cell is drawn so that ncurses's grid stays the buffer's grid.
    private func put(_ cell: Cell, x: Int, y: Int) {
        let (attributes, pair) = Self.attributes(for: cell.style, color: usesColor)
        var text = Self.wideCharacters(cell.character)
        let width = Int(rehearse_wcwidth(text[0]))
        if width != Int(cell.width), width != 1 { text = [0xFFFD, 0] }
        // Writing the bottom-right cell reports ERR (the cursor cannot move past it) though
        // the cell is written: ignored, like every other result here.
        _ = rehearse_put_cell(Int32(y), Int32(x), text, attributes.rawValue, pair)
        // A character ncurses thinks narrow in a wide cell: blank its second column.
        if cell.width == 2, width != 2 {
            _ = rehearse_put_cell(Int32(y), Int32(x + 1), [0x20, 0], attributes.rawValue, pair)
        }
    }

    /// A character as the null-terminated wide string setcchar takes: its scalars, or only the
    /// first when there are more than a cell holds (long emoji sequences).
    static func wideCharacters(_ character: Character) -> [wchar_t] {
        let scalars = character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        let kept = scalars.count <= Int(CCHARW_MAX) ? scalars : Array(scalars.prefix(1))
        return kept + [0]
    }

    private func placeCursor(_ position: Position?) {
        if let position, position.x >= 0, position.y >= 0, position.x < size.width, position.y < size.height {
            setCursorVisible(true)
            wmove(rehearse_stdscr(), Int32(position.y), Int32(position.x))
        } else {
            setCursorVisible(false)
        }
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }
}
