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
                var writer = SessionSummaryJSON()
                try store.forEachSession(limit: limit) { session in
                    text += any ? ",\n" : "[\n"
                    writer.write(session, into: &text)
                    any = true
                    if text.utf8.count >= 1 << 16 {
                        output.write(text)
                        text = ""
                    }
                }
                output.write(text + (any ? "\n]\n" : "[\n\n]\n"))
                return
            }
            // Most rows name one of a few guide lists: each is made safe to print once.
            var guideColumns: [[String]: String] = [:]
            try store.forEachSession(limit: limit) { session in
                if !any { output.write("ID        STARTED               QUESTIONS  TIME    SCORE  STATE        GUIDE\n") }
                any = true
                let guides = guideColumns[session.guides] ?? {
                    let text = TerminalText.neutralized(session.guides.joined(separator: ", "))
                    guideColumns[session.guides] = text
                    return text
                }()
                var line = session.id
                line += "  "
                line += StoredSessions.date(session.startedAt)
                line += "  "
                line.append(padded: "\(session.answered)/\(session.questionCount)", to: 9)
                line += "  "
                line.append(padded: Duration.seconds(session.secondsUsed).clockText, to: 6)
                line += "  "
                line.append(padded: session.score.map(Wording.percent) ?? "—", to: 5)
                line += "  "
                line.append(padded: session.state.rawValue, to: 11)
                line += "  "
                line += guides
                line += "\n"
                output.write(line)
            }
        } catch {
            output.flush()
            throw StoredSessions.fail(error, path: store.path)
        }
        if !any { output.write("No sessions yet: `rehearse practice` starts one.\n") }
    }
}
