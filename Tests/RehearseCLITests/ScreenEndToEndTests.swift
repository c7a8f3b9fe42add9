import Foundation
import Testing

/// The full-screen interface end to end: the built binary on a real terminal (tmux), driven by
/// keys and read from the screen, with its exit status, its closing line and the terminal mode
/// it leaves behind. Each test has its own tmux server and data folder, so they run in parallel.
///
/// The sessions come from the fixture guide `Tests/Fixtures/standard.md`, so the shipped banks
/// never change them. Seed 7 with technical and behavioral questions plans:
/// 1. "How do you choose between ROS 2 QoS profiles for a sensor topic?" (technical, 4 rubric
///    points, follow-up "How would you debug a subscriber that never receives messages?")
/// 2. "Tell me about a time a field test failed in front of a customer." (behavioral, STAR,
///    follow-up "What did you change in your test plan afterwards?")
@Suite struct ScreenEndToEndTests {
    static let firstQuestion = "How do you choose between ROS 2 QoS profiles for a sensor topic?"
    static let firstFollowUp = "Follow-up: How would you debug a subscriber that never receives messages?"
    static let secondQuestion = "Tell me about a time a field test failed in front of a customer."
    static let secondFollowUp = "Follow-up: What did you change in your test plan afterwards?"

    /// `rehearse practice` with the fixture guide and short clocks; `extra` comes last.
    static func practice(questions: Int = 2, answerTime: Int = 20, followUpTime: Int = 20, _ extra: [String] = []) -> [String] {
        ["practice", "--questions", "\(questions)", "--category", "technical", "--category", "behavioral",
         "--seed", "7", "--think-time", "0", "--answer-time", "\(answerTime)", "--follow-up-time", "\(followUpTime)",
         "--bank", RehearseBinary.fixture("standard")] + extra
    }

