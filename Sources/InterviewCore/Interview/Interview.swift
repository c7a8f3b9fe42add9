/// A mock interview as a pure state machine: `handle(event)` changes the state and returns what
/// the caller must do. It reads no clock, file or terminal; every event carries the instant it
/// happened, and time is measured between instants (minus paused time), never by counting ticks.
public struct Interview: Sendable, Equatable, Codable {
    public enum Phase: Equatable, Sendable, Codable {
        case briefing
        /// Think time: the question is shown, the answer clock has not started.
        case reading
        case answering
        case followUp(Int)
        /// Untimed: rubric, model answer, analysis.
        case selfReview
        case summary
        case abandoned

        public var isTimed: Bool {
            switch self {
            case .reading, .answering, .followUp: true
            default: false
            }
        }

        public var isFinished: Bool { self == .summary || self == .abandoned }
    }

    public enum Event: Equatable, Sendable, Codable {
        /// Leave the briefing for the first question.
        case begin(at: Instant)
        /// The whole text of a field as it now stands.
        case type(AnswerField, String, at: Instant)
        /// The main answer, or the current follow-up answer, is done.
        case submit(at: Instant)
        /// Time has passed; the caller sends these as often as it likes.
        case tick(at: Instant)
        case pause(at: Instant)
        case resume(at: Instant)
        /// Move on, keeping what was written: to the next question, or at a follow-up to the
        /// next follow-up (or the review), or from the review without ticking.
        case skip(at: Instant)
        /// End the session now, keeping what was written.
        case abandon(at: Instant)
        /// Answer a question that offers STAR (situational) in STAR form, or back in free form.
        case useScaffold(Scaffold, at: Instant)
        /// Self-review done, with the rubric points the user ticked (and pitfalls confirmed).
        case review(ticks: Set<Int>, at: Instant)
        /// In self-review: the grade the user gives the question for scheduling, in place of
        /// the one its score gives (nil goes back to the score's).
        case chooseGrade(Grade?, at: Instant)
        /// Self-review done for a question with no rubric: the user's rating, 1–5.
        case rate(Int, at: Instant)
        /// What the submitted answer's text was judged to cover, to record with it.
        case judged(AnswerJudgement, at: Instant)

        public var instant: Instant {
            switch self {
            case .begin(let at), .type(_, _, let at), .submit(let at), .tick(let at), .pause(let at),
                 .resume(let at), .skip(let at), .abandon(let at), .useScaffold(_, let at), .review(_, let at),
                 .chooseGrade(_, let at), .rate(_, let at), .judged(_, let at):
                at
            }
        }
    }

    public enum Effect: Equatable, Sendable, Codable {
        /// Keep a snapshot of the session now.
        case save
        /// The running clock passed this share of its time (50, 80, 100), once each.
        case warning(percent: Int)
        case bell
        /// Hard time ran out and submitted the answer as it stood.
        case timeUp
        /// The session reached its summary or was abandoned.
        case finished
    }

    public static let warningPercents = [50, 80, 100]

    public let plan: SessionPlan
    public private(set) var phase: Phase = .briefing
    /// The question being asked (or the last one, once finished).
    public private(set) var index = 0
    public private(set) var records: [QuestionRecord]
    /// When the running clock was paused, while it is.
    public private(set) var pausedAt: Instant?
    /// When the running clock's phase began.
    public private(set) var clockStartedAt: Instant?
    /// Paused time within the running clock's phase.
    public private(set) var pausedInPhase: Duration = .zero
    public private(set) var warningsFired: Set<Int> = []
    /// The latest instant seen: an event that claims an earlier one is taken as happening now.
    public private(set) var latest: Instant?

    public init(plan: SessionPlan) {
        self.plan = plan
        records = plan.questions.map { QuestionRecord(scaffold: $0.question.scaffold, followUps: $0.followUps.count) }
    }

    /// An interview put back together from its plan, its saved progress and the records kept
    /// apart from it; a record found in neither is a question not asked yet. The progress's own
    /// records win: they are the newest.
    public init(plan: SessionPlan, progress: Progress, records saved: [Int: QuestionRecord] = [:]) {
        self.init(plan: plan)
        for position in records.indices {
            guard var record = progress.records[position] ?? saved[position] else { continue }
            // Saved records come from a file: fit them to the plan rather than trust their shape.
            let followUps = plan.questions[position].followUps.count
            record.followUpAnswers = Array((record.followUpAnswers + Array(repeating: "", count: followUps)).prefix(followUps))
            record.followUpTimes = Array((record.followUpTimes + Array(repeating: .zero, count: followUps)).prefix(followUps))
            records[position] = record
        }
        index = plan.questions.isEmpty ? 0 : min(max(0, progress.index), plan.questions.count - 1)
        phase = progress.phase
        if case .followUp(let number) = phase, !(plan.questions.indices.contains(index)
            && (0..<plan.questions[index].followUps.count).contains(number)) {
            phase = .selfReview
        }
        pausedAt = progress.pausedAt
        clockStartedAt = progress.clockStartedAt
        pausedInPhase = progress.pausedInPhase
        warningsFired = progress.warningsFired
        latest = progress.latest
    }

