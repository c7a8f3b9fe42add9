/// What the text of an answer seems to cover, beside (never instead of) the user's own ticks.
public enum PointDetection {
    /// Whether `answer` seems to make `point`: at least half of the key terms of the point's
    /// label appear in the answer, or, failing that, a good share of its model-answer detail.
    /// Pitfall points are never detected.
    public static func detects(_ point: RubricPoint, in answerStems: Set<String>, star: StarAnalysis?) -> Bool {
        if point.kind == .star, let star { return detectsStar(point, star) }
        // Mentioning a pitfall is as likely to commit it as to avoid it: words cannot tell.
        if point.kind == .pitfall { return false }
        let label = Words.keyStems(point.text)
        if !label.isEmpty, label.intersection(answerStems).count * 2 >= label.count {
            return true
        }
        let detail = Words.keyStems(point.detail).subtracting(label)
        let found = detail.intersection(answerStems).count
        return detail.count >= 3 && found >= max(3, (detail.count * 3 + 9) / 10)
    }

    /// STAR points are judged from the STAR figures.
    private static func detectsStar(_ point: RubricPoint, _ star: StarAnalysis) -> Bool {
        switch RubricBuilder.starPoints.firstIndex(of: point) {
        case 0: (star.words[.situation] ?? 0) >= 10
        case 1: (star.words[.task] ?? 0) >= 5
        case 2: (star.words[.action] ?? 0) >= 20 && star.firstPersonSingular >= star.firstPersonPlural
        case 3: star.resultQuantified
        case 4: (star.words[.lesson] ?? 0) >= 5
        default: false
        }
    }

    /// The indices of the rubric points the answer seems to cover.
    public static func detected(rubric: [RubricPoint], answer: String, star: StarAnalysis?) -> Set<Int> {
        let stems = Words.keyStems(answer)
        return Set(rubric.indices.filter { detects(rubric[$0], in: stems, star: star) })
    }
}

/// A question's score: the weight of the ticked points over the weight of all points.
public enum Scoring {
    public static func score(rubric: [RubricPoint], ticks: Set<Int>) -> Double? {
        let total = rubric.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        let ticked = ticks.filter { rubric.indices.contains($0) }.reduce(0) { $0 + rubric[$1].weight }
        return Double(ticked) / Double(total)
    }

    /// The session's score: all ticked weight over all weight, across reviewed questions.
    public static func sessionScore(_ interview: Interview) -> Double? {
        var ticked = 0
        var total = 0
        for (planned, record) in zip(interview.plan.questions, interview.records) where record.reviewed {
            total += planned.question.rubric.reduce(0) { $0 + $1.weight }
            ticked += record.ticks.filter { planned.question.rubric.indices.contains($0) }
                .reduce(0) { $0 + planned.question.rubric[$1].weight }
        }
        return total > 0 ? Double(ticked) / Double(total) : nil
    }
}
