import InterviewCore

/// What practice has waiting in one guide's questions of one kind.
public struct PracticeCounts: Equatable, Sendable {
    /// Due by the end of today, overdue included.
    public var due: Int
    /// Last graded Again or Hard.
    public var weak: Int
    /// Never attempted.
    public var new: Int

    public init(due: Int = 0, weak: Int = 0, new: Int = 0) {
        self.due = due
        self.weak = weak
        self.new = new
    }

    static func + (lhs: PracticeCounts, rhs: PracticeCounts) -> PracticeCounts {
        PracticeCounts(due: lhs.due + rhs.due, weak: lhs.weak + rhs.weak, new: lhs.new + rhs.new)
    }
}

/// Practice as the home screen offers it: counts by guide (its name) and kind, and when the
/// next question falls due, already written out ("tomorrow").
public struct PracticeOverview: Equatable, Sendable {
    public var counts: [String: [CategoryKind: PracticeCounts]]
    public var nextDue: String?

    public init(counts: [String: [CategoryKind: PracticeCounts]], nextDue: String?) {
        self.counts = counts
        self.nextDue = nextDue
    }
}

extension HomeState {
    /// Due, weak and new questions among the chosen guides and kinds.
    public var practiceCounts: PracticeCounts? {
        guard let practice else { return nil }
        return practice.counts.filter { chosenBanks.contains($0.key) }.values
            .flatMap { $0.filter { kinds.contains($0.key) }.values }
            .reduce(PracticeCounts(), +)
    }
}

/// The progress screen: the report, each practised question's due date written out, and how
/// far the list is scrolled.
public struct ProgressScreenState: Equatable, Sendable {
    public var report: ProgressReport
    /// By question id: "today", "tomorrow", "in 5 days", or a date.
    public var dueLabels: [String: String]
    public var scroll = 0

    public init(report: ProgressReport, dueLabels: [String: String]) {
        self.report = report
        self.dueLabels = dueLabels
    }
}
