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

let earlier = try Evaluation(answers) { EarlierDetection.judge($0.question.rubric, answer: $0.text) }
print("earlier detector (lead-word stems), as it was:  \(earlier.figures(AnswerJudge.Thresholds(cover: 0.5, define: 0.5, example: 0.5, bonus: 0.5, pitfall: 0.5)))")
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
// Stopping the encoder after four of its six layers: F1 with thresholds chosen again.
let shallow = try EmbeddingModel(folder: modelFolder, layers: 4)
let shallowEvaluation = try Evaluation(answers, judge: AnswerJudge(weights: weights, embedder: shallow, pointEmbedder: CachedTokenEmbedder(shallow)))
print("embedding, 4 layers, cross-validated:  \(shallowEvaluation.crossValidated())")
for (name, evaluation) in [("lexical", lexical), ("embedding", try Evaluation(answers, judge: AnswerJudge(weights: weights, embedder: model, pointEmbedder: points)))] {
    print(name, evaluation.byStyle().map { "\($0.style): found \($0.found) of \($0.made), credited \($0.credited)" }.joined(separator: "; "))
}

// `rehearse assess` cold: fresh processes on a 300-word answer (three labelled answers to the
// camera question), by meaning with the guide's point vectors in the data folder's cache, by
// meaning with no cache, and by words; the model's pass over the same answer alone, in this
// process, is the reference.
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rehearse").path
if FileManager.default.isExecutableFile(atPath: binary) {
    let camera = answers.filter { ["frames-strong-own-words", "frames-strong-trace", "frames-strong-paraphrase"].contains($0.name) }
    let text = camera.map(\.text).joined(separator: "\n\n")
    let home = NSTemporaryDirectory() + "rehearse-assess-bench-\(getpid())"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: home) }
    let answerFile = home + "/answer.txt"
    try text.write(toFile: answerFile, atomically: true, encoding: .utf8)
    var environment = ProcessInfo.processInfo.environment
    environment["REHEARSE_HOME"] = home + "/data"
    let arguments = ["assess", folder.appendingPathComponent("on-device-ml.md").path, "a-camera-app", "--answer", answerFile, "--json"]
    let cache = home + "/data/cache"
    _ = try AssessTiming.run(binary, arguments, environment: environment) // fills the cache, warms the page cache
    var cached: [AssessTiming.Sample] = [], uncached: [AssessTiming.Sample] = [], words: [AssessTiming.Sample] = []
    var passes: [Double] = []
    var passesCPU: [Double] = []
    func processCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }
    for _ in 0..<9 {
        cached.append(try AssessTiming.run(binary, arguments, environment: environment))
        try? FileManager.default.removeItem(atPath: cache)
        uncached.append(try AssessTiming.run(binary, arguments, environment: environment))
        words.append(try AssessTiming.run(binary, arguments + ["--detector", "lexical"], environment: environment))
        let start = ContinuousClock.now
        let startCPU = processCPU()
        _ = try model.tokenVectors(for: text)
        passesCPU.append(processCPU() - startCPU)
        passes.append(AssessTiming.milliseconds(ContinuousClock.now - start))
    }
    print("assess cold, \(Words.split(text).count)-word answer (\((try model.tokenVectors(for: text)).count) pieces), median (range) of 9:")
    for (name, samples) in [("by meaning, point vectors cached", cached), ("by meaning, no cache", uncached), ("by words", words)] {
        print("  \(name): wall \(AssessTiming.summary(samples.map(\.wall))), CPU \(AssessTiming.summary(samples.map(\.cpu)))")
    }
    print("  reference, the model's pass over the answer alone (warm, in process): wall \(AssessTiming.summary(passes)), CPU \(AssessTiming.summary(passesCPU))")
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first ?? "?"
    print("  load average at the end: \(load) (2 cores)")
} else {
    print("assess cold: not measured (build the release rehearse first: `make bench` does)")
}