    /// The id in the closing line of an interrupted session.
    static func interruptedID(on screen: String) -> String? {
        screen.firstMatch(of: #/Session ([0-9a-f]+) is saved: go on with it with `rehearse practice --resume \1`\./#).map { String($0.1) }
    }

    /// From the home screen to the first question's answer editor.
    static func startFirstQuestion(_ tmux: TmuxSession, question: String = firstQuestion) {
        tmux.waitFor("[ Start the interview ]")
        tmux.press("Enter")
        tmux.waitFor("How this session runs")
        tmux.press("Enter")
        tmux.waitFor(question)
        tmux.waitFor("Your answer")
    }

    /// Self-review done with what is ticked: once the judgement shows (so that what comes
    /// next does not hang on its timing), Enter; when nothing is ticked and the text seems to
    /// make some points, the question asked is answered "score as is".
    static func finishReview(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) {
        tmux.waitFor("Rubric: Space ticks what your answer made", sourceLocation: sourceLocation)
        tmux.waitForAbsence(of: "judging…", sourceLocation: sourceLocation)
        tmux.press("Enter")
        let next = tmux.waitUntil("the review done, or the question about the detected points", sourceLocation: sourceLocation) {
            $0.contains("Nothing ticked") || !$0.contains("Rubric: Space ticks what your answer made")
        }
        if next?.contains("Nothing ticked") == true { tmux.press("Enter") }
    }

    /// The clock's big digits: the left part of rows 2 to 4.
    static func clockDigits(_ screen: String) -> String {
        screen.components(separatedBy: "\n").dropFirst(2).prefix(3).map { String($0.prefix(18)) }.joined(separator: "\n")
    }

    /// Proves the whole happy path on a real terminal: home, briefing, a free answer with its
    /// follow-up, a ticked rubric point, a STAR answer typed part by part with Tab, and the
    /// summary with scores; q exits 0 with "Saved as session", the terminal is canonical
    /// again, and the export holds every typed answer, all four STAR parts included. Under
    /// xterm's and screen's TERM alike.
    @Test(arguments: ["xterm-256color", "screen-256color"]) func aTwoQuestionSessionFromHomeToSummary(term: String) throws {
        let home = try TemporaryFolder()
        let tmux = try TmuxSession(Self.practice(), home: home.path, environment: ["TERM": term])
        tmux.waitFor("[ Start the interview ]")
        tmux.press("Enter") // the focus starts on Start
        tmux.waitFor("How this session runs")
        tmux.waitFor("2 questions, seed 7.")
        tmux.press("Enter")
        tmux.waitFor(Self.firstQuestion)
        tmux.waitFor("Question 1 of 2 · Technical Questions")

        tmux.type("Best effort with a shallow history for the camera topic.")
        tmux.waitFor("Best effort with a shallow history for the camera topic.")
        tmux.press("C-s")
        tmux.waitFor(Self.firstFollowUp)
        tmux.type("Compare both ends with ros2 topic info verbose.")
        tmux.waitFor("Compare both ends with ros2 topic info verbose.")
        tmux.press("C-s")

        tmux.waitFor("Rubric: Space ticks what your answer made")
        tmux.waitFor("ticked 0 of 3")
        tmux.press("Space")
        tmux.waitFor("Score 33 % · overtime 0:00 · ticked 1 of 3")
        tmux.waitFor("[x] ✓ Defines: QoS settles reliability, durability and history…")
        Self.finishReview(tmux)

        tmux.waitFor(Self.secondQuestion)
        tmux.waitFor("Question 2 of 2 · Behavioral Questions")
        tmux.waitFor("▸ Situation")
        let parts = [
            ("Situation", "Our vineyard trial stopped after ten minutes."),
            ("Task", "I owned the navigation stack that day."),
            ("Action", "I pulled the logs and patched the lidar driver."),
            ("Result", "The re-test passed within two days."),
        ]
        for (index, (name, text)) in parts.enumerated() {
            tmux.waitFor("▸ \(name)")
            tmux.type(text)
            tmux.waitFor(text)
            if index < parts.count - 1 { tmux.press("Tab") }
        }
        tmux.press("C-s")
        tmux.waitFor(Self.secondFollowUp)
        tmux.press("C-s")
        tmux.waitFor("ticked 0 of 4")
        Self.finishReview(tmux)

        let summary = tmux.waitUntil("the summary with scores") {
            $0.contains("Session complete") && $0.contains("Session score") && $0.contains("score 33 %") && $0.contains("score 0 %")
        }
        #expect(summary?.contains(/Session score \d+ %/) == true)
        let id = try #require(summary?.firstMatch(of: #/session ([0-9a-f]{8})/#).map { String($0.1) })
        tmux.press("q")
        #expect(tmux.exitStatus() == 0)
        tmux.waitFor("Saved as session \(id): `rehearse review \(id)`, `rehearse export \(id)`.")
        #expect(tmux.terminalRestored() == true)

        let export = try RehearseBinary.run(["export", id, "--format", "markdown"], home: home.path)
        #expect(export.status == 0)
        for text in ["Best effort with a shallow history for the camera topic.", "Compare both ends with ros2 topic info verbose."]
            + parts.map(\.1) {
            #expect(export.stdout.contains(text), "the export keeps \"\(text)\"")
        }
        #expect(export.stdout.contains("**Situation**") && export.stdout.contains("**Result**"))
    }

    /// Proves Ctrl-P stops the clock: "PAUSED" shows, the big digits stay still for 1.5 s,
    /// typing and Ctrl-S are refused with a status saying why; a second Ctrl-P starts the
    /// clock again and typing works again.
    @Test func pauseStopsTheClockAndTheTyping() throws {
        let home = try TemporaryFolder()
        let tmux = try TmuxSession(Self.practice(answerTime: 60), home: home.path)
        Self.startFirstQuestion(tmux)
        tmux.type("Before the pause.")
        tmux.waitFor("Before the pause.")
        tmux.waitFor("used of 1:00")

        tmux.press("C-p")
        tmux.waitFor("PAUSED")
        tmux.waitFor("^P resumes. Your text stays as it is.")
        let paused = tmux.expectSteady("the paused clock", for: 1.5, Self.clockDigits)
        #expect(!tmux.screen().contains("used of"), "the running clock's line is replaced while paused")

        tmux.type("zzz")
        tmux.waitFor("Paused: the clock is stopped and typing is not taken. ^P resumes.")
        #expect(!tmux.screen().contains("zzz"), "nothing is typed while paused")
        tmux.press("C-s")
        tmux.waitFor("Paused: ^P resumes the clock first.")
        #expect(tmux.screen().contains(Self.firstQuestion), "Ctrl-S does not submit while paused")

        tmux.press("C-p")
        tmux.waitForAbsence(of: "PAUSED")
        tmux.waitFor("used of 1:00")
        tmux.waitUntil("the clock moving again") { Self.clockDigits($0) != paused }
        tmux.type(" After it.")
        tmux.waitFor("Before the pause. After it.")
        #expect(!tmux.screen().contains("zzz"))
    }

    /// Proves hard time: with --hard-time and 5-second clocks the answer and then the
    /// follow-up are submitted as they stand when time runs out, and what was typed is kept:
    /// shown in self-review's "Your answer" pane and in the export.
    @Test func hardTimeSubmitsTheAnswerAsItStands() throws {
        let home = try TemporaryFolder()
        let tmux = try TmuxSession(Self.practice(answerTime: 5, followUpTime: 5, ["--hard-time"]), home: home.path)
        Self.startFirstQuestion(tmux)
        tmux.waitFor("hard time: submitted at 0:00")
        tmux.type("Typed before the deadline.")
        tmux.waitFor("Typed before the deadline.")
        // No key: the clock alone moves the interview on.
        tmux.waitFor(Self.firstFollowUp)
        tmux.waitFor("Time ran out: the answer was submitted as it stood; nothing you typed is lost.")
        tmux.type("Follow-up typed before its deadline.")
        tmux.waitFor("Follow-up typed before its deadline.")

        let review = tmux.waitUntil("self-review") { $0.contains("Rubric: Space ticks what your answer made") }
        #expect(review?.contains("Your answer") == true)
        #expect(review?.contains("Typed before the deadline.") == true)
        #expect(review?.contains("Follow-up typed before its deadline.") == true)

        let export = try RehearseBinary.run(["export", "latest", "--format", "markdown"], home: home.path)
        #expect(export.status == 0)
        #expect(export.stdout.contains("Typed before the deadline."))
        #expect(export.stdout.contains("Follow-up typed before its deadline."))
    }

    /// Proves a resize mid-answer keeps the answer: larger (120x40) and then too small (50x15,
    /// "Terminal too small") and back to 100x30, the typed text is still there and typing
    /// goes on.
    @Test func resizingMidAnswerKeepsTheText() throws {
        let home = try TemporaryFolder()
        let tmux = try TmuxSession(Self.practice(answerTime: 120), home: home.path)
        Self.startFirstQuestion(tmux)
        tmux.type("Typed before the resize.")
        tmux.waitFor("Typed before the resize.")

        tmux.resize(width: 120, height: 40)
        tmux.waitUntil("the screen drawn at 120x40") { screen in
            let rows = screen.components(separatedBy: "\n")
            return rows.count >= 40 && rows.contains { $0.count > 100 } && screen.contains("Typed before the resize.")
        }

        tmux.resize(width: 50, height: 15)
        tmux.waitFor("Terminal too small")
        tmux.waitFor("50x15; Rehearse needs 60x18.")

        tmux.resize(width: 100, height: 30)
        tmux.waitForAbsence(of: "Terminal too small")
        tmux.waitFor(Self.firstQuestion)
        tmux.waitFor("Typed before the resize.")
        tmux.type(" Still typing after it.")
        tmux.waitFor("Typed before the resize. Still typing after it.")
    }

    /// Proves history, transcript and export on the screen: after a finished session, a new
    /// run's home screen opens history with h (the session is listed as finished), Enter
    /// reads it, m asks where with ~/rehearse-ID.md filled in, and Enter writes it in the home
    /// folder (not the working folder), the status naming the full path. Then J, with a path
    /// typed into a folder that does not exist, says so and writes nothing; a path typed into
    /// a folder that exists is written there.
    @Test func historyOpensATranscriptAndExportsIt() throws {
        let home = try TemporaryFolder()
        let id = try ReviewAndHistoryEndToEndTests.finishedSession(home: home.path, answer: "An answer to find in history.")

        let folder = try TemporaryFolder()
        let second = try TmuxSession(["practice", "--bank", RehearseBinary.fixture("standard")], home: home.path, folder: folder.path)
        second.waitFor("[ Start the interview ]")
        second.press("h")
        second.waitFor("Rehearse · History")
        let listing = second.waitUntil("the session in history") { $0.contains(id) }
        #expect(listing?.range(of: "\(id) .*finished", options: .regularExpression) != nil, "listed as finished")
        second.press("Enter")
        second.waitFor("Session \(id)")
        second.waitFor(Self.firstQuestion)
        second.waitFor("An answer to find in history.")
        second.press("m")
        second.waitFor("Export as Markdown")
        second.waitFor("~/rehearse-\(id).md")
        second.press("Enter")
        let file = home.path + "/rehearse-\(id).md"
        second.waitFor("Exported to \(file)")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.contains("# Mock interview \(id)"))
        #expect(written.contains("An answer to find in history."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing in the working folder")

        second.press("J")
        second.waitFor("~/rehearse-\(id).json")
        second.press("C-u")
        second.type(folder.path + "/missing/t.json")
        second.press("Enter")
        second.waitFor("There is no folder")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/missing"))
        second.press("C-u")
        second.type(folder.path + "/t.json")
        second.press("Enter")
        second.waitFor("Exported to \(folder.path)/t.json")
        let json = try String(contentsOfFile: folder.path + "/t.json", encoding: .utf8)
        #expect(json.contains("\"format\" : \"rehearse-transcript\""))
        second.press("q")
        #expect(second.exitStatus() == 0)
        #expect(second.terminalRestored() == true)
    }

