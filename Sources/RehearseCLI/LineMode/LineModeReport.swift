import InterviewCore

/// What line mode prints about questions and sessions: plain lines, one fact each, readable
/// aloud by a screen reader. Guide text goes through `TerminalText` before it is printed.
enum LineModeReport {
    static func heading(_ interview: Interview) -> [String] {
        guard let planned = interview.current else { return [] }
        return [
            "",
            "Question \(interview.index + 1) of \(interview.plan.questions.count) · \(planned.kind.displayName) · \(planned.answerTime.clockText)",
            TerminalText.neutralized(planned.question.title),
        ]
    }

    static func briefing(_ guide: Guide) -> [String] {
        var lines = ["", "Briefing: \(TerminalText.neutralized(guide.title))"]
        lines += guide.introduction.map { "  " + TerminalText.neutralized($0) }
        for section in guide.briefing {
            lines.append("  \(TerminalText.neutralized(section.heading)):")
            lines += section.items.map { "    - " + TerminalText.neutralized($0) }
        }
        return lines
    }

    static func rubric(_ planned: PlannedQuestion, detected: Set<Int>) -> [String] {
        var lines = ["Rubric: type the numbers of the points your answer covered (e.g. 1 3 4), or an empty line for none. [*] marks what your text seems to cover; (x2) points count double."]
        for (index, point) in planned.question.rubric.enumerated() {
            lines.append("  \(index + 1). [\(detected.contains(index) ? "*" : " ")] \(TerminalText.neutralized(point.text))\(point.weight > 1 ? " (x\(point.weight))" : "")")
        }
        return lines
    }

    static func modelAnswer(_ planned: PlannedQuestion) -> [String] {
        modelAnswer(planned.question.sections)
    }

    static func modelAnswer(_ sections: [AnswerSection]) -> [String] {
        var lines = ["Model answer:"]
        for section in sections where section.role != .followUps {
            lines.append("  \(TerminalText.neutralized(section.label)):")
            lines += section.items.map { "    - \(TerminalText.neutralized($0.fullText))" }
        }
        return lines
    }

    /// Time, overtime, score, detected points and, for STAR answers, the STAR figures.
    static func result(_ planned: PlannedQuestion, _ record: QuestionRecord, detected: Set<Int>) -> [String] {
        var facts = [(record.followUpTimes.isEmpty ? "Time used " : "Time used with follow-ups ") + record.totalTime.clockText,
                     "overtime \(record.overtime.clockText)"]
        if record.skipped { facts.append("skipped") }
        if record.submittedAtTimeUp { facts.append("submitted when time ran out") }
        if record.reviewed, let score = Scoring.score(rubric: planned.question.rubric, ticks: record.ticks) {
            facts.append("score \(Wording.percent(score))")
        }
        facts.append("points detected \(detected.count) of \(planned.question.rubric.count)")
        var lines = [facts.joined(separator: " · ")]
        if record.scaffold == .star {
            lines += star(StarAnalysis(parts: record.starParts))
        }
        return lines
    }

    static func star(_ star: StarAnalysis) -> [String] {
        let parts = [StarPart.situation, .task, .action, .result].map { part in
            "\(part.rawValue) \(Wording.plural(star.words[part] ?? 0, "word")) (\(Wording.percent(star.shares[part] ?? 0)), target \(Wording.percent(StarAnalysis.targetShare[part] ?? 0)))"
        }
        var lines = ["STAR: " + parts.joined(separator: ", ")]
        lines.append("STAR: I/me/my \(star.firstPersonSingular), we/us/our \(star.firstPersonPlural) · result quantified: \(star.resultQuantified ? "yes" : "no")")
        lines.append("STAR: \(star.totalWords) words, \(star.lengthVerdict) · hedges and fillers \(formatted(star.hedgesPer100Words)) per 100 words")
        return lines + Feedback.starVerdicts(star).map { "STAR: " + $0 }
    }

    static func summary(_ interview: Interview) -> [String] {
        var lines = ["", interview.phase == .abandoned ? "Session ended early. Summary:" : "Summary:"]
        for (number, (planned, record)) in zip(interview.plan.questions, interview.records).enumerated() {
            guard number < interview.askedCount else { break }
            var facts = ["\(planned.kind.displayName)", "time \(record.totalTime.clockText)"]
            if record.overtime > .zero { facts.append("overtime \(record.overtime.clockText)") }
            if record.skipped { facts.append("skipped") }
            if record.reviewed, let score = Scoring.score(rubric: planned.question.rubric, ticks: record.ticks) {
                facts.append("score \(Wording.percent(score))")
            } else if !record.skipped {
                facts.append("not reviewed")
            }
            lines.append("  \(number + 1). \(TerminalText.neutralized(planned.question.title))")
            lines.append("     " + facts.joined(separator: " · "))
        }
        if let score = Scoring.sessionScore(interview) {
            lines.append("Session score: \(Wording.percent(score))")
        } else {
            lines.append("Session score: none (no question was reviewed)")
        }
        return lines
    }

    private static func formatted(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