    public var current: PlannedQuestion? { plan.questions.indices.contains(index) ? plan.questions[index] : nil }
    public var currentRecord: QuestionRecord? { records.indices.contains(index) ? records[index] : nil }
    public var isPaused: Bool { pausedAt != nil }

    /// Questions asked so far, the current one included (none during the briefing).
    public var askedCount: Int { phase == .briefing ? 0 : min(index + 1, plan.questions.count) }

    /// The running clock's length: think time, answer time or follow-up time.
    public var limit: Duration? {
        guard let current else { return nil }
        switch phase {
        case .reading: return plan.thinkTime
        case .answering: return current.answerTime
        case .followUp: return current.followUpTime
        default: return nil
        }
    }

    /// Time on the running clock at `instant`, paused time excluded; frozen while paused.
    public func elapsed(at instant: Instant) -> Duration {
        guard let start = clockStartedAt else { return .zero }
        return max(.zero, (pausedAt ?? instant) - start - pausedInPhase)
    }

    /// Time left on the running clock; negative in overtime.
    public func remaining(at now: Instant) -> Duration? {
        limit.map { $0 - elapsed(at: now) }
    }

    /// The fields the current phase takes typing into.
    public var editableFields: [AnswerField] {
        guard let record = currentRecord else { return [] }
        switch phase {
        case .reading, .answering:
            return record.scaffold == .free ? [.free] : StarPart.allCases.map(AnswerField.star)
        case .followUp(let number):
            return [.followUp(number)]
        default:
            return []
        }
    }

    public mutating func handle(_ event: Event) -> [Effect] {
        let now = max(event.instant, latest ?? event.instant)
        latest = now
        guard !phase.isFinished else { return [] }
        switch event {
        case .begin:
            guard phase == .briefing else { return [] }
            return startQuestion(0, at: now)
        case .type(let field, let text, _):
            return type(text, into: field, at: now)
        case .submit:
            return submit(at: now)
        case .tick:
            return tick(at: now)
        case .pause:
            guard phase.isTimed, pausedAt == nil else { return [] }
            pausedAt = now
            records[index].pauses += 1
            return [.save]
        case .resume:
            guard let since = pausedAt else { return [] }
            pausedInPhase += now - since
            pausedAt = nil
            return [.save]
        case .skip:
            switch phase {
            case .briefing:
                return []
            case .selfReview:
                // Moving on without ticking: the question stays unreviewed, and unscored.
                return nextQuestion(at: now)
            case .followUp(let number):
                // Skips this follow-up only; the main answer stands and is reviewed.
                pausedAt = nil
                return finishFollowUp(number, at: now, timeUp: false)
            default:
                recordTimeSoFar(at: now)
                records[index].skipped = true
                return nextQuestion(at: now)
            }
        case .abandon:
            recordTimeSoFar(at: now)
            phase = .abandoned
            clockStartedAt = nil
            return [.save, .finished]
        case .useScaffold(let scaffold, _):
            guard phase == .reading || phase == .answering, current?.offersStar == true,
                  records[index].scaffold != scaffold else { return [] }
            records[index].scaffold = scaffold
            return [.save]
        case .review(let ticks, _):
            guard phase == .selfReview else { return [] }
            return review(ticks: ticks, at: now)
        case .chooseGrade(let grade, _):
            guard phase == .selfReview, records[index].chosenGrade != grade else { return [] }
            records[index].chosenGrade = grade
            return [.save]
        case .rate(let rating, _):
            guard phase == .selfReview else { return [] }
            records[index].rating = min(5, max(1, rating))
            records[index].reviewed = true
            return nextQuestion(at: now)
        case .judged(let judgement, _):
            // Once the main answer is in: during its follow-ups or its review.
            switch phase {
            case .followUp, .selfReview:
                guard judgement.verdicts.count == current?.question.rubric.count else { return [] }
                records[index].judgement = judgement
                return [.save]
            default:
                return []
            }
        }
    }

    // MARK: Phases

    private mutating func startQuestion(_ number: Int, at now: Instant) -> [Effect] {
        guard plan.questions.indices.contains(number) else {
            phase = .summary
            clockStartedAt = nil
            return [.save, .finished]
        }
        index = number
        phase = .reading
        startClock(at: now)
        return [.save]
    }

