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
        // The names come from the database file, which is untrusted input.
        let guide = try GuideLoader.load(contentsOf: Self.banks + "/edge-ai-engineer.md")
        let id = try #require(guide.categories.first?.questions.first?.id)
        let shipped = ShippedQuestions(folder: Self.banks + "/../QuestionBanks")
        #expect(shipped.question(bank: "edge-ai-engineer", id: id) != nil)
        for name in ["../QuestionBanks/edge-ai-engineer", "/etc/passwd", ".edge-ai-engineer", "", "no-such-guide"] {
            #expect(shipped.question(bank: name, id: id) == nil)
        }
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
        // Without them, only what it was judged against: the text and rubric are in the store,
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
