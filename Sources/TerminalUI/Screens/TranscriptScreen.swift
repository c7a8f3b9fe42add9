import InterviewCore

/// A stored session, question by question.
enum TranscriptScreen {
    static func lines(_ transcript: TranscriptScreenState, width: Int) -> TextBlocks.Lines {
        let interview = transcript.interview
        guard interview.plan.questions.indices.contains(transcript.question) else { return [("This session has no questions.", .dim)] }
        let planned = interview.plan.questions[transcript.question]
        let record = interview.records[transcript.question]
        var lines: TextBlocks.Lines = WordWrap.wrap(planned.question.title, width: width).map { ($0, .bold) }
        guard transcript.question < interview.askedCount else {
            lines.append(("\(planned.kind.displayName) · not asked: the session ended before this question", .dim))
            lines.append(("", .plain))
            lines.append(("Model answer", .heading))
            return lines + TextBlocks.modelAnswer(planned.question, width: width) + thingsToWorkOn(transcript, width: width)
        }
        var facts = ["\(planned.kind.displayName) · \(planned.categoryName)", "time \(record.totalTime.clockText)"]
        if let rating = record.rating, record.reviewed, !record.skipped { facts.append("rated \(rating) of 5") }
        // The score beside the overtime, as `review` prints them: a question not answered counts 0.
        facts.append(Scoring.score(planned.question, record).map { "score \(Wording.percent($0))" } ?? "skipped (counts 0)")
        facts.append("overtime \(record.overtime.clockText)")
        if record.submittedAtTimeUp { facts.append("submitted when time ran out") }
        lines += WordWrap.wrap(facts.joined(separator: " · "), width: width).map { ($0, .dim) }
        lines.append(("", .plain))
        lines.append(("Your answer", .heading))
        lines += TextBlocks.answer(record, width: width)
        lines += TextBlocks.followUps(planned, record, width: width)
        if let earlier = transcript.previous[transcript.question] {
            lines.append(("", .plain))
            if transcript.showsPrevious {
                lines += WordWrap.wrap(TextBlocks.attemptTitle(earlier) + (earlier.attempt.hash != planned.question.hash ? " · the question has changed since" : ""),
                                       width: width).map { ($0, .heading) }
                lines += TextBlocks.answer(earlier.record, width: width)
            } else {
                lines += WordWrap.wrap(TextBlocks.attemptTitle(earlier) + " · l shows it", width: width).map { ($0, .dim) }
            }
        }
        if record.scaffold == .star {
            let star = StarAnalysis(parts: record.starParts)
            lines.append(("", .plain))
            let parts = [StarPart.situation, .task, .action, .result].map { "\($0.rawValue) \(Wording.percent(star.shares[$0] ?? 0))" }
            lines += WordWrap.wrap("STAR balance: " + parts.joined(separator: ", ") + " · \(star.totalWords) words, \(star.lengthVerdict)", width: width).map { ($0, .dim) }
        }
        lines += rubricLines(planned.question.rubric, record, width: width)
        let feedback = Feedback.lines(planned.question.rubric, record)
        if !feedback.isEmpty {
            lines.append(("", .plain))
            lines.append(("Feedback", .heading))
            for line in feedback { lines += WordWrap.wrap(line, width: width, prefix: "• ").map { ($0, .plain) } }
        }
        lines.append(("", .plain))
        lines.append(("Model answer", .heading))
        lines += TextBlocks.modelAnswer(planned.question, width: width)
        return lines + thingsToWorkOn(transcript, width: width)
    }

    /// The points to tick and the pitfalls to confirm, as `review` lists them: ticked or
    /// confirmed, what the text seemed to make (with its evidence) or to fall into.
    static func rubricLines(_ rubric: [RubricPoint], _ record: QuestionRecord, width: Int) -> TextBlocks.Lines {
        let list = ReviewList(rubric)
        let verdicts = record.judgement?.verdicts ?? []
        let evidence = Dictionary(uniqueKeysWithValues: verdicts.indices.compactMap { index in verdicts[index].evidence.map { (index, $0) } })
        var lines: TextBlocks.Lines = []
        if !list.points.isEmpty {
            lines.append(("", .plain))
            lines += WordWrap.wrap("Rubric: [x] ticked, ✓ seen in the answer (\(record.judgement?.detector.reading ?? "not judged"))", width: width)
                .map { ($0, .heading) }
            lines += TextBlocks.checklist(rubric, list.points, ticks: record.ticks, marked: record.detectedPoints(rubric), mark: "✓",
                                          selection: nil, width: width, evidence: evidence).lines
        }
        if !list.pitfalls.isEmpty {
            lines.append(("", .plain))
            lines += WordWrap.wrap("Did the answer fall into any of these? [x] confirmed, ? the text seemed to fall into it", width: width).map { ($0, .heading) }
            lines += TextBlocks.checklist(rubric, list.pitfalls, ticks: record.ticks, marked: record.judgement?.likelyPitfalls(rubric) ?? [],
                                          mark: "?", selection: nil, width: width, evidence: evidence).lines
        }
        return lines
    }

    /// After the session's last question: what to work on, drawn from the whole session.
    static func thingsToWorkOn(_ transcript: TranscriptScreenState, width: Int) -> TextBlocks.Lines {
        let interview = transcript.interview
        guard transcript.question == interview.plan.questions.count - 1 else { return [] }
        let advice = Feedback.thingsToWorkOn(interview)
        guard !advice.isEmpty else { return [] }
        var lines: TextBlocks.Lines = [("", .plain), ("Things to work on (the whole session)", .heading)]
        for (number, item) in advice.enumerated() {
            lines += WordWrap.wrap(item.text, width: width, prefix: "\(number + 1). ").map { ($0, .plain) }
        }
        return lines
    }

    static func draw(_ state: AppState, _ transcript: TranscriptScreenState, in buffer: inout CellBuffer) {
        let count = transcript.interview.plan.questions.count
        Chrome.header("Rehearse · Session \(transcript.id) · \(transcript.when)",
                      right: "Question \(min(count, transcript.question + 1)) of \(count)", in: &buffer)
        let width = buffer.size.width - 4
        Chrome.lines(lines(transcript, width: width), x: 2, y: 2, width: width, rows: buffer.size.height - 5,
                     scroll: transcript.scroll, in: &buffer)
        Chrome.status(state.status, fallback: Chrome.fitting(["← → questions · ↑ ↓ scroll · m exports Markdown, J exports JSON",
                                                              "← → questions · ↑ ↓ scroll"], width: buffer.size.width - 2), in: &buffer)
        Chrome.hints(.transcript, state, in: &buffer)
    }
}