    private mutating func startClock(at instant: Instant) {
        clockStartedAt = instant
        pausedInPhase = .zero
        pausedAt = nil
        warningsFired = []
    }

    private mutating func type(_ text: String, into field: AnswerField, at now: Instant) -> [Effect] {
        guard editableFields.contains(field) else { return [] }
        records[index].set(text, for: field)
        // Typing during think time starts the answer at once.
        if phase == .reading, pausedAt == nil, !text.isEmpty {
            phase = .answering
            startClock(at: now)
        }
        return [.save]
    }

    private mutating func submit(at now: Instant) -> [Effect] {
        guard pausedAt == nil else { return [] }
        switch phase {
        case .reading:
            phase = .answering
            startClock(at: now)
            return finishAnswer(at: now, timeUp: false)
        case .answering:
            return finishAnswer(at: now, timeUp: false)
        case .followUp(let number):
            return finishFollowUp(number, at: now, timeUp: false)
        default:
            return []
        }
    }

    /// A late tick may cross several deadlines (think time, answer, each follow-up in hard
    /// time): each is handled at its own instant, until nothing more is due at `now`.
    private mutating func tick(at now: Instant) -> [Effect] {
        var effects: [Effect] = []
        while true {
            let before = (phase, index)
            effects += tickOnce(at: now)
            if before == (phase, index) || !phase.isTimed { return effects }
        }
    }

    private mutating func tickOnce(at now: Instant) -> [Effect] {
        guard pausedAt == nil, phase.isTimed, let start = clockStartedAt else { return [] }
        var effects: [Effect] = []
        if phase == .reading {
            let thinkEnds = start + pausedInPhase + plan.thinkTime
            guard now >= thinkEnds else { return [] }
            // The answer clock starts when think time ran out, however late this tick came.
            phase = .answering
            startClock(at: thinkEnds)
            effects.append(.save)
        }
        guard let limit, let clockStart = clockStartedAt else { return effects }
        let used = elapsed(at: now)
        for percent in Self.warningPercents where !warningsFired.contains(percent) && used * 100 >= limit * percent {
            warningsFired.insert(percent)
            effects.append(.warning(percent: percent))
            if percent == 100 { effects.append(.bell) }
        }
        if plan.settings.hardTime, used >= limit {
            let deadline = clockStart + pausedInPhase + limit
            switch phase {
            case .answering: effects += finishAnswer(at: deadline, timeUp: true)
            case .followUp(let number): effects += finishFollowUp(number, at: deadline, timeUp: true)
            default: break
            }
            effects.append(.timeUp)
        }
        return effects
    }

    private mutating func finishAnswer(at instant: Instant, timeUp: Bool) -> [Effect] {
        let used = elapsed(at: instant)
        records[index].answerTime = used
        records[index].overtime += max(.zero, used - (limit ?? used))
        records[index].submittedAtTimeUp = records[index].submittedAtTimeUp || timeUp
        return startFollowUpOrReview(0, at: instant)
    }

    private mutating func finishFollowUp(_ number: Int, at instant: Instant, timeUp: Bool) -> [Effect] {
        let used = elapsed(at: instant)
        records[index].followUpTimes[number] = used
        records[index].overtime += max(.zero, used - (limit ?? used))
        records[index].submittedAtTimeUp = records[index].submittedAtTimeUp || timeUp
        return startFollowUpOrReview(number + 1, at: instant)
    }

    private mutating func startFollowUpOrReview(_ number: Int, at instant: Instant) -> [Effect] {
        if let current, number < current.followUps.count {
            phase = .followUp(number)
            startClock(at: instant)
        } else {
            phase = .selfReview
            clockStartedAt = nil
            pausedAt = nil
        }
        return [.save]
    }

    private mutating func review(ticks: Set<Int>, at now: Instant) -> [Effect] {
        let points = current?.question.rubric.count ?? 0
        records[index].ticks = ticks.filter { (0..<points).contains($0) }
        records[index].reviewed = true
        return nextQuestion(at: now)
    }

    private mutating func nextQuestion(at now: Instant) -> [Effect] {
        startQuestion(index + 1, at: now)
    }

    /// Time spent in the running phase, kept when a question is skipped or the session ends.
    private mutating func recordTimeSoFar(at now: Instant) {
        let used = elapsed(at: now)
        switch phase {
        case .answering:
            records[index].answerTime = used
            records[index].overtime = max(.zero, used - (limit ?? used))
        case .followUp(let number):
            records[index].followUpTimes[number] = used
            records[index].overtime += max(.zero, used - (limit ?? used))
        default:
            break
        }
        pausedAt = nil
    }
}
