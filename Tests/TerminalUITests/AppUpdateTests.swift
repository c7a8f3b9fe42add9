import InterviewCore
import Testing
@testable import TerminalUI

/// The app's behaviour through `update`, with a manual clock: what each key does to the
/// interview and which commands (saves, the editor, exports) come out.
@Suite struct AppUpdateTests {
    @Test func beginningStoresTheSessionAndEveryKeystrokeReachesASave() throws {
        var harness = try ScreenHarness()
        try harness.startSession()
        harness.press(.enter)
        #expect(harness.commands.contains { if case .create = $0 { true } else { false } })
        #expect(harness.state.session?.id == "0a1b2c3d")
        harness.commands = []
        for character in "abc" {
            harness.press(.character(character))
            harness.advance(0.4)
        }
        harness.advance(1.1)
        // Typing is written at most a second late, and the last save holds every character.
        let last = try #require(ScreenHarness.saves(harness.commands).last)
        #expect(last.records[0].freeText == "abc")
    }

    @Test func pauseStopsTheClockAndHoldsTypingBack() throws {
        var harness = try ScreenHarness.answering()
        harness.type("Start")
        harness.advance(10)
        harness.press(.control("p"))
        let interview = try #require(harness.state.session?.interview)
        #expect(interview.isPaused)
        let frozen = interview.elapsed(at: harness.state.now)
        harness.advance(120)
        #expect(harness.state.session?.interview.elapsed(at: harness.state.now) == frozen)
        harness.type(" more")
        #expect(harness.state.session?.interview.currentRecord?.freeText == "Start")
        #expect(harness.screen.contains("PAUSED"))
        #expect(harness.screen.contains("Start"), "pausing hides nothing that was typed")
        harness.press(.control("s"))
        #expect(harness.state.session?.interview.phase == .answering, "submitting waits for the clock")
        harness.press(.control("p"))
        harness.advance(5)
        #expect(harness.state.session?.interview.elapsed(at: harness.state.now) == frozen + .seconds(5))
    }

    @Test func hardTimeSubmitsTheTextAsItStands() throws {
        var harness = try ScreenHarness()
        try harness.startSession(ScreenHarness.plan(thinkSeconds: 0, answerSeconds: 30, hardTime: true))
        harness.press(.enter)
        harness.type("Half an answer")
        harness.advance(31)
        let session = try #require(harness.state.session)
        #expect(session.interview.phase == .followUp(0))
        #expect(session.interview.records[0].freeText == "Half an answer")
        #expect(session.interview.records[0].submittedAtTimeUp)
        #expect(harness.commands.contains(.bell))
        #expect(harness.screen.contains("Time ran out"))
    }

    @Test func quittingAsksAndEachAnswerDoesWhatItSays() throws {
        var harness = try ScreenHarness.answering()
        harness.type("Kept")
        harness.press(.control("q"))
        #expect(harness.state.overlay == .confirmQuit)
        harness.press(.escape)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.session?.interview.phase == .answering)

        harness.press(.control("q"))
        harness.commands = []
        harness.press(.character("l"))
        #expect(harness.commands.contains(.interrupt))
        #expect(harness.commands.last == .exit)
        #expect(harness.state.leftForLater, "l is a deliberate stop")
        #expect(ScreenHarness.saves(harness.commands).last?.records[0].freeText == "Kept")

