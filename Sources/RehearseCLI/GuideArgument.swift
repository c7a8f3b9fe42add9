import GuideParser
import InterviewCore

/// Loads the guide a command names, by bank name or path, reporting failure as one line.
struct LoadedGuide {
    var location: BankLocation
    var guide: Guide

    /// Nil, with the reason already written to standard error, when the guide cannot be read.
    static func load(_ argument: String, catalog: BankCatalog) -> LoadedGuide? {
        switch loading(argument, catalog: catalog) {
        case .success(let loaded): return loaded
        case .failure(let reason):
            Console.error(reason.text)
            return nil
        }
    }

    /// Why a guide could not be loaded, in one line.
    struct Failure: Error {
        var text: String
    }

    /// The guide, or the reason it cannot be read, for callers that show errors themselves.
    static func loading(_ argument: String, catalog: BankCatalog) -> Result<LoadedGuide, Failure> {
        guard let location = catalog.resolve(argument) else {
            return .failure(Failure(text: "no guide named \"\(TerminalText.neutralized(argument))\" (`rehearse banks` lists the guides it can find)"))
        }
        return loading(location)
    }

    /// The guide at a location already found.
    static func loading(_ location: BankLocation) -> Result<LoadedGuide, Failure> {
        do {
            return .success(LoadedGuide(location: location, guide: try GuideLoader.load(contentsOf: location.path)))
        } catch {
            return .failure(Failure(text: "\(Console.display(location.path)): \(error)"))
        }
    }

    /// `FILE:LINE:COL: severity: message`, as compilers print them.
    static func format(_ diagnostic: Diagnostic, file: String) -> String {
        "\(Console.display(file)):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity.rawValue): "
            + TerminalText.neutralized(diagnostic.message)
    }
}
