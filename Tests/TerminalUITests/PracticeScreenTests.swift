import GuideParser
import InterviewCore
import Testing
@testable import TerminalUI

/// The practice loop on screen: the progress screen, the home screen's drill, retrying from
/// the summary, the grade and the last attempt in self-review and transcripts.
@Suite struct PracticeScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 60, height: 18), Size(width: 120, height: 40)]
    static let start = Timestamp(secondsSince1970: 1_790_000_000)

    /// A question's practice after attempts graded `grades` with `scores`, a day apart.
    static func practice(_ id: String, kind: CategoryKind, bank: String = "standard", _ grades: [Grade], _ scores: [Double]) -> QuestionPractice {
        let attempts = zip(grades, scores).enumerated().map { day, pair in
            Attempt(sessionId: "s\(day)", position: 0, questionId: id, hash: "h", bank: bank, kind: kind,
                    reviewedAt: start.adding(days: Double(day)), score: pair.1, grade: pair.0, gradeChosen: false, seconds: 90,
                    overtimeSeconds: 0)
        }
        return QuestionPractice.replaying(attempts, with: FSRS())!.practice
    }

    /// The standard fixture and a guide with a double-width title, three questions practised.
    static func progress() throws -> ProgressScreenState {
        let standard = try ScreenHarness.guide()
        var wide = try ScreenHarness.guide("code-and-quirks")
        wide.title = "日本語の面接ガイド (Japanese interview guide)"
        let sources = [SessionPlanner.Source(bank: "standard", guide: standard), SessionPlanner.Source(bank: "japan", guide: wide)]
        let ids = standard.questions.map(\.id)
        let entries = [
            practice(ids[0], kind: .technical, [.again, .hard, .again], [0.2, 0.5, 0.1]),
            practice(ids[1], kind: .technical, [.good, .easy], [0.8, 1]),
            practice(ids[2], kind: .behavioral, [.hard], [0.45]),
            practice("standard/a-question-since-retired", kind: .general, [.good], [0.75]),
        ]
        let report = ProgressReport(sources: sources, practice: Dictionary(uniqueKeysWithValues: entries.map { ($0.questionId, $0) }),
                                    endOfToday: start.adding(days: 2.5)) { scope in
            let scores: [Double] = switch scope {
            case .all: [0.2, 0.5, 0.45, 0.6, 0.8, 0.7, 0.95]
            case .bank("standard"): [0.2, 0.5, 0.45, 0.6, 0.8]
            case .kind(.technical): [0.1, 0.9, 0.5]
            default: []
            }
            return scores.enumerated().map { ProgressReport.TrendPoint(sessionId: "s\($0.offset)", date: start.adding(days: Double($0.offset)), score: $0.element) }
        }
        // As the runner writes them, on the third day.
        var labels: [String: String] = [:]
        for entry in entries {
            let days = entry.due.wholeDays(since: start.adding(days: 2))
            labels[entry.questionId] = days < 0 ? "overdue" : days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days"
        }
        return ProgressScreenState(report: report, dueLabels: labels)
    }

    static func home(_ size: Size) throws -> ScreenHarness {
        var harness = try ScreenHarness(size: size)
        harness.send(.practiceLoaded(PracticeOverview(counts: ["standard": [.technical: PracticeCounts(due: 2, weak: 1, new: 0),
                                                                            .behavioral: PracticeCounts(due: 0, weak: 1, new: 1)]],
                                                      nextDue: "tomorrow")))
        return harness
    }

    @Test(arguments: sizes) func progressScreen(size: Size) throws {
        var harness = try ScreenHarness(size: size)
        harness.press(.character("p"))
        #expect(harness.commands == [.loadProgress])
        harness.send(.progressLoaded(try Self.progress()))
        try harness.expectSnapshot("progress")
        harness.press(.escape)
        #expect(harness.state.screen == .home)
    }

    @Test func theProgressScreenScrollsToEveryPractisedQuestion() throws {
        var harness = try ScreenHarness(size: Size(width: 60, height: 18))
        harness.send(.progressLoaded(try Self.progress()))
        #expect(!harness.screen.contains("standard/a-question-sin"))
        harness.press(.pageDown, .pageDown, .pageDown)
        #expect(harness.screen.contains("standard/a-question-sin"))
        #expect(harness.screen.contains("How do you choose betw"))
        harness.press(.home)
        #expect(harness.screen.contains("3 of 7 questions seen"))
    }

    @Test(arguments: sizes.prefix(2)) func homeOffersTheDrill(size: Size) throws {
        var harness = try Self.home(size)
        harness.state.home.focus = .drill
        try harness.expectSnapshot("home-practice")
    }

    @Test func theDrillRowChoosesDueWeakOrNewAndSaysWhenNothingWaits() throws {
        var harness = try Self.home(Size(width: 80, height: 24))
        #expect(harness.state.home.rows.contains(.drill))
        harness.state.home.kinds = [.behavioral]
        harness.state.home.focus = .drill
        harness.press(.enter)
        #expect(harness.commands.isEmpty)
        #expect(harness.screen.contains("Nothing is due; the next question falls due tomorrow."))
        harness.press(.right)
        #expect(harness.state.home.drillFocus == .weak)
        harness.press(.character("d"))
        guard case .plan(let choice)? = harness.commands.last else { Issue.record("expected a plan"); return }
        #expect(choice.drill == .weak && choice.kinds == [.behavioral])
        harness.press(.left, .left)
        #expect(harness.state.home.drillFocus == .new)
    }

    @Test func homeWithoutAStoreOffersNoDrill() throws {
        let harness = try ScreenHarness()
        #expect(!harness.state.home.rows.contains(.drill))
        #expect(!harness.screen.contains("Drill"))
    }

    /// Through the first question's review, with `previous` as its earlier attempt.
    static func reviewing(_ size: Size, previous: Bool) throws -> ScreenHarness {
        var harness = try ScreenSnapshotTests.answering(size)
        if previous, let planned = harness.state.session?.interview.plan.questions[0] {
            var record = QuestionRecord(scaffold: .free, followUps: 0)
            record.freeText = "Reliable everywhere, because dropping frames felt wrong at the time."
            let attempt = Attempt(sessionId: "9a8b7c6d", position: 0, questionId: planned.question.id, hash: planned.question.hash,
                                  bank: "standard", kind: .technical, reviewedAt: start, score: 0.25, grade: .again,
                                  gradeChosen: false, seconds: 120, overtimeSeconds: 0)
            harness.send(.previousAnswers([planned.question.id: PastAnswer(attempt: attempt, record: record)]))
        }
        harness.press(.control("s"), .control("s"))
        harness.judge()
        return harness
    }

    @Test(arguments: sizes.prefix(2)) func selfReviewBesideTheLastAttempt(size: Size) throws {
        var harness = try Self.reviewing(size, previous: true)
        #expect(harness.screen.contains("· l last try"))
        harness.press(.character("l"))
        try harness.expectSnapshot("self-review-previous")
        harness.press(.character("l"))
        #expect(harness.screen.contains("· l last try"))
    }

    @Test func withoutAnEarlierAttemptTheKeySaysSo() throws {
        var harness = try Self.reviewing(Size(width: 80, height: 24), previous: false)
        harness.press(.character("l"))
        #expect(harness.screen.contains("This question has no earlier attempt."))
        #expect(harness.state.session?.showsPrevious == false)
    }

    @Test func gCyclesTheGradeFromTheScoresThroughEachGrade() throws {
        var harness = try Self.reviewing(Size(width: 80, height: 24), previous: false)
        #expect(harness.screen.contains("· grade Again ·"))
        var chosen: [Grade?] = []
        for _ in 0..<5 {
            harness.press(.character("g"))
            chosen.append(harness.state.session?.interview.currentRecord?.chosenGrade)
        }
        #expect(chosen == [.again, .hard, .good, .easy, nil])
        harness.press(.character("g"), .character("g"), .character("g"))
        #expect(harness.screen.contains("· grade Good (g) ·"))
        harness.press(.enter)
        #expect(harness.state.session?.interview.records[0].chosenGrade == .good)
    }

    @Test func rRetriesTheWeakestQuestionAtOnce() throws {
        var harness = try ScreenSnapshotTests.star(Size(width: 80, height: 24))
        harness.press(.control("s"), .control("s"), .enter)
        let finished = try #require(harness.state.session?.interview)
        #expect(finished.phase == .summary)
        // The behavioral question scored 0 %: selected first.
        #expect(harness.state.session?.summarySelection == 1)
        harness.press(.up)
        #expect(harness.state.session?.summarySelection == 0)
        harness.press(.down)
        harness.commands = []
        harness.press(.character("r"))
        let retry = try #require(harness.state.session?.interview)
        #expect(retry.plan.questions.map(\.question.id) == [finished.plan.questions[1].question.id])
        #expect(retry.phase == .reading)
        #expect(harness.commands.contains { if case .create = $0 { true } else { false } })
        #expect(harness.state.session?.id == "0a1b2c3d")
    }

    @Test(arguments: sizes.prefix(2)) func transcriptWithTheLastAttempt(size: Size) throws {
        var harness = try ScreenSnapshotTests.star(size)
        harness.press(.control("s"), .control("s"), .character(" "), .enter)
        let interview = try #require(harness.state.session?.interview)
        harness.send(.transcriptLoaded(id: "0a1b2c3d", when: "2026-11-24 10:02 UTC", interview))
        var record = QuestionRecord(scaffold: .free, followUps: 0)
        record.freeText = "Best effort for the camera, reliable for commands."
        let planned = interview.plan.questions[0]
        let attempt = Attempt(sessionId: "9a8b7c6d", position: 0, questionId: planned.question.id, hash: "edited",
                              bank: "standard", kind: .technical, reviewedAt: Self.start, score: 0.5, grade: .hard,
                              gradeChosen: false, seconds: 120, overtimeSeconds: 0)
        harness.send(.transcriptPrevious([0: PastAnswer(attempt: attempt, record: record)]))
        let line = "Last attempt: 50 % · Hard · 2026-09-21 · l shows it"
        #expect(TranscriptScreen.lines(try #require(harness.state.transcript), width: 100).contains { $0.0 == line })
        harness.press(.character("l"))
        if size.height < 24 { harness.press(.down, .down, .down, .down, .down, .down) }
        try harness.expectSnapshot("transcript-previous")
    }
}
