import InterviewCore

/// Choosing a session: guides on the left, kinds and timing on the right.
enum HomeScreen {
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
            buffer.put("\(box) \(bank.title)", x: 2, y: y, limit: split - TextWidth.of(count) - 3)
            buffer.put(count, x: split - TextWidth.of(count) - 2, y: y, style: .dim)
            if focusedBank == index { buffer.paint(.reverse, x: 1, y: y, limit: split - 1) }
        }
        // Kinds and timing
        let x = split + 1
        let valueX = x + 15
        buffer.put("Kinds of question", x: x, y: 2, style: .heading)
        let chosen = home.banks.filter { home.chosenBanks.contains($0.name) }
        var y = 3
        for kind in CategoryKind.allCases {
            let box = home.kinds.contains(kind) ? "[x]" : "[ ]"
            let count = chosen.reduce(0) { $0 + ($1.kinds[kind] ?? 0) }
            buffer.put("\(box) \(kind.displayName)", x: x, y: y)
            buffer.put("\(count)", x: width - 2 - TextWidth.of("\(count)"), y: y, style: .dim)
            if home.focus == .kind(kind) { buffer.paint(.reverse, x: x - 1, y: y, limit: width - 1) }
            y += 1
        }
        y += 1
        buffer.put("Session", x: x, y: y, style: .heading)
        y += 1
        let settings: [(HomeState.Row, String, String)] = [
            (.questions, "Questions", "◂ \(home.questions) ▸" + (home.available < home.questions ? "  (\(home.available) match)" : "")),
            (.answerTime, "Answer time", "◂ " + (home.answerSeconds.map { Duration.seconds($0).clockText } ?? "by kind") + " ▸"),
            (.thinkTime, "Think time", "◂ " + (home.thinkSeconds.map { Duration.seconds($0).clockText } ?? "guide or 0:15") + " ▸"),
            (.followUps, "Follow-ups", "◂ \(home.followUps) ▸ per question"),
            (.hardTime, "Hard time", home.hardTime ? "[x] submit at 0:00" : "[ ] overtime counts on"),
        ]
        for (row, label, value) in settings {
            buffer.put(label, x: x, y: y)
            buffer.put(value, x: valueX, y: y, style: .bold, limit: width - 1)
            if home.focus == row { buffer.paint(.reverse, x: x - 1, y: y, limit: width - 1) }
            y += 1
        }
        y += 1
        buffer.put("[ Start the interview ]", x: x, y: y, style: home.focus == .start ? Style(color: .accent, bold: true, reverse: true) : .heading)
        if let interrupted = home.interrupted {
            // The key and the id first: the guide's name may not fit.
            let line = "Interrupted: session \(interrupted.id), r resumes · \(interrupted.answered) of \(interrupted.questionCount) answered · \(interrupted.when) · \(interrupted.guides)"
            let resumeY = height - 4
            buffer.put(line, x: 2, y: resumeY, style: .warning, limit: width - 1)
            if home.focus == .resume { buffer.paint(Style(color: .warning, bold: true, reverse: true), x: 1, y: resumeY, limit: width - 1) }
        }
        if home.practice != nil { PracticePanel.draw(home, y: height - 5 - PracticePanel.rows, width: split - 1, in: &buffer) }
        Chrome.status(state.status, fallback: "↑↓ move · Space ticks · ←→ change · Enter on Start begins", in: &buffer)
        Chrome.hints(.home, in: &buffer)
    }
}