        var ending = try ScreenHarness.answering()
        ending.type("Kept too")
        ending.press(.control("q"), .character("e"))
        #expect(ending.state.session?.interview.phase == .abandoned)
        #expect(ending.state.keyContext == .summary)
        #expect(!ending.commands.contains(.interrupt))
    }

    @Test func controlCStopsAtOnceAndKeepsTheSessionResumable() throws {
        var harness = try ScreenHarness.answering()
        harness.type("Typed before Ctrl-C")
        harness.commands = []
        harness.press(.control("c"))
        #expect(harness.commands.contains(.interrupt))
        #expect(ScreenHarness.saves(harness.commands).last?.records[0].freeText == "Typed before Ctrl-C")
        #expect(harness.state.finished)
        #expect(!harness.state.leftForLater, "Ctrl-C is not a stop for later")
    }

    @Test func theExternalEditorGetsTheAnswerAndGivesItBack() throws {
        var harness = try ScreenHarness.answering()
        harness.type("draft")
        harness.commands = []
        harness.press(.control("e"))
        #expect(harness.commands == [.editExternally(.free, "draft")])
        harness.send(.externalEditFinished(.free, "draft, finished in vi"))
        #expect(harness.state.session?.interview.currentRecord?.freeText == "draft, finished in vi")
        #expect(harness.screen.contains("draft, finished in vi"))
    }

    @Test func starPartsTakeTabAndKeepTheirOwnText() throws {
        var harness = try ScreenHarness.answering()
        harness.press(.control("s"), .control("s"), .enter) // technical question, its follow-up, review
        harness.advance(16)
        #expect(harness.state.session?.focusedField == .star(.situation))
        harness.type("Situation text")
        harness.press(.tab)
        harness.type("Task text")
        harness.press(.backTab)
        harness.type(" more")
        let record = try #require(harness.state.session?.interview.currentRecord)
        #expect(record.starParts[.situation] == "Situation text more")
        #expect(record.starParts[.task] == "Task text")
    }

    /// Proves a session stopped before its first question began resumes on that question,
    /// paused, rather than on a briefing with no guides ("0 guides", no introduction).
    @Test func aSessionStoppedAtTheBriefingResumesOnItsFirstQuestion() throws {
        let interview = try ScreenHarness.plan(thinkSeconds: 5)
        #expect(interview.phase == .briefing)
        var harness = try ScreenHarness()
        harness.send(.resumable(id: "0a1b2c3d", interview, guides: []))
        #expect(harness.state.keyContext == .answering)
        #expect(harness.state.session?.interview.index == 0)
        #expect(harness.state.session?.interview.isPaused == true)
        #expect(ScreenHarness.saves(harness.commands).last?.phase == .reading, "the begun question is saved")
        #expect(!harness.screen.contains("0 guides"))
        #expect(harness.screen.contains("Resumed at question 1 of 2"))
        #expect(harness.screen.contains("PAUSED"))
    }

    @Test func aResumedStarAnswerOpensAtThePartInProgress() throws {
        var interview = try ScreenHarness.plan(thinkSeconds: 0)
        _ = interview.handle(.begin(at: .seconds(1)))
        _ = interview.handle(.submit(at: .seconds(2)))
        _ = interview.handle(.submit(at: .seconds(3)))
        _ = interview.handle(.review(ticks: [], at: .seconds(4)))
        _ = interview.handle(.type(.star(.situation), "A plant visit", at: .seconds(5)))
        _ = interview.handle(.type(.star(.task), "Fix the robot", at: .seconds(6)))
        var harness = try ScreenHarness()
        harness.send(.resumable(id: "0a1b2c3d", interview, guides: []))
        #expect(harness.state.session?.focusedField == .star(.task))
        // It starts paused, saying where it stands, until ^P.
        #expect(harness.state.session?.interview.isPaused == true)
        #expect(harness.screen.contains("Resumed at question 2 of 2 with 1:35 used, paused: ^P goes on."))
        #expect(harness.screen.contains("PAUSED"))
        let frozen = harness.state.session?.interview.elapsed(at: harness.state.now)
        harness.advance(30)
        #expect(harness.state.session?.interview.elapsed(at: harness.state.now) == frozen)
        harness.press(.control("p"))
        harness.type(" today")
        #expect(harness.state.session?.interview.currentRecord?.starParts[.task] == "Fix the robot today")
    }

    @Test func homeRefusesAnEmptyChoiceAndPlansTheChosenOne() throws {
        var harness = try ScreenHarness()
        harness.state.home.focus = .bank(0)
        harness.press(.character(" ")) // untick the only chosen guide
        harness.state.home.focus = .start
        harness.press(.enter)
        #expect(harness.commands.isEmpty)
        #expect(harness.screen.contains("Choose at least one guide"))
        harness.state.home.focus = .bank(1)
        harness.press(.character(" "))
        harness.state.home.focus = .questions
        harness.press(.right, .right)
        harness.state.home.focus = .hardTime
        harness.press(.character(" "))
        harness.state.home.focus = .start
        harness.press(.enter)
        let plan = try #require(harness.commands.last)
        guard case .plan(let choice) = plan else { Issue.record("expected a plan, got \(plan)"); return }
        #expect(choice.banks == ["code-and-quirks"])
        #expect(choice.questions == 4)
        #expect(choice.settings.hardTime)
    }

    /// Proves Right is "more" from the default times too: think time "guide or 0:15" goes to
    /// 0:20 (it went to 0:00), answer time "by kind" past every kind's time; Left goes below.
    @Test func rightFromTheDefaultTimeIsMore() throws {
        for (row, right, left) in [(HomeState.Row.thinkTime, 20, 10), (.answerTime, 420, 120)] {
            for (key, expected) in [(Key.right, right), (.left, left)] {
                var harness = try ScreenHarness()
                harness.state.home.focus = row
                harness.press(key)
                let home = harness.state.home
                #expect((row == .thinkTime ? home.thinkSeconds : home.answerSeconds) == expected, "\(row) \(key)")
            }
        }
    }

    /// Proves the smallest screen keeps what a new user needs: the home's right column keeps
    /// its "Kinds of question" heading when scrolled to Start, a guide list cut by the screen
    /// says so, and the hint row keeps its way out (q quit, ^Q quit) when hints do not fit.
    @Test func theSmallestScreenKeepsHeadingsScrollMarksAndTheWayOut() throws {
        let interrupted = SessionListing(id: "1f2e3d4c", when: "2026-11-20 09:15 UTC", guides: "Robotics", answered: 1,
                                         questionCount: 3, state: .interrupted, score: nil)
        var harness = try ScreenHarness(size: AppState.minimumSize, interrupted: interrupted)
        harness.state.home.focus = .start
        let rows = harness.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows[2].contains("Kinds of question"), "\(harness.screen)")
        #expect(rows.last?.contains("q quit") == true, "\(harness.screen)")
        let listing = harness.state.home.banks[0]
        harness.state.home.banks = (0..<12).map { BankListing(name: "guide-\($0)", title: "Guide \($0)", questionCount: 3, kinds: listing.kinds) }
        let split = AppState.minimumSize.width / 2
        let withManyGuides = harness.screen.split(separator: "\n").map { Array($0) }
        #expect(withManyGuides.contains { $0.count > split - 1 && $0[split - 1] == "▼" }, "\(harness.screen)")
        try harness.startSession()
        harness.press(.enter)
        #expect(harness.screen.split(separator: "\n").last?.contains("^Q quit") == true, "\(harness.screen)")
    }

    @Test func theBriefingGoesBackHomeWithoutStoringAnything() throws {
        var harness = try ScreenHarness()
        try harness.startSession()
        harness.press(.escape)
        #expect(harness.state.screen == .home)
        #expect(harness.state.session == nil)
        #expect(harness.commands.isEmpty)
    }

    @Test func theHelpIsWrittenFromTheKeyTable() throws {
        let state = try ScreenHarness().state
        for context in KeyContext.allCases {
            var buffer = CellBuffer(size: Size(width: 140, height: 60))
            Overlays.help(context, state, scroll: 0, in: &buffer)
            for binding in KeyTable.bindings(context, in: state) {
                #expect(buffer.text.contains(binding.summary), "\(context): \(binding.summary)")
                // Every key listed does what the line says (directions map to their own way).
                for key in binding.keys {
                    let action = KeyTable.action(for: key, in: context)
                    #expect(action != nil, "\(context): \(key.label) does nothing")
                }
            }
        }
    }

    @Test func exportAsksWhereWithTheHomeFolderFilledIn() throws {
        var harness = try ScreenHarness()
        let interview = try ScreenHarness.plan()
        harness.send(.transcriptLoaded(id: "0a1b2c3d", when: "today", interview))
        harness.press(.character("m"))
        #expect(harness.commands.isEmpty, "nothing is written before the user says where")
        #expect(harness.screen.contains("Export as Markdown"))
        #expect(harness.screen.contains("~/rehearse-0a1b2c3d.md"))
        harness.press(.enter)
        #expect(harness.commands == [.export(id: "0a1b2c3d", json: false, path: "~/rehearse-0a1b2c3d.md", replacing: false)])

        // The runner says the file exists: the next Enter replaces it, an edit asks again.
        harness.commands = []
        harness.send(.exportFinished(.exists("/home/u/rehearse-0a1b2c3d.md")))
        #expect(harness.screen.contains("exists: Enter replaces it"))
        harness.press(.enter)
        #expect(harness.commands.last == .export(id: "0a1b2c3d", json: false, path: "~/rehearse-0a1b2c3d.md", replacing: true))
        harness.press(.control("u"))
        harness.type("/tmp/notes")
        harness.press(.character("/"), .character("x"), .backspace, .character("s"), .enter)
        #expect(harness.commands.last == .export(id: "0a1b2c3d", json: false, path: "/tmp/notes/s", replacing: false))

        // A failure keeps the prompt open, saying why; success closes it with the full path.
        harness.send(.exportFinished(.failed("There is no folder /tmp/notes: create it first, or choose another place.")))
        #expect(harness.screen.contains("There is no folder /tmp/notes"))
        #expect(harness.state.keyContext == .prompt)
        harness.send(.exportFinished(.written("/tmp/notes/s")))
        #expect(harness.state.keyContext == .transcript)
        #expect(harness.screen.contains("Exported to /tmp/notes/s"))

        // J asks for a JSON file; Esc cancels without writing.
        harness.commands = []
        harness.press(.character("J"))
        #expect(harness.screen.contains("~/rehearse-0a1b2c3d.json"))
        harness.press(.escape)
        #expect(harness.commands.isEmpty)
        #expect(harness.state.keyContext == .transcript)
        harness.press(.escape)
        #expect(harness.state.screen == .home)
    }

    @Test func aPromptTakesEveryKeyAsText() throws {
        var harness = try ScreenHarness()
        harness.send(.transcriptLoaded(id: "0a1b2c3d", when: "today", try ScreenHarness.plan()))
        harness.press(.character("m"), .control("u"))
        // q, ?, j and a paste are text here, not keys.
        harness.press(.character("q"), .character("?"), .character("j"), .paste("a\nb"), .left, .character("_"))
        guard case .prompt(let prompt)? = harness.state.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.field.text == "q?ja _b")
        #expect(!harness.state.finished)
        harness.press(.control("c"))
        #expect(harness.state.finished)
    }
}

