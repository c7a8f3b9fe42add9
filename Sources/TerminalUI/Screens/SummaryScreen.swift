import InterviewCore

/// The end of a session: each question's time and score, and the session's score.
enum SummaryScreen {
    static func draw(_ state: AppState, _ session: SessionScreenState, in buffer: inout CellBuffer) {
        let interview = session.interview
        Chrome.header("Rehearse · Summary", right: session.id.map { "session \($0)" } ?? "", in: &buffer)
        let width = buffer.size.width
        var y = 2
        buffer.put(interview.phase == .abandoned ? "Session ended early" : "Session complete", x: 2, y: y, style: .heading)
        y += 2
        let scoreText = Scoring.sessionScore(interview).map { "Session score \(Wording.percent($0))" } ?? "Session score: none (no question was reviewed)"
        buffer.put(scoreText, x: 2, y: y, style: .bold)
        let total = interview.records.reduce(Duration.zero) { $0 + $1.totalTime }
        buffer.put("time \(total.clockText)", x: 4 + TextWidth.of(scoreText), y: y, style: .plain)
        y += 2
        // Title, then kind, time and result in columns from the right, each as wide as its
        // widest entry: the title takes what they leave.
        let rows = zip(interview.plan.questions, interview.records).enumerated().map { number, pair in
            let (planned, record) = pair
            let started = number < interview.askedCount
            let result: String
            if !started {
                result = "not asked"
            } else if record.skipped {
                result = "skipped"
            } else if record.reviewed, let score = Scoring.score(rubric: planned.question.rubric, ticks: record.ticks) {
                result = "score \(Wording.percent(score))"
            } else {
                result = "not reviewed"
            }
            var time = started ? record.totalTime.clockText : ""
            if record.overtime > .zero { time += " (+\(record.overtime.clockText))" }
            return (title: "\(number + 1). \(planned.question.title)", kind: planned.kind.displayName, time: time, result: result, started: started)
        }
        func widest(_ title: String, _ values: [String]) -> Int { ([title] + values).map { TextWidth.of($0) }.max() ?? 0 }
        let resultX = width - 2 - widest("Result", rows.map(\.result))
        let timeX = resultX - 2 - widest("Time", rows.map(\.time))
        let kindX = max(12, timeX - 2 - widest("Kind", rows.map(\.kind)))
        for (title, x) in [("Question", 2), ("Kind", kindX), ("Time", timeX), ("Result", resultX)] {
            buffer.put(title, x: x, y: y, style: .dim)
        }
        y += 1
        for (number, row) in rows.enumerated() {
            guard y < buffer.size.height - 3 else {
                buffer.put("…", x: 2, y: y, style: .dim)
                break
            }
            buffer.put(row.title, x: 2, y: y, style: row.started ? .plain : .dim, limit: kindX - 2)
            buffer.put(row.kind, x: kindX, y: y, style: .dim, limit: timeX - 1)
            buffer.put(row.time, x: timeX, y: y, limit: resultX - 1)
            buffer.put(row.result, x: resultX, y: y, style: row.result.hasPrefix("score") ? .good : .dim, limit: width - 1)
            if number == session.summarySelection, row.started { buffer.paint(.reverse, x: 1, y: y, limit: width - 1) }
            y += 1
        }
        Chrome.status(state.status, fallback: state.saveProblem.map(AppState.notSavedLine)
            ?? session.id.map { "Saved as session \($0): Enter opens it, where m and J export it." }
            ?? "Nothing was written, so this session is not kept.", in: &buffer)
        Chrome.hints(.summary, state, in: &buffer)
    }
}
