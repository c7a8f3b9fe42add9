/// What to do next, in words: after a question, what was missed and why it matters and how the
/// STAR story reads; after a session, three things to work on.
public enum Feedback {
    /// The points a reviewed answer did not make (ticks decide; bonus points and pitfalls are
    /// not missed, and the STAR structure is told by `starVerdicts`), heaviest first, in rubric
    /// order within a weight.
    public static func missed(_ rubric: [RubricPoint], ticks: Set<Int>) -> [Int] {
        rubric.indices
            .filter { rubric[$0].kind.countsTowardTotal && StarCheck(rubric[$0]) == nil && !ticks.contains($0) }
            .sorted { rubric[$0].weight != rubric[$1].weight ? rubric[$0].weight > rubric[$1].weight : $0 < $1 }
    }

    /// The pitfalls the user confirmed the answer fell into.
    public static func pitfalls(_ rubric: [RubricPoint], ticks: Set<Int>) -> [Int] {
        rubric.indices.filter { rubric[$0].kind == .pitfall && ticks.contains($0) }
    }

    /// "Missed: Use DMA in circular mode (x2). Let DMA write received bytes ..."
    public static func missedLine(_ point: RubricPoint) -> String {
        let weight = point.weight > 1 ? " (x\(point.weight))" : ""
        let detail = point.detail.isEmpty || point.detail == point.lead ? "" : " " + point.detail
        return "Missed: \(point.text)\(weight).\(detail)"
    }

    /// "Fell into: Reliable everywhere (-2). Retransmissions add latency on lossy links."
    public static func pitfallLine(_ point: RubricPoint) -> String {
        "Fell into: \(point.lead) (-\(point.weight)). \(point.detail)"
    }

    /// Everything said about one question, as the transcript, `review` and the screens say it:
    /// after a review, what was missed and the pitfalls confirmed; for a STAR answer, the
    /// verdicts on its story.
    public static func lines(_ rubric: [RubricPoint], _ record: QuestionRecord) -> [String] {
        lines(rubric, ticks: record.reviewed && !record.skipped ? record.ticks : nil, record)
    }

    /// The same, as if the answer were scored with `ticks` now (self-review says it while the
    /// user ticks); nil `ticks` says only how the STAR story reads.
    public static func lines(_ rubric: [RubricPoint], ticks: Set<Int>?, _ record: QuestionRecord) -> [String] {
        var lines: [String] = []
        if let ticks {
            lines += missed(rubric, ticks: ticks).map { missedLine(rubric[$0]) }
            lines += pitfalls(rubric, ticks: ticks).map { pitfallLine(rubric[$0]) }
        }
        return lines + (record.scaffold == .star ? starVerdicts(StarAnalysis(parts: record.starParts)) : [])
    }

    /// The STAR figures as verdicts in words, most important first; one reassuring line when
    /// nothing needs work.
    public static func starVerdicts(_ star: StarAnalysis) -> [String] {
        var verdicts: [String] = []
        let share = { (part: StarPart) in Wording.percent(star.shares[part] ?? 0) }
        let words = { (part: StarPart) in star.words[part] ?? 0 }
        if star.totalWords == 0 { return ["Nothing written: tell the story in four parts."] }
        if star.actionUnderHalf {
            verdicts.append("Action is \(share(.action)) of the story: say more about what you did.")
        }
        if star.firstPersonPlural > star.firstPersonSingular {
            verdicts.append("\(star.firstPersonPlural) \"we\" to \(star.firstPersonSingular) \"I\": say what you did yourself.")
        }
        if !star.resultQuantified {
            verdicts.append("No number in the result: say what changed, with a figure.")
        }
        if (star.shares[.situation] ?? 0) > 0.35 {
            verdicts.append("The situation is \(share(.situation)) of the story (about 20 % is enough): set the scene in fewer words.")
        }
        if words(.task) == 0 {
            verdicts.append("No task: say what your goal and your role were.")
        }
        if verdicts.isEmpty {
            verdicts.append("A well-told story: action \(share(.action)) of it, in the first person, with a measured result.")
        }
        if star.totalWords < StarAnalysis.targetWords.lowerBound / 2 {
            verdicts.append("\(Wording.plural(star.totalWords, "word")): a spoken answer of two minutes is \(StarAnalysis.targetWords.lowerBound)–\(StarAnalysis.targetWords.upperBound) words.")
        } else if star.totalWords > StarAnalysis.targetWords.upperBound * 3 / 2 {
            verdicts.append("\(Wording.plural(star.totalWords, "word")): over two minutes spoken; cut to \(StarAnalysis.targetWords.upperBound) or so.")
        }
        if star.hedgesPer100Words > hedgeLimit {
            verdicts.append("\(tenths(star.hedgesPer100Words)) hedges and fillers per 100 words: say it plainly.")
        }
        if words(.lesson) == 0 { verdicts.append("Add a lesson: what you learned or would do differently.") }
        return verdicts
    }

    /// Hedges and fillers per 100 words above which an answer sounds unsure.
    public static let hedgeLimit = 3.0

    /// One thing to work on, and what it was drawn from.
    public struct Advice: Sendable, Equatable {
        public enum Source: String, Sendable {
            case missedPoint, pitfall, star, overtime, hedges, skipped
        }

        public var source: Source
        public var text: String
    }

