import Foundation
import Testing

/// `rehearse review` full-screen on a terminal, and history's delete and search, on the real
/// binary under tmux.
@Suite struct ReviewAndHistoryEndToEndTests {
    /// Runs a one-question session to its end with `answer` typed; returns its id.
    static func finishedSession(home: String, answer: String) throws -> String {
        let tmux = try TmuxSession(ScreenEndToEndTests.practice(questions: 1, ["--no-follow-ups"]), home: home)
        ScreenEndToEndTests.startFirstQuestion(tmux)
        tmux.type(answer)
        tmux.waitFor(answer)
        tmux.press("C-s")
        ScreenEndToEndTests.finishReview(tmux)
        let summary = tmux.waitUntil("the summary") { $0.contains("Session complete") }
        let id = try #require(summary?.firstMatch(of: #/session ([0-9a-f]{8})/#).map { String($0.1) })
        tmux.press("q")
        #expect(tmux.exitStatus() == 0)
        return id
    }

    /// Proves `rehearse review latest` on a terminal opens the transcript full-screen (the
    /// header, the answer, the model answer), Esc shows history behind it, and q leaves with
    /// status 0 and the terminal restored; `--plain` on the same terminal prints lines.
    @Test func reviewOnATerminalIsFullScreen() throws {
        let home = try TemporaryFolder()
        let id = try Self.finishedSession(home: home.path, answer: "Reviewed on the full screen.")
        let tmux = try TmuxSession(["review", "latest"], home: home.path)
        tmux.waitFor("Rehearse · Session \(id)")
        tmux.waitFor("Reviewed on the full screen.")
        tmux.waitFor("Model answer")
        tmux.waitFor("m export .md")
        tmux.press("Escape")
        tmux.waitFor("Rehearse · History")
        tmux.press("q")
        #expect(tmux.exitStatus() == 0)
        #expect(tmux.terminalRestored() == true)
        #expect(!tmux.screen().contains("Saved as session"), "reading starts no session")

        // Tall enough for the whole plain review: the rubric, feedback and model answer follow the answer.
        let plain = try TmuxSession(["review", "latest", "--plain"], home: home.path, height: 60)
        plain.waitFor("Session \(id) · ")
        plain.waitFor("  Reviewed on the full screen.")
        #expect(plain.exitStatus() == 0)
    }

    /// Proves history's search and delete: / with a word of one answer shows that session
    /// alone; Esc shows both (the selection staying on it); d on the other asks, y deletes it (gone from `rehearse
    /// history` too), and the status says so.
    @Test func historySearchesAndDeletes() throws {
        let home = try TemporaryFolder()
        let kept = try Self.finishedSession(home: home.path, answer: "The vineyard trial taught us a lot.")
        let doomed = try Self.finishedSession(home: home.path, answer: "A warehouse robot story.")
        let tmux = try TmuxSession(["practice", "--bank", RehearseBinary.fixture("standard")], home: home.path)
        tmux.waitFor("[ Start the interview ]")
        tmux.press("h")
        tmux.waitFor("Rehearse · History")
        tmux.waitUntil("both sessions listed") { $0.contains(kept) && $0.contains(doomed) }
        tmux.press("/")
        tmux.waitFor("Search the answers")
        tmux.type("VINEYARD")
        tmux.press("Enter")
        tmux.waitFor("answers holding “VINEYARD”")
        tmux.waitUntil("only the session that holds it") { $0.contains(kept) && !$0.contains(doomed) }
        tmux.press("Escape")
        tmux.waitUntil("both sessions again") { $0.contains(kept) && $0.contains(doomed) }

        // The selection stayed on the session found; the newer one is above it.
        tmux.press("Up")
        tmux.press("d")
        tmux.waitFor("Delete session \(doomed)?")
        tmux.press("y")
        tmux.waitFor("Deleted session \(doomed).")
        #expect(!tmux.screen().contains("\(doomed)  "), "gone from the list")
        tmux.press("q")
        #expect(tmux.exitStatus() == 0)

        let history = try RehearseBinary.run(["history", "--json"], home: home.path)
        let sessions = try #require(try RehearseBinary.json(history.stdout) as? [[String: Any]])
        #expect(sessions.compactMap { $0["id"] as? String } == [kept])
    }
}