    /// Proves leaving mid-answer for later: Ctrl-Q asks "Leave the interview?", l stops with
    /// the closing line naming the id, status 0 (a deliberate stop is not Ctrl-C's 130) and
    /// a canonical terminal; the next run's
    /// home offers "Interrupted: session ID" and r resumes at the same question with the
    /// typed text, where typing goes on.
    @Test func leavingMidAnswerAndResumingFromHome() throws {
        let home = try TemporaryFolder()
        let first = try TmuxSession(Self.practice(), home: home.path)
        Self.startFirstQuestion(first)
        first.type("Half an answer before leaving.")
        first.waitFor("Half an answer before leaving.")
        first.press("C-q")
        first.waitFor("Leave the interview?")
        let dialog = first.waitUntil("the resume command in the dialog") { $0.contains("To resume: rehearse practice --resume ") }
        let shownID = dialog?.firstMatch(of: #/--resume ([0-9a-f]{8})/#).map { String($0.1) }
        first.press("l")
        #expect(first.exitStatus() == 0)
        let id = try #require(Self.interruptedID(on: first.screen()), "the closing line names the session:\n\(first.screen())")
        #expect(shownID == id)
        #expect(first.terminalRestored() == true)

        let second = try TmuxSession(Self.practice(), home: home.path)
        second.waitFor("Interrupted: session \(id)")
        second.press("r")
        second.waitFor("Resumed at question 1 of 2")
        second.waitFor("Question 1 of 2 · Technical Questions")
        second.waitFor(Self.firstQuestion)
        second.waitFor("Half an answer before leaving.")
        // It waits, paused, until ^P.
        second.waitFor("PAUSED")
        second.press("C-p")
        second.waitForAbsence(of: "PAUSED")
        second.type(" And the rest.")
        second.waitFor("Half an answer before leaving. And the rest.")
    }

    /// Proves SIGTERM mid-answer is handled like leaving for later: status 143, the closing
    /// line, a canonical terminal, and the session stored as interrupted with the typed text.
    @Test func sigtermMidAnswerSavesAndRestoresTheTerminal() throws {
        let home = try TemporaryFolder()
        let tmux = try TmuxSession(Self.practice(), home: home.path)
        Self.startFirstQuestion(tmux)
        tmux.type("Typed before the signal.")
        tmux.waitFor("Typed before the signal.")
        let pid = try #require(tmux.programPID())
        #expect(kill(pid, SIGTERM) == 0)
        #expect(tmux.exitStatus() == 143)
        let id = try #require(Self.interruptedID(on: tmux.screen()), "the closing line names the session:\n\(tmux.screen())")
        #expect(tmux.terminalRestored() == true)

        let history = try RehearseBinary.run(["history", "--json"], home: home.path)
        #expect(history.status == 0)
        let sessions = try #require(try RehearseBinary.json(history.stdout) as? [[String: Any]])
        #expect(sessions.count == 1)
        #expect(sessions.first?["id"] as? String == id)
        #expect(sessions.first?["state"] as? String == "interrupted")
        let export = try RehearseBinary.run(["export", id, "--format", "json"], home: home.path)
        #expect(export.stdout.contains("Typed before the signal."))
    }

    /// Proves the interface works without colour (NO_COLOR=1): the home screen draws with no
    /// colour at all (while the same screen without NO_COLOR has some), the help opens and
    /// closes, and q quits with status 0 and a canonical terminal.
    @Test func noColorShowsTheHomeScreenAndQuits() throws {
        let home = try TemporaryFolder()
        let tmux = try TmuxSession(Self.practice(), home: home.path, environment: ["NO_COLOR": "1"])
        let coloured = try TmuxSession(Self.practice(), home: home.path)
        tmux.waitFor("Rehearse · mock interviews in your terminal")
        tmux.waitFor("Kinds of question")
        tmux.waitFor("[x] Robotics Software Engineer")
        tmux.waitFor("[ Start the interview ]")
        coloured.waitFor("[ Start the interview ]")
        #expect(Self.colourCodes(in: tmux.styledScreen()).isEmpty, "NO_COLOR draws no colour")
        #expect(!Self.colourCodes(in: coloured.styledScreen()).isEmpty, "without NO_COLOR the screen has colour")
        #expect(tmux.styledScreen().contains("\u{1B}[7m") || tmux.styledScreen().contains(";7m"), "focus still shows, in reverse video")

        tmux.press("?")
        tmux.waitFor("Keys: Home (Esc closes)")
        tmux.press("Escape")
        tmux.waitForAbsence(of: "Keys: Home (Esc closes)")
        tmux.press("q")
        #expect(tmux.exitStatus() == 0)
        #expect(tmux.terminalRestored() == true)
        #expect(!tmux.screen().contains("Saved as session"), "no session was started")
    }

    /// The SGR parameters that set a colour (foreground or background, 8, 16, 256 or RGB).
    static func colourCodes(in styled: String) -> [String] {
        styled.matches(of: #/\u{1B}\[([0-9;]*)m/#).flatMap { match in
            match.1.split(separator: ";").map(String.init).filter { code in
                guard let number = Int(code) else { return false }
                return (30...38).contains(number) || (40...48).contains(number) || (90...97).contains(number) || (100...107).contains(number)
            }
        }
    }

    /// Proves Ctrl-C mid-answer stops at once and keeps the session: status 130, the closing
    /// line, a canonical terminal, and `rehearse practice --resume ID` (the command the line
    /// gives) reopens the same question with the text.
    @Test func ctrlCMidAnswerLeavesASessionToResume() throws {
        let home = try TemporaryFolder()
        let first = try TmuxSession(Self.practice(), home: home.path)
        Self.startFirstQuestion(first)
        first.type("Typed before Ctrl-C.")
        first.waitFor("Typed before Ctrl-C.")
        first.press("C-c")
        #expect(first.exitStatus() == 130)
        let id = try #require(Self.interruptedID(on: first.screen()), "the closing line names the session:\n\(first.screen())")
        #expect(first.terminalRestored() == true)

        let history = try RehearseBinary.run(["history", "--json"], home: home.path)
        let sessions = try #require(try RehearseBinary.json(history.stdout) as? [[String: Any]])
        #expect(sessions.first?["state"] as? String == "interrupted")

        let resumed = try TmuxSession(["practice", "--resume", id], home: home.path)
        resumed.waitFor("Resumed at question 1 of 2")
        resumed.waitFor(Self.firstQuestion)
        resumed.waitFor("Typed before Ctrl-C.")
        resumed.waitFor("PAUSED")
    }

    /// Proves the home screen fits the smallest terminal it draws in (60x18): Start shows and
    /// Enter on it begins; guide titles keep their role, clipped text ends in "…". (Start had
    /// been drawn under the status line.)
    @Test func theHomeScreenAtTheSmallestSizeShowsStart() throws {
        let home = try TemporaryFolder()
        let tmux = try TmuxSession(Self.practice(), home: home.path, width: 60, height: 18)
        let screen = tmux.waitUntil("the home screen with Start") { $0.contains("[ Start the interview ]") }
        #expect(screen?.contains("[x] Robotics Software E…") == true, "\(screen ?? "")")
        tmux.press("Enter")
        tmux.waitFor("How this session runs")
    }

    // MARK: Regressions: each of these once failed.

    /// Proves Ctrl-E hands the terminal to $EDITOR: an editor that reads from the terminal
    /// (here a script that reads one line and appends it) gets the line typed into it, and the
    /// answer comes back with it. (Foundation's `Process` had started the editor in a session
    /// of its own, without the terminal, so its reads failed.)
    @Test func externalEditorGetsTheTerminal() throws {
        let home = try TemporaryFolder()
        let editor = try home.write("editor.sh", """
            #!/bin/sh
            printf 'editor> '
            IFS= read -r line || exit 1
            printf '%s\\n' "$line" >> "$1"

            """)
        #expect(chmod(editor, 0o755) == 0)
        let tmux = try TmuxSession(Self.practice(answerTime: 120), home: home.path, environment: ["EDITOR": editor])
        Self.startFirstQuestion(tmux)
        tmux.type("Typed on the screen.")
        tmux.waitFor("Typed on the screen.")
        tmux.press("C-e")
        let prompted = tmux.waitUntil("the editor's prompt (or Rehearse's word on the editor)") {
            $0.contains("editor>") || $0.contains("exited with status")
        }
        #expect(prompted?.contains("exited with status") == false, "the editor could not read the terminal:\n\(prompted ?? "")")
        try #require(prompted?.contains("editor>") == true)
        tmux.type("Added in the editor.")
        tmux.press("Enter")
        let back = tmux.waitUntil("the answer back from the editor") {
            $0.contains(Self.firstQuestion) && $0.contains("Typed on the screen.") && $0.contains("Added in the editor.")
        }
        #expect(back?.contains("exited with status") == false, "the editor failed:\n\(back ?? "")")
    }

    /// Proves $EDITOR gets a STAR answer whole and a file that ends with a line break: an
    /// editor that refuses a file without one (exit 3) and writes the Action under its heading
    /// gives back the four parts, each in its place, as the export shows.
    @Test func theEditorGetsAStarAnswerWholeAndSplitsItBack() throws {
        let home = try TemporaryFolder()
        let editor = try home.write("editor.sh", """
            #!/bin/sh
            [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" = '\\n' ] || exit 3
            grep -q '^## Situation$' "$1" || exit 4
            sed -i 's/^## Action$/## Action\\nRewired the lidar./' "$1"

            """)
        #expect(chmod(editor, 0o755) == 0)
        let tmux = try TmuxSession(Self.practice(answerTime: 120), home: home.path, environment: ["EDITOR": editor])
        Self.startFirstQuestion(tmux)
        tmux.press("C-s")
        tmux.waitFor(Self.firstFollowUp)
        tmux.press("C-s")
        Self.finishReview(tmux)
        tmux.waitFor("▸ Situation")
        tmux.type("A vineyard trial.")
        tmux.waitFor("A vineyard trial.")
        tmux.press("C-e")
        let back = tmux.waitUntil("the Action back from the editor") { $0.contains("Rewired the lidar.") || $0.contains("exited with status") }
        #expect(back?.contains("exited with status") == false, "the editor refused the file:\n\(back ?? "")")
        tmux.press("C-c")
        #expect(tmux.exitStatus() == 130)
        let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: home.path)
        let transcript = try #require(try RehearseBinary.json(export.stdout) as? [String: Any])
        let questions = try #require(transcript["questions"] as? [[String: Any]])
        let parts = try #require(questions.last?["starParts"] as? [String: String])
        #expect(parts["situation"] == "A vineyard trial.")
        #expect(parts["action"] == "Rewired the lidar.")
        #expect(parts["task"] == "" || parts["task"] == nil)
    }

