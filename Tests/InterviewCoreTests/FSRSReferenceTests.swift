import Foundation
import InterviewCore
import Testing

/// The scheduler against the reference implementation's own numbers: every review of every
/// case in Tests/Fixtures/fsrs/fsrs-reference.json (written once by the script beside it).
@Suite struct FSRSReferenceTests {
    struct Table: Decodable {
        struct Case: Decodable {
            var name: String
            var desiredRetention: Double
            var maximumInterval: Int
            var reviews: [Review]
        }

        struct Review: Decodable {
            var rating: Int
            var hoursElapsed: Int
            var retrievabilityBefore: Double?
            var stability: Double
            var difficulty: Double
            var intervalDays: Int
            var dueHoursAfterStart: Int
        }

        var reference: String
        var weights: [Double]
        var learningSteps: [Double]
        var fuzz: Bool
        var cases: [Case]
    }

    static let table: Table = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fsrs/fsrs-reference.json")
        return try! JSONDecoder().decode(Table.self, from: Data(contentsOf: file))
    }()

    /// 2025-03-01 09:00 UTC, the reference's first review.
    static let start = Timestamp(secondsSince1970: 1_740_819_600)
    static let tolerance = 1e-9

    static func close(_ actual: Double, _ expected: Double) -> Bool {
        abs(actual - expected) <= tolerance * max(1, abs(expected))
    }

    @Test func theTableWasMadeWithRehearsesConfiguration() {
        #expect(Self.table.reference.hasPrefix("fsrs 6.3"))
        #expect(Self.table.weights == FSRS.defaultWeights)
        #expect(Self.table.learningSteps.isEmpty && !Self.table.fuzz)
        #expect(Self.table.cases.count >= 30)
    }

    @Test(arguments: table.cases.map(\.name)) func everyReviewMatches(name: String) throws {
        let entry = try #require(Self.table.cases.first { $0.name == name })
        let scheduler = FSRS(desiredRetention: entry.desiredRetention, maximumIntervalDays: entry.maximumInterval)
        var state: MemoryState?
        var now = Self.start
        for (number, review) in entry.reviews.enumerated() {
            now = now.adding(seconds: Double(review.hoursElapsed) * 3600)
            if let state, let expected = review.retrievabilityBefore {
                #expect(Self.close(scheduler.retrievability(of: state, at: now), expected), "review \(number + 1): retrievability")
            }
            let grade = try #require(Grade(rawValue: review.rating))
            let next = scheduler.review(state, grade: grade, at: now)
            #expect(Self.close(next.stability, review.stability), "review \(number + 1): stability \(next.stability), expected \(review.stability)")
            #expect(Self.close(next.difficulty, review.difficulty), "review \(number + 1): difficulty \(next.difficulty), expected \(review.difficulty)")
            #expect(next.intervalDays == review.intervalDays, "review \(number + 1): interval")
            #expect(next.due == Self.start.adding(seconds: Double(review.dueHoursAfterStart) * 3600), "review \(number + 1): due")
            #expect(next.reps == number + 1)
            state = next
        }
    }

    @Test func lapsesCountAgainAfterTheFirstReview() {
        let scheduler = FSRS()
        var state = scheduler.review(nil, grade: .again, at: Self.start)
        #expect(state.lapses == 0)
        state = scheduler.review(state, grade: .good, at: Self.start.adding(days: 1))
        state = scheduler.review(state, grade: .again, at: Self.start.adding(days: 5))
        #expect(state.lapses == 1 && state.reps == 3)
    }

    @Test func retentionChangesTheIntervalButNotTheMemory() {
        let state = FSRS().review(nil, grade: .easy, at: Self.start)
        let stricter = FSRS(desiredRetention: 0.95).review(nil, grade: .easy, at: Self.start)
        #expect(stricter.stability == state.stability && stricter.difficulty == state.difficulty)
        #expect(stricter.intervalDays < state.intervalDays && stricter.due < state.due)
    }

    @Test func gradesFollowTheScoreScale() {
        let scale = GradeScale.standard
        #expect(scale.grade(forScore: 0) == .again)
        #expect(scale.grade(forScore: 0.399) == .again)
        #expect(scale.grade(forScore: 0.4) == .hard)
        #expect(scale.grade(forScore: 0.699) == .hard)
        #expect(scale.grade(forScore: 0.7) == .good)
        #expect(scale.grade(forScore: 0.899) == .good)
        #expect(scale.grade(forScore: 0.9) == .easy)
        #expect(scale.grade(forScore: 1) == .easy)
        #expect(GradeScale(hardFrom: 0.5, goodFrom: 0.75, easyFrom: 0.95).grade(forScore: 0.9) == .good)
        #expect(Grade(argument: " Easy") == .easy && Grade(argument: "2") == .hard && Grade(argument: "fine") == nil)
    }

    @Test func timestampsWriteTheirDateWithoutFoundation() {
        #expect(Self.start.iso8601 == "2025-03-01T09:00:00Z")
        #expect(Timestamp(secondsSince1970: 0).iso8601 == "1970-01-01T00:00:00Z")
        #expect(Timestamp(secondsSince1970: 951_782_400).iso8601 == "2000-02-29T00:00:00Z")
        #expect(Timestamp(secondsSince1970: -1).iso8601 == "1969-12-31T23:59:59Z")
        #expect(Self.start.adding(seconds: 23 * 3600).wholeDays(since: Self.start) == 0)
        #expect(Self.start.adding(seconds: 25 * 3600).wholeDays(since: Self.start) == 1)
    }
}
