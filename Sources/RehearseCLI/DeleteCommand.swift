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
        guard let store = StoredSessions.open(global) else { throw ExitCode(ExitStatus.badInput) }
        let found: SessionSummary?
        do {
            let id = try store.resolve(session)
            found = try store.sessions().first { $0.id == id }
        } catch {
            Console.error("\(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        guard let summary = found else { throw ExitCode(ExitStatus.badInput) }
        if summary.state == .active {
            Console.error("session \(summary.id) is running in another Rehearse; end it there first")
            throw ExitCode(ExitStatus.badInput)
        }
        if !yes {
            Console.out("Delete session \(summary.id) (\(StoredSessions.date(summary.startedAt)), \(summary.answered) of \(summary.questionCount) questions)? [y/N] ")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard answer == "y" || answer == "yes" else {
                Console.out("Kept session \(summary.id).")
                throw ExitCode(1)
            }
        }
        try store.delete(summary.id)
        Console.out("Deleted session \(summary.id).")
    }
}