    /// Proves the resumed session says where it stands and waits: "Resumed at question 1 of 2
    /// with 0:07 used, paused" shows after `--resume`, the clock stays at 0:07 while paused,
    /// and goes on from there after ^P. (The status had been stamped with the new process's
    /// time before its clock moved forward to the session's, so it expired at once.)
    @Test func resumingALongerAnswerSaysWhereItResumed() throws {
        let home = try TemporaryFolder()
        let first = try TmuxSession(Self.practice(answerTime: 60), home: home.path)
        Self.startFirstQuestion(first)
        first.type("Seven seconds in.")
        first.waitFor("Seven seconds in.")
        first.waitFor("0:07 used of 1:00", timeout: 15)
        first.press("C-c")
        #expect(first.exitStatus() == 130)
        let id = try #require(Self.interruptedID(on: first.screen()), "the closing line names the session:\n\(first.screen())")

        let resumed = try TmuxSession(["practice", "--resume", id], home: home.path)
        resumed.waitFor(Self.firstQuestion)
        resumed.waitFor("Seven seconds in.")
        resumed.waitUntil("the resumed place and time") { $0.contains(/Resumed at question 1 of 2 with 0:0[789] used, paused: \^P goes on\./) }
        resumed.waitFor("PAUSED")
        let paused = resumed.expectSteady("the paused clock", for: 1.5, Self.clockDigits)
        resumed.press("C-p")
        resumed.waitUntil("the clock going on from there") { $0.contains(/0:(0[789]|1[0-9]) used of 1:00/) && Self.clockDigits($0) != paused }
    }

