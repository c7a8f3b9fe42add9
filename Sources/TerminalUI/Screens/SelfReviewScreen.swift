import InterviewCore

/// After the answer: the rubric to tick, with what the text seems to make (judged once, when the
/// answer was submitted) and, for the point under the cursor, its model-answer detail and the
/// sentence that earned it; then the pitfalls to confirm; and the user's answer beside the model
/// answer. A question with no rubric is rated 1–5 instead.
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
        let room = height - 2 - y
        if AppState.isSelfRated(planned.question) {
            y = drawRating(session, y: y, width: width, in: &buffer)
        } else {
            y = drawRubric(session, planned, record, y: y, room: room, width: width, in: &buffer)
        }
        drawAnswers(session, planned, record, y: y, in: &buffer)
        Chrome.status(state.status, fallback: state.saveProblem.map(AppState.notSavedLine) ?? facts(session, planned, record, width: width - 2), in: &buffer)
        Chrome.hints(.selfReview, state, in: &buffer)
    }

    /// The checklist (points, then pitfalls) and the selected point's detail; returns the row
    /// after them.
    private static func drawRubric(_ session: SessionScreenState, _ planned: PlannedQuestion, _ record: QuestionRecord,
                                   y top: Int, room: Int, width: Int, in buffer: inout CellBuffer) -> Int {
        let margin = 2
        let rubric = planned.question.rubric
        let list = ReviewList(rubric)
        let judgement = record.judgement
        Chrome.rule(y: top, in: &buffer, title: rubricTitle(session.awaitingJudgement && judgement == nil, judgement?.detector, width: width - 6),
                    x: 0, width: width)
        if session.reviewPane == 0 { buffer.put("▶", x: 0, y: top, style: .heading) }
        let textWidth = width - 2 * margin
        let selection = session.reviewPane == 0 ? session.rubricSelection : nil
        var (lines, starts) = TextBlocks.checklist(rubric, list.points, ticks: session.ticks, marked: record.detectedPoints(rubric),
                                                   mark: "✓", selection: selection, width: textWidth)
        if !list.pitfalls.isEmpty {
            lines += WordWrap.wrap("Did the answer fall into any of these? ? marks the likely ones", width: textWidth).map { (" " + $0, .heading) }
            let pitfalls = TextBlocks.checklist(rubric, list.pitfalls, ticks: session.ticks,
                                                marked: judgement?.likelyPitfalls(rubric) ?? [], mark: "?",
                                                selection: selection.map { $0 - list.points.count }, width: textWidth)
            starts += pitfalls.starts.map { $0 + lines.count }
            lines += pitfalls.lines
        }
        // The rubric takes about two fifths of the room, the two answers the rest; the selected
        // point's detail sits under the list, in as many rows as it needs up to a few.
        let order = list.order
        let detail = order.indices.contains(session.rubricSelection)
            ? pointDetail(order[session.rubricSelection], rubric, session, record, width: textWidth, rows: room >= 16 ? 4 : 3) : []
        let detailRows = max(2, detail.count)
        let listRows = max(2, min((room - detailRows) * 2 / 5, lines.count))
        let scroll = scrollShowing(session.rubricSelection, starts: starts, lineCount: lines.count, rows: listRows)
        Chrome.lines(lines, x: margin - 1, y: top + 1, width: textWidth + 1, rows: listRows, scroll: scroll, in: &buffer)
        Chrome.lines(detail, x: margin, y: top + 1 + listRows, width: textWidth, rows: detailRows, scroll: 0, in: &buffer)
        return top + 1 + listRows + detailRows
    }

    /// Where the list starts so that item `selection` shows whole, near the middle, from the
    /// first line of an item where it can.
    static func scrollShowing(_ selection: Int, starts: [Int], lineCount: Int, rows: Int) -> Int {
        guard starts.indices.contains(selection) else { return 0 }
        let start = starts[selection]
        let end = selection + 1 < starts.count ? starts[selection + 1] : lineCount
        let target = max(0, start - (rows - 1) / 2)
        let aligned = starts.first { $0 >= target && $0 <= start } ?? start
        return end - aligned <= rows ? aligned : start
    }

    /// What the point asks for, in the model answer's words, and what the answer holds of it.
    static func pointDetail(_ index: Int, _ rubric: [RubricPoint], _ session: SessionScreenState, _ record: QuestionRecord,
                            width: Int, rows: Int) -> TextBlocks.Lines {
        let point = rubric[index]
        let pitfall = point.kind == .pitfall
        let detail = point.detail.isEmpty ? point.lead : point.detail
        let model = WordWrap.wrap((pitfall ? "Pitfall: " : "Model answer: ") + detail, width: width)
        let verdict = record.judgement?.verdicts.indices.contains(index) == true ? record.judgement?.verdicts[index] : nil
        let found: String
        var style = Style.dim
        if let verdict {
            if verdict.detected {
                style = pitfall ? .warning : .good
                if let evidence = verdict.evidence {
                    found = (pitfall ? "Your text seems to fall into it: " : "Your text: ") + TextBlocks.quoted(evidence)
                } else {
                    found = "Read from the STAR figures: made."
                }
            } else if StarCheck(point) != nil {
                found = "Read from the STAR figures: not made."
            } else {
                found = pitfall ? "Your text shows no sign of it." : "Your text: nothing found that makes it."
            }
        } else if session.awaitingJudgement {
            found = "Your text: judging…"
        } else if record.mainAnswer.trimmingWhitespace().isEmpty {
            found = "Your answer is empty."
        } else {
            found = "Your text was not judged."
        }
        let evidence = WordWrap.wrap(found, width: width)
        let evidenceRows = min(evidence.count, max(1, rows - 1))
        return TextBlocks.fitted(model, rows: rows - evidenceRows, width: width).map { ($0, .plain) }
            + TextBlocks.fitted(evidence, rows: evidenceRows, width: width).map { ($0, style) }
    }

    /// The 1–5 scale of a question with no rubric; returns the row after it.
    private static func drawRating(_ session: SessionScreenState, y top: Int, width: Int, in buffer: inout CellBuffer) -> Int {
        let margin = 2
        Chrome.rule(y: top, in: &buffer, title: "Rate your answer: this question has no rubric to tick", x: 0, width: width)
        if session.reviewPane == 0 { buffer.put("▶", x: 0, y: top, style: .heading) }
        let scale = "1 missed it · 2 · 3 · 4 · 5 as strong as a model answer"
        buffer.put(scale, x: margin, y: top + 1, limit: width - margin)
        let chosen = session.rating.map { "Your rating: \($0) of 5, score \(Wording.percent(Scoring.score(rating: $0))). Enter records it." }
            ?? "Press 1 to 5, then Enter."
        buffer.put(chosen, x: margin, y: top + 2, style: session.rating == nil ? .dim : .good, limit: width - margin)
        return top + 4
    }

    /// The user's answer beside the model answer (or the last attempt), from row `top`.
    private static func drawAnswers(_ session: SessionScreenState, _ planned: PlannedQuestion, _ record: QuestionRecord,
                                    y top: Int, in buffer: inout CellBuffer) {
        let width = buffer.size.width
        let margin = 2
        let columnWidth = (width - 3 * margin) / 2
        let rows = buffer.size.height - 2 - top - 1
        let rightX = margin * 2 + columnWidth
        Chrome.rule(y: top, in: &buffer, title: "Your answer", x: 0, width: columnWidth + margin + 1)
        let previous = session.previous[planned.question.id]
        let showsPrevious = session.showsPrevious && previous != nil
        // What the answer misses as ticked so far, with why each point matters, and how its
        // STAR story reads, above the model answer.
        let feedback = Feedback.lines(planned.question.rubric, ticks: session.ticks, record)
        let rightWidth = width - rightX - margin
        let rightTitle: String
        if showsPrevious {
            rightTitle = previous.map(TextBlocks.attemptTitle) ?? ""
        } else {
            let titles = (feedback.isEmpty ? ["Model answer"] : ["Feedback · model answer", "Feedback"]).map { $0 + (previous == nil ? "" : " · l last try") }
            rightTitle = titles.first { TextWidth.of($0) <= rightWidth - 2 } ?? titles[titles.count - 1]
        }
        Chrome.rule(y: top, in: &buffer, title: rightTitle, x: rightX - 1, width: width - rightX + 1)
        if session.reviewPane == 1 { buffer.put("▶", x: 0, y: top, style: .heading) }
        if session.reviewPane == 2 { buffer.put("▶", x: rightX - 1, y: top, style: .heading) }
        let answer = TextBlocks.answer(record, width: columnWidth - 1) + TextBlocks.followUps(planned, record, width: columnWidth - 1)
        Chrome.lines(answer, x: margin, y: top + 1, width: columnWidth - 1, rows: rows, scroll: session.answerScroll, in: &buffer)
        var rightLines: TextBlocks.Lines
        if showsPrevious, let previous {
            rightLines = TextBlocks.answer(previous.record, width: rightWidth)
        } else {
            rightLines = feedback.flatMap { WordWrap.wrap($0, width: rightWidth, prefix: "• ").map { ($0, Style.plain) } }
            if !rightLines.isEmpty { rightLines += [("", .plain), ("Model answer", .bold)] }
            rightLines += TextBlocks.modelAnswer(planned.question, width: rightWidth)
        }
        Chrome.lines(rightLines, x: rightX, y: top + 1, width: rightWidth, rows: rows, scroll: session.modelScroll, in: &buffer)
    }

    /// The status line's facts: the score beside the overtime first, then ticks, what was
    /// detected, the grade and the time; on a narrow screen the least needed go first (the
    /// time, then what was detected, then the grade), so that none is cut in the middle.
    static func facts(_ session: SessionScreenState, _ planned: PlannedQuestion, _ record: QuestionRecord, width: Int = .max) -> String {
        let rubric = planned.question.rubric
        let overtime = "overtime \(record.overtime.clockText)"
        // Each fact with how much it is needed: the least needed is left out first.
        var facts: [(text: String, need: Int)]
        let score: Double?
        if AppState.isSelfRated(planned.question) {
            score = session.rating.map { Scoring.score(rating: $0) }
            facts = [(session.rating.map { "Rated \($0) of 5 · score \(Wording.percent(Scoring.score(rating: $0)))" } ?? "Not rated yet", 9),
                     (overtime, 8)]
        } else {
            let list = ReviewList(rubric)
            score = Scoring.score(rubric: rubric, ticks: session.ticks)
            facts = [(score.map { "Score \(Wording.percent($0))" } ?? "No score", 9), (overtime, 8),
                     ("ticked \(list.points.filter(session.ticks.contains).count) of \(list.points.count)", 7)]
            let confirmed = list.pitfalls.filter(session.ticks.contains).count
            if confirmed > 0 { facts.append(("\(Wording.plural(confirmed, "pitfall")) confirmed", 6)) }
            if record.judgement != nil { facts.append(("✓ \(record.detectedPoints(rubric).count)", 4)) }
        }
        facts.append(("grade " + PracticeGrading.grade(score: score, chosen: record.chosenGrade).displayName + (record.chosenGrade == nil ? "" : " (g)"), 5))
        facts.append(("time \(record.totalTime.clockText)", 3))
        func joined() -> String { facts.map(\.text).joined(separator: " · ") }
        while facts.count > 1, TextWidth.of(joined()) > width, let least = facts.indices.min(by: { facts[$0].need < facts[$1].need }) {
            facts.remove(at: least)
        }
        return joined()
    }
}

extension SelfReviewScreen {
    /// The rubric's title in `width`: what Space does and what ✓ means, shorter when narrow.
    static func rubricTitle(_ judging: Bool, _ detector: AnswerJudgement.Detector?, width: Int) -> String {
        let mark = judging ? "judging…" : detector.map { $0 == .embedding ? "✓ your text seems to cover it" : "✓ your words seem to cover it" }
        let short = judging ? "judging…" : detector.map { _ in "✓ seems covered" }
        let candidates = [
            ["Rubric: Space ticks what your answer made", mark],
            ["Rubric: Space ticks what you made", mark],
            ["Rubric: Space ticks", short],
            ["Rubric", short],
        ].map { $0.compactMap { $0 }.joined(separator: " · ") }
        return candidates.first { TextWidth.of($0) <= width } ?? "Rubric"
    }
}
