import GuideParser
import InterviewCore

/// The guides practice chooses from: those named with `--bank`, else every guide Rehearse
/// can find (a question due, weak or asked for by id may be in any of them).
enum PracticeGuides {
    /// Nil, with the reason written, when a named guide cannot be read.
    static func load(_ banks: [String], catalog: BankCatalog) -> [LoadedGuide]? {
        if banks.isEmpty {
            return catalog.all().compactMap { location in
                (try? GuideLoader.load(contentsOf: location.path)).map { LoadedGuide(location: location, guide: $0) }
            }
        }
        var loaded: [LoadedGuide] = []
        for bank in banks {
            guard let guide = LoadedGuide.load(bank, catalog: catalog) else { return nil }
            loaded.append(guide)
        }
        return loaded
    }

    static func sources(_ guides: [LoadedGuide]) -> [SessionPlanner.Source] {
        guides.map { SessionPlanner.Source(bank: $0.location.name, guide: $0.guide) }
    }
}
