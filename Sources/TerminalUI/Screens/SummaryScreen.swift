import InterviewCore

/// The end of a session: how many questions were answered, each question's time, overtime and
/// score (a skipped or unreached one counts 0), what the selected question missed and how its
/// story read, and three things to work on.
enum SummaryScreen {
    static func draw(_ state: AppState, _ session: SessionScreenState, in buffer: inout CellBuffer) {
        let interview = session.interview
        Chrome.header("Rehearse · Summary", right: session.id.map { "session \($0)" } ?? "", in: &buffer)
        let width = buffer.size.width
        let bottom = buffer.size.height - 2
        buffer.put(interview.phase == .abandoned ? "Session ended early" : "Session complete", x: 2, y: 2, style: .heading)
        let tally = interview.tally
        let scoreText = "Session score " + (tally.score.map(Wording.percent) ?? "none")
        let total = interview.records.reduce(Duration.zero) { $0 + $1.totalTime }
        let x = buffer.put(scoreText, x: 2, y: 3, style: .bold)
        buffer.put(Chrome.fitting([" · \(tally.wording) · time \(total.clockText)", " · \(tally.wording)"], width: width - 1 - x), x: x, y: 3,
                   limit: width - 1)

        let rows = tableRows(interview)
        let advice = Feedback.thingsToWorkOn(interview)
        let things = thingsLines(advice, width: width - 4)
        let number = session.summarySelection
        let feedback = interview.plan.questions.indices.contains(number) && number < interview.askedCount
            ? feedbackLines(interview, number, width: width - 4) : []
        // The table takes up to a third of the room (it scrolls to keep the selection in view);
        // the things to work on come whole when the selected question's feedback can still
        // show a line, and that feedback has what is left.
        // A short screen has no blank rows between the blocks.
        let gap = buffer.size.height < 20 ? 0 : 1
        let top = 4 + gap
        let tableRoom = max(1, min(rows.count, (bottom - top) / 3))
        drawTable(rows, selection: number, room: tableRoom, y: top, width: width, in: &buffer)
        var y = top + 1 + tableRoom + gap
        let remaining = bottom - y
        let feedbackWanted = feedback.isEmpty ? 0 : 1 + feedback.count + gap
        let thingsRows = min(1 + things.count, max(2, remaining - min(feedbackWanted, 4)))
        let feedbackRows = min(feedback.count, remaining - thingsRows - 1 - gap)
        if feedbackRows >= 1 {
            Chrome.rule(y: y, in: &buffer, title: "\(number + 1). \(interview.plan.questions[number].question.title)", x: 1, width: width - 2)
            for (offset, line) in feedback.prefix(feedbackRows).enumerated() {
                buffer.put(line.0, x: 2, y: y + 1 + offset, style: line.1, limit: width - 2)
            }
            if feedback.count > feedbackRows {
                buffer.clear(x: 2, y: y + feedbackRows, width: width - 4, height: 1)
                let more = feedback.count - feedbackRows + 1
                buffer.put(Chrome.fitting(["… \(more) more lines: Enter reads them in the transcript", "… \(more) more lines: Enter reads them"],
                                          width: width - 4), x: 2, y: y + feedbackRows, style: .dim, limit: width - 2)
            }
            y += 1 + feedbackRows + gap
        }
        if bottom - y >= 2 {
            Chrome.rule(y: y, in: &buffer, title: thingsTitle(advice.count), x: 1, width: width - 2)
            for (offset, line) in wholeItems(advice, rows: bottom - y - 1, width: width - 4).enumerated() {
                buffer.put(line.0, x: 2, y: y + 1 + offset, style: line.1, limit: width - 2)
            }
        }
        let saved = session.id.map { ["Saved as session \($0): Enter opens it, where m and J export it.", "Saved as session \($0)."] }
        Chrome.status(state.status, fallback: state.saveProblem.map(AppState.notSavedLine)
            ?? saved.map { Chrome.fitting($0, width: width - 2) }
            ?? "Nothing was written, so this session is not kept.", in: &buffer)
        Chrome.hints(.summary, state, in: &buffer)
    }

    struct Row {
        var title: String
        var kind: String
        var time: String
        var overtime: String
        var result: String
        var status: QuestionStatus
    }

    /// Every planned question: time and overtime when asked, and its result, a question not
    /// answered counting 0 as the session score counts it.
    static func tableRows(_ interview: Interview) -> [Row] {
        zip(interview.plan.questions, interview.records).enumerated().map { number, pair in
            let (planned, record) = pair
            let status = interview.status(ofQuestion: number)
            let result: String
            switch status {
            case .answered:
                let score = Scoring.score(planned.question, record).map(Wording.percent) ?? "0 %"
                result = "score \(score)" + (AppState.isSelfRated(planned.question) ? record.rating.map { " (rated \($0))" } ?? "" : "")
            case .skipped, .current: result = "skipped, counts 0"
            case .unreached: result = "not reached, counts 0"
            }
            let asked = status != .unreached
            return Row(title: "\(number + 1). \(planned.question.title)", kind: planned.kind.displayName,
                       time: asked ? record.totalTime.clockText : "", overtime: asked ? record.overtime.clockText : "",
                       result: result, status: status)
        }
    }

