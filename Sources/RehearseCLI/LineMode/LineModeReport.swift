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

    /// The points to tick, numbered from 1, with what the text seems to make and its evidence.
    static func points(_ rubric: [RubricPoint], _ indices: [Int], judgement: AnswerJudgement?) -> [String] {
        var lines = ["Rubric: type the numbers of the points your answer made (e.g. 1 3 4), or an empty line for none. "
            + "[*] marks what your text seems to make\(judged(judgement)); (x2) points count double. "
            + ":grade again|hard|good|easy sets the grade the question is scheduled with."]
        for (number, index) in indices.enumerated() {
            lines += item(number, rubric[index], judgement?.verdicts[safe: index], mark: "*")
        }
        return lines
    }

    /// The pitfalls, numbered from 1, with the ones the text seems to fall into.
    static func pitfalls(_ rubric: [RubricPoint], _ indices: [Int], judgement: AnswerJudgement?) -> [String] {
        var lines = ["Did the answer fall into any of these? Type their numbers, or an empty line for none; each one you confirm "
            + "takes its weight off the score. [?] marks the ones your text seems to fall into: only you can say."]
        for (number, index) in indices.enumerated() {
            lines += item(number, rubric[index], judgement?.verdicts[safe: index], mark: "?")
        }
        return lines
    }

    private static func item(_ number: Int, _ point: RubricPoint, _ verdict: PointVerdict?, mark: String) -> [String] {
        let detected = verdict?.detected == true
        var lines = ["  \(number + 1). [\(detected ? mark : " ")] \(TerminalText.neutralized(point.text))\(point.weight > 1 ? " (x\(point.weight))" : "")"]
        if detected, let evidence = verdict?.evidence {
            lines.append("        \"\(TerminalText.neutralized(evidence))\"")
        }
        return lines
    }

    private static func judged(_ judgement: AnswerJudgement?) -> String {
        judgement.map { " (\($0.detector.reading))" } ?? ""
    }

    static func modelAnswer(_ planned: PlannedQuestion) -> [String] {
        modelAnswer(planned.question.sections)
    }

    /// The model answer's sections, or one line saying the guide gives none: never a heading
    /// with nothing under it.
    static func modelAnswer(_ sections: [AnswerSection]) -> [String] {
        let shown = modelAnswerSections(sections)
        guard !shown.isEmpty else { return ["The guide gives no model answer for this question."] }
        var lines = ["Model answer:"]
        for section in shown {
            lines.append("  \(TerminalText.neutralized(section.label)):")
            lines += section.items.map { "    - \(TerminalText.neutralized($0.fullText))" }
        }
        return lines
    }

    static func hasModelAnswer(_ sections: [AnswerSection]) -> Bool {
        !modelAnswerSections(sections).isEmpty
    }

    private static func modelAnswerSections(_ sections: [AnswerSection]) -> [AnswerSection] {
        sections.filter { $0.role != .followUps && !$0.items.isEmpty }
    }

    /// Time, score beside overtime, points detected, what was missed and why it matters, the
    /// pitfalls confirmed and, for STAR answers, the STAR figures in numbers and in words.
    static func result(_ planned: PlannedQuestion, _ record: QuestionRecord) -> [String] {
        let rubric = planned.question.rubric
        var facts = [(record.followUpTimes.isEmpty ? "Time used " : "Time used with follow-ups ") + record.totalTime.clockText]
        facts.append(scoreAndOvertime(planned.question, record))
        if record.submittedAtTimeUp { facts.append("submitted when time ran out") }
        if record.reviewed {
            let grade = PracticeGrading.grade(score: PracticeGrading.score(planned, record), chosen: record.chosenGrade)
            facts.append("graded \(grade.name)" + (record.chosenGrade == nil ? "" : " (chosen)"))
        }
        let content = rubric.indices.filter { rubric[$0].kind != .pitfall }
        if let judgement = record.judgement, !content.isEmpty {
            facts.append("points detected \(judgement.covered(rubric).count) of \(content.count)")
        }
        var lines = [facts.joined(separator: " · ")]
        if record.reviewed, !record.skipped {
            lines += Feedback.missed(rubric, ticks: record.ticks).map { "  " + TerminalText.neutralized(Feedback.missedLine(rubric[$0])) }
            lines += Feedback.pitfalls(rubric, ticks: record.ticks).map { "  " + TerminalText.neutralized(Feedback.pitfallLine(rubric[$0])) }
        }
        if record.scaffold == .star {
            lines += star(StarAnalysis(parts: record.starParts))
        }
        return lines
    }

    /// The question's previous attempt: when, its score and grade, and how its answer began.
    static func previousAttempt(_ earlier: PastAnswer, to planned: PlannedQuestion) -> String {
        let attempt = earlier.attempt
        let score = attempt.score.map { "score \(Wording.percent($0)), " } ?? ""
        let text = TerminalText.neutralized(earlier.record.mainAnswer.collapsingWhitespace())
        let opening = text.isEmpty ? "nothing was written" : "it began \"" + (text.count > 80 ? text.prefix(80) + "…" : text) + "\""
        return "Previous attempt, \(LocalDay.day(attempt.reviewedAt)): \(score)graded \(attempt.grade.name)"
            + (attempt.hash != planned.question.hash ? " (the question has changed since)" : "") + "; \(opening)."
    }

    /// "score 60 % · overtime 0:12", "skipped (counts 0)", "rated 4 of 5 · score 75 %".
    static func scoreAndOvertime(_ question: Question, _ record: QuestionRecord) -> String {
        var facts: [String] = []
        if let score = Scoring.score(question, record) {
            if let rating = record.rating, Scoring.totalWeight(question.rubric) == 0 { facts.append("rated \(rating) of 5") }
            facts.append("score \(Wording.percent(score))")
        } else {
            facts.append("skipped (counts 0)")
        }
        facts.append("overtime \(record.overtime.clockText)")
        return facts.joined(separator: " · ")
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

    /// Every planned question with its score and overtime, the session's score with how many
    /// were answered, and three things to work on.
    static func summary(_ interview: Interview) -> [String] {
        var lines = ["", interview.phase == .abandoned ? "Session ended early. Summary:" : "Summary:"]
        for (number, (planned, record)) in zip(interview.plan.questions, interview.records).enumerated() {
            lines.append("  \(number + 1). \(TerminalText.neutralized(planned.question.title))")
            let status = interview.status(ofQuestion: number)
            let facts = status == .unreached
                ? "\(planned.kind.displayName) · not reached (counts 0)"
                : "\(planned.kind.displayName) · time \(record.totalTime.clockText) · " + scoreAndOvertime(planned.question, record)
            lines.append("     " + facts)
        }
        let tally = interview.tally
        lines.append("Session score: \(tally.score.map(Wording.percent) ?? "none") · \(tally.wording)")
        let advice = Feedback.thingsToWorkOn(interview)
        if !advice.isEmpty {
            lines.append("Things to work on:")
            lines += advice.enumerated().map { "  \($0.offset + 1). " + TerminalText.neutralized($0.element.text) }
        }
        return lines
    }

    private static func formatted(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
