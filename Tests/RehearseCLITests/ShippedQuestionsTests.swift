import Foundation
import GuideParser
import InterviewCore
import Testing
@testable import RehearseCLI
import TranscriptStore

/// The shipped guides as the store's source for the questions it keeps by reference.
@Suite struct ShippedQuestionsTests {
    static let banks = RehearseBinary.repositoryRoot.appendingPathComponent("QuestionBanks").path

    @Test func findsAShippedQuestionByBankAndId() throws {
        let guide = try GuideLoader.load(contentsOf: Self.banks + "/edge-ai-engineer.md")
        let question = try #require(guide.categories.last?.questions.last)
        #expect(ShippedQuestions(folder: Self.banks).question(bank: "edge-ai-engineer", id: question.id) == question)
        #expect(ShippedQuestions(folder: Self.banks).question(bank: "edge-ai-engineer", id: "edge-ai-engineer/no-such-question") == nil)
        #expect(ShippedQuestions(folder: nil).question(bank: "edge-ai-engineer", id: question.id) == nil)
    }

    @Test func aBankNameFromTheStoreNeverLeadsOutOfTheFolder() throws {
        // The names come from the database file, which is untrusted input: each of these names
        // a guide that exists, outside the folder or hidden in it.
        let root = try TemporaryFolder()
        let guide = try String(contentsOfFile: Self.banks + "/edge-ai-engineer.md", encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root.path + "/shipped", withIntermediateDirectories: true)
        for path in ["/shipped/edge-ai-engineer.md", "/outside.md", "/shipped/.hidden.md"] {
            try guide.write(toFile: root.path + path, atomically: true, encoding: .utf8)
        }
        func firstId(_ path: String) throws -> String {
            try #require(try GuideLoader.load(contentsOf: root.path + path).categories.first?.questions.first?.id)
        }
        let shipped = ShippedQuestions(folder: root.path + "/shipped")
        #expect(shipped.question(bank: "edge-ai-engineer", id: try firstId("/shipped/edge-ai-engineer.md")) != nil)
        for (name, file) in [("../outside", "/outside.md"), (root.path + "/outside", "/outside.md"), (".hidden", "/shipped/.hidden.md")] {
            #expect(shipped.question(bank: name, id: try firstId(file)) == nil, "\(name)")
        }
        #expect(shipped.question(bank: "", id: try firstId("/outside.md")) == nil)
    }

    @Test func aSessionOnTheShippedGuideKeepsItsQuestionsByReference() throws {
        let home = try TemporaryFolder()
        let session = try InteractiveSession(["practice", "--questions", "1", "--seed", "5", "--category", "technical",
                                              "--think-time", "0", "--no-follow-ups"], home: home.path)
        session.waitFor("answer> ")
        session.send("Measure on the device first, then quantize.")
        session.send(".")
        session.review(ticks: "1")
        session.waitFor("Saved as session ")
        #expect(session.finish() == 0)

        // Read with the shipped guides, the question is whole, as it was asked.
        let whole = try TranscriptStore(folder: home.path + "/data", access: .readOnly, questionSource: ShippedQuestions(folder: Self.banks))
        let asked = try #require(try whole.sessions().first.map { try whole.session($0.id) }?.interview.plan.questions.first)
        let guide = try GuideLoader.load(contentsOf: Self.banks + "/edge-ai-engineer.md")
        #expect(guide.categories.flatMap(\.questions).contains(asked.question))
        // Without them, only what it was scored on: the text and rubric points are in the store,
        // the model answer's prose is not.
        let bare = try TranscriptStore(folder: home.path + "/data", access: .readOnly)
        let kept = try #require(try bare.sessions().first.map { try bare.session($0.id) }?.interview.plan.questions.first)
        #expect(kept.question.title == asked.question.title)
        #expect(kept.question.rubric.map(\.text) == asked.question.rubric.map(\.text))
        #expect(kept.question.sections.map(\.label) == ["Note"])

        // `review` runs with the shipped guides beside the binary: the model answer is there.
        let review = try RehearseBinary.run(["review", "latest", "--plain"], home: home.path)
        #expect(review.status == 0)
        let firstItem = try #require(asked.question.sections.first?.items.first?.text)
        #expect(review.stdout.contains(String(firstItem.prefix(40))))
        #expect(!review.stdout.contains("no longer holds it"))
    }
}
