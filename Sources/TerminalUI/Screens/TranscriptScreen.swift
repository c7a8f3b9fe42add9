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
            return lines + TextBlocks.modelAnswer(planned.question, width: width)
        }
        var facts = ["\(planned.kind.displayName) · \(planned.categoryName)", "time \(record.totalTime.clockText)"]
        if record.overtime > .zero { facts.append("overtime \(record.overtime.clockText)") }
        if record.skipped { facts.append("skipped") }
        if record.submittedAtTimeUp { facts.append("submitted when time ran out") }
        if record.reviewed, let score = Scoring.score(rubric: planned.question.rubric, ticks: record.ticks) {
            facts.append("score \(Wording.percent(score))")
        } else if !record.skipped {
            facts.append("not reviewed")
        }
        lines += WordWrap.wrap(facts.joined(separator: " · "), width: width).map { ($0, .dim) }
        lines.append(("", .plain))
        lines.append(("Your answer", .heading))
        lines += TextBlocks.answer(record, width: width)
        lines += TextBlocks.followUps(planned, record, width: width)
        if record.scaffold == .star {
            let star = StarAnalysis(parts: record.starParts)
            lines.append(("", .plain))
            let parts = [StarPart.situation, .task, .action, .result].map { "\($0.rawValue) \(Wording.percent(star.shares[$0] ?? 0))" }
            lines += WordWrap.wrap("STAR balance: " + parts.joined(separator: ", ") + " · \(star.totalWords) words, \(star.lengthVerdict)", width: width).map { ($0, .dim) }
        }
        lines.append(("", .plain))
        lines.append(("Rubric", .heading))
        let star = record.scaffold == .star ? StarAnalysis(parts: record.starParts) : nil
        let detected = PointDetection.detected(rubric: planned.question.rubric, answer: record.mainAnswer, star: star)
        lines += TextBlocks.rubric(planned.question.rubric, ticks: record.ticks, detected: detected, selection: nil, width: width).lines
        lines.append(("", .plain))
        lines.append(("Model answer", .heading))
        lines += TextBlocks.modelAnswer(planned.question, width: width)
        return lines
    }

    static func draw(_ state: AppState, _ transcript: TranscriptScreenState, in buffer: inout CellBuffer) {
        let count = transcript.interview.plan.questions.count
        Chrome.header("Rehearse · Session \(transcript.id) · \(transcript.when)",
                      right: "Question \(min(count, transcript.question + 1)) of \(count)", in: &buffer)
        let width = buffer.size.width - 4
        Chrome.lines(lines(transcript, width: width), x: 2, y: 2, width: width, rows: buffer.size.height - 5,
                     scroll: transcript.scroll, in: &buffer)
        Chrome.status(state.status, fallback: "← → questions · ↑ ↓ scroll · m exports Markdown, J exports JSON", in: &buffer)
        Chrome.hints(.transcript, state, in: &buffer)
    }
}