    /// Proves the home screen forgets an interrupted session once it is resumed: after
    /// resuming it from home with r, finishing it and going back home with n, the
    /// "Interrupted: session ID" line is gone. (The line had stayed, and r then answered that the
    /// session was finished.)
    @Test func homeForgetsAnInterruptedSessionOnceResumed() throws {
        let home = try TemporaryFolder()
        let arguments = Self.practice(questions: 1, ["--no-follow-ups"])
        let first = try TmuxSession(arguments, home: home.path)
        Self.startFirstQuestion(first)
        first.type("Left for later.")
        first.waitFor("Left for later.")
        first.press("C-c")
        #expect(first.exitStatus() == 130)
        let id = try #require(Self.interruptedID(on: first.screen()), "the closing line names the session:\n\(first.screen())")

        let second = try TmuxSession(arguments, home: home.path)
        second.waitFor("Interrupted: session \(id)")
        second.press("r")
        second.waitFor("Left for later.")
        second.waitFor("PAUSED")
        second.press("C-p")
        second.waitForAbsence(of: "PAUSED")
        second.press("C-s")
        Self.finishReview(second)
        second.waitFor("Session complete")
        second.press("n")
        second.waitFor("[ Start the interview ]")
        #expect(!second.screen().contains("Interrupted: session \(id)"), "the finished session is no longer offered:\n\(second.screen())")
        second.press("r")
        second.waitFor("No interrupted session to resume.", timeout: 3)
    }

