/// How answers are scored (docs/guide-format.md, "Score").
///
/// A question's score is `clamp((earned + bonus − pitfalls) / total, 0, 1)`, where `total` is
/// the weight of its cover, define, example and STAR points, `earned` the weight of those
/// ticked, `bonus` the weight of ticked bonus points and `pitfalls` the weight of confirmed
/// pitfalls. A question with no such points is rated 1–5 by the user instead, worth
/// (rating − 1) / 4. The session's score is the mean over every planned question, with
/// skipped, unfinished and unreached questions counting 0.
public enum Scoring {
    /// The weight a rubric's score is measured against; 0 when the question must be rated.
    public static func totalWeight(_ rubric: [RubricPoint]) -> Int {
        rubric.filter(\.kind.countsTowardTotal).reduce(0) { $0 + $1.weight }
    }

    /// The score of these ticks (pitfall ticks are confirmed pitfalls); nil when the rubric
    /// has nothing to score against.
    public static func score(rubric: [RubricPoint], ticks: Set<Int>) -> Double? {
        let total = totalWeight(rubric)
        guard total > 0 else { return nil }
        var net = 0
        for index in ticks where rubric.indices.contains(index) {
            let point = rubric[index]
            net += point.kind == .pitfall ? -point.weight : point.weight
        }
        return min(1, max(0, Double(net) / Double(total)))
    }

    /// A self-rating of 1–5 as a score: 1 is 0, 5 is 1.
    public static func score(rating: Int) -> Double {
        Double(min(5, max(1, rating)) - 1) / 4
    }

    /// The score of one reviewed question: from its ticks, or from its rating when it has no
    /// rubric to tick; nil when it was not reviewed (it then counts 0 in the session).
    public static func score(_ question: Question, _ record: QuestionRecord) -> Double? {
        guard record.reviewed, !record.skipped else { return nil }
        if let score = score(rubric: question.rubric, ticks: record.ticks) { return score }
        return record.rating.map(score(rating:))
    }

    /// The session's score: every planned question counts, those not answered as 0.
    public static func sessionScore(_ interview: Interview) -> Double? {
        interview.tally.score
    }
}
