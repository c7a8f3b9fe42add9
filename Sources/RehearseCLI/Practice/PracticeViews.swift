import Foundation
import InterviewCore
import TerminalUI
import TranscriptStore

/// Practice as the screens show it, read from the store and the guides: the home screen's
/// counts and the progress report.
enum PracticeViews {
    /// The progress report over `sources`, with trends from the store; `onlyTheirs` leaves out
    /// the questions and sessions practised in other guides (those no guide found holds any
    /// more, say), in the totals' and kinds' trends too.
    static func report(_ store: TranscriptStore, sources: [SessionPlanner.Source], onlyTheirs: Bool, now: Date = Date()) throws -> ProgressReport {
        let banks = onlyTheirs ? sources.map(\.bank) : nil
        let practice = try store.practice(banks: banks)
        return try ProgressReport(sources: sources, practice: practice, endOfToday: LocalDay.endOfToday(now)) { scope in
            try store.trend(scope, banks: banks)
        }
    }

    static func progressScreen(_ report: ProgressReport, now: Date = Date()) -> ProgressScreenState {
        var labels: [String: String] = [:]
        for entry in report.questions {
            if let practice = entry.practice { labels[entry.id] = LocalDay.shortWhen(practice.due, now: now) }
        }
        return ProgressScreenState(report: report, dueLabels: labels)
    }

    /// Due, weak and new questions by guide (by the name the home screen gives it) and kind.
    static func overview(_ store: TranscriptStore, guides: [(name: String, source: SessionPlanner.Source)], now: Date = Date()) throws -> PracticeOverview {
        var builder = OverviewBuilder(practice: try store.practice(banks: guides.map(\.source.bank)), now: now)
        for (name, source) in guides { builder.add(name, source) }
        return builder.overview
    }

    /// The overview put together one guide at a time, so a caller reading many guides need not
    /// hold them all.
    struct OverviewBuilder {
        let practice: [String: QuestionPractice]
        let now: Date
        private let endOfToday: Timestamp
        private var counts: [String: [CategoryKind: PracticeCounts]] = [:]
        private var nextDue: Timestamp?

        init(practice: [String: QuestionPractice], now: Date = Date()) {
            self.practice = practice
            self.now = now
            endOfToday = LocalDay.endOfToday(now)
        }

        mutating func add(_ name: String, _ source: SessionPlanner.Source) {
            let pool = PracticePool(sources: [source])
            for candidate in pool.candidates {
                var count = counts[name, default: [:]][candidate.kind, default: PracticeCounts()]
                if let entry = practice[candidate.question.id] {
                    if entry.due < endOfToday { count.due += 1 }
                    if entry.lastGrade < .good { count.weak += 1 }
                } else {
                    count.new += 1
                }
                counts[name, default: [:]][candidate.kind] = count
            }
            if let due = pool.nextDue(practice) { nextDue = min(nextDue ?? due, due) }
        }

        var overview: PracticeOverview {
            PracticeOverview(counts: counts, nextDue: nextDue.map { LocalDay.shortWhen($0, now: now) })
        }
    }
}
