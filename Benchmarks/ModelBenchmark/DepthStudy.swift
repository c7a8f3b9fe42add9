// Does stopping the encoder after fewer layers change what token-level matching decides?
// A proxy on a shipped guide, until answer judging's labelled set can say it in F1: each
// "Reasoning and Best Practices" item of a question is matched (BERTScore-style recall: every
// piece of the item against its most similar piece of an answer, averaged) against the rest of
// that question's model answer and against the same text of three other questions. The table
// gives, per depth, how often the own question's text scores above another's (AUC) and how
// closely all the scores rank as they do with six layers (Spearman).
import AnswerModel
import Foundation
import GuideParser
import InterviewCore

/// Mean over the rows of `point` of their largest dot product with a row of `answer`.
func recall(_ point: TokenVectors, _ answer: TokenVectors) -> Double {
    guard point.count > 0, answer.count > 0 else { return 0 }
    var products = [Float](repeating: 0, count: point.count * answer.count)
    LinearAlgebra.multiply(rows: point.count, columns: answer.count, inner: point.dimension, point.values, lda: point.dimension,
                           answer.values, ldb: answer.dimension, transposingB: true, beta: 0, into: &products, ldc: answer.count)
    var total = 0.0
    for row in 0..<point.count {
        total += Double(products[(row * answer.count)..<((row + 1) * answer.count)].max()!)
    }
    return total / Double(point.count)
}

func ranks(_ values: [Double]) -> [Double] {
    var result = [Double](repeating: 0, count: values.count)
    for (rank, index) in values.indices.sorted(by: { values[$0] < values[$1] }).enumerated() { result[index] = Double(rank) }
    return result
}

func spearman(_ a: [Double], _ b: [Double]) -> Double {
    let (x, y) = (ranks(a), ranks(b))
    let mean = Double(x.count - 1) / 2
    let covariance = zip(x, y).reduce(0) { $0 + ($1.0 - mean) * ($1.1 - mean) }
    let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return covariance / variance
}

func depthStudy(folder: String, guidePath: String) throws {
    func flatten(_ item: SectionItem) -> String {
        ([item.text] + item.children.map(flatten)).joined(separator: " ")
    }
    struct Case { var points: [String]; var answer: String }
    let guide = try GuideLoader.load(contentsOf: guidePath)
    let cases: [Case] = guide.questions.compactMap { question in
        guard let reasoning = question.sections.first(where: { $0.role == .reasoning }), reasoning.items.count >= 2 else { return nil }
        let rest = question.sections.filter { ![.reasoning, .followUps, .pitfalls, .rubric].contains($0.role) }
        let answer = rest.flatMap(\.items).map(flatten).joined(separator: " ")
        return answer.isEmpty ? nil : Case(points: reasoning.items.map(flatten), answer: answer)
    }
    print("Stopping early, on \(guidePath.split(separator: "/").last!): \(cases.count) questions, "
          + "\(cases.reduce(0) { $0 + $1.points.count }) reasoning items, each against its own question's other sections and three others'")
    var baseline: [Double] = []
    for layers in [6, 4, 3] {
        let model = try EmbeddingModel(folder: folder, layers: layers)
        let answers = try cases.map { try model.tokenVectors(for: $0.answer) }
        var scores: [Double] = []
        var wins = 0.0, comparisons = 0.0
        for (index, trial) in cases.enumerated() {
            for point in trial.points {
                let vectors = try model.tokenVectors(for: point)
                let own = recall(vectors, answers[index])
                scores.append(own)
                for offset in 1...3 {
                    let other = recall(vectors, answers[(index + offset) % cases.count])
                    scores.append(other)
                    wins += own > other ? 1 : own == other ? 0.5 : 0
                    comparisons += 1
                }
            }
        }
        if layers == 6 { baseline = scores }
        print(String(format: "  %d layers: AUC %.3f; Spearman against 6 layers %.3f", layers, wins / comparisons, spearman(scores, baseline)))
    }
}
