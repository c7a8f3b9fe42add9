import InterviewCore

/// Past sessions, newest first, as filtered by guide, kind and a search of the answers.
enum HistoryScreen {
    static func draw(_ state: AppState, in buffer: inout CellBuffer) {
        let history = state.history
        let shown = history.shown
        let count = history.isFiltered ? "\(shown.count) of \(Wording.plural(history.sessions.count, "session"))"
            : Wording.plural(history.sessions.count, "session")
        Chrome.header("Rehearse · History", right: count, in: &buffer)
        let width = buffer.size.width
        var top = 2
        if history.isFiltered {
            var filters: [String] = []
            if let guide = history.guide { filters.append("guide: \(GuideTitle.short(guide))") }
            if let kind = history.kind { filters.append("kind: \(kind.displayName)") }
            if let search = history.search { filters.append("answers holding \u{201C}\(search.text)\u{201D}") }
            buffer.put("Showing " + filters.joined(separator: " · ") + " (Esc shows all)", x: 2, y: top, style: .warning, limit: width - 1)
            top += 1
        }
        if history.sessions.isEmpty {
            buffer.put("No sessions yet: start one from the home screen.", x: 2, y: top, style: .dim)
        } else if shown.isEmpty {
            buffer.put("No session matches: Esc shows them all.", x: 2, y: top, style: .dim)
        } else {
            let columns = [("Session", 2), ("Started", 12), ("Answered", 34), ("Score", 43), ("State", 50), ("Guides", 63)]
            for (title, x) in columns where x < width - 4 { buffer.put(title, x: x, y: top, style: .heading) }
            let rows = buffer.size.height - top - 4
            let first = max(0, min(history.selection - rows + 1, shown.count - rows))
            for (row, index) in shown.indices.dropFirst(first).prefix(rows).enumerated() {
                let session = shown[index]
                let y = top + 1 + row
                buffer.put(session.id, x: 2, y: y)
                buffer.put(session.when, x: 12, y: y, limit: 33)
                buffer.put("\(session.answered) of \(session.questionCount)", x: 34, y: y)
                buffer.put(session.score.map(Wording.percent) ?? "–", x: 43, y: y)
                buffer.put(session.state.rawValue, x: 50, y: y, style: session.state == .interrupted ? .warning : .plain)
                buffer.put(GuideTitle.fitted(session.guideTitles, width: width - 64), x: 63, y: y, limit: width - 1)
                if index == history.selection { buffer.paint(.reverse, x: 1, y: y, limit: width - 1) }
            }
        }
        let fallback = history.picked?.state == .interrupted ? "Enter reads the session; r resumes it." : "Enter reads the session; / searches the answers."
        Chrome.status(state.status, fallback: shown.isEmpty ? "" : fallback, in: &buffer)
        Chrome.hints(.history, state, in: &buffer)
    }
}
