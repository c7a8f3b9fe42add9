import ArgumentParser
import Foundation
import GuideParser
import InterviewCore

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check guides for problems, one `FILE:LINE:COL: severity: message` a line.",
        discussion: """
            Exits 0 when every guide is clean or has only warnings, 1 when any has an error, \
            2 when a file cannot be read. Prints nothing for a clean guide.
            """
    )

    @Argument(help: ArgumentHelp("Guide files or bank names.", valueName: "guide"))
    var guides: [String]

    @Flag(help: "Print diagnostics as a JSON list of {file, line, column, severity, message}.")
    var json = false

    @OptionGroup var global: GlobalOptions

    struct FileDiagnostic: Encodable {
        var file: String
        /// Absent for problems with the file as a whole (it cannot be read).
        var line: Int?
        var column: Int?
        var severity: Diagnostic.Severity
        var message: String
    }

    func validate() throws {
        if guides.isEmpty { throw ValidationError("name at least one guide to lint") }
    }

    func run() throws {
        let catalog = global.catalog
        var results: [FileDiagnostic] = []
        var unreadable = false
        for argument in guides {
            guard let location = catalog.resolve(argument) else {
                let message = "no guide named \"\(argument)\" (`rehearse banks` lists the guides it can find)"
                Console.error(message)
                results.append(FileDiagnostic(file: argument, line: nil, column: nil, severity: .error, message: message))
                unreadable = true
                continue
            }
            do {
                let guide = try GuideLoader.load(contentsOf: location.path)
                KeptUntilExit.keep(guide)
                results += guide.diagnostics.map {
                    FileDiagnostic(file: location.path, line: $0.line, column: $0.column, severity: $0.severity, message: $0.message)
                }
            } catch {
                Console.error("\(Console.display(location.path)): \(error)")
                results.append(FileDiagnostic(file: location.path, line: nil, column: nil, severity: .error, message: error.description))
                unreadable = true
            }
        }
        if json {
            try Console.json(results)
        } else {
            for result in results {
                guard let line = result.line, let column = result.column else { continue } // already on stderr
                Console.out(LoadedGuide.format(
                    Diagnostic(line: line, column: column, severity: result.severity, message: result.message),
                    file: result.file))
            }
        }
        if unreadable { throw ExitCode(ExitStatus.badInput) }
        if results.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.guideHasErrors) }
    }
}
