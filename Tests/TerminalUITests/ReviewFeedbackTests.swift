import GuideParser
import InterviewCore
import Testing
@testable import TerminalUI

/// Self-review with the judgement the runner sends back, the keys it adds (accept, the question
/// asked when nothing is ticked, a rating), and the feedback after it: through `update` with a
/// manual clock, and as plain-text snapshots.
@Suite struct ReviewFeedbackTests {
    static let answer = "QoS decides what happens to samples under load. For a camera at 30 Hz I use best effort with a shallow history, so a late frame is dropped rather than queued."

    /// The first question (QoS) answered and submitted, its follow-up submitted: self-review,
    /// with the judgement not yet back unless `judged`.
    static func reviewing(_ size: Size = Size(width: 80, height: 24), answer: String = answer, judged: Bool = true) throws -> ScreenHarness {
        var harness = try ScreenHarness.answering(size: size)
        harness.advance(3)
        harness.type(answer)
        harness.advance(70)
        harness.press(.control("s"), .control("s"))
        if judged { harness.judge() }
        return harness
    }

    static func judgeRequests(_ commands: [AppCommand]) -> [(String?, Int)] {
        commands.compactMap { if case .judge(_, let session, let question) = $0 { (session, question) } else { nil } }
    }

    // MARK: Judging

    @Test func submittingTheAnswerAsksOnceForItsJudgement() throws {
        var harness = try ScreenHarness.answering()
        harness.type(Self.answer)
        #expect(Self.judgeRequests(harness.commands).isEmpty, "nothing is judged while it is typed")
        harness.press(.control("s"))
        #expect(harness.state.session?.interview.phase == .followUp(0))
        let requests = Self.judgeRequests(harness.commands)
        #expect(requests.count == 1 && requests.first?.0 == "0a1b2c3d" && requests.first?.1 == 0)
        #expect(harness.state.session?.awaitingJudgement == true)
        harness.type("Check both ends with ros2 topic info.")
        harness.press(.control("s"))
        #expect(harness.state.session?.interview.phase == .selfReview)
        #expect(Self.judgeRequests(harness.commands).count == 1, "the follow-up's submit asks nothing more")
        #expect(harness.state.session?.awaitingJudgement == true)
    }

    @Test func theJudgementArrivingDuringTheFollowUpIsRecordedAndSaved() throws {
        var harness = try ScreenHarness.answering()
        harness.type(Self.answer)
        harness.press(.control("s"))
        let before = harness.commands.count
        #expect(harness.judge() == 1)
        let record = try #require(harness.state.session?.interview.records[0])
        #expect(record.judgement?.detector == .lexical)
        #expect(!record.detectedPoints(try ScreenHarness.plan().plan.questions[0].question.rubric).isEmpty)
        #expect(ScreenHarness.saves(Array(harness.commands.dropFirst(before))).last?.records[0].judgement == record.judgement)
        #expect(harness.state.session?.awaitingJudgement == false)
        #expect(harness.state.session?.interview.phase == .followUp(0))
    }

    @Test func selfReviewSaysJudgingUntilItArrivesAndTicksMeanwhile() throws {
        var harness = try Self.reviewing(judged: false)
        #expect(harness.screen.contains("Rubric: Space ticks what your answer made · judging…"))
        #expect(harness.screen.contains("Your text: judging…"))
        #expect(!harness.screen.contains("a accept"), "nothing to accept yet")
        harness.press(.character(" "))
        #expect(harness.state.session?.ticks == [0])
        #expect(harness.screen.contains("Score 33 % · overtime 0:00 · ticked 1 of 3"))
        harness.judge()
        #expect(harness.screen.contains("✓ your words seem to cover it"))
        #expect(!harness.screen.contains("judging…"))
        #expect(harness.state.session?.ticks == [0], "the judgement never ticks for the user")
    }

    @Test func aJudgementForAnotherQuestionOrSessionIsLeftAside() throws {
        var harness = try Self.reviewing(judged: false)
        let judgement = AnswerJudgement(detector: .embedding, verdicts: Array(repeating: PointVerdict(detected: true, strength: 1), count: 4))
        harness.send(.judged(judgement, session: "ffffffff", question: 0))
        harness.send(.judged(judgement, session: "0a1b2c3d", question: 1))
        #expect(harness.state.session?.interview.records[0].judgement == nil)
        #expect(harness.state.session?.awaitingJudgement == true)
        // Nil: it could not be judged; the review stops waiting and says so for the point.
        harness.send(.judged(nil, session: "0a1b2c3d", question: 0))
        #expect(harness.state.session?.awaitingJudgement == false)
        #expect(harness.screen.contains("Your text was not judged."))
    }