    /// Proves Ctrl-Q in a terminal too small to draw in does what the notice promises ("^Q
    /// quits"): the question "Leave the interview?" shows, and l leaves with status 0. (The
    /// dialog had opened under the too-small notice, unseen.)
    @Test func ctrlQInATooSmallTerminalAsksVisibly() throws {
        let home = try TemporaryFolder()
        let tmux = try TmuxSession(Self.practice(answerTime: 120), home: home.path)
        Self.startFirstQuestion(tmux)
        tmux.resize(width: 50, height: 15)
        tmux.waitFor("The clock keeps running: ^P pauses it, ^Q quits.")
        tmux.press("C-q")
        tmux.waitFor("Leave the interview?", timeout: 3)
        tmux.press("l")
        #expect(tmux.exitStatus() == 0)
        #expect(tmux.terminalRestored() == true)
    }

    /// Proves SIGTERM ends the program with status 143 (128 + 15) wherever it is, as it does
    /// mid-answer. (On the home screen it had exited 0.)
    @Test func sigtermOnTheHomeScreenExits143() throws {
        let home = try TemporaryFolder()
        let tmux = try TmuxSession(Self.practice(), home: home.path)
        tmux.waitFor("[ Start the interview ]")
        let pid = try #require(tmux.programPID())
        #expect(kill(pid, SIGTERM) == 0)
        #expect(tmux.exitStatus() == 143)
        #expect(tmux.terminalRestored() == true)
    }
}
