import ArgumentParser
import Foundation

/// `rehearse`: a terminal mock interviewer.
public struct RehearseCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "A terminal mock interviewer: timed questions from Markdown interview guides.",
        subcommands: [InspectCommand.self, LintCommand.self, BanksCommand.self]
    )

    public init() {}

    /// Runs the command line; usage errors exit 2, like unreadable input.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.badInput)
            }
            self.exit(withError: error)
        }
    }
}
