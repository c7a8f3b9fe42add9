import AnswerModel
import ArgumentParser
import Foundation

/// `rehearse`: a terminal mock interviewer.
public struct RehearseCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "A terminal mock interviewer: timed questions from Markdown interview guides.",
        // Without a command, `practice` runs: the usage says so rather than "<subcommand>".
        usage: """
            rehearse [practice] [<practice options>]
            rehearse <subcommand> [<options>]
            """,
        version: RehearseCommand.version,
        subcommands: [PracticeCommand.self, DrillCommand.self, ProgressCommand.self, HistoryCommand.self, ReviewCommand.self,
                      ExportCommand.self, DeleteCommand.self, AssessCommand.self, InspectCommand.self, LintCommand.self,
                      BanksCommand.self],
        defaultSubcommand: PracticeCommand.self
    )

    /// The release, as `rehearse --version` prints it.
    public static let version = "0.3.0"

    public init() {}

    /// Runs the command line; usage errors exit 2, like unreadable input.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        // While the process has one thread: setenv is not safe once others run.
        LinearAlgebra.preferOneThread()
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // One line: what is wrong, and the help that lists the options concerned.
                let names = configuration.subcommands.map { $0.configuration.commandName ?? "" }
                let command = arguments.first { names.contains($0) } ?? (arguments.first?.hasPrefix("-") ?? true ? "practice" : nil)
                let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
                Console.error(message.replacingOccurrences(of: "Error: ", with: "")
                    + " (see `rehearse\(command.map { " " + $0 } ?? "") --help`)")
                Foundation.exit(ExitStatus.badInput)
            }
            self.exit(withError: error)
        }
    }
}