    @Test func anEmptyAnswerIsNotSentToBeJudged() throws {
        var harness = try ScreenHarness.answering()
        harness.press(.control("s"), .control("s"))
        #expect(harness.state.session?.interview.phase == .selfReview)
        #expect(Self.judgeRequests(harness.commands).isEmpty)
        #expect(harness.screen.contains("Your answer is empty."))
    }

    @Test func aResumedReviewWithoutAJudgementAsksForOne() throws {
        let finished = try Self.reviewing(judged: false)
        let interview = try #require(finished.state.session?.interview)
        var harness = try ScreenHarness()
        harness.send(.resumable(id: "0a1b2c3d", interview, guides: []))
        #expect(Self.judgeRequests(harness.commands).count == 1)
        #expect(harness.state.session?.awaitingJudgement == true)
    }

    // MARK: Accepting and the question asked

    @Test func aTicksEveryDetectedPointButNoPitfall() throws {
        var harness = try Self.reviewing(answer: Self.answer + " I make every topic reliable everywhere, as retransmissions add latency only on lossy links.")
        let rubric = try ScreenHarness.plan().plan.questions[0].question.rubric
        let judgement = try #require(harness.state.session?.interview.records[0].judgement)
        #expect(!judgement.likelyPitfalls(rubric).isEmpty, "the answer seems to fall into the pitfall")
        #expect(KeyTable.hints(.selfReview, in: harness.state).contains { $0.key == "a" && $0.word == "accept ✓" })
        harness.press(.character("a"))
        #expect(harness.state.session?.ticks == judgement.covered(rubric))
        #expect(harness.state.session?.ticks.contains(3) == false, "a pitfall is confirmed by the user alone")
        #expect(harness.screen.contains("Ticked \(judgement.covered(rubric).count) points your text seems to make"))
        #expect(!KeyTable.hints(.selfReview, in: harness.state).contains { $0.key == "a" }, "nothing left to accept")
        // Confirming the pitfall takes its weight off.
        harness.press(.down, .down, .down, .character(" "))
        harness.advance(7)
        #expect(harness.state.session?.ticks.contains(3) == true)
        #expect(harness.screen.contains("1 pitfall confirmed"))
        harness.press(.enter)
        let record = try #require(harness.state.session?.interview.records[0])
        #expect(Scoring.score(rubric: rubric, ticks: record.ticks) == Scoring.score(rubric: rubric, ticks: judgement.covered(rubric).union([3])))
        #expect(Feedback.pitfalls(rubric, ticks: record.ticks) == [3])
    }

