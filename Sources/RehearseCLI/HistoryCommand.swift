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
        let store = try StoredSessions.openForReading(global)
        let output = BufferedOutput()
        defer { output.flush() }
        var any = false
        do {
            if json {
                // A JSON array written as it is read: a long history is never held whole.
                var text = ""
                try store.forEachSession(limit: limit) { session in
                    text += any ? ",\n" : "[\n"
                    SessionSummaryJSON.write(session, into: &text)
                    any = true
                    if text.utf8.count >= 1 << 16 {
                        output.write(text)
                        text = ""
                    }
                }
                output.write(text + (any ? "\n]\n" : "[\n\n]\n"))
                return
            }
            try store.forEachSession(limit: limit) { session in
                if !any { output.write("ID        STARTED               QUESTIONS  TIME    SCORE  STATE        GUIDE\n") }
                any = true
                let questions = "\(session.answered)/\(session.questionCount)".padding(to: 9)
                let time = Duration.seconds(session.secondsUsed).clockText.padding(to: 6)
                let score = (session.score.map(Wording.percent) ?? "—").padding(to: 5)
                output.write("\(session.id)  \(StoredSessions.date(session.startedAt))  \(questions)  \(time)  \(score)  "
                    + "\(session.state.rawValue.padding(to: 11))  \(TerminalText.neutralized(session.guides.joined(separator: ", ")))\n")
            }
        } catch {
            output.flush()
            throw StoredSessions.fail(error, path: store.path)
        }
        if !any { output.write("No sessions yet: `rehearse practice` starts one.\n") }
    }
}
