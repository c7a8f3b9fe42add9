import Foundation
import GuideParser
import InterviewCore
import JudgingEvaluation

// Judging on the labelled answers of Tests/Fixtures/judging: precision, recall and F1 of the
// points detected, with thresholds chosen on the other questions, for each detector.

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let folder = root.appendingPathComponent("Tests/Fixtures/judging")
let guide = try GuideLoader.load(contentsOf: folder.appendingPathComponent("on-device-ml.md").path)
let answers = try LabelledSet.read(String(contentsOf: folder.appendingPathComponent("answers.md"), encoding: .utf8), guide: guide)
print("Labelled set: \(answers.count) answers to \(guide.questions.count) questions, "
      + "\(answers.reduce(0) { $0 + $1.covers.count }) points made, \(answers.reduce(0) { $0 + $1.commits.count }) pitfalls fallen into")

let weights = TermWeights(guide: guide)
let lexical = try Evaluation(answers, judge: AnswerJudge(weights: weights))
print("lexical, cross-validated by question:  \(lexical.crossValidated())")
print("lexical, shipped thresholds:           \(lexical.figures(AnswerJudge.lexicalThresholds))")
print("lexical, thresholds chosen on all:     \(lexical.chosenThresholds())")

import AnswerModel
let location = ModelLocation.find(environment: ProcessInfo.processInfo.environment,
                                  executablePath: CommandLine.arguments.first.map { URL(fileURLWithPath: $0).path })
guard let modelFolder = location.folder else {
    print("embedding: not measured, \(location.reason)")
    exit(0)
}
let model = try EmbeddingModel(folder: modelFolder)
let points = CachedTokenEmbedder(model)
for blend in [AnswerJudge.wordShare, 0.0] {
    let embedding = try Evaluation(answers, judge: AnswerJudge(weights: weights, embedder: model, pointEmbedder: points, blend: blend))
    let name = blend == AnswerJudge.wordShare ? "embedding" : "tokens alone"
    print("\(name), cross-validated by question:  \(embedding.crossValidated())")
    if blend == AnswerJudge.wordShare {
        print("\(name), shipped thresholds:           \(embedding.figures(AnswerJudge.embeddingThresholds))")
    }
    print("\(name), thresholds chosen on all:     \(embedding.chosenThresholds())")
}
for (name, evaluation) in [("lexical", lexical), ("embedding", try Evaluation(answers, judge: AnswerJudge(weights: weights, embedder: model, pointEmbedder: points)))] {
    print(name, evaluation.byStyle().map { "\($0.style): found \($0.found) of \($0.made), credited \($0.credited)" }.joined(separator: "; "))
}
