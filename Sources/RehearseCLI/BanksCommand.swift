import ArgumentParser
import GuideParser
import InterviewCore

struct BanksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "banks",
        abstract: "List the guides Rehearse can find, with their questions per kind.",
        discussion: """
            Guides are looked for in $REHEARSE_BANKS (a ':'-separated list of files and \
            folders), then in the data folder's banks/, then in the QuestionBanks/ shipped with \
            Rehearse. A guide hides a later one with the same name.
            """
    )

    @Flag(help: "Print the list as JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    struct Entry: Encodable {
        var name: String
        var title: String
        var path: String
        var source: BankLocation.Source
        var questions: Int
        var byKind: [String: Int]
        var errors: Int
        var warnings: Int
        /// Set when an earlier guide of the same name is the one Rehearse uses.
        var shadowed: Bool
        /// Why the file could not be read, when it could not.
        var problem: String?
    }

    func run() throws {
        var seen: Set<String> = []
        let entries = global.catalog.all().map { location in
            let shadowed = !seen.insert(location.name).inserted
            do {
                let guide = try GuideLoader.load(contentsOf: location.path)
                KeptUntilExit.keep(guide)
                let counts = guide.questionCountsByKind
                return Entry(
                    name: location.name, title: guide.title, path: location.path, source: location.source,
                    questions: guide.questions.count,
                    byKind: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }),
                    errors: guide.diagnostics.filter { $0.severity == .error }.count,
                    warnings: guide.diagnostics.filter { $0.severity == .warning }.count,
                    shadowed: shadowed, problem: nil)
            } catch {
                return Entry(name: location.name, title: location.name, path: location.path, source: location.source,
                             questions: 0, byKind: [:], errors: 1, warnings: 0, shadowed: shadowed, problem: "\(error)")
            }
        }
        if json {
            return try Console.json(entries)
        }
        if entries.isEmpty {
            Console.out("No guides found. Searched:")
            global.catalog.searchPath.forEach { Console.out("  \(Console.display($0.path)) (\($0.source.rawValue))") }
            return
        }
        for (index, entry) in entries.enumerated() {
            if index > 0 { Console.out("") }
            Console.out("\(TerminalText.neutralized(entry.name))  \(TerminalText.neutralized(entry.title))"
                + (entry.shadowed ? "  (hidden by an earlier guide of this name)" : ""))
            if let problem = entry.problem {
                Console.out("  cannot be read: \(problem)")
            } else {
                let kinds = CategoryKind.allCases.compactMap { kind -> String? in
                    let count = entry.byKind[kind.rawValue] ?? 0
                    return count > 0 ? "\(count) \(kind.rawValue)" : nil
                }
                var summary = Wording.plural(entry.questions, "question")
                if !kinds.isEmpty { summary += ": " + kinds.joined(separator: ", ") }
                if entry.errors > 0 { summary += " · \(Wording.plural(entry.errors, "error")) (see `rehearse lint`)" }
                Console.out("  " + summary)
            }
            Console.out("  \(entry.source.rawValue) · \(Console.display(entry.path))")
        }
    }
}
