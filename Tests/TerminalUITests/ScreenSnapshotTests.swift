import InterviewCore
import Testing
@testable import TerminalUI

/// Every screen as plain text at 80x24 and 120x40, compared with Tests/Fixtures/screens.
/// Re-record after a deliberate change with REHEARSE_RECORD_GOLDEN=1.
@Suite struct ScreenSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    /// The first question answered for 70 s: a technical one, in free form.
    static func answering(_ size: Size) throws -> ScreenHarness {
        var harness = try ScreenHarness(size: size)
        try harness.startSession()
        harness.press(.enter)
        harness.advance(3)
        harness.type("QoS decides what happens to samples under load. For a camera at 30 Hz I use best effort with a shallow history, so a late frame is dropped rather than queued.")
        harness.advance(70)
        return harness
    }

    /// The second question, behavioral, with three STAR parts written.
    static func star(_ size: Size) throws -> ScreenHarness {
        var harness = try answering(size)
        harness.press(.control("s"))
        harness.type("I would check that both ends use compatible profiles.")
        harness.press(.control("s"))
        harness.judge()
        harness.press(.character(" "), .down, .down, .character(" "), .enter)
        harness.advance(16)
        harness.type("Our field trial at a vineyard in 2023 stopped after ten minutes.")
        harness.press(.tab)
        harness.type("I led navigation and had to get the demo running.")
        harness.press(.tab)
        harness.type("I pulled the logs, found a clock skew between the lidar and the IMU, and I patched the driver.")
        return harness
    }

    @Test(arguments: sizes) func home(size: Size) throws {
        let interrupted = SessionListing(id: "1f2e3d4c", when: "2026-11-20 09:15 UTC", guides: "Robotics", answered: 1,
                                         questionCount: 3, state: .interrupted, score: nil)
        try ScreenHarness(size: size, interrupted: interrupted).expectSnapshot("home")
    }

    /// At the smallest size the right column scrolls: Start (where the focus begins) shows, and
    /// the kinds come back into view as the focus moves up to them.
    @Test func homeAtTheSmallestSize() throws {
        let interrupted = SessionListing(id: "1f2e3d4c", when: "2026-11-20 09:15 UTC", guides: "Robotics", answered: 1,
                                         questionCount: 3, state: .interrupted, score: nil)
        var harness = try ScreenHarness(size: AppState.minimumSize, interrupted: interrupted)
        #expect(harness.screen.contains("[ Start the interview ]"))
        try harness.expectSnapshot("home")
        harness.state.home.focus = .kind(.technical)
        #expect(harness.screen.contains("Kinds of question"))
        #expect(!harness.screen.contains("[ Start the interview ]"))
    }

    @Test(arguments: sizes) func briefing(size: Size) throws {
        var harness = try ScreenHarness(size: size)
        try harness.startSession()
        try harness.expectSnapshot("briefing")
    }

    @Test(arguments: sizes) func thinkTime(size: Size) throws {
        var harness = try ScreenHarness(size: size)
        try harness.startSession()
        harness.press(.enter)
        harness.advance(4)
        try harness.expectSnapshot("think-time")
    }

    @Test(arguments: sizes) func answering(size: Size) throws {
        try Self.answering(size).expectSnapshot("answering")
    }

    @Test(arguments: sizes) func paused(size: Size) throws {
        var harness = try Self.answering(size)
        harness.press(.control("p"))
        harness.advance(30)
        try harness.expectSnapshot("paused")
    }

    @Test(arguments: sizes) func overtime(size: Size) throws {
        var harness = try Self.answering(size)
        harness.advance(200)
        try harness.expectSnapshot("overtime")
    }

    @Test(arguments: sizes) func followUp(size: Size) throws {
        var harness = try Self.answering(size)
        harness.press(.control("s"))
        harness.type("Check the QoS of both ends with ros2 topic info --verbose.")
        try harness.expectSnapshot("follow-up")
    }

    @Test(arguments: sizes) func selfReview(size: Size) throws {
        var harness = try Self.answering(size)
        harness.press(.control("s"), .control("s"))
        #expect(harness.judge() == 1)
        harness.press(.character(" "), .down)
        try harness.expectSnapshot("self-review")
    }

    @Test(arguments: sizes) func star(size: Size) throws {
        try Self.star(size).expectSnapshot("star")
    }

    @Test(arguments: sizes) func summary(size: Size) throws {
        var harness = try Self.star(size)
        harness.press(.control("s"), .control("s"), .enter)
        try harness.expectSnapshot("summary")
    }

    @Test(arguments: sizes) func help(size: Size) throws {
        var harness = try Self.answering(size)
        harness.press(.function(1))
        try harness.expectSnapshot("help")
    }

    @Test(arguments: sizes) func quitDialog(size: Size) throws {
        var harness = try Self.answering(size)
        harness.press(.control("q"))
        try harness.expectSnapshot("quit")
    }

    @Test(arguments: sizes) func history(size: Size) throws {
        var harness = try ScreenHarness(size: size)
        harness.send(.historyLoaded([
            SessionListing(id: "9a8b7c6d", when: "2026-11-24 10:02 UTC", guides: "Robotics Software Engineer Interview Prep",
                           answered: 2, questionCount: 2, state: .finished, score: 0.625),
            SessionListing(id: "1f2e3d4c", when: "2026-11-20 09:15 UTC", guides: "Robotics Software Engineer Interview Prep",
                           answered: 1, questionCount: 3, state: .interrupted, score: nil),
        ]))
        harness.press(.down)
        try harness.expectSnapshot("history")
    }

    @Test(arguments: sizes) func transcript(size: Size) throws {
        var harness = try Self.star(size)
        harness.press(.control("s"), .control("s"))
        harness.judge()
        harness.press(.character(" "), .enter)
        let interview = try #require(harness.state.session?.interview)
        harness.send(.transcriptLoaded(id: "0a1b2c3d", when: "2026-11-24 10:02 UTC", interview))
        harness.press(.right)
        try harness.expectSnapshot("transcript")
    }

    @Test(arguments: sizes) func exportPrompt(size: Size) throws {
        var harness = try Self.star(size)
        harness.press(.control("s"), .control("s"), .character(" "), .enter)
        let interview = try #require(harness.state.session?.interview)
        harness.send(.transcriptLoaded(id: "0a1b2c3d", when: "2026-11-24 10:02 UTC", interview))
        harness.press(.character("m"))
        harness.send(.exportFinished(.exists("/home/sam/rehearse-0a1b2c3d.md")))
        try harness.expectSnapshot("export-prompt")
    }

    /// Double-width characters in the question and the answer keep the columns aligned.
    @Test(arguments: sizes) func doubleWidth(size: Size) throws {
        var harness = try ScreenHarness(size: size)
        var interview = try ScreenHarness.plan()
        var plan = interview.plan
        plan.questions[0].question.title = "日本の顧客向けにエッジ推論をどう設計しますか？ (Design edge inference for a customer in Japan.)"
        interview = Interview(plan: plan)
        try harness.startSession(interview)
        harness.press(.enter)
        harness.type("まず遅延の予算を決めます。Then I pick the model 🚀 and measure on the device. 漢字かな交じり文を折り返す。")
        try harness.expectSnapshot("double-width")
    }

    @Test func tooSmall() throws {
        var harness = try Self.answering(Size(width: 80, height: 24))
        harness.send(.resize(Size(width: 59, height: 17)))
        try harness.expectSnapshot("too-small")
        // Typing is held back while nothing can be shown; the text is untouched.
        let before = harness.state.session?.interview.currentRecord?.freeText
        harness.press(.character("x"))
        #expect(harness.state.session?.interview.currentRecord?.freeText == before)
        // ^Q still asks, and the question shows on the notice.
        harness.press(.control("q"))
        #expect(harness.screen.contains("Leave the interview?"))
        harness.press(.escape)
        harness.send(.resize(Size(width: 80, height: 24)))
        #expect(harness.screen.contains("Your answer"))
    }
}
