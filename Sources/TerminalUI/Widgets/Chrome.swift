/// The parts every screen shares: the title bar, rules, the status line and the key hints.
enum Chrome {
    /// The top row: the app and where the user is on the left, `right` on the right.
    static func header(_ left: String, right: String = "", in buffer: inout CellBuffer) {
        let width = buffer.size.width
        buffer.clear(x: 0, y: 0, width: width, height: 1, style: .reverse)
        let rightWidth = TextWidth.of(right)
        let rightStart = max(1, width - rightWidth - 1)
        buffer.put(left, x: 1, y: 0, style: Style(bold: true, reverse: true), limit: right.isEmpty ? width - 1 : rightStart - 1)
        if !right.isEmpty { buffer.put(right, x: rightStart, y: 0, style: .reverse, limit: width - 1) }
    }

    static func rule(y: Int, in buffer: inout CellBuffer, title: String? = nil, x: Int = 0, width: Int? = nil) {
        let width = width ?? buffer.size.width - x
        buffer.put(String(repeating: "─", count: max(0, width)), x: x, y: y, style: .dim, limit: x + width)
        if let title { buffer.put(" \(title) ", x: x + 2, y: y, style: .heading, limit: x + width) }
    }

    /// The bottom row: each key that does something now and the word for what it does.
    static func hints(_ context: KeyContext, _ state: AppState, in buffer: inout CellBuffer) {
        let y = buffer.size.height - 1
        let hints = KeyTable.hints(context, in: state)
        let needed = hints.map { TextWidth.of($0.key) + TextWidth.of($0.word) + 3 }
        // On a narrow row the way out stays: the hints before "quit" give way to it.
        var room = buffer.size.width - 1 - zip(hints, needed).filter { $0.0.word == "quit" }.reduce(0) { $0 + $1.1 }
        var shown: [Bool] = []
        for (hint, width) in zip(hints, needed) {
            let fits = hint.word == "quit" || (shown.allSatisfy { $0 } && width <= room)
            if fits, hint.word != "quit" { room -= width }
            shown.append(fits)
        }
        var x = 1
        for ((key, word), show) in zip(hints, shown) where show {
            x = buffer.put(key, x: x, y: y, style: .reverse)
            x = buffer.put(" " + word, x: x, y: y) + 2
        }
    }

    /// The first of `candidates` (longest first) that fits in `width`, else the last.
    static func fitting(_ candidates: [String], width: Int) -> String {
        candidates.first { TextWidth.of($0) <= width } ?? candidates.last ?? ""
    }

    /// The row above the hints: a message if there is one, else `fallback`.
    static func status(_ message: String?, fallback: String = "", in buffer: inout CellBuffer) {
        let y = buffer.size.height - 2
        if let message {
            buffer.put(message, x: 1, y: y, style: .warning, limit: buffer.size.width - 1)
        } else {
            buffer.put(fallback, x: 1, y: y, style: .dim, limit: buffer.size.width - 1)
        }
    }

    /// Lines from `scroll` on, into the rows y..<y+rows; returns the scroll actually used
    /// (clamped so the last page is full).
    @discardableResult
    static func lines(_ lines: [(String, Style)], x: Int, y: Int, width: Int, rows: Int, scroll: Int, in buffer: inout CellBuffer) -> Int {
        let top = max(0, min(scroll, lines.count - rows))
        for (offset, line) in lines.dropFirst(top).prefix(rows).enumerated() {
            buffer.put(line.0, x: x, y: y + offset, style: line.1, limit: x + width)
        }
        if lines.count > rows, rows > 1 {
            // Where the view is in the text: a thin bar in the last column.
            let marker = top == 0 ? "▼" : (top + rows >= lines.count ? "▲" : "↕")
            buffer.put(marker, x: x + width, y: y + rows - 1, style: .dim)
        }
        return top
    }

    /// A dialog box in the middle of the screen, at least `minimumWidth` wide; returns where
    /// its first line of text is, and the width the text has.
    @discardableResult
    static func box(title: String, lines: [(String, Style)], minimumWidth: Int = 0, in buffer: inout CellBuffer) -> (origin: Position, width: Int) {
        let wanted = max(minimumWidth, TextWidth.of(title) + 6, (lines.map { TextWidth.of($0.0) }.max() ?? 0) + 4)
        let width = min(buffer.size.width - 4, wanted)
        let height = min(buffer.size.height - 2, lines.count + 2)
        let x = (buffer.size.width - width) / 2
        let y = (buffer.size.height - height) / 2
        buffer.clear(x: x, y: y, width: width, height: height)
        buffer.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, style: .heading)
        buffer.put(" \(title) ", x: x + 2, y: y, style: .heading, limit: x + width - 1)
        for row in 1..<(height - 1) {
            buffer.put("│", x: x, y: y + row, style: .heading)
            buffer.put("│", x: x + width - 1, y: y + row, style: .heading)
            if lines.indices.contains(row - 1) { buffer.put(lines[row - 1].0, x: x + 2, y: y + row, style: lines[row - 1].1, limit: x + width - 2) }
        }
        buffer.put("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, style: .heading)
        return (Position(x: x + 2, y: y + 1), width - 4)
    }
}
