/// One question as the session will ask it.
public struct PlannedQuestion: Sendable, Equatable, Codable {
    public var bank: String
    public var guideTitle: String
    public var categoryName: String
    public var kind: CategoryKind
    public var question: Question
    public var answerTime: Duration
    public var followUpTime: Duration
    /// The follow-up questions to ask, chosen from the guide's, in order.
    public var followUps: [String]
    /// Whether the user may switch this question to STAR (situational questions).
    public var offersStar: Bool { kind == .situational }

    public init(bank: String, guideTitle: String, categoryName: String, kind: CategoryKind, question: Question,
                answerTime: Duration, followUpTime: Duration, followUps: [String]) {
        self.bank = bank
        self.guideTitle = guideTitle
        self.categoryName = categoryName
        self.kind = kind
        self.question = question
        self.answerTime = answerTime
        self.followUpTime = followUpTime
        self.followUps = followUps
    }
}

/// The questions of a session, in order, and how it is timed.
public struct SessionPlan: Sendable, Equatable, Codable {
    public var questions: [PlannedQuestion]
    public var settings: SessionSettings
    public var thinkTime: Duration
    public var seed: UInt64
    /// The questions asked for when fewer matched.
    public var requestedCount: Int

    public init(questions: [PlannedQuestion], settings: SessionSettings, thinkTime: Duration, seed: UInt64, requestedCount: Int) {
        self.questions = questions
        self.settings = settings
        self.thinkTime = thinkTime
        self.seed = seed
        self.requestedCount = requestedCount
    }
}

public enum SessionPlanError: Error, Equatable, CustomStringConvertible {
    case noQuestions(kinds: [CategoryKind])
    case invalidCount(Int)

    public var description: String {
        switch self {
        case .noQuestions(let kinds):
            kinds.isEmpty
                ? "the guides have no questions"
                : "the guides have no \(kinds.map(\.rawValue).joined(separator: " or ")) questions"
        case .invalidCount(let count):
            "the number of questions must be at least 1 (got \(count))"
        }
    }
}

/// Chooses a session's questions: reproducible from the seed, no question twice, and kinds
/// interleaved so that every kind asked for appears before any appears twice.
public enum SessionPlanner {
    public struct Source: Sendable {
        public var bank: String
        public var guide: Guide

        public init(bank: String, guide: Guide) {
            self.bank = bank
            self.guide = guide
        }
    }

    public static func plan(
        from sources: [Source],
        kinds requested: [CategoryKind] = [],
        count: Int,
        seed: UInt64,
        settings: SessionSettings = SessionSettings()
    ) throws(SessionPlanError) -> SessionPlan {
        guard count >= 1 else { throw .invalidCount(count) }
        var generator = SeededGenerator(seed: seed)
        var pools: [CategoryKind: [PlannedQuestion]] = [:]
        var seen: Set<String> = []
        var guideThinkTime: Duration?
        for source in sources {
            let timing = GuideTiming(metadata: source.guide.metadata)
            guideThinkTime = guideThinkTime ?? timing.thinkTime
            for category in source.guide.categories where requested.isEmpty || requested.contains(category.kind) {
                for question in category.questions where seen.insert(question.id).inserted {
                    pools[category.kind, default: []].append(planned(question, in: category, of: source, timing: timing,
                                                                     settings: settings, using: &generator))
                }
            }
        }
        guard !pools.isEmpty else { throw .noQuestions(kinds: requested) }
        // Kinds in a seeded order; each kind's questions shuffled; then one of each in turn.
        let queues = pools.keys.sorted().shuffled(using: &generator).map { pools[$0]!.shuffled(using: &generator) }
        let chosen = Array(interleaving(queues).prefix(count))
        let thinkTime = settings.thinkTime ?? guideThinkTime ?? SessionSettings.defaultThinkTime
        return SessionPlan(questions: chosen, settings: settings, thinkTime: thinkTime, seed: seed, requestedCount: count)
    }

    /// A session of exactly the questions with these ids, in this order (practice chooses
    /// them: a question asked for by id, what is due, what is weak). Ids no guide holds are
    /// left out; the seed chooses the follow-ups.
    public static func plan(
        questions ids: [String],
        from sources: [Source],
        seed: UInt64,
        settings: SessionSettings = SessionSettings()
    ) throws(SessionPlanError) -> SessionPlan {
        var generator = SeededGenerator(seed: seed)
        var found: [String: PlannedQuestion] = [:]
        let wanted = Set(ids)
        var guideThinkTime: Duration?
        for source in sources {
            let timing = GuideTiming(metadata: source.guide.metadata)
            guideThinkTime = guideThinkTime ?? timing.thinkTime
            for category in source.guide.categories {
                for question in category.questions where wanted.contains(question.id) && found[question.id] == nil {
                    found[question.id] = planned(question, in: category, of: source, timing: timing, settings: settings, using: &generator)
                }
            }
        }
        var asked: Set<String> = []
        let chosen = ids.compactMap { id in asked.insert(id).inserted ? found[id] : nil }
        guard !chosen.isEmpty else { throw .noQuestions(kinds: []) }
        let thinkTime = settings.thinkTime ?? guideThinkTime ?? SessionSettings.defaultThinkTime
        return SessionPlan(questions: chosen, settings: settings, thinkTime: thinkTime, seed: seed, requestedCount: chosen.count)
    }

    /// One of each queue in turn, until all are empty: every kind before any kind twice.
    public static func interleaving<Element>(_ queues: [[Element]]) -> [Element] {
        var queues = queues.map { $0[...] }
        var result: [Element] = []
        while queues.contains(where: { !$0.isEmpty }) {
            for index in queues.indices {
                if let next = queues[index].popFirst() { result.append(next) }
            }
        }
        return result
    }

    private static func planned(_ question: Question, in category: Category, of source: Source, timing: GuideTiming,
                                settings: SessionSettings, using generator: inout SeededGenerator) -> PlannedQuestion {
        PlannedQuestion(
            bank: source.bank,
            guideTitle: source.guide.title,
            categoryName: category.name,
            kind: category.kind,
            question: question,
            answerTime: settings.answerTime ?? timing.answerTimes[category.kind] ?? SessionSettings.defaultAnswerTime(for: category.kind),
            followUpTime: settings.followUpTime ?? timing.followUpTime ?? SessionSettings.defaultFollowUpTime,
            followUps: Array(question.followUps.shuffled(using: &generator).prefix(settings.followUpsPerQuestion))
        )
    }
}

/// SplitMix64: small, fast, and the same sequence on every platform for a seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
