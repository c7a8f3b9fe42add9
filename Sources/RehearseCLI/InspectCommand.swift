import ArgumentParser
import InterviewCore

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show how Rehearse reads a guide: briefing, categories, questions, rubric.",
        discussion: """
            GUIDE is a bank name (see `rehearse banks`) or a path to a Markdown file. The JSON \
            output is a stable contract, documented in docs/guide-format.md. Exits 1 when the \
            guide has errors, 2 when it cannot be read.
            """
    )

    @Argument(help: ArgumentHelp("A bank name or a path to a guide.", valueName: "guide"))
    var guide: String

    @Flag(help: "Print the parsed guide as JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard let loaded = LoadedGuide.load(guide, catalog: global.catalog) else {
            throw ExitCode(ExitStatus.badInput)
        }
        KeptUntilExit.keep(loaded)
        if json {
            try Console.json(loaded.guide)
        } else {
            GuideOutline.lines(for: loaded.guide, file: Console.display(loaded.location.path)).forEach(Console.out)
        }
        let errors = loaded.guide.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            for error in errors {
                Console.error(LoadedGuide.format(error, file: loaded.location.path))
            }
            throw ExitCode(ExitStatus.guideHasErrors)
        }
    }
}