    @Test func enterWithNothingTickedAsksOnceAboutWhatWasDetected() throws {
        var harness = try Self.reviewing()
        harness.press(.enter)
        #expect(harness.state.overlay == .confirmNoTicks)
        #expect(harness.state.keyContext == .ticksDialog)
        #expect(harness.screen.contains("Nothing is ticked, yet your text seems to make 2 points:"))
        #expect(harness.screen.contains(/a +Tick the points your text seems to make, and score/))
        #expect(harness.screen.contains(/Enter +Score with nothing ticked/))
        // Esc goes back to ticking; Enter again does not ask twice.
        harness.press(.escape)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.session?.interview.phase == .selfReview)
        harness.press(.enter)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.session?.interview.records[0].reviewed == true)
        #expect(harness.state.session?.interview.records[0].ticks.isEmpty == true)
    }

    @Test func theDialogsKeysTickAndScoreOrScoreAsItIs() throws {
        var accepting = try Self.reviewing()
        accepting.press(.enter, .character("a"))
        let rubric = try ScreenHarness.plan().plan.questions[0].question.rubric
        let record = try #require(accepting.state.session?.interview.records[0])
        #expect(record.reviewed && record.ticks == record.detectedPoints(rubric) && record.ticks.count == 2)
        #expect(accepting.state.session?.interview.index == 1)

        var asIs = try Self.reviewing()
        asIs.press(.enter, .enter)
        #expect(asIs.state.session?.interview.records[0].reviewed == true)
        #expect(asIs.state.session?.interview.records[0].ticks.isEmpty == true)

        var stopping = try Self.reviewing()
        stopping.press(.enter, .control("c"))
        #expect(stopping.commands.contains(.interrupt))
    }

    @Test func enterWithTicksOrNothingDetectedAsksNothing() throws {
        var ticked = try Self.reviewing()
        ticked.press(.character(" "), .enter)
        #expect(ticked.state.overlay == nil)
        #expect(ticked.state.session?.interview.records[0].reviewed == true)

        var undetected = try Self.reviewing(answer: "I would ask the team what they prefer.")
        undetected.press(.enter)
        #expect(undetected.state.overlay == nil)
        #expect(undetected.state.session?.interview.records[0].reviewed == true)
    }

    @Test func theHelpNamesTheAcceptKeyFromTheKeyTable() throws {
        var harness = try Self.reviewing()
        harness.press(.character("?"))
        #expect(harness.screen.contains("Tick every point your text seems to make (✓)"))
        #expect(KeyTable.action(for: .character("a"), in: .selfReview) == .acceptDetected)
    }

    // MARK: Rating

    /// A session of one question with no model answer, at its review.
    static func rating(_ size: Size = Size(width: 80, height: 24)) throws -> ScreenHarness {
        let guide = try ScreenHarness.guide("question-lists")
        var settings = SessionSettings()
        settings.thinkTime = .seconds(0)
        settings.followUpsPerQuestion = 0
        let plan = try SessionPlanner.plan(from: [.init(bank: "question-lists", guide: guide)], kinds: [], count: 1, seed: 3, settings: settings)
        var harness = try ScreenHarness(size: size)
        try harness.startSession(Interview(plan: plan))
        harness.press(.enter)
        harness.type("The pipeline I rebuilt last spring, because it halved our release time.")
        harness.advance(40)
        harness.press(.control("s"))
        return harness
    }

    @Test func aQuestionWithNoRubricIsRatedOneToFive() throws {
        var harness = try Self.rating()
        #expect(harness.state.session?.interview.phase == .selfReview)
        #expect(harness.state.session?.interview.current?.question.rubric.isEmpty == true)
        #expect(Self.judgeRequests(harness.commands).isEmpty, "nothing to judge against")
        #expect(KeyTable.hints(.selfReview, in: harness.state).contains { $0.key == "1-5" && $0.word == "rate" })
        #expect(!KeyTable.hints(.selfReview, in: harness.state).contains { $0.key == "Space" })
        harness.press(.enter)
        #expect(harness.state.session?.interview.phase == .selfReview, "Enter waits for a rating")
        #expect(harness.screen.contains("Rate your answer first"))
        harness.press(.character("4"))
        #expect(harness.screen.contains("Your rating: 4 of 5, score 75 %."))
        #expect(harness.screen.contains("Rated 4 of 5 · score 75 % · overtime 0:00"))
        harness.press(.character("3"), .enter)
        let record = try #require(harness.state.session?.interview.records[0])
        #expect(record.rating == 3 && record.reviewed)
        #expect(harness.state.session?.interview.phase == .summary)
        #expect(harness.screen.contains("score 50 % (rated 3)"))
    }

    @Test func theBriefingOfQuestionsWithNoRubricAsksForARatingNotTicks() throws {
        let guide = try ScreenHarness.guide("question-lists")
        let plan = try SessionPlanner.plan(from: [.init(bank: "question-lists", guide: guide)], kinds: [], count: 1, seed: 3, settings: SessionSettings())
        var harness = try ScreenHarness()
        try harness.startSession(Interview(plan: plan))
        #expect(harness.screen.contains("How this session runs"))
        #expect(harness.screen.contains("After each answer, rate it from 1 to 5: this question has no rubric to"))
        #expect(!harness.screen.contains("tick the rubric points"))

        var ticking = try ScreenHarness()
        try ticking.startSession()
        #expect(ticking.screen.contains("After each answer, tick the rubric points you made"))
    }

    @Test func digitsDoNothingToATickedRubric() throws {
        var harness = try Self.reviewing()
        harness.press(.character("4"))
        #expect(harness.state.session?.rating == nil)
        #expect(harness.screen.contains("This question has a rubric"))
    }

    // MARK: Feedback while ticking

    @Test func selfReviewSaysWhatIsMissedAsTickedAndWhyItMatters() throws {
        var harness = try Self.reviewing(Size(width: 120, height: 40))
        #expect(harness.screen.contains("Feedback · model answer"))
        #expect(harness.screen.contains("• Missed: Match publisher and subscriber (x2)."))
        #expect(harness.screen.contains("• Missed: Best effort for high-rate sensors (x2). A late"))
        // Ticking a point takes it off; confirming the pitfall adds what it costs.
        harness.press(.down, .down, .character(" "), .down, .character(" "))
        #expect(!harness.screen.contains("Missed: Match publisher and subscriber"))
        #expect(harness.screen.contains("• Fell into: Reliable everywhere (-2)."))
        harness.press(.character("a"))
        #expect(harness.state.session?.ticks == [0, 1, 2, 3])
        #expect(!harness.screen.contains("• Missed:"))
    }

    @Test func aStarAnswersReviewTellsItsStoryInWords() throws {
        var harness = try ScreenSnapshotTests.star(Size(width: 120, height: 40))
        harness.press(.control("s"), .control("s"))
        harness.judge()
        let screen = harness.screen
        #expect(screen.contains("• Action is 46 % of the story: say more about what you"))
        #expect(screen.contains("• No number in the result: say what changed, with a"))
        #expect(screen.contains("• Add a lesson: what you learned or would do differently."))
    }

    @Test func theLastTryKeyIsOfferedOnlyWhenThereIsOne() throws {
        let without = try PracticeScreenTests.reviewing(Size(width: 80, height: 24), previous: false)
        #expect(!KeyTable.bindings(.selfReview, in: without.state).contains { $0.action == .togglePrevious })
        var with = try PracticeScreenTests.reviewing(Size(width: 80, height: 24), previous: true)
        #expect(KeyTable.bindings(.selfReview, in: with.state).contains { $0.action == .togglePrevious })
        with.press(.character("?"))
        #expect(with.screen.contains("Your last attempt in place of the model answer"))
    }

    @Test func theStatusLineLeavesOutWholeFactsWhenNarrow() throws {
        let harness = try Self.reviewing(Size(width: 60, height: 18))
        let status = harness.screen.components(separatedBy: "\n")[16]
        #expect(status.hasPrefix(" Score 0 % · overtime 0:00 · ticked 0 of 3"), "\(status)")
        #expect(!status.contains("…"), "no fact is cut in the middle: \(status)")
    }

    @Test(arguments: sizes) func selfReviewOfAStarAnswer(size: Size) throws {
        var harness = try ScreenSnapshotTests.star(size)
        harness.press(.control("s"), .control("s"))
        harness.judge()
        harness.press(.down, .down, .down)
        try harness.expectSnapshot("self-review-star")
    }

    // MARK: The summary

    @Test func theSummaryCountsAnsweredQuestionsAndMarksSkippedOnes() throws {
        var harness = try Self.reviewing()
        harness.press(.character(" "), .enter)
        // The second question: over time, then skipped.
        harness.advance(16)
        harness.type("We fixed it.")
        harness.advance(200)
        harness.press(.control("n"))
        let screen = harness.screen
        #expect(screen.contains("Session score 17 % · answered 1 of 2 · 1 skipped"))
        #expect(screen.contains("skipped, counts 0"))
        #expect(screen.contains("Overtime"))
        #expect(screen.contains(/3:21 +0:21 +skipped, counts 0/), "the skipped answer's overtime shows")
        #expect(screen.contains("Three things to work on"))
        #expect(screen.contains("1 question skipped or left unreviewed"))
    }

    // MARK: Snapshots

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 18)]

    @Test(arguments: sizes) func selfReviewWhileJudging(size: Size) throws {
        try Self.reviewing(size, judged: false).expectSnapshot("self-review-judging")
    }

    @Test func selfReviewAtTheSmallestSize() throws {
        var harness = try Self.reviewing(Size(width: 60, height: 18))
        harness.press(.character(" "), .down)
        try harness.expectSnapshot("self-review")
    }

    @Test(arguments: sizes) func selfReviewOnALikelyPitfall(size: Size) throws {
        var harness = try Self.reviewing(size, answer: Self.answer + " I make every topic reliable everywhere, as retransmissions add latency only on lossy links.")
        harness.press(.character("a"), .down, .down, .down)
        harness.advance(7)
        try harness.expectSnapshot("self-review-pitfall")
    }

    @Test(arguments: sizes) func noTicksDialog(size: Size) throws {
        var harness = try Self.reviewing(size)
        harness.press(.enter)
        try harness.expectSnapshot("self-review-no-ticks")
    }

    @Test(arguments: sizes) func rating(size: Size) throws {
        var harness = try Self.rating(size)
        harness.press(.character("4"))
        try harness.expectSnapshot("self-review-rating")
    }

    @Test(arguments: sizes) func summaryWithASkippedQuestion(size: Size) throws {
        var harness = try Self.reviewing(size)
        harness.press(.character(" "), .enter)
        harness.advance(16)
        harness.type("We fixed it.")
        harness.advance(200)
        harness.press(.control("n"))
        try harness.expectSnapshot("summary-skipped")
    }

    @Test(arguments: sizes) func transcriptFeedback(size: Size) throws {
        var harness = try Self.reviewing(size)
        harness.press(.enter, .character("a"))
        harness.advance(16)
        harness.type("We fixed it.")
        harness.press(.control("s"), .control("s"))
        harness.judge()
        harness.press(.enter, .enter)
        let interview = try #require(harness.state.session?.interview)
        harness.send(.transcriptLoaded(id: "0a1b2c3d", when: "2026-11-24 10:02 UTC", interview))
        // Down to the rubric, its evidence and the feedback.
        for _ in 0..<8 { harness.press(.down) }
        try harness.expectSnapshot("transcript-feedback")
        harness.press(.right)
        for _ in 0..<80 { harness.press(.down) }
        #expect(harness.screen.contains("Things to work on (the whole session)"))
    }
}
