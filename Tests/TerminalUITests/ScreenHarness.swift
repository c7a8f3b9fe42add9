import Foundation
import GuideParser
import InterviewCore
import Testing
@testable import TerminalUI

/// Drives the app as its runner does, with a manual clock, and reads the screen as text.
struct ScreenHarness {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    var state: AppState
    var commands: [AppCommand] = []
    private(set) var clock = Instant.seconds(100)

    static func guide(_ name: String = "standard") throws -> Guide {
        try GuideLoader.load(contentsOf: fixtures.appendingPathComponent(name + ".md").path)
    }

    static func listing(_ name: String, _ guide: Guide) -> BankListing {
        BankListing(name: name, title: guide.title, questionCount: guide.questions.count, kinds: guide.questionCountsByKind)
    }

    /// The home screen, offering the standard fixture guide.
    init(size: Size = Size(width: 80, height: 24), interrupted: SessionListing? = nil) throws {
        let guide = try Self.guide()
        var settings = SessionSettings()
        settings.followUpsPerQuestion = 1
        let choice = SessionChoice(banks: ["standard"], kinds: [], questions: 2, settings: settings)
        let home = HomeState(banks: [Self.listing("standard", guide), Self.listing("code-and-quirks", try Self.guide("code-and-quirks"))],
                             choice: choice, interrupted: interrupted)
        state = AppState(size: size, now: clock, home: home)
    }

    /// A session planned from the standard guide: a technical question, then a behavioral one.
    static func plan(thinkSeconds: Int = 15, answerSeconds: Int? = nil, hardTime: Bool = false) throws -> Interview {
        let guide = try guide()
        var settings = SessionSettings()
        settings.thinkTime = .seconds(thinkSeconds)
        settings.answerTime = answerSeconds.map { .seconds($0) }
        settings.hardTime = hardTime
        settings.followUpsPerQuestion = 1
        let plan = try SessionPlanner.plan(from: [.init(bank: "standard", guide: guide)], kinds: [.technical, .behavioral],
                                           count: 2, seed: 7, settings: settings)
        return Interview(plan: plan)
    }

    /// The first question's editor, after the briefing (15 s of think time, not yet typed in).
    static func answering(size: Size = Size(width: 80, height: 24)) throws -> ScreenHarness {
        var harness = try ScreenHarness(size: size)
        try harness.startSession()
        harness.press(.enter)
        return harness
    }

    /// The interviews in the saves among `commands`.
    static func saves(_ commands: [AppCommand]) -> [Interview] {
        commands.compactMap { if case .save(let interview, _, _, _) = $0 { interview } else { nil } }
    }

    @discardableResult
    mutating func send(_ event: AppEvent) -> [AppCommand] {
        let produced = state.update(event)
        commands += produced
        for command in produced {
            // The runner's answers, as the real one gives them.
            if case .create = command { commands += state.update(.created(id: "0a1b2c3d")) }
        }
        return produced
    }

    /// Answers the `.judge` commands not answered yet, as the runner does, with a judgement by
    /// the answer's words (the guide's question's own rubric weights); returns how many.
    @discardableResult
    mutating func judge() -> Int {
        let requests = commands.compactMap { command -> (Interview, String?, Int)? in
            if case .judge(let interview, let session, let question) = command { (interview, session, question) } else { nil }
        }
        let unanswered = requests.dropFirst(judgedCount)
        judgedCount = requests.count
        let judge = AnswerJudge(weights: TermWeights(guide: (try? Self.guide()) ?? Guide(title: "", categories: [])))
        for (interview, session, question) in unanswered {
            let judgement = try? judge.judge(interview.plan.questions[question].question, interview.records[question])
            send(.judged(judgement, session: session, question: question))
        }
        return unanswered.count
    }

    private var judgedCount = 0

    mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    mutating func type(_ text: String) {
        send(.text(text))
    }

    mutating func advance(_ seconds: Double) {
        clock = clock + .milliseconds(Int64(seconds * 1000))
        send(.tick(clock))
    }

    mutating func startSession(_ interview: Interview? = nil) throws {
        send(.planned(try interview ?? Self.plan(), guides: [try Self.guide()]))
    }

    var screen: String { AppView.render(state).text }

    /// Compares the screen with Tests/Fixtures/screens/NAME-WxH.txt; REHEARSE_RECORD_GOLDEN=1
    /// writes the file instead.
    func expectSnapshot(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = Self.fixtures.appendingPathComponent("screens/\(name)-\(state.size.width)x\(state.size.height).txt")
        let text = screen + "\n"
        if ProcessInfo.processInfo.environment["REHEARSE_RECORD_GOLDEN"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "screen \(name) differs from \(file.lastPathComponent):\n\(text)", sourceLocation: sourceLocation)
    }
}