    /// Up to `count` things to work on, drawn from the session: the heaviest missed points, the
    /// pitfalls fallen into, recurring STAR problems, overtime, hedges and skipped questions,
    /// one of each in that order before a second of any.
    public static func thingsToWorkOn(_ interview: Interview, count: Int = 3) -> [Advice] {
        var groups: [[Advice]] = [missedAdvice(interview), pitfallAdvice(interview), starAdvice(interview),
                                  overtimeAdvice(interview), hedgeAdvice(interview), skippedAdvice(interview)]
        var chosen: [Advice] = []
        while chosen.count < count, groups.contains(where: { !$0.isEmpty }) {
            for index in groups.indices where !groups[index].isEmpty && chosen.count < count {
                chosen.append(groups[index].removeFirst())
            }
        }
        return chosen
    }

    // MARK: Sources of advice

    private static func answered(_ interview: Interview) -> [(number: Int, planned: PlannedQuestion, record: QuestionRecord)] {
        interview.plan.questions.indices.filter { interview.status(ofQuestion: $0) == .answered }
            .map { ($0, interview.plan.questions[$0], interview.records[$0]) }
    }

    private static func missedAdvice(_ interview: Interview) -> [Advice] {
        var missed: [(weight: Int, number: Int, point: RubricPoint)] = []
        for (number, planned, record) in answered(interview) {
            let rubric = planned.question.rubric
            missed += Self.missed(rubric, ticks: record.ticks).map { (rubric[$0].weight, number, rubric[$0]) }
        }
        // Heaviest first; among equals, the question asked first.
        return missed.enumerated().sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }.map { _, entry in
            let detail = entry.point.detail.isEmpty ? "" : ": " + entry.point.detail
            return Advice(source: .missedPoint, text: "Question \(entry.number + 1) missed \"\(entry.point.lead)\"\(detail)")
        }
    }

    private static func pitfallAdvice(_ interview: Interview) -> [Advice] {
        answered(interview).flatMap { number, planned, record in
            pitfalls(planned.question.rubric, ticks: record.ticks).map {
                let point = planned.question.rubric[$0]
                return Advice(source: .pitfall, text: "Question \(number + 1) fell into \"\(point.lead)\"" + (point.detail.isEmpty ? "" : ": " + point.detail))
            }
        }
    }

    private static func starAdvice(_ interview: Interview) -> [Advice] {
        let stories = interview.plan.questions.indices
            .filter { interview.status(ofQuestion: $0) == .answered && interview.records[$0].scaffold == .star }
            .map { StarAnalysis(parts: interview.records[$0].starParts) }
        guard !stories.isEmpty else { return [] }
        let of = "\(stories.count == 1 ? "your" : "\(stories.count)") STAR answer\(stories.count == 1 ? "" : "s")"
        func count(_ problem: (StarAnalysis) -> Bool) -> String? {
            let found = stories.filter(problem).count
            guard found > 0 else { return nil }
            return stories.count == 1 ? "In \(of)" : "In \(found) of \(of)"
        }
        var advice: [(found: Int, text: String)] = []
        let problems: [((StarAnalysis) -> Bool, String)] = [
            ({ $0.actionUnderHalf }, "the action is under half of the story: say more about what you did, step by step."),
            ({ $0.firstPersonPlural > $0.firstPersonSingular }, "\"we\" outnumbers \"I\": say what you did yourself."),
            ({ !$0.resultQuantified }, "the result has no number: say what changed, with a figure."),
        ]
        for (problem, text) in problems {
            if let prefix = count(problem) { advice.append((stories.filter(problem).count, prefix + ", " + text)) }
        }
        return advice.enumerated().sorted { ($0.element.found, -$0.offset) > ($1.element.found, -$1.offset) }
            .map { Advice(source: .star, text: $0.element.text) }
    }

    private static func overtimeAdvice(_ interview: Interview) -> [Advice] {
        let over = interview.records.prefix(interview.askedCount).filter { $0.overtime > .zero }
        guard !over.isEmpty else { return [] }
        let total = over.reduce(Duration.zero) { $0 + $1.overtime }
        return [Advice(source: .overtime, text: "Overtime on \(over.count) of \(Wording.plural(interview.askedCount, "question")) (\(total.clockText) in all): "
            + "plan the answer in two or three points and stop when they are made.")]
    }

    private static func hedgeAdvice(_ interview: Interview) -> [Advice] {
        let texts = interview.records.prefix(interview.askedCount).map(\.mainAnswer).filter { !$0.isEmpty }
        let words = texts.reduce(0) { $0 + Words.split($1).count }
        guard words > 0 else { return [] }
        let rate = Double(texts.reduce(0) { $0 + Hedges.count($1) }) * 100 / Double(words)
        guard rate > hedgeLimit else { return [] }
        return [Advice(source: .hedges, text: "\(tenths(rate)) hedges and fillers per 100 words (\"maybe\", \"kind of\", \"I think\"): say it plainly.")]
    }

    private static func skippedAdvice(_ interview: Interview) -> [Advice] {
        let skipped = interview.plan.questions.indices.filter { interview.status(ofQuestion: $0) == .skipped }
        guard !skipped.isEmpty else { return [] }
        let which = skipped.count == 1 ? "question \(skipped[0] + 1)" : "questions " + skipped.map { String($0 + 1) }.joined(separator: ", ")
        return [Advice(source: .skipped, text: "\(Wording.plural(skipped.count, "question")) skipped or left unreviewed, each counting 0: "
            + "practise \(which) next.")]
    }

    static func tenths(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
