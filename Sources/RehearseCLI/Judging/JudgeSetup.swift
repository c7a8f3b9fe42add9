import AnswerModel
import Synchronization
import ArgumentParser
import Foundation
import InterviewCore

/// `--detector lexical|embedding`: how answers are read.
enum DetectorChoice: String, ExpressibleByArgument, CaseIterable {
    case lexical, embedding
}

/// The judge for a guide: by meaning with the answer model when it is found, else by words,
/// said once (on standard error unless the caller says it elsewhere). The model's vectors of
/// the guide's points are kept in the data folder's cache, so that judging one answer in a new
/// process embeds only the answer.
final class JudgeSetup {
    let judge: AnswerJudge
    private let points: CachedTokenEmbedder?
    /// Reading answers sentence by sentence, when asked for: what lets an answer's finished
    /// sentences be embedded while it is still typed.
    private let sentences: SentenceTokenEmbedder?
    private let cache: PointVectorFile?
    private let guide: Guide
    private var savedCount: Int

    enum Failure: Error {
        /// `--detector embedding` and no model to read meaning with.
        case modelUnavailable(String)
    }

    /// The model, loaded once per process, when first asked for.
    static let model: Result<EmbeddingModel, Error> = Result {
        let location = ModelLocation.find(environment: ProcessInfo.processInfo.environment,
                                          executablePath: BankCatalog.currentExecutable)
        guard let folder = location.folder else { throw Failure.modelUnavailable(location.reason) }
        return try EmbeddingModel(folder: folder)
    }

    /// `sentenceBySentence` reads answers as `SentenceTokenEmbedder` does (with its own
    /// thresholds); `announce` says why answers are read by words, when they are.
    init(guide: Guide, guidePath: String, choice: DetectorChoice?, dataDirectory: String, sentenceBySentence: Bool = false,
         announce: (String) -> Void = JudgeSetup.announceFallback) throws(Failure) {
        self.guide = guide
        let weights = TermWeights(guide: guide)
        var loaded: EmbeddingModel?
        if choice != .lexical {
            switch Self.model {
            case .success(let model): loaded = model
            case .failure(let error):
                let reason = (error as? Failure).map { if case .modelUnavailable(let text) = $0 { text } else { "\($0)" } } ?? "\(error)"
                if choice == .embedding { throw .modelUnavailable(reason) }
                announce(reason)
            }
        }
        guard let model = loaded else {
            judge = AnswerJudge(weights: weights)
            points = nil
            sentences = nil
            cache = nil
            savedCount = 0
            return
        }
        let points = CachedTokenEmbedder(model)
        let cache = PointVectorFile(dataDirectory: dataDirectory, guidePath: guidePath,
                                    modelKey: PointVectorFile.modelKey(folder: model.folder, layers: model.layerCount))
        let wanted = Set(guide.questions.flatMap(\.rubric).map(\.matchText))
        points.preload(cache.load().filter { wanted.contains($0.key) })
        self.points = points
        self.cache = cache
        savedCount = points.entries.count
        if sentenceBySentence {
            let sentences = SentenceTokenEmbedder(model)
            self.sentences = sentences
            judge = AnswerJudge(weights: weights, embedder: sentences, pointEmbedder: points, thresholds: AnswerJudge.sentenceThresholds)
        } else {
            sentences = nil
            judge = AnswerJudge(weights: weights, embedder: model, pointEmbedder: points)
        }
    }

    /// Embeds the finished sentences of an answer being typed (`judgedText`), ahead of judging it.
    func prepare(_ text: String) {
        _ = try? sentences?.prepare(AnswerJudge.judgedPart(of: text))
    }

    /// Embeds the points of `questions` not embedded yet, and keeps them in the cache.
    func embedPoints(of questions: [Question]) {
        guard let points else { return }
        for point in questions.flatMap(\.rubric) where StarCheck(point) == nil {
            _ = try? points.tokenVectors(for: point.matchText)
        }
        saveCache()
    }

    /// Keeps the point vectors computed since the last save (those of the guide's points only).
    func saveCache() {
        guard let points, let cache else { return }
        let entries = points.entries
        guard entries.count > savedCount else { return }
        let wanted = Set(guide.questions.flatMap(\.rubric).map(\.matchText))
        cache.save(entries.filter { wanted.contains($0.key) })
        savedCount = entries.count
    }

    private static let announced = Mutex(false)

    /// Once per process: answers are read by words.
    static func announceFallback(_ reason: String) {
        let first = announced.withLock { already in
            defer { already = true }
            return !already
        }
        if first { Console.error("judging answers by their words only (\(reason))") }
    }
}
