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
                var writer = SessionSummaryJSON()
                try store.forEachSession(limit: limit) { session in
                    output.write { bytes in
                        bytes.append(contentsOf: (any ? ",\n" : "[\n").utf8)
                        writer.write(session, into: &bytes)
                    }
                    any = true
                }
                output.write(any ? "\n]\n" : "[\n\n]\n")
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
                output.write { row in HistoryRow.append(session, guides: guides, to: &row) }
            }
        } catch {
            output.flush()
            throw StoredSessions.fail(error, path: store.path)
        }
        if !any { output.write("No sessions yet: `rehearse practice` starts one.\n") }
    }
}
