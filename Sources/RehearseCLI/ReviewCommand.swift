import ArgumentParser
import InterviewCore
import TranscriptStore

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Read a past session: each answer beside the model answer, follow-ups, rubric, timings.",
        discussion: """
            On a terminal the session opens full-screen, question by question (← → move between \
            questions, m and J export it, Esc lists every session, q quits). With --plain, or when \
            input or output is not a terminal, it is printed as lines.
            """)

    @Argument(help: ArgumentHelp("latest, or a session id (a unique prefix is enough).", valueName: "latest|id"))
    var session = "latest"

    @Flag(help: "Print as lines (the default when input or output is not a terminal).")
    var plain = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let reading = try StoredSessions.openForReading(global)
        let stored = try StoredSessions.load(session, from: reading)
        if !plain, ScreenPractice.isAvailable {
            // History behind the transcript can delete and start sessions: the store is opened
            // for writing where the folder allows it, else it is only read.
            let store = (try? TranscriptStore(folder: global.dataDirectoryPath, questionSource: ShippedQuestions.beside)) ?? reading
            // The home screen behind it offers the default guide, as `rehearse practice` does.
            let status = ScreenPractice.run(store: store, catalog: global.catalog, choice: PracticeCommand.defaultChoice,
                                            extraBanks: [], from: .transcript(stored.summary.id))
            if status != 0 { throw ExitCode(status) }
            return
        }
        let document = TranscriptDocument(stored)
        let safe = { (text: String) in TerminalText.neutralized(text) }
        Console.out("Session \(document.id) · \(StoredSessions.date(document.startedAt)) · \(document.state.rawValue) · \(safe(document.guides.joined(separator: ", ")))")
        Console.out("Score: \(document.score.map(Wording.percent) ?? "none") · answered \(document.answered) of \(document.questionCount)"
            + (document.skipped > 0 ? " · \(document.skipped) skipped" : "") + " · time used \(Duration.seconds(document.secondsUsed).clockText)")
        for question in document.questions {
            Console.out("")
            Console.out("Question \(question.position) of \(stored.interview.plan.questions.count) · \(question.kind.displayName) · \(Duration.seconds(question.answerSeconds).clockText) allowed · "
                + (question.followUps.isEmpty ? "used " : "used with follow-ups ") + Duration.seconds(question.secondsUsed).clockText
                + (question.rating.map { " · rated \($0) of 5" } ?? "")
                + " · " + (question.score.map { "score " + Wording.percent($0) } ?? "skipped (counts 0)")
                + " · overtime \(Duration.seconds(question.overtimeSeconds).clockText)")
            Console.out(safe(question.title))
            Console.out("Your answer:")
            if let parts = question.starParts {
                for part in StarPart.allCases {
                    guard let text = parts[part.rawValue], !text.isEmpty else { continue }
                    Console.out("  \(part.rawValue.capitalized):")
                    text.split(separator: "\n").forEach { Console.out("    " + safe(String($0))) }
                }
            } else {
                (question.answer.isEmpty ? ["(no answer)"] : question.answer.split(separator: "\n").map(String.init)).forEach { Console.out("  " + safe($0)) }
            }
            for followUp in question.followUps {
                Console.out("Follow-up: \(safe(followUp.question))")
                (followUp.answer.isEmpty ? ["(no answer)"] : followUp.answer.split(separator: "\n").map(String.init)).forEach { Console.out("  " + safe($0)) }
            }
            let points = question.rubric.filter { $0.kind != .pitfall }
            if !points.isEmpty {
                Console.out("Rubric ([x] ticked, [*] seen in the answer):")
                points.forEach { Self.describe($0, seen: "*").forEach(Console.out) }
            }
            let pitfalls = question.rubric.filter { $0.kind == .pitfall }
            if !pitfalls.isEmpty {
                Console.out("Did the answer fall into any of these? ([x] confirmed, [?] the text seemed to):")
                pitfalls.forEach { Self.describe($0, seen: "?").forEach(Console.out) }
            }
            question.feedback.forEach { Console.out("  " + safe($0)) }
            LineModeReport.modelAnswer(question.modelAnswer).forEach(Console.out)
        }
        if !document.thingsToWorkOn.isEmpty {
            Console.out("")
            Console.out("Things to work on:")
            document.thingsToWorkOn.enumerated().forEach { Console.out("  \($0.offset + 1). " + safe($0.element)) }
        }
    }

    private static func describe(_ point: TranscriptDocument.Point, seen: String) -> [String] {
        var lines = ["  [\(point.ticked ? "x" : " ")][\(point.detected ? seen : " ")] \(TerminalText.neutralized(point.text))"
            + (point.weight > 1 ? " (x\(point.weight))" : "")]
        if point.detected, let evidence = point.evidence { lines.append("        \"\(TerminalText.neutralized(evidence))\"") }
        return lines
    }
}