/// Found by trying the screens as a new user.
@Suite struct AppUpdateRegressionTests {
    @Test func homeAndEndInAStarPartFollowTheLinesAsDrawn() throws {
        var harness = try ScreenHarness(size: Size(width: 100, height: 30))
        try harness.startSession()
        harness.press(.enter, .control("s"), .control("s"), .enter)
        #expect(harness.state.session?.focusedField == .star(.situation))
        // A first line that fills the STAR editor's width exactly, then more.
        harness.type(String(repeating: "aaaa ", count: 18) + "bbbbb cc dd")
        harness.press(.home)
        harness.type("X")
        #expect(harness.state.session?.interview.currentRecord?.starParts[.situation]?.hasSuffix("Xbbbbb cc dd") == true)
        #expect(harness.screen.contains("Xbbbbb cc dd"))
    }

    @Test func starBackToFreeFormKeepsTheText() throws {
        var harness = try ScreenHarness()
        var interview = try ScreenHarness.plan()
        var plan = interview.plan
        plan.questions[0].kind = .situational
        interview = Interview(plan: plan)
        try harness.startSession(interview)
        harness.press(.enter, .control("t"))
        harness.type("What happened at the plant")
        harness.press(.control("t"))
        #expect(harness.state.session?.interview.currentRecord?.freeText == "What happened at the plant")
        #expect(harness.screen.contains("What happened at the plant"))
    }

    @Test func escapeFromHistoryAfterATranscriptGoesBackHome() throws {
        var harness = try ScreenHarness()
        harness.send(.historyLoaded([SessionListing(id: "9a8b7c6d", when: "today", guides: "G", answered: 1, questionCount: 1,
                                                    state: .finished, score: nil)]))
        harness.send(.transcriptLoaded(id: "9a8b7c6d", when: "today", try ScreenHarness.plan()))
        harness.press(.escape)
        #expect(harness.state.screen == .history)
        harness.press(.escape)
        #expect(harness.state.screen == .home)
    }

    @Test func aTranscriptSaysWhichQuestionsWereNeverAsked() throws {
        var harness = try ScreenHarness()
        var interview = try ScreenHarness.plan()
        _ = interview.handle(.begin(at: .seconds(1)))
        _ = interview.handle(.abandon(at: .seconds(2)))
        harness.send(.transcriptLoaded(id: "9a8b7c6d", when: "today", interview))
        harness.press(.right)
        #expect(harness.screen.contains("not asked: the session ended before this question"))
        #expect(!harness.screen.contains("(nothing written)"))
    }
}
