import InterviewCore
import Testing
@testable import TerminalUI

/// The hint bar and the help show what works in the state at hand, from the key table.
@Suite struct HintTests {
    /// The bottom row of the screen.
    func hintBar(_ harness: ScreenHarness) -> String {
        harness.screen.components(separatedBy: "\n").last ?? ""
    }

    func helpText(_ harness: ScreenHarness) -> String {
        var harness = harness
        harness.press(.function(1))
        return harness.screen
    }

    @Test func aTechnicalQuestionOffersNoStar() throws {
        let harness = try ScreenHarness.answering(size: Size(width: 120, height: 40))
        #expect(harness.state.session?.interview.current?.kind == .technical)
        for text in [hintBar(harness), helpText(harness)] {
            #expect(!text.contains("STAR"), "\(text)")
            #expect(!text.contains("Tab"), "\(text)")
        }
    }

    @Test func aBehavioralQuestionOffersItsPartsButNoSwitch() throws {
        var harness = try ScreenHarness.answering(size: Size(width: 120, height: 40))
        harness.press(.control("s"), .control("s"), .enter) // the technical answer, its follow-up, the review
        #expect(harness.state.session?.interview.current?.kind == .behavioral)
        #expect(hintBar(harness).contains("Tab/⇧Tab part"))
        #expect(!hintBar(harness).contains("^T"))
        #expect(helpText(harness).contains("Tab Shift-Tab"))
        #expect(!helpText(harness).contains("^T"))
    }

    @Test func aSituationalQuestionOffersTheSwitchAndThenItsParts() throws {
        var harness = try ScreenHarness(size: Size(width: 120, height: 40))
        var interview = try ScreenHarness.plan()
        var plan = interview.plan
        plan.questions[0].kind = .situational
        interview = Interview(plan: plan)
        try harness.startSession(interview)
        harness.press(.enter)
        #expect(hintBar(harness).contains("^T STAR"))
        #expect(!hintBar(harness).contains("part"))
        harness.press(.control("t"))
        #expect(hintBar(harness).contains("^T STAR"))
        #expect(hintBar(harness).contains("Tab/⇧Tab part"))
    }

    @Test func pausedOffersResumeAndNoSubmit() throws {
        var harness = try ScreenHarness.answering()
        #expect(hintBar(harness).hasPrefix(" ^S submit  ^P pause"))
        harness.press(.control("p"))
        #expect(hintBar(harness).hasPrefix(" ^P resume"))
        #expect(!hintBar(harness).contains("submit"))
        #expect(helpText(harness).contains("Resume the clock"))
        #expect(!helpText(harness).contains("Submit the answer"))
    }

    @Test func resumeIsOfferedOnlyWithSomethingToResume() throws {
        let nothing = try ScreenHarness()
        #expect(!hintBar(nothing).contains("resume"))
        #expect(!helpText(nothing).contains("Resume"))
        let interrupted = SessionListing(id: "1f2e3d4c", when: "today", guides: "G", answered: 1, questionCount: 3,
                                         state: .interrupted, score: nil)
        let something = try ScreenHarness(interrupted: interrupted)
        #expect(hintBar(something).contains("r resume"))

        var history = try ScreenHarness()
        let finished = SessionListing(id: "9a8b7c6d", when: "today", guides: "G", answered: 2, questionCount: 2, state: .finished, score: 0.5)
        history.send(.historyLoaded([finished, interrupted]))
        #expect(!hintBar(history).contains("resume"))
        history.press(.down)
        #expect(hintBar(history).contains("r resume"))
    }

    @Test func theHelpAndTheQuitDialogAgreeAboutTheClock() throws {
        var harness = try ScreenHarness.answering()
        harness.press(.function(1))
        #expect(harness.screen.contains("The clock keeps running: ^P pauses it."))
        harness.press(.control("p"))
        #expect(harness.state.session?.interview.isPaused == true, "^P works from the help, as it says")
        #expect(harness.screen.contains("The clock is paused: ^P resumes it."))
        harness.press(.escape, .control("q"))
        #expect(harness.screen.contains("The clock is paused: ^P resumes it."))
        harness.press(.control("p"))
        #expect(harness.state.session?.interview.isPaused == false)
        #expect(harness.screen.contains("The clock keeps running: ^P pauses it."))
    }

    @Test func shiftTabGoesBackWhereverTabCycles() throws {
        var review = try ScreenHarness.answering()
        review.press(.control("s"), .control("s"))
        #expect(review.state.session?.reviewPane == 0)
        review.press(.backTab)
        #expect(review.state.session?.reviewPane == 2)
        review.press(.tab)
        #expect(review.state.session?.reviewPane == 0)

        var home = try ScreenHarness()
        home.state.home.focus = .bank(0)
        home.press(.backTab)
        #expect(home.state.home.focus == .kind(CategoryKind.allCases[0]))
        #expect(helpText(home).contains("Tab Shift-Tab"))
    }
}
