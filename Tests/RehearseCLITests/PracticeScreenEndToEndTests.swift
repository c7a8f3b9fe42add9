import Foundation
import Testing

/// The practice loop on a real terminal (tmux): the home screen's counts and drill, the
/// progress screen at 80x24 and 60x18, and the last attempt beside this one in self-review.
@Suite struct PracticeScreenEndToEndTests {
    @Test func progressAndADrillOfWeakQuestionsFromHome() throws {
        let home = try TemporaryFolder()
        let fixture = RehearseBinary.fixture("standard")
        let questions = try PracticeLoopTests.questions(fixture)
        let failed = questions[0]
        _ = try PracticeLoopTests.practise([failed.id], ticks: [""], extra: ["--bank", fixture], home: home.path)

        let tmux = try TmuxSession(["practice", "--bank", fixture, "--think-time", "0", "--no-follow-ups"], home: home.path,
                                   width: 80, height: 24)
        tmux.waitFor("[ Start the interview ]")
        tmux.waitFor("0 due today · \(questions.count - 1) new · 1 weak")
        tmux.press("p")
        tmux.waitFor("Rehearse · Progress")
        tmux.waitFor(" questions seen · 1 attempt")
        tmux.waitFor("next due tomorrow")
        tmux.resize(width: 60, height: 18)
        tmux.waitFor("Robotics Sof… 1/\(questions.count)")
        tmux.resize(width: 80, height: 24)
        tmux.press("Escape")
        tmux.waitFor("[ Start the interview ]")
        tmux.press("d")
        tmux.waitFor("Nothing is due; the next question falls due tomorrow")
        tmux.press("Down", "Right")
        tmux.waitFor("[ Drill ◂ weak ▸ ]")
        tmux.press("Enter")
        tmux.waitFor("How this session runs")
        tmux.press("Enter")
        tmux.waitFor(failed.title)
        tmux.type("Clamp the integrator.")
        tmux.waitFor("Clamp the integrator.")
        tmux.press("C-s")
        tmux.waitFor("Feedback · l last try")
        tmux.press("l")
        tmux.waitFor("Last attempt: 0 % · Again")
        tmux.waitFor("An answer, from memory.")
        ScreenEndToEndTests.finishReview(tmux)
        tmux.waitFor("Session complete")
        tmux.press("q")
        #expect(tmux.exitStatus() == 0)
        let progress = try PracticeLoopTests.progress(home: home.path)
        #expect(progress[failed.id]?["attempts"] as? Int == 2)
    }
}

extension PracticeScreenEndToEndTests {
    @Test func drillOnATerminalOpensAtTheWeakestQuestion() throws {
        let home = try TemporaryFolder()
        let fixture = RehearseBinary.fixture("standard")
        let questions = try PracticeLoopTests.questions(fixture)
        let everyPoint = (1...questions[0].points).map(String.init).joined(separator: " ")
        _ = try PracticeLoopTests.practise([questions[0].id, questions[1].id], ticks: [everyPoint, ""], extra: ["--bank", fixture], home: home.path)
        let tmux = try TmuxSession(["drill", "--bank", fixture, "--think-time", "0", "--no-follow-ups"], home: home.path, width: 80, height: 24)
        tmux.waitFor("How this session runs")
        tmux.waitFor("Nothing is due today; the next question falls due tomorrow")
        tmux.press("Enter")
        tmux.waitFor(questions[1].title)
        tmux.press("C-c")
        #expect(tmux.exitStatus() == 130)
    }
}
