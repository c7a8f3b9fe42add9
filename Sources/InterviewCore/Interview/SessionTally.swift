/// Where each question of a session stands, counted one way for every screen, command and
/// export: "answered N of M" always means questions reviewed (scored or rated) out of all
/// planned.
public enum QuestionStatus: String, Sendable, Codable {
    /// Reviewed: scored from its rubric, or rated.
    case answered
    /// Skipped, left without a review, or cut short when the session ended.
    case skipped
    /// Being asked now, in a session still running.
    case current
    /// Never asked: the session ended first (or has not got there yet).
    case unreached
}

public struct SessionTally: Sendable, Equatable, Codable {
    public var total: Int
    public var answered: Int
    public var skipped: Int
    public var unreached: Int
    /// The mean question score over all `total` questions, the others counting 0; nil for an
    /// empty plan.
    public var score: Double?

    public init(total: Int, answered: Int, skipped: Int, unreached: Int, score: Double?) {
        self.total = total
        self.answered = answered
        self.skipped = skipped
        self.unreached = unreached
        self.score = score
    }

    /// "answered 2 of 5 · 1 skipped · 2 not reached"
    public var wording: String {
        var parts = ["answered \(answered) of \(total)"]
        if skipped > 0 { parts.append("\(skipped) skipped") }
        if unreached > 0 { parts.append("\(unreached) not reached") }
        return parts.joined(separator: " · ")
    }
}

extension Interview {
    public func status(ofQuestion number: Int) -> QuestionStatus {
        guard records.indices.contains(number), number < askedCount else { return .unreached }
        let record = records[number]
        if record.reviewed && !record.skipped { return .answered }
        if number == index && !phase.isFinished && !record.skipped { return .current }
        return .skipped
    }

    public var tally: SessionTally {
        var tally = SessionTally(total: plan.questions.count, answered: 0, skipped: 0, unreached: 0, score: nil)
        var sum = 0.0
        for number in plan.questions.indices {
            switch status(ofQuestion: number) {
            case .answered:
                tally.answered += 1
                sum += Scoring.score(plan.questions[number].question, records[number]) ?? 0
            case .skipped: tally.skipped += 1
            case .unreached: tally.unreached += 1
            case .current: break
            }
        }
        tally.score = tally.total > 0 ? sum / Double(tally.total) : nil
        return tally
    }
}
