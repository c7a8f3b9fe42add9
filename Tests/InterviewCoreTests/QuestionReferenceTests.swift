import InterviewCore
import Testing

/// One way of naming a question, for every command that takes one.
@Suite struct QuestionReferenceTests {
    static func question(_ id: String, title: String) -> Question {
        var question = InterviewFixtures.question(title, kind: .technical)
        question.id = id
        return question
    }

    static let questions = [
        question("edge/how-does-post-training-quantization-work", title: "How does post-training quantization work?"),
        question("edge/latency", title: "What is latency?"),
        question("edge/latency-budgets", title: "How do you set a latency budget?"),
        question("edge/tell-me-about-yourself", title: "Tell me about yourself."),
        question("sre/tell-me-about-yourself", title: "Tell me about yourself, briefly."),
    ]

    func match(_ reference: String) -> QuestionReference.Match {
        QuestionReference.match(reference, among: Self.questions)
    }

    /// Proves the whole id, the question part alone, a unique start of either and the exact
    /// title each name the question (the question part alone was refused by `practice`).
    @Test func everyFormNamesTheQuestion() {
        for reference in ["edge/how-does-post-training-quantization-work", "how-does-post-training-quantization-work",
                          "edge/how-does-post", "how-does-post", "  how-does-post  ", "how does POST-training  quantization work?"] {
            #expect(match(reference) == .one(0), "\(reference)")
        }
    }

    /// Proves a whole name wins over names it starts, and that a name shared by two guides, or
    /// a start shared by two questions, is ambiguous rather than guessed.
    @Test func wholeNamesFirstAndAmbiguityIsSaid() {
        #expect(match("latency") == .one(1))
        #expect(match("edge/latency") == .one(1))
        #expect(match("latency-b") == .one(2))
        #expect(match("tell-me-about-yourself") == .several(["edge/tell-me-about-yourself", "sre/tell-me-about-yourself"]))
        #expect(match("sre/tell") == .one(4))
        #expect(match("edge/") == .several(Self.questions.prefix(4).map(\.id)))
        #expect(match("how-do-penguins-fly") == .none)
        #expect(match("  ") == .none)
    }
}
