import Foundation
import InterviewCore

/// `rehearse progress --json`: the contract in docs/progress-format.md. Fields may be added,
/// never removed or renamed.
struct ProgressDocument: Encodable {
    var format = "rehearse-progress"
    var version = 1
    var generatedAt: Date
    var desiredRetention: Double
    var nextDue: Date?
    var totals: Group
    var guides: [Group]
    var kinds: [Group]
    var questions: [Question]

    struct Group: Encodable {
        var name: String
        var title: String
        var questions: Int
        var seen: Int
        var attempts: Int
        var meanLatestScore: Double?
        var dueToday: Int
        var dueThisWeek: Int
        var trend: [Point]

        init(_ group: ProgressReport.Group) {
            name = group.name
            title = group.title
            questions = group.total
            seen = group.seen
            attempts = group.attempts
            meanLatestScore = group.meanLatestScore
            dueToday = group.dueToday
            dueThisWeek = group.dueThisWeek
            trend = group.trend.map { Point(session: $0.sessionId, date: LocalDay.date($0.date), score: $0.score) }
        }
    }

    struct Point: Encodable {
        var session: String
        var date: Date
        var score: Double
    }

    struct Question: Encodable {
        var id: String
        var guide: String
        var kind: CategoryKind
        var title: String?
        var inGuide: Bool
        var attempts: Int
        var lastScore: Double?
        var bestScore: Double?
        var lastGrade: String?
        var lastPracticed: Date?
        var due: Date?
        var stability: Double?
        var difficulty: Double?
        var reps: Int?
        var lapses: Int?

        init(_ entry: ProgressReport.Entry) {
            let practice = entry.practice
            id = entry.id
            guide = entry.bank
            kind = entry.kind
            title = entry.title
            inGuide = entry.inGuide
            attempts = practice?.attempts ?? 0
            lastScore = practice?.lastScore
            bestScore = practice?.bestScore
            lastGrade = practice?.lastGrade.name
            lastPracticed = practice.map { LocalDay.date($0.lastPracticed) }
            due = practice.map { LocalDay.date($0.due) }
            stability = practice?.memory.stability
            difficulty = practice?.memory.difficulty
            reps = practice?.memory.reps
            lapses = practice?.memory.lapses
        }
    }

    init(_ report: ProgressReport, retention: Double, now: Date) {
        generatedAt = now
        desiredRetention = retention
        nextDue = report.nextDue.map(LocalDay.date)
        totals = Group(report.overall)
        guides = report.guides.map(Group.init)
        kinds = report.kinds.map(Group.init)
        questions = report.questions.map(Question.init)
    }
}