    /// Title, then kind, time, overtime and result in columns from the right, each as wide as
    /// its widest entry: the title takes what they leave (and the kind goes when it would
    /// leave the title too little).
    private static func drawTable(_ rows: [Row], selection: Int, room: Int, y top: Int, width: Int, in buffer: inout CellBuffer) {
        func widest(_ title: String, _ values: [String]) -> Int { ([title] + values).map { TextWidth.of($0) }.max() ?? 0 }
        let resultX = width - 2 - widest("Result", rows.map(\.result))
        let overtimeX = resultX - 2 - widest("Overtime", rows.map(\.overtime))
        let timeX = overtimeX - 2 - widest("Time", rows.map(\.time))
        let kindX = timeX - 2 - widest("Kind", rows.map(\.kind))
        let showsKind = kindX >= 24
        let titleEnd = (showsKind ? kindX : timeX) - 2
        var columns = [("Question", 2), ("Time", timeX), ("Overtime", overtimeX), ("Result", resultX)]
        if showsKind { columns.append(("Kind", kindX)) }
        for (title, x) in columns { buffer.put(title, x: x, y: top, style: .dim) }
        let first = max(0, min(selection - room + 1, rows.count - room))
        for (offset, row) in rows.dropFirst(first).prefix(room).enumerated() {
            let y = top + 1 + offset
            let number = first + offset
            let asked = row.status != .unreached
            buffer.put(row.title, x: 2, y: y, style: asked ? .plain : .dim, limit: titleEnd)
            if showsKind { buffer.put(row.kind, x: kindX, y: y, style: .dim, limit: timeX - 1) }
            buffer.put(row.time, x: timeX, y: y, limit: overtimeX - 1)
            buffer.put(row.overtime, x: overtimeX, y: y, style: row.overtime == "0:00" ? .dim : .warning, limit: resultX - 1)
            buffer.put(row.result, x: resultX, y: y, style: row.status == .answered ? .good : .dim, limit: width - 1)
            if number == selection, asked { buffer.paint(.reverse, x: 1, y: y, limit: width - 1) }
        }
        if first + room < rows.count { buffer.put("…", x: 1, y: top + room, style: .dim) }
    }

    /// What question `number` missed, the pitfalls confirmed, and its STAR story in words.
    static func feedbackLines(_ interview: Interview, _ number: Int, width: Int) -> TextBlocks.Lines {
        let planned = interview.plan.questions[number]
        let record = interview.records[number]
        var lines: TextBlocks.Lines = []
        if interview.status(ofQuestion: number) != .answered {
            lines += WordWrap.wrap("Not answered, so it counts 0: r retries it now.", width: width).map { ($0, .dim) }
        } else if !AppState.isSelfRated(planned.question), Feedback.missed(planned.question.rubric, ticks: record.ticks).isEmpty {
            lines.append(("Every point made.", .good))
        }
        for line in Feedback.lines(planned.question.rubric, record) {
            lines += WordWrap.wrap(line, width: width).map { ($0, .plain) }
        }
        return lines
    }

    static func thingsTitle(_ count: Int) -> String {
        switch count {
        case 0: "Nothing to work on: every point made, in time"
        case 1: "One thing to work on"
        case 2: "Two things to work on"
        case 3: "Three things to work on"
        default: "\(count) things to work on"
        }
    }

    static func thingsLines(_ advice: [Feedback.Advice], width: Int) -> [String] {
        advice.enumerated().flatMap { number, item in WordWrap.wrap(item.text, width: width, prefix: "\(number + 1). ") }
    }

    /// The things to work on in `rows`: whole items, then a line saying where the rest are
    /// (the transcript's last question); cut only when not even the first item fits.
    static func wholeItems(_ advice: [Feedback.Advice], rows: Int, width: Int) -> TextBlocks.Lines {
        let items = advice.enumerated().map { number, item in WordWrap.wrap(item.text, width: width, prefix: "\(number + 1). ") }
        var lines: TextBlocks.Lines = []
        for (number, item) in items.enumerated() {
            let more = number + 1 < items.count ? 1 : 0
            guard lines.count + item.count + more <= rows else {
                if lines.isEmpty { return TextBlocks.fitted(item, rows: rows, width: width).map { ($0, .plain) } }
                let left = items.count - number
                lines.append((Chrome.fitting(["… \(left) more: the transcript's last question lists them", "… \(left) more in the transcript"], width: width), .dim))
                return lines
            }
            lines += item.map { ($0, .plain) }
        }
        return lines
    }
}
