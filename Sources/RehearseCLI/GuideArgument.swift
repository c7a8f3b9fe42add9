import GuideParser
import InterviewCore

/// Loads the guide a command names, by bank name or path, reporting failure as one line.
struct LoadedGuide {
    var location: BankLocation
    var guide: Guide

    /// Nil, with the reason already written to standard error, when the guide cannot be read.
    static func load(_ argument: String, catalog: BankCatalog) -> LoadedGuide? {
        guard let location = catalog.resolve(argument) else {
            Console.error("no guide named \"\(argument)\" (`rehearse banks` lists the guides it can find)")
            return nil
        }
        do {
            return LoadedGuide(location: location, guide: try GuideLoader.load(contentsOf: location.path))
        } catch {
            Console.error("\(Console.display(location.path)): \(error)")
            return nil
        }
    }

    /// `FILE:LINE:COL: severity: message`, as compilers print them.
    static func format(_ diagnostic: Diagnostic, file: String) -> String {
        "\(Console.display(file)):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity.rawValue): "
            + TerminalText.neutralized(diagnostic.message)
    }
}
