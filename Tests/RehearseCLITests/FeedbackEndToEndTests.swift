import Foundation
import Testing

/// Judging and feedback on the full screen, on the real binary under tmux, with the answer
/// model `make` fetches: the judgement and its evidence in self-review, the key that accepts
/// what was detected, and the summary's count, misses and things to work on.
@Suite struct FeedbackEndToEndTests {
    /// Seed 7, one technical question from the fixture guide.
    static let question = "Why does a PID controller need anti-windup?"
    /// Two points made, the others not, and hedged: "I think", "maybe".
    static let answer = "I think integral windup means the integral term keeps growing while the actuator is saturated. "
        + "Maybe I would clamp the integrator while the output is saturated."

    /// Proves an answer is judged by meaning on submit: self-review shows which points the text
    /// seems to make with the sentence behind the one under the cursor; `a` (named in the hint
    /// bar) ticks them and the score follows; Enter reaches the summary with "answered 1 of 1",
    /// what was missed with its detail, and three things to work on; the store keeps the
    /// judgement with its evidence.
    @Test func anAnswerIsJudgedAcceptedScoredAndSummed() throws {
        let home = try TemporaryFolder()
        let tmux = try TmuxSession(["practice", "--questions", "1", "--category", "technical", "--seed", "7", "--think-time", "0",
                                    "--answer-time", "120", "--no-follow-ups", "--bank", RehearseBinary.fixture("standard")],
                                   home: home.path, environment: ["TERM": "xterm-256color"])
        ScreenEndToEndTests.startFirstQuestion(tmux, question: Self.question)
        tmux.type(Self.answer)
        tmux.waitFor("while the output is saturated.")
        tmux.press("C-s")

        // The judgement, read for meaning, and the evidence of the point under the cursor.
        tmux.waitFor("Rubric: Space ticks what your answer made · ✓ your text seems to cover it")
        tmux.waitFor("▸[ ] ✓ Defines: Integral windup (x2)")
        tmux.waitFor("Your text: “I think integral windup means the integral term keeps growing")
        tmux.waitFor("a accept ✓")
        let before = tmux.screen()
        #expect(before.contains("Score 0 % · overtime 0:00 · ticked 0 of 7"), "\(before)")
        #expect(!before.contains("Judging by words"), "the model is found: `make` fetches it\n\(before)")

        tmux.press("a")
        let accepted = tmux.waitUntil("the detected points ticked") { $0.contains("[x] ✓ Defines: Integral windup (x2)") }
        #expect(accepted?.contains("[x] ✓ Clamp the integrator (x2)") == true, "\(accepted ?? "")")
        #expect(accepted?.contains("[ ]   Defines: Anti-windup (x2)") == true, "what was not detected stays unticked")
        tmux.waitUntil("the score of the ticks") { $0.contains(/Score [1-9]\d* % · overtime 0:00 · ticked [1-9] of 7/) }
        tmux.waitForAbsence(of: "a accept ✓")

        tmux.press("Enter")
        let summary = tmux.waitUntil("the summary") { $0.contains("Session complete") && $0.contains("Three things to work on") }
        #expect(summary?.contains(/Session score \d+ % · answered 1 of 1/) == true, "\(summary ?? "")")
        #expect(summary?.contains(/score \d+ %/) == true)
        #expect(summary?.contains("Missed: Defines: Anti-windup (x2). A scheme that stops or bleeds off that growth.") == true, "\(summary ?? "")")
        #expect(summary?.contains("1. Question 1 missed \"Anti-windup\"") == true)
        #expect(summary?.contains("hedges and fillers per 100 words") == true)
        tmux.press("q")
        #expect(tmux.exitStatus() == 0)

        let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: home.path)
        let transcript = try #require(try RehearseBinary.json(export.stdout) as? [String: Any])
        let question = try #require((transcript["questions"] as? [[String: Any]])?.first)
        #expect(question["detector"] as? String == "embedding")
        let points = try #require(question["rubric"] as? [[String: Any]])
        let windup = try #require(points.first { $0["lead"] as? String == "Integral windup" })
        #expect(windup["detected"] as? Bool == true && windup["ticked"] as? Bool == true)
        #expect((windup["evidence"] as? String)?.hasPrefix("I think integral windup means") == true)
    }
}
