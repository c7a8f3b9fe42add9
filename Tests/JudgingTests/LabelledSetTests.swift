import Foundation
import GuideParser
import InterviewCore
import JudgingEvaluation
import Testing

/// The labelled answers of Tests/Fixtures/judging, read as the judging benchmark reads them.
enum JudgingFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/judging")
    static let guide: Guide = try! GuideLoader.load(contentsOf: folder.appendingPathComponent("on-device-ml.md").path)
    static let answers: [LabelledAnswer] = try! LabelledSet.read(
        String(contentsOf: folder.appendingPathComponent("answers.md"), encoding: .utf8), guide: guide)
}

@Suite struct LabelledSetTests {
    @Test func theSetHasEveryStyleOverEveryQuestion() {
        let answers = JudgingFixtures.answers
        #expect(answers.count >= 60)
        #expect(Set(answers.map(\.question.id)).count == JudgingFixtures.guide.questions.count)
        let styles = Dictionary(grouping: answers, by: \.style).mapValues(\.count)
        for style in ["strong", "partial", "stuffed", "pitfall", "off-topic", "terse"] { #expect((styles[style] ?? 0) >= 5, "\(style)") }
        // Stuffed and off-topic answers make no point; strong ones make several.
        #expect(answers.filter { $0.style == "stuffed" || $0.style == "off-topic" }.allSatisfy { $0.covers.isEmpty })
        #expect(answers.filter { $0.style == "strong" }.allSatisfy { $0.covers.count >= 3 })
    }
}
