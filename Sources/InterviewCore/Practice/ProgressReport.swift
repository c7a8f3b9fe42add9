/// Coverage, scores, trends and what is due, per guide and per kind, and per question: what
/// `rehearse progress` and the progress screen show. Built from the guides (for the totals) and
/// the stored practice; the trends come from whoever holds the attempts.
public struct ProgressReport: Sendable, Equatable {
    /// One session's mean question score within a group.
    public struct TrendPoint: Sendable, Equatable {
        public var sessionId: String
        public var date: Timestamp
        public var score: Double

        public init(sessionId: String, date: Timestamp, score: Double) {
            self.sessionId = sessionId
            self.date = date
            self.score = score
        }
    }

    /// What a trend is drawn for.
    public enum Scope: Hashable, Sendable {
        case all
        case bank(String)
        case kind(CategoryKind)
    }

    public struct Group: Sendable, Equatable {
        /// The guide's name, the kind's (`technical`), or `all`.
        public var name: String
        public var title: String
        /// Questions the guides hold.
        public var total: Int
        /// Of those, the questions attempted at least once.
        public var seen: Int
        public var attempts: Int
        /// The mean of each seen question's latest score (those with one).
        public var meanLatestScore: Double?
        /// Seen questions due by the end of today (overdue ones included), and within 7 days.
        public var dueToday: Int
        public var dueThisWeek: Int
        /// Session scores, oldest first.
        public var trend: [TrendPoint]
    }

    public struct Entry: Sendable, Equatable {
        public var id: String
        public var bank: String
        public var kind: CategoryKind
        /// The question's text; nil when no guide found holds it any more.
        public var title: String?
        public var practice: QuestionPractice?

        public var inGuide: Bool { title != nil }
    }

    public var overall: Group
    public var guides: [Group]
    public var kinds: [Group]
    /// Every question of the guides, in guide order, then those practised that no guide found
    /// holds any more.
    public var questions: [Entry]
    /// When the next seen question falls due.
    public var nextDue: Timestamp?

    /// How many sessions a trend shows at most.
    public static let trendLength = 24

    /// `endOfToday` is where the user's day ends (local midnight): "due today" is due before it.
    public init(sources: [SessionPlanner.Source], practice: [String: QuestionPractice], endOfToday: Timestamp,
                trend: (Scope) throws -> [TrendPoint]) rethrows {
        let pool = PracticePool(sources: sources)
        let weekEnd = endOfToday.adding(days: 6)
        func group(_ name: String, _ title: String, _ scope: Scope, _ members: [PracticePool.Candidate]) throws -> Group {
            let seen = members.compactMap { practice[$0.question.id] }
            let scores = seen.compactMap(\.lastScore)
            return Group(name: name, title: title, total: members.count, seen: seen.count, attempts: seen.reduce(0) { $0 + $1.attempts },
                         meanLatestScore: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
                         dueToday: seen.filter { $0.due < endOfToday }.count, dueThisWeek: seen.filter { $0.due < weekEnd }.count,
                         trend: try trend(scope))
        }
        overall = try group("all", "All guides", .all, pool.candidates)
        var guides: [Group] = []
        for source in sources where !guides.contains(where: { $0.name == source.bank }) {
            guides.append(try group(source.bank, source.guide.title, .bank(source.bank), pool.candidates.filter { $0.bank == source.bank }))
        }
        self.guides = guides
        kinds = try CategoryKind.allCases.compactMap { kind in
            let members = pool.candidates.filter { $0.kind == kind }
            return members.isEmpty ? nil : try group(kind.rawValue, kind.displayName, .kind(kind), members)
        }
        var entries = pool.candidates.map { Entry(id: $0.question.id, bank: $0.bank, kind: $0.kind, title: $0.question.title, practice: practice[$0.question.id]) }
        entries += practice.values.filter { pool.candidate($0.questionId) == nil }.sorted { $0.questionId < $1.questionId }
            .map { Entry(id: $0.questionId, bank: $0.bank, kind: $0.kind, title: nil, practice: $0) }
        questions = entries
        nextDue = pool.nextDue(practice)
    }
}

/// Scores over time as one row of block characters, one per session, the height telling the
/// score: readable without colour.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The last `width` scores (0...1).
    public static func draw(_ scores: [Double], width: Int) -> String {
        String(scores.suffix(max(0, width)).map { score in
            blocks[min(blocks.count - 1, max(0, Int((min(1, max(0, score)) * Double(blocks.count - 1)).rounded())))]
        })
    }
}
