import InterviewCore

/// The detector Rehearse had before judging was measured, as a reference: a point is seen when
/// half the key stems of its label are in the answer, or else at least three stems of its
/// model-answer text, 30 % of them or more. Pitfalls were never marked.
public enum EarlierDetection {
    public static func judge(_ rubric: [RubricPoint], answer: String) -> AnswerJudgement {
        let stems = Words.keyStems(answer)
        return AnswerJudgement(detector: .lexical, verdicts: rubric.map { point in
            let seen = point.kind != .pitfall && detects(point, in: stems)
            return PointVerdict(detected: seen, strength: seen ? 1 : 0)
        })
    }

    static func detects(_ point: RubricPoint, in stems: Set<String>) -> Bool {
        let label = Words.keyStems(point.text)
        if !label.isEmpty, label.intersection(stems).count * 2 >= label.count { return true }
        let detail = Words.keyStems(point.matchText).subtracting(label)
        let found = detail.intersection(stems).count
        return detail.count >= 3 && found >= max(3, (detail.count * 3 + 9) / 10)
    }
}
