import ArgumentParser
import InterviewCore
import TranscriptStore

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Read a past session: each answer beside the model answer, follow-ups, rubric, timings.")

    @Argument(help: ArgumentHelp("latest, or a session id (a unique prefix is enough).", valueName: "latest|id"))
    var session = "latest"

    @Flag(help: "Print as lines (the only mode for now).")
    var plain = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let stored = try StoredSessions.load(session, from: try StoredSessions.openForReading(global))
        let document = TranscriptDocument(stored)
        let safe = { (text: String) in TerminalText.neutralized(text) }
        Console.out("Session \(document.id) · \(StoredSessions.date(document.startedAt)) · \(document.state.rawValue) · \(safe(document.guides.joined(separator: ", ")))")
        Console.out("Score: \(document.score.map(Wording.percent) ?? "not reviewed") · time used \(Duration.seconds(document.secondsUsed).clockText)")
        for question in document.questions {
            Console.out("")
            Console.out("Question \(question.position) of \(stored.interview.plan.questions.count) · \(question.kind.displayName) · \(Duration.seconds(question.answerSeconds).clockText) allowed · "
                + (question.followUps.isEmpty ? "used " : "used with follow-ups ") + Duration.seconds(question.secondsUsed).clockText
                + (question.overtimeSeconds > 0 ? " · overtime \(Duration.seconds(question.overtimeSeconds).clockText)" : "")
                + (question.skipped ? " · skipped" : ""))
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
            Console.out("Rubric ([x] ticked, [*] seen in the answer)\(question.score.map { ", score " + Wording.percent($0) } ?? ""):")
            for point in question.rubric {
                Console.out("  [\(point.ticked ? "x" : " ")][\(point.detected ? "*" : " ")] \(safe(point.text))")
            }
            LineModeReport.modelAnswer(question.modelAnswer).forEach(Console.out)
        }
    }
}
