import Foundation
import InterviewCore
import Testing

@Suite struct ScoringTests {
    /// Two cover points (2 each), a define point (2), a bonus (1) and a pitfall (2): total 6.
    let rubric = [
        RubricPoint(text: "A", kind: .cover, weight: 2, section: "Reasoning", lead: "A", detail: ""),
        RubricPoint(text: "B", kind: .cover, weight: 2, section: "Reasoning", lead: "B", detail: ""),
        RubricPoint(text: "Defines: C", kind: .define, weight: 2, section: "Definition", lead: "C", detail: ""),
        RubricPoint(text: "Also: D", kind: .bonus, weight: 1, section: "Alternatives", lead: "D", detail: ""),
        RubricPoint(text: "Pitfall: E", kind: .pitfall, weight: 2, section: "Pitfalls", lead: "E", detail: ""),
    ]

    @Test func earnedWeightOverTotalPlusBonusMinusPitfallsClamped() {
        #expect(Scoring.totalWeight(rubric) == 6)
        #expect(Scoring.score(rubric: rubric, ticks: []) == 0)
        #expect(Scoring.score(rubric: rubric, ticks: [0]) == 2.0 / 6)
        #expect(Scoring.score(rubric: rubric, ticks: [0, 3]) == 3.0 / 6)
        #expect(Scoring.score(rubric: rubric, ticks: [0, 1, 2]) == 1)
        // A bonus cannot lift the score past full marks, a pitfall not below zero.
        #expect(Scoring.score(rubric: rubric, ticks: [0, 1, 2, 3]) == 1)
        #expect(Scoring.score(rubric: rubric, ticks: [0, 1, 2, 4]) == 4.0 / 6)
        #expect(Scoring.score(rubric: rubric, ticks: [4]) == 0)
        #expect(Scoring.score(rubric: rubric, ticks: [0, 4]) == 0)
        // Silence about a pitfall earns nothing: every point but the pitfall is full marks, not more.
        #expect(Scoring.score(rubric: rubric, ticks: [99]) == 0)
        #expect(Scoring.score(rubric: [], ticks: [0]) == nil)
        #expect(Scoring.score(rubric: [rubric[3], rubric[4]], ticks: [0]) == nil)
    }

    @Test func ratingsScoreFromZeroToOne() {
        #expect([1, 2, 3, 4, 5].map(Scoring.score(rating:)) == [0, 0.25, 0.5, 0.75, 1])
        #expect(Scoring.score(rating: 9) == 1 && Scoring.score(rating: -3) == 0)
    }

    @Test func skippedAndUnreachedQuestionsCountZero() {
        var clock = ManualClock()
        var interview = Interview(plan: InterviewFixtures.plan(count: 4, followUps: 0))
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.submit(at: clock.advance(5)))
        let all = Set(interview.current!.question.rubric.indices.filter { interview.current!.question.rubric[$0].kind != .pitfall })
        _ = interview.handle(.review(ticks: all, at: clock.advance(5)))
        #expect(interview.status(ofQuestion: 0) == .answered)
        #expect(interview.status(ofQuestion: 1) == .current)
        #expect(interview.tally == SessionTally(total: 4, answered: 1, skipped: 0, unreached: 2, score: 1.0 / 4))
        _ = interview.handle(.skip(at: clock.advance(5)))
        // The third question is on screen when the session ends: cut short, so skipped.
        _ = interview.handle(.abandon(at: clock.advance(5)))
        let tally = interview.tally
        #expect(tally == SessionTally(total: 4, answered: 1, skipped: 2, unreached: 1, score: 1.0 / 4))
        #expect(tally.wording == "answered 1 of 4 · 2 skipped · 1 not reached")
        #expect(Scoring.sessionScore(interview) == 1.0 / 4)
    }

    @Test func aReviewLeftUndoneCountsAsSkipped() {
        var clock = ManualClock()
        var interview = Interview(plan: InterviewFixtures.plan(count: 1, followUps: 0))
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.submit(at: clock.advance(5)))
        _ = interview.handle(.skip(at: clock.advance(5)))
        #expect(interview.phase == .summary)
        #expect(interview.tally == SessionTally(total: 1, answered: 0, skipped: 1, unreached: 0, score: 0))
    }

    @Test func aQuestionWithoutARubricIsRated() {
        var clock = ManualClock()
        var plan = InterviewFixtures.plan(count: 2, followUps: 0)
        plan.questions[0].question.rubric = []
        var interview = Interview(plan: plan)
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.submit(at: clock.advance(5)))
        _ = interview.handle(.rate(4, at: clock.advance(5)))
        #expect(interview.records[0].rating == 4 && interview.records[0].reviewed)
        #expect(Scoring.score(plan.questions[0].question, interview.records[0]) == 0.75)
        #expect(interview.index == 1)
        #expect(interview.tally.score == 0.75 / 2)
    }
}

@Suite struct RecordCompatibilityTests {
    @Test func aRecordSavedBeforeJudgingAndRatingsStillDecodes() throws {
        var record = QuestionRecord(scaffold: .free, followUps: 1)
        record.freeText = "An answer."
        record.ticks = [0]
        record.reviewed = true
        let encoded = try JSONEncoder().encode(record)
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["judgement"] == nil && object["rating"] == nil) // nil fields are left out
        object["judgement"] = nil
        let old = try JSONDecoder().decode(QuestionRecord.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(old == record)
        #expect(old.detectedPoints(InterviewFixtures.question("Q?", kind: .technical).rubric).isEmpty)
        record.judgement = AnswerJudgement(detector: .lexical, verdicts: [PointVerdict(detected: true, strength: 0.4, evidence: "An answer.")])
        record.rating = 3
        #expect(try JSONDecoder().decode(QuestionRecord.self, from: try JSONEncoder().encode(record)) == record)
    }
}
