import InterviewCore

/// After the answer: the rubric to tick, with what the text seems to cover, and the user's
/// answer beside the model answer.
enum SelfReviewScreen {
    static func draw(_ state: AppState, _ session: SessionScreenState, in buffer: inout CellBuffer) {
        let interview = session.interview
        guard let planned = interview.current, let record = interview.currentRecord else { return }
        QuestionScreen.header(session, in: &buffer)
        let width = buffer.size.width
        let height = buffer.size.height
        let margin = 2
        var y = 2
        for line in WordWrap.wrap(planned.question.title, width: width - 2 * margin).prefix(2) {
            buffer.put(line, x: margin, y: y, style: .bold, limit: width - margin)
            y += 1
        }
        y += 1
        // The rubric takes about two fifths of the room, the two answers the rest.
        let room = height - 2 - y
        let rubricRows = max(3, min(room * 2 / 5, planned.question.rubric.count * 2 + 1))
        let star = record.scaffold == .star ? StarAnalysis(parts: record.starParts) : nil
        let detected = PointDetection.detected(rubric: planned.question.rubric, answer: record.mainAnswer, star: star)
        Chrome.rule(y: y, in: &buffer, title: "Rubric: Space ticks what your answer made · ✓ your text seems to cover it", x: 0, width: width)
        paneMarker(session.reviewPane == 0, y: y, in: &buffer)
        let (lines, starts) = TextBlocks.rubric(planned.question.rubric, ticks: session.ticks, detected: detected,
                                                selection: session.reviewPane == 0 ? session.rubricSelection : nil, width: width - 2 * margin)
        // Keep the selected point's first line in view.
        let selectedStart = starts.indices.contains(session.rubricSelection) ? starts[session.rubricSelection] : 0
        let scroll = max(0, selectedStart - (rubricRows - 1) / 2)
        Chrome.lines(lines, x: margin - 1, y: y + 1, width: width - 2 * margin + 1, rows: rubricRows - 1, scroll: scroll, in: &buffer)
        y += rubricRows
        // The two answers side by side.
        let columnWidth = (width - 3 * margin) / 2
        let rows = height - 2 - y - 1
        let rightX = margin * 2 + columnWidth
        Chrome.rule(y: y, in: &buffer, title: "Your answer", x: 0, width: columnWidth + margin + 1)
        Chrome.rule(y: y, in: &buffer, title: "Model answer", x: rightX - 1, width: width - rightX + 1)
        paneMarker(session.reviewPane == 1, y: y, in: &buffer)
        if session.reviewPane == 2 { buffer.put("▶", x: rightX - 1, y: y, style: .heading) }
        let answer = TextBlocks.answer(record, width: columnWidth - 1) + TextBlocks.followUps(planned, record, width: columnWidth - 1)
        Chrome.lines(answer, x: margin, y: y + 1, width: columnWidth - 1, rows: rows, scroll: session.answerScroll, in: &buffer)
        Chrome.lines(TextBlocks.modelAnswer(planned.question, width: width - rightX - margin), x: rightX, y: y + 1,
                     width: width - rightX - margin, rows: rows, scroll: session.modelScroll, in: &buffer)
        let score = Scoring.score(rubric: planned.question.rubric, ticks: session.ticks).map { " · score \(Wording.percent($0))" } ?? ""
        let facts = "Ticked \(session.ticks.count) of \(planned.question.rubric.count)\(score) · detected \(detected.count) · time \(record.totalTime.clockText)"
            + (record.overtime > .zero ? " (overtime \(record.overtime.clockText))" : "")
        Chrome.status(state.status, fallback: state.saveProblem.map(AppState.notSavedLine) ?? facts, in: &buffer)
        Chrome.hints(.selfReview, state, in: &buffer)
    }

    /// Marks the pane that the arrow keys move.
    private static func paneMarker(_ focused: Bool, y: Int, in buffer: inout CellBuffer) {
        if focused { buffer.put("▶", x: 0, y: y, style: .heading) }
    }
}
