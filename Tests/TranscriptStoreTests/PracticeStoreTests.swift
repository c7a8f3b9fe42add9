import Foundation
import GRDB
import InterviewCore
import Testing
@testable import TranscriptStore

/// Attempts and schedules in the store: written when a question is reviewed, replayed from
/// the attempts, back-filled from sessions stored before, and read without changing a byte.
@Suite struct PracticeStoreTests {
    let folder = NSTemporaryDirectory() + "rehearse-practice-" + UUID().uuidString
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_740_819_600)

    /// A one-question technical plan (a single rubric point, weight 2) on `title`.
    static func plan(_ title: String = "What is red latency?", kind: CategoryKind = .technical) -> SessionPlan {
        let guide = Guide(title: "Store Guide", categories: [
            Category(name: "Questions", kind: kind, questions: [TranscriptStoreTests.question(title, kind: kind)]),
        ])
        return try! SessionPlanner.plan(from: [.init(bank: "store", guide: guide)], count: 1, seed: 1)
    }

    /// Plays a session of `plan` through its review, saving as the app does, at `date`.
    @discardableResult
    static func practise(_ store: TranscriptStore, _ plan: SessionPlan = plan(), ticks: Set<Int>, grade: Grade? = nil,
                         answer: String = "An answer.", at date: Date) throws -> String {
        var interview = Interview(plan: plan)
        let id = try store.createSession(interview, at: date)
        // The session's clock starts a second before it begins, as the app's does.
        var now = Instant.seconds(1)
        func apply(_ event: Interview.Event) throws {
            let position = interview.index
            let effects = interview.handle(event)
            try store.save(id, interview, event: event, effects: effects, position: position,
                           at: date.addingTimeInterval(now.sinceOrigin.secondsValue - 1))
        }
        try apply(.begin(at: now))
        now = now + .seconds(5)
        try apply(.type(.free, answer, at: now))
        now = now + .seconds(30)
        try apply(.submit(at: now))
        while case .followUp = interview.phase { try apply(.submit(at: now)) }
        if let grade { try apply(.chooseGrade(grade, at: now)) }
        now = now + .seconds(10)
        try apply(.review(ticks: ticks, at: now))
        return id
    }

    var questionId: String { Self.plan().questions[0].question.id }

    @Test func aReviewedQuestionIsAnAttemptOnceAndMovesItsSchedule() throws {
        let store = try TranscriptStore(folder: folder)
        let id = try Self.practise(store, ticks: [0], at: Self.start)
        let session = try store.session(id)
        let attempt = try #require(session.attempts[0])
        #expect(attempt.questionId == questionId && attempt.score == 1 && attempt.grade == .easy && !attempt.gradeChosen)
        #expect(attempt.seconds == 30 && attempt.bank == "store" && attempt.kind == .technical)
        // Saved again (a store opened anew rewrites the session whole): still one attempt.
        try TranscriptStore(folder: folder).save(id, session.interview)
        #expect(try TranscriptStore(folder: folder).session(id).attempts.count == 1)
        let practice = try #require(try store.practice()[questionId])
        #expect(practice.attempts == 1 && practice.memory.reps == 1)
        #expect(practice.memory == FSRS().review(nil, grade: .easy, at: attempt.reviewedAt))
    }

    @Test func theScheduleIsTheAttemptsReplayedWithTheGradesChosen() throws {
        let store = try TranscriptStore(folder: folder)
        try Self.practise(store, ticks: [], at: Self.start)
        try Self.practise(store, ticks: [0], grade: .hard, at: Self.start.addingTimeInterval(3 * Self.day))
        try Self.practise(store, ticks: [0], at: Self.start.addingTimeInterval(9 * Self.day))
        let attempts = try DatabaseQueue(path: store.path).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM attempt ORDER BY reviewedAt").map(PracticeRows.attempt)
        }
        #expect(attempts.map(\.grade) == [.again, .hard, .easy])
        #expect(attempts.map(\.gradeChosen) == [false, true, false])
        var expected: MemoryState?
        for attempt in attempts { expected = FSRS().review(expected, grade: attempt.grade, at: attempt.reviewedAt) }
        let practice = try #require(try store.practice()[questionId])
        #expect(practice.memory == expected)
        #expect(practice.attempts == 3 && practice.lastScore == 1 && practice.bestScore == 1 && practice.memory.lapses == 0)
    }

    @Test func eachNewAttemptMovesTheScheduleAsAFullReplayWould() throws {
        let store = try TranscriptStore(folder: folder)
        let days: [(Double, Set<Int>)] = [(0, []), (0.2, [0]), (1, []), (4, [0]), (4.5, [0]), (30, []), (31, [0])]
        for (day, ticks) in days {
            try Self.practise(store, ticks: ticks, at: Self.start.addingTimeInterval(day * Self.day))
        }
        let incremental = try store.practice()
        try DatabaseQueue(path: store.path).write { db in
            try PracticeRows.replaySchedule(db, questionId: questionId, scheduler: FSRS())
        }
        #expect(try store.practice() == incremental)
        #expect(incremental[questionId]?.attempts == days.count && incremental[questionId]?.memory.lapses == 2)
    }

    @Test func anEditedQuestionKeepsItsHistoryMarkedAsChanged() throws {
        let store = try TranscriptStore(folder: folder)
        try Self.practise(store, Self.plan("What is red latency?"), ticks: [0], at: Self.start)
        // Same id (case and punctuation fold away), different text.
        let edited = Self.plan("What is RED latency!")
        #expect(edited.questions[0].question.id == questionId)
        let id = try Self.practise(store, edited, ticks: [0], at: Self.start.addingTimeInterval(Self.day))
        #expect(try store.session(id).attempts[0]?.changedQuestion == true)
        let practice = try #require(try store.practice()[questionId])
        #expect(practice.attempts == 2 && practice.lastHash == edited.questions[0].question.hash)
    }

    @Test func deletingASessionReplaysTheScheduleWithoutIt() throws {
        let store = try TranscriptStore(folder: folder)
        let first = try Self.practise(store, ticks: [0], at: Self.start)
        let second = try Self.practise(store, ticks: [], at: Self.start.addingTimeInterval(5 * Self.day))
        #expect(try store.practice()[questionId]?.attempts == 2)
        try store.delete(second)
        let practice = try #require(try store.practice()[questionId])
        #expect(practice.attempts == 1 && practice.lastGrade == .easy)
        try store.delete(first)
        #expect(try store.practice().isEmpty)
    }

    @Test func sessionsStoredBeforeAttemptsWereKeptAreBackFilled() throws {
        let store = try TranscriptStore(folder: folder)
        let first = try Self.practise(store, ticks: [], at: Self.start)
        try Self.practise(store, ticks: [0], at: Self.start.addingTimeInterval(2 * Self.day))
        let expected = try store.practice()
        let reviewedAt = try #require(try store.session(first).attempts[0]?.reviewedAt)
        // The same store as an older Rehearse left it: question rows, no attempts, no schedules.
        try SchemaV4Rewrite.rewrite(storeAt: store.path)
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "DROP TABLE attempt; DROP TABLE schedule")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4 attempts and schedules'")
        }
        let migrated = try TranscriptStore(folder: folder)
        #expect(try migrated.practice() == expected)
        // Reviewed when the timeline says: 45 s after the session began.
        #expect(try migrated.session(first).attempts[0]?.reviewedAt == reviewedAt)
        #expect(reviewedAt == Timestamp(secondsSince1970: Self.start.timeIntervalSince1970 + 45))
    }

    @Test func trendsAreEachSessionsMeanScoreOldestFirst() throws {
        let store = try TranscriptStore(folder: folder)
        for (day, ticks) in [(0, Set<Int>()), (1, [0]), (2, []), (3, [0])] {
            try Self.practise(store, ticks: ticks, at: Self.start.addingTimeInterval(Double(day) * Self.day))
        }
        // Every point made, and no pitfall confirmed.
        let behavioral = Self.plan("Tell me about a launch.", kind: .behavioral)
        let rubric = behavioral.questions[0].question.rubric
        try Self.practise(store, behavioral, ticks: Set(rubric.indices.filter { rubric[$0].kind != .pitfall }),
                          at: Self.start.addingTimeInterval(4 * Self.day))
        #expect(try store.trend(.all).map(\.score) == [0, 1, 0, 1, 1])
        #expect(try store.trend(.all, sessions: 2).map(\.score) == [1, 1])
        #expect(try store.trend(.kind(.technical)).map(\.score) == [0, 1, 0, 1])
        #expect(try store.trend(.bank("store")).count == 5)
        #expect(try store.trend(.bank("elsewhere")).isEmpty)
        // Limited to some guides (`progress --bank`), every trend keeps to their attempts.
        #expect(try store.trend(.all, banks: ["elsewhere"]).isEmpty)
        #expect(try store.trend(.kind(.technical), banks: ["elsewhere"]).isEmpty)
        #expect(try store.trend(.all, banks: ["store", "elsewhere"]).map(\.score) == [0, 1, 0, 1, 1])
        #expect(try store.trend(.kind(.technical), banks: ["store"]).map(\.score) == [0, 1, 0, 1])
    }

    @Test func thePreviousAnswerIsTheLatestOneBeforeThisSession() throws {
        let store = try TranscriptStore(folder: folder)
        try Self.practise(store, ticks: [], answer: "First try.", at: Self.start)
        let second = try Self.practise(store, ticks: [0], answer: "Second try.", at: Self.start.addingTimeInterval(Self.day))
        let latest = try #require(try store.previousAnswer(to: questionId))
        #expect(latest.record.freeText == "Second try." && latest.attempt.score == 1)
        let before = try #require(try store.previousAnswer(to: questionId, excludingSession: second))
        #expect(before.record.freeText == "First try." && before.attempt.score == 0)
        #expect(try store.previousAnswer(to: questionId, before: Timestamp(secondsSince1970: Self.start.timeIntervalSince1970)) == nil)
        #expect(try store.previousAnswer(to: "store/never-asked") == nil)
    }

    @Test func readingPracticeChangesNoFile() throws {
        do {
            let writer = try TranscriptStore(folder: folder)
            try Self.practise(writer, ticks: [0], at: Self.start)
        }
        let before = try StoreLayoutTests.files(in: folder)
        let reader = try TranscriptStore(folder: folder, access: .readOnly)
        _ = try reader.practice()
        _ = try reader.trend(.all)
        _ = try reader.previousAnswer(to: questionId)
        #expect(try StoreLayoutTests.files(in: folder) == before)
    }

    @Test func aHigherRetentionSchedulesTheReviewSooner() throws {
        let standard = try TranscriptStore(folder: folder)
        try Self.practise(standard, ticks: [0], at: Self.start)
        let strictFolder = folder + "-strict"
        defer { try? FileManager.default.removeItem(atPath: strictFolder) }
        let strict = try TranscriptStore(folder: strictFolder, scheduler: FSRS(desiredRetention: 0.97))
        try Self.practise(strict, ticks: [0], at: Self.start)
        let usual = try #require(try standard.practice()[questionId])
        let sooner = try #require(try strict.practice()[questionId])
        #expect(sooner.memory.stability == usual.memory.stability && sooner.due < usual.due)
        // Read with the usual retention, the review keeps the date it was given.
        #expect(try TranscriptStore(folder: strictFolder, access: .readOnly).practice()[questionId]?.due == sooner.due)
    }
}
