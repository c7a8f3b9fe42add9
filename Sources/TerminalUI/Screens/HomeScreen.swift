import InterviewCore

/// Choosing a session: guides on the left, kinds and timing on the right.
enum HomeScreen {
    /// A line of the right column: kinds of question, then the session's settings and Start.
    private enum Line {
        case heading(String)
        case blank
        case kind(CategoryKind, count: Int)
        case setting(HomeState.Row, String, String)
        case start

        var isHeading: Bool {
            if case .heading = self { return true }
            return false
        }

        var row: HomeState.Row? {
            switch self {
            case .kind(let kind, _): .kind(kind)
            case .setting(let row, _, _): row
            case .start: .start
            default: nil
            }
        }
    }

    private static func lines(_ home: HomeState) -> [Line] {
        let chosen = home.banks.filter { home.chosenBanks.contains($0.name) }
        var lines: [Line] = [.heading("Kinds of question")]
        lines += CategoryKind.allCases.map { kind in .kind(kind, count: chosen.reduce(0) { $0 + ($1.kinds[kind] ?? 0) }) }
        lines += [.blank, .heading("Session")]
        lines += [
            .setting(.questions, "Questions", "◂ \(home.questions) ▸" + (home.available < home.questions ? "  (\(home.available) match)" : "")),
            .setting(.answerTime, "Answer time", "◂ " + (home.answerSeconds.map { Duration.seconds($0).clockText } ?? "by kind") + " ▸"),
            .setting(.thinkTime, "Think time", "◂ " + (home.thinkSeconds.map { Duration.seconds($0).clockText } ?? "guide or 0:15") + " ▸"),
            .setting(.followUps, "Follow-ups", "◂ \(home.followUps) ▸ per question"),
            .setting(.hardTime, "Hard time", home.hardTime ? "[x] submit at 0:00" : "[ ] overtime counts on"),
        ]
        return lines + [.blank, .start]
    }

    /// The right column from row 2 down to `bottom`, scrolled so the focused row shows (on a
    /// short terminal, Start is only reached by scrolling).
    private static func drawChoices(_ home: HomeState, x: Int, bottom: Int, in buffer: inout CellBuffer) {
        let width = buffer.size.width
        let valueX = x + 15
        let lines = lines(home)
        let rows = max(1, bottom - 2)
        let focused = lines.firstIndex { $0.row == home.focus } ?? 0
        var top = max(0, min(focused - rows + 1, lines.count - rows))
        // Scrolled, the first row keeps the heading of what shows under it ("Kinds of question").
        var shown = Array(lines.dropFirst(top).prefix(rows))
        var visible = shown.count
        if top > 0, rows > 2, let first = shown.first, !first.isHeading,
           let heading = lines[..<top].last(where: \.isHeading) {
            top += 1
            shown = [heading] + lines.dropFirst(top).prefix(rows - 1)
            visible = shown.count - 1
        }
        for (offset, line) in shown.enumerated() {
            let y = 2 + offset
            switch line {
            case .heading(let title):
                buffer.put(title, x: x, y: y, style: .heading)
            case .blank:
                break
            case .kind(let kind, let count):
                buffer.put("\(home.kinds.contains(kind) ? "[x]" : "[ ]") \(kind.displayName)", x: x, y: y)
                buffer.put("\(count)", x: width - 2 - TextWidth.of("\(count)"), y: y, style: .dim)
            case .setting(_, let label, let value):
                buffer.put(label, x: x, y: y)
                buffer.put(value, x: valueX, y: y, style: .bold, limit: width - 1)
            case .start:
                buffer.put("[ Start the interview ]", x: x, y: y, style: home.focus == .start ? Style(color: .accent, bold: true, reverse: true) : .heading)
            }
            if line.row == home.focus, line.row != .start { buffer.paint(.reverse, x: x - 1, y: y, limit: width - 1) }
        }
        // Which way the column scrolls, in its last cell.
        if lines.count > rows {
            buffer.put(scrollMarker(top: top, rows: visible, count: lines.count), x: width - 1, y: 2 + rows - 1, style: .dim)
        }
    }

    /// ▼ more below, ▲ more above, ↕ both: for a list of `count` lines showing `rows` from `top`.
    private static func scrollMarker(top: Int, rows: Int, count: Int) -> String {
        top == 0 ? "▼" : (top + rows >= count ? "▲" : "↕")
    }

    static func draw(_ state: AppState, in buffer: inout CellBuffer) {
        let home = state.home
        Chrome.header("Rehearse · mock interviews in your terminal", right: "? help", in: &buffer)
        let width = buffer.size.width
        let height = buffer.size.height
        let split = width / 2
        // Guides
        buffer.put("Guides", x: 2, y: 2, style: .heading)
        let guideRows = height - 8 - (home.practice == nil ? 0 : PracticePanel.rows)
        let focusedBank: Int? = if case .bank(let number) = home.focus { number } else { nil }
        let top = max(0, min((focusedBank ?? 0) - guideRows + 1, home.banks.count - guideRows))
        if home.banks.isEmpty {
            buffer.put("No guides found: see `rehearse banks`.", x: 2, y: 3, style: .danger, limit: split - 1)
        }
        for (row, index) in home.banks.indices.dropFirst(top).prefix(guideRows).enumerated() {
            let bank = home.banks[index]
            let box = home.chosenBanks.contains(bank.name) ? "[x]" : "[ ]"
            let count = "\(bank.questionCount)"
            let y = 3 + row
            let limit = split - TextWidth.of(count) - 3
            buffer.put("\(box) \(GuideTitle.fitted(bank.title, width: limit - 6))", x: 2, y: y, limit: limit)
            buffer.put(count, x: split - TextWidth.of(count) - 2, y: y, style: .dim)
            if focusedBank == index { buffer.paint(.reverse, x: 1, y: y, limit: split - 1) }
        }
        // A list cut by the screen says so, as the right column does.
        if home.banks.count > guideRows, guideRows > 1 {
            buffer.put(scrollMarker(top: top, rows: guideRows, count: home.banks.count), x: split - 1, y: 3 + guideRows - 1, style: .dim)
        }
        drawChoices(home, x: split + 1, bottom: height - (home.interrupted == nil ? 3 : 5), in: &buffer)
        if let interrupted = home.interrupted {
            // The key and the id first: the guide's name may not fit.
            let line = "Interrupted: session \(interrupted.id), r resumes · \(interrupted.answered) of \(interrupted.questionCount) answered · \(interrupted.when) · \(interrupted.guides)"
            let resumeY = height - 4
            buffer.put(line, x: 2, y: resumeY, style: .warning, limit: width - 1)
            if home.focus == .resume { buffer.paint(Style(color: .warning, bold: true, reverse: true), x: 1, y: resumeY, limit: width - 1) }
        }
        if home.practice != nil { PracticePanel.draw(home, y: height - 5 - PracticePanel.rows, width: split - 1, in: &buffer) }
        Chrome.status(state.status, fallback: "↑↓ move · Space ticks · ←→ change · Enter on Start begins", in: &buffer)
        Chrome.hints(.home, state, in: &buffer)
    }
}
