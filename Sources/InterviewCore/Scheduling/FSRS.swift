/// What FSRS knows of a question's place in memory after its reviews.
public struct MemoryState: Sendable, Equatable, Codable {
    /// Days until recall falls to 90 %.
    public var stability: Double
    /// 1 (easy to remember) to 10 (hard).
    public var difficulty: Double
    public var lastReview: Timestamp
    public var due: Timestamp
    /// Whole days from the last review to the due date.
    public var intervalDays: Int
    /// Reviews so far.
    public var reps: Int
    /// Reviews graded Again after the first: times the answer was lost.
    public var lapses: Int

    public init(stability: Double, difficulty: Double, lastReview: Timestamp, due: Timestamp, intervalDays: Int, reps: Int, lapses: Int) {
        self.stability = stability
        self.difficulty = difficulty
        self.lastReview = lastReview
        self.due = due
        self.intervalDays = intervalDays
        self.reps = reps
        self.lapses = lapses
    }
}

/// The FSRS-6 scheduler (the published formulas, with its 21 default weights), as Rehearse
/// uses it: every review is scheduled in whole days, with no learning or relearning steps and
/// no random fuzz, so that the same reviews always give the same due dates. A review less
/// than a day after the last one is a same-day review, and uses FSRS-6's short-term formula.
///
/// Matches the reference implementation (the Python package `fsrs` 6.3, configured the same
/// way): Tests/Fixtures/fsrs holds its output and the script that produced it.
public struct FSRS: Sendable, Equatable {
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    public static let defaultRetention = 0.9
    static let minimumStability = 0.001
    static let difficultyRange = 1.0...10.0
    /// The reference raises `math.e` rather than calling `exp`; so does this, to the last bit.
    static let e = 2.718281828459045

    public let weights: [Double]
    /// The chance of recalling a question on its due date that the intervals aim for.
    public let desiredRetention: Double
    public let maximumIntervalDays: Int
    private let decay: Double
    private let factor: Double

    /// `weights` must hold 21 numbers; otherwise the defaults are used.
    public init(weights: [Double] = FSRS.defaultWeights, desiredRetention: Double = FSRS.defaultRetention, maximumIntervalDays: Int = 36_500) {
        self.weights = weights.count == 21 ? weights : Self.defaultWeights
        self.desiredRetention = min(0.99, max(0.5, desiredRetention))
        self.maximumIntervalDays = max(1, maximumIntervalDays)
        decay = -self.weights[20]
        factor = power(0.9, 1 / decay) - 1
    }

    /// The state after a review graded `grade` at `now`; `state` is nil for a first review.
    public func review(_ state: MemoryState?, grade: Grade, at now: Timestamp) -> MemoryState {
        let stability: Double
        let difficulty: Double
        var lapses = state?.lapses ?? 0
        if let state {
            let elapsed = now.wholeDays(since: state.lastReview)
            if elapsed < 1 {
                stability = shortTermStability(state.stability, grade: grade)
            } else {
                let recall = retrievability(stability: state.stability, elapsedDays: elapsed)
                stability = grade == .again
                    ? forgetStability(difficulty: state.difficulty, stability: state.stability, retrievability: recall)
                    : recallStability(difficulty: state.difficulty, stability: state.stability, retrievability: recall, grade: grade)
            }
            difficulty = nextDifficulty(state.difficulty, grade: grade)
            if grade == .again { lapses += 1 }
        } else {
            stability = max(Self.minimumStability, weights[grade.rawValue - 1])
            difficulty = clampDifficulty(initialDifficulty(grade))
        }
        let interval = intervalDays(stability: stability)
        return MemoryState(stability: stability, difficulty: difficulty, lastReview: now, due: now.adding(days: Double(interval)),
                           intervalDays: interval, reps: (state?.reps ?? 0) + 1, lapses: lapses)
    }

    /// The chance of recalling the question at `now` (whole days since the last review).
    public func retrievability(of state: MemoryState, at now: Timestamp) -> Double {
        retrievability(stability: state.stability, elapsedDays: max(0, now.wholeDays(since: state.lastReview)))
    }

    /// Days until recall is expected to fall to the desired retention: at least 1, whole days
    /// (halves rounded to even, as the reference rounds), at most the maximum.
    public func intervalDays(stability: Double) -> Int {
        let days = stability / factor * (power(desiredRetention, 1 / decay) - 1)
        return min(maximumIntervalDays, max(1, Int(days.rounded(.toNearestOrEven))))
    }

    // MARK: Formulas

    private func retrievability(stability: Double, elapsedDays: Int) -> Double {
        power(1 + factor * Double(elapsedDays) / stability, decay)
    }

    private func initialDifficulty(_ grade: Grade) -> Double {
        weights[4] - power(Self.e, weights[5] * Double(grade.rawValue - 1)) + 1
    }

    private func clampDifficulty(_ difficulty: Double) -> Double {
        min(Self.difficultyRange.upperBound, max(Self.difficultyRange.lowerBound, difficulty))
    }

    private func nextDifficulty(_ difficulty: Double, grade: Grade) -> Double {
        let delta = -(weights[6] * Double(grade.rawValue - 3))
        // Linear damping: the closer to 10, the smaller the step; then mean reversion towards
        // the difficulty of a first Easy.
        let damped = difficulty + (10 - difficulty) * delta / 9
        return clampDifficulty(weights[7] * initialDifficulty(.easy) + (1 - weights[7]) * damped)
    }

    private func shortTermStability(_ stability: Double, grade: Grade) -> Double {
        var increase = power(Self.e, weights[17] * (Double(grade.rawValue) - 3 + weights[18])) * power(stability, -weights[19])
        if grade != .again { increase = max(increase, 1) }
        return max(Self.minimumStability, stability * increase)
    }

    private func forgetStability(difficulty: Double, stability: Double, retrievability: Double) -> Double {
        let longTerm = weights[11] * power(difficulty, -weights[12]) * (power(stability + 1, weights[13]) - 1)
            * power(Self.e, (1 - retrievability) * weights[14])
        let shortTerm = stability / power(Self.e, weights[17] * weights[18])
        return max(Self.minimumStability, min(longTerm, shortTerm))
    }

    private func recallStability(difficulty: Double, stability: Double, retrievability: Double, grade: Grade) -> Double {
        let hardPenalty = grade == .hard ? weights[15] : 1
        let easyBonus = grade == .easy ? weights[16] : 1
        let growth = power(Self.e, weights[8]) * (11 - difficulty) * power(stability, -weights[9])
            * (power(Self.e, (1 - retrievability) * weights[10]) - 1) * hardPenalty * easyBonus
        return max(Self.minimumStability, stability * (1 + growth))
    }
}
