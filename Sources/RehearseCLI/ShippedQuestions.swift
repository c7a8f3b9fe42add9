import GuideParser
import InterviewCore
import Synchronization
import TranscriptStore

/// The guides that ship with Rehearse, where the store finds again the questions it keeps by
/// reference: they change only when Rehearse does. Each guide is read when first asked for.
final class ShippedQuestions: QuestionSource {
    /// The `QuestionBanks/` beside this binary, if it has one.
    static let beside = ShippedQuestions(folder: BankCatalog.shippedBanks(executablePath: BankCatalog.currentExecutable))

    private let folder: String?
    /// Questions by id, by bank name; an empty list for a guide that could not be read.
    private let guides = Mutex<[String: [String: Question]]>([:])

    init(folder: String?) {
        self.folder = folder
    }

    func question(bank: String, id: String) -> Question? {
        // The name comes from the store: it names a file in the folder, never a path out of it.
        guard let folder, !bank.isEmpty, !bank.contains("/"), !bank.hasPrefix(".") else { return nil }
        return guides.withLock { guides in
            if guides[bank] == nil {
                let questions = (try? GuideLoader.load(contentsOf: folder + "/" + bank + ".md"))?.categories.flatMap(\.questions) ?? []
                guides[bank] = Dictionary(questions.map { ($0.id, $0) }) { first, _ in first }
            }
            return guides[bank]?[id]
        }
    }
}
