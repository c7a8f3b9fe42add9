import Foundation
import InterviewCore
import Testing

/// The interview machine, driven event by event with a manual clock.
@Suite struct InterviewTests {
    var clock = ManualClock()

    @Test func aQuestionGoesFromBriefingThroughEveryPhaseToSummary() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan(count: 1))
        #expect(interview.phase == .briefing)
        #expect(interview.handle(.tick(at: clock.now)).isEmpty)
        #expect(interview.handle(.begin(at: clock.now)) == [.save])
        #expect(interview.phase == .reading)
        #expect(interview.limit == .seconds(15))
        // Think time runs out: the answer clock starts at the deadline, not at the late tick.
        #expect(interview.handle(.tick(at: clock.advance(20))) == [.save])
        #expect(interview.phase == .answering)
        #expect(interview.elapsed(at: clock.now) == .seconds(5))
        _ = interview.handle(.type(.free, "int8 on the device", at: clock.advance(10)))
        #expect(interview.handle(.submit(at: clock.advance(10))) == [.save])
        #expect(interview.records[0].answerTime == .seconds(25))
        #expect(interview.phase == .followUp(0))
        #expect(interview.limit == .seconds(60))
        _ = interview.handle(.type(.followUp(0), "Because p99 matters.", at: clock.advance(5)))
        #expect(interview.handle(.submit(at: clock.advance(5))) == [.save])
        #expect(interview.records[0].followUpTimes == [.seconds(10)])
        #expect(interview.phase == .selfReview)
        #expect(interview.limit == nil)
        #expect(interview.handle(.review(ticks: [0, 1, 99], at: clock.advance(30))) == [.save, .finished])
        #expect(interview.phase == .summary)
        #expect(interview.records[0].ticks == [0, 1])
        #expect(interview.records[0].reviewed)
        #expect(interview.records[0].freeText == "int8 on the device")
        #expect(interview.records[0].followUpAnswers == ["Because p99 matters."])
        // Nothing moves a finished session.
        #expect(interview.handle(.begin(at: clock.advance(1))).isEmpty)
        #expect(interview.handle(.type(.free, "late", at: clock.advance(1))).isEmpty)
    }

    @Test func typingDuringThinkTimeStartsTheAnswerAtOnce() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan())
        _ = interview.handle(.begin(at: clock.now))
        #expect(interview.handle(.type(.free, "", at: clock.advance(3))) == [.save])
        #expect(interview.phase == .reading) // empty text does not start it
        _ = interview.handle(.type(.free, "F", at: clock.advance(2)))
        #expect(interview.phase == .answering)
        #expect(interview.clockStartedAt == clock.now)
        #expect(interview.elapsed(at: clock.advance(7)) == .seconds(7))
    }

    @Test func warningsFireOnceEachAt50And80And100Percent() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan())
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.type(.free, "x", at: clock.now))
        #expect(interview.handle(.tick(at: clock.advance(49))).isEmpty)
        #expect(interview.handle(.tick(at: clock.advance(1))) == [.warning(percent: 50)])
        #expect(interview.handle(.tick(at: clock.advance(1))).isEmpty)
        #expect(interview.handle(.tick(at: clock.advance(29))) == [.warning(percent: 80)])
        #expect(interview.handle(.tick(at: clock.advance(19))).isEmpty)
        #expect(interview.handle(.tick(at: clock.advance(1))) == [.warning(percent: 100), .bell])
        #expect(interview.handle(.tick(at: clock.advance(50))).isEmpty)
    }

    @Test func aLateTickFiresEveryWarningItPassed() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan())
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.type(.free, "x", at: clock.now))
        #expect(interview.handle(.tick(at: clock.advance(85))) == [.warning(percent: 50), .warning(percent: 80)])
    }

    @Test func softTimeCountsOvertimeAndKeepsTheText() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan(followUps: 0))
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.type(.free, "long answer", at: clock.now))
        _ = interview.handle(.tick(at: clock.advance(130)))
        #expect(interview.phase == .answering)
        #expect(interview.remaining(at: clock.now) == .seconds(-30))
        _ = interview.handle(.type(.free, "long answer, finished", at: clock.advance(10)))
        _ = interview.handle(.submit(at: clock.now))
        #expect(interview.records[0].answerTime == .seconds(140))
        #expect(interview.records[0].overtime == .seconds(40))
        #expect(interview.records[0].freeText == "long answer, finished")
        #expect(!interview.records[0].submittedAtTimeUp)
    }

    @Test func hardTimeSubmitsAtTheDeadlineKeepingTheText() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan(followUps: 1, hardTime: true))
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.type(.free, "half an answer", at: clock.now))
        let effects = interview.handle(.tick(at: clock.advance(107)))
        #expect(effects == [.warning(percent: 50), .warning(percent: 80), .warning(percent: 100), .bell, .save, .timeUp])
        #expect(interview.records[0].answerTime == .seconds(100))
        #expect(interview.records[0].overtime == .zero)
        #expect(interview.records[0].submittedAtTimeUp)
        #expect(interview.records[0].freeText == "half an answer")
        // The follow-up clock started when time ran out, seven seconds ago.
        #expect(interview.phase == .followUp(0))
        #expect(interview.elapsed(at: clock.now) == .seconds(7))
        _ = interview.handle(.type(.followUp(0), "short", at: clock.now))
        _ = interview.handle(.tick(at: clock.advance(60)))
        #expect(interview.phase == .selfReview)
        #expect(interview.records[0].followUpTimes == [.seconds(60)])
        #expect(interview.records[0].followUpAnswers == ["short"])
    }

    @Test func aVeryLateTickInHardTimeClosesEveryClockItPassed() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan(count: 2, followUps: 1, hardTime: true))
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.type(.free, "x", at: clock.now))
        // 100 s answer + 60 s follow-up both ran out before this tick.
        _ = interview.handle(.tick(at: clock.advance(200)))
        #expect(interview.phase == .selfReview)
        #expect(interview.records[0].answerTime == .seconds(100))
        #expect(interview.records[0].followUpTimes == [.seconds(60)])
        #expect(interview.records[0].overtime == .zero)
    }

    @Test func pausedTimeIsExcludedAndTheClockFreezes() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan(hardTime: true))
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.type(.free, "x", at: clock.now))
        _ = interview.handle(.tick(at: clock.advance(40)))
        #expect(interview.handle(.pause(at: clock.now)) == [.save])
        #expect(interview.isPaused)
        #expect(interview.handle(.pause(at: clock.now)).isEmpty)
        // Ten minutes paused: no warning, no time-up, the clock shows the same.
        #expect(interview.handle(.tick(at: clock.advance(600))).isEmpty)
        #expect(interview.elapsed(at: clock.now) == .seconds(40))
        #expect(interview.handle(.submit(at: clock.now)).isEmpty)
        // Typing while paused keeps the text and leaves the clock alone.
        #expect(interview.handle(.type(.free, "x and more", at: clock.advance(5))) == [.save])
        #expect(interview.handle(.resume(at: clock.now)) == [.save])
        #expect(interview.elapsed(at: clock.advance(10)) == .seconds(50))
        #expect(interview.handle(.tick(at: clock.now)) == [.warning(percent: 50)])
        _ = interview.handle(.submit(at: clock.advance(5)))
        #expect(interview.records[0].answerTime == .seconds(55))
        #expect(interview.records[0].pauses == 1)
        #expect(interview.records[0].freeText == "x and more")
    }

    @Test func pauseDuringThinkTimeDelaysTheAnswerClock() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan())
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.pause(at: clock.advance(10)))
        _ = interview.handle(.tick(at: clock.advance(100)))
        #expect(interview.phase == .reading)
        _ = interview.handle(.resume(at: clock.now))
        _ = interview.handle(.tick(at: clock.advance(4)))
        #expect(interview.phase == .reading)
        _ = interview.handle(.tick(at: clock.advance(3)))
        #expect(interview.phase == .answering)
        #expect(interview.elapsed(at: clock.now) == .seconds(2))
    }

    @Test func pauseOutsideTimedPhasesDoesNothing() {
        var interview = Interview(plan: InterviewFixtures.plan())
        #expect(interview.handle(.pause(at: clock.now)).isEmpty)
        #expect(interview.handle(.resume(at: clock.now)).isEmpty)
    }

    @Test func skipKeepsTheTextAndMovesToTheNextQuestion() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan(count: 2))
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.type(.free, "partial", at: clock.advance(1)))
        #expect(interview.handle(.skip(at: clock.advance(30))) == [.save])
        #expect(interview.records[0].skipped)
        #expect(interview.records[0].freeText == "partial")
        #expect(interview.records[0].answerTime == .seconds(30))
        #expect(interview.index == 1)
        #expect(interview.phase == .reading)
        // Skip at a follow-up skips that follow-up only; the main answer goes to review.
        _ = interview.handle(.type(.free, "second answer", at: clock.advance(1)))
        _ = interview.handle(.submit(at: clock.advance(1)))
        #expect(interview.phase == .followUp(0))
        #expect(interview.handle(.skip(at: clock.advance(4))) == [.save])
        #expect(interview.phase == .selfReview)
        #expect(interview.records[1].followUpTimes == [.seconds(4)])
        #expect(!interview.records[1].skipped)
        // Skip from self-review leaves the question unreviewed, and so unscored.
        #expect(interview.handle(.skip(at: clock.advance(1))) == [.save, .finished])
        #expect(!interview.records[1].reviewed)
        #expect(interview.phase == .summary)
    }

    @Test func abandonEndsAtOnceKeepingEverything() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan(count: 2))
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.type(.free, "draft", at: clock.advance(2)))
        _ = interview.handle(.pause(at: clock.advance(8)))
        #expect(interview.handle(.abandon(at: clock.advance(100))) == [.save, .finished])
        #expect(interview.phase == .abandoned)
        #expect(interview.records[0].freeText == "draft")
        #expect(interview.records[0].answerTime == .seconds(8))
        #expect(!interview.isPaused)
        #expect(interview.handle(.resume(at: clock.advance(1))).isEmpty)
    }

    @Test func behavioralQuestionsTakeStarPartsOnly() throws {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan(count: 1, kinds: [.behavioral]))
        _ = interview.handle(.begin(at: clock.now))
        #expect(interview.currentRecord?.scaffold == .star)
        #expect(interview.editableFields == StarPart.allCases.map(AnswerField.star))
        #expect(interview.handle(.type(.free, "ignored", at: clock.advance(1))).isEmpty)
        #expect(interview.phase == .reading)
        _ = interview.handle(.type(.star(.situation), "At a startup in 2023.", at: clock.advance(1)))
        _ = interview.handle(.type(.star(.action), "I rewrote the pipeline.", at: clock.advance(1)))
        #expect(interview.records[0].mainAnswer == "At a startup in 2023.\nI rewrote the pipeline.")
        // Behavioral questions do not switch scaffold.
        #expect(interview.handle(.useScaffold(.free, at: clock.now)).isEmpty)
    }

    @Test func situationalQuestionsMaySwitchToStarKeepingBothTexts() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan(count: 1, kinds: [.situational]))
        _ = interview.handle(.begin(at: clock.now))
        #expect(interview.current?.offersStar == true)
        _ = interview.handle(.type(.free, "First thoughts", at: clock.advance(1)))
        #expect(interview.handle(.useScaffold(.star, at: clock.advance(1))) == [.save])
        #expect(interview.editableFields.first == .star(.situation))
        _ = interview.handle(.type(.star(.task), "Keep the line running.", at: clock.advance(1)))
        #expect(interview.records[0].freeText == "First thoughts")
        #expect(interview.records[0].starParts[.task] == "Keep the line running.")
    }

    @Test func noFollowUpsGoesStraightToReview() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan(count: 1, followUps: 0))
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.submit(at: clock.advance(1)))
        _ = interview.handle(.submit(at: clock.advance(1)))
        #expect(interview.phase == .selfReview)
    }

    @Test func eventsFromThePastCountAsNow() {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan())
        _ = interview.handle(.begin(at: clock.advance(10)))
        _ = interview.handle(.type(.free, "x", at: clock.advance(10)))
        _ = interview.handle(.submit(at: Instant.seconds(0)))
        #expect(interview.records[0].answerTime == .zero)
    }

    @Test func aSavedSessionContinuesWhereItsClockStopped() throws {
        var clock = clock
        var interview = Interview(plan: InterviewFixtures.plan(count: 2, hardTime: true))
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.type(.free, "before the crash", at: clock.advance(2)))
        _ = interview.handle(.tick(at: clock.advance(28)))
        // Saved as JSON and read back in another process, whose clock goes on from the last
        // instant the session saw: the time nothing ran does not count.
        var restored = try JSONDecoder().decode(Interview.self, from: JSONEncoder().encode(interview))
        #expect(restored == interview)
        let resumedAt = try #require(restored.latest)
        #expect(restored.elapsed(at: resumedAt) == .seconds(28))
        #expect(restored.handle(.tick(at: resumedAt + .seconds(22))) == [.warning(percent: 50)])
        _ = restored.handle(.submit(at: resumedAt + .seconds(27)))
        #expect(restored.records[0].answerTime == .seconds(55))
        #expect(restored.records[0].freeText == "before the crash")
    }

    @Test func anEmptyPlanGoesStraightToTheSummary() {
        let plan = SessionPlan(questions: [], settings: SessionSettings(), thinkTime: .seconds(15), seed: 1, requestedCount: 1)
        var interview = Interview(plan: plan)
        #expect(interview.handle(.begin(at: clock.now)) == [.save, .finished])
        #expect(interview.phase == .summary)
    }
}
