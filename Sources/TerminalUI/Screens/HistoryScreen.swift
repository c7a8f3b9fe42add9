import InterviewCore

/// Past sessions, newest first.
enum HistoryScreen {
    static func draw(_ state: AppState, in buffer: inout CellBuffer) {
        let history = state.history
        Chrome.header("Rehearse · History", right: Wording.plural(history.sessions.count, "session"), in: &buffer)
        let width = buffer.size.width
        if history.sessions.isEmpty {
            buffer.put("No sessions yet: start one from the home screen.", x: 2, y: 2, style: .dim)
        } else {
            let columns = [("Session", 2), ("Started", 12), ("Answered", 34), ("Score", 44), ("State", 52), ("Guides", 65)]
            for (title, x) in columns where x < width - 4 { buffer.put(title, x: x, y: 2, style: .heading) }
            let rows = buffer.size.height - 6
            let top = max(0, min(history.selection - rows + 1, history.sessions.count - rows))
            for (row, index) in history.sessions.indices.dropFirst(top).prefix(rows).enumerated() {
                let session = history.sessions[index]
                let y = 3 + row
                buffer.put(session.id, x: 2, y: y)
                buffer.put(session.when, x: 12, y: y, limit: 33)
                buffer.put("\(session.answered) of \(session.questionCount)", x: 34, y: y)
                buffer.put(session.score.map(Wording.percent) ?? "–", x: 44, y: y)
                buffer.put(session.state.rawValue, x: 52, y: y, style: session.state == .interrupted ? .warning : .plain)
                buffer.put(session.guides, x: 65, y: y, limit: width - 1)
                if index == history.selection { buffer.paint(.reverse, x: 1, y: y, limit: width - 1) }
            }
        }
        Chrome.status(state.status, fallback: "Enter reads a session; r resumes an interrupted one.", in: &buffer)
        Chrome.hints(.history, state, in: &buffer)
    }
}
