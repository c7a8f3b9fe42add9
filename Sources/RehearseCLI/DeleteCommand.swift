import ArgumentParser
import Foundation
import TranscriptStore

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a saved session (asks first unless --yes).")

    @Argument(help: ArgumentHelp("A session id (a unique prefix is enough).", valueName: "id"))
    var session: String

    @Flag(help: "Delete without asking.")
    var yes = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        // The summary only: a session whose saved interview is damaged can still be deleted.
        let store = try StoredSessions.openForWriting(global)
        let summary: SessionSummary
        do {
            summary = try store.summary(try store.resolve(session))
        } catch {
            throw StoredSessions.fail(error, path: store.path)
        }
        if summary.state == .active {
            Console.error("session \(summary.id) is running in another Rehearse; end it there first")
            throw ExitCode(ExitStatus.badInput)
        }
        if !yes {
            Console.out("Delete session \(summary.id) (\(StoredSessions.date(summary.startedAt)), \(summary.answered) of \(summary.questionCount) questions)? [y/N] ")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            // No is an answer, not a failure: nothing was asked to change, so status 0.
            guard answer == "y" || answer == "yes" else {
                Console.out("Kept session \(summary.id).")
                return
            }
        }
        do {
            try store.delete(summary.id)
        } catch {
            throw StoredSessions.fail(error, path: store.path)
        }
        Console.out("Deleted session \(summary.id).")
    }
}
