import ArgumentParser
import Foundation
import InterviewCore
import TranscriptStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List past sessions, newest first: date, guide, questions, time, score, state.")

    @Flag(help: "Print the sessions as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Show at most this many sessions.", valueName: "n"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit))") }
    }

    func run() throws {
        guard let store = StoredSessions.open(global) else { throw ExitCode(ExitStatus.badInput) }
        let sessions = try store.sessions(limit: limit)
        if json { return try Console.json(sessions) }
        guard !sessions.isEmpty else {
            Console.out("No sessions yet: `rehearse practice` starts one.")
            return
        }
        Console.out("ID        STARTED               QUESTIONS  TIME    SCORE  STATE        GUIDE")
        for session in sessions {
            let questions = "\(session.answered)/\(session.questionCount)".padding(to: 9)
            let time = Duration.seconds(session.secondsUsed).clockText.padding(to: 6)
            let score = (session.score.map(Wording.percent) ?? "—").padding(to: 5)
            Console.out("\(session.id)  \(StoredSessions.date(session.startedAt))  \(questions)  \(time)  \(score)  "
                + "\(session.state.rawValue.padding(to: 11))  \(TerminalText.neutralized(session.guides.joined(separator: ", ")))")
        }
    }
}
