import InterviewCore
import Testing
@testable import TranscriptStore

/// Searching answers: any case, with or without accents, the same whether the answer is ASCII
/// (compared byte by byte) or not (compared by Foundation).
@Suite struct AnswerSearchTests {
    @Test func asciiAnswersAreSearchedInAnyCase() {
        let search = AnswerSearch("Power Meter")
        #expect(search.isFound(in: "I used a POWER METER on the board."))
        #expect(search.isFound(in: "power meter"))
        #expect(!search.isFound(in: "a power-meter"))
        #expect(!search.isFound(in: "power mete"))
        #expect(!search.isFound(in: ""))
    }

    @Test func accentsAreIgnoredOnEitherSide() {
        #expect(AnswerSearch("cafe").isFound(in: "We met at the Café by the lab."))
        #expect(AnswerSearch("café").isFound(in: "We met at the cafe by the lab."))
        #expect(AnswerSearch("NAÏVE").isFound(in: "a naive baseline"))
        #expect(AnswerSearch("naive").isFound(in: "a naïve baseline, “quoted”"))
    }

    @Test func textBeyondAsciiIsFound() {
        #expect(AnswerSearch("量子化").isFound(in: "モデルを量子化した"))
        #expect(!AnswerSearch("量子化").isFound(in: "I quantized the model"))
    }

    @Test func aQueryTheAnswerIsTooShortForIsNotFound() {
        #expect(!AnswerSearch("calibration data").isFound(in: "data"))
    }

    @Test func textLeftInTheFormNotInUseIsNotTheAnswer() {
        var record = QuestionRecord(scaffold: .star, followUps: 1)
        record.freeText = "a draft abandoned when STAR was chosen"
        record.starParts[.action] = "I rolled the release back"
        record.followUpAnswers = ["Twice since"]
        #expect(TypedTexts(record).shown.sorted() == ["I rolled the release back", "Twice since"])
        record.scaffold = .free
        #expect(TypedTexts(record).shown == ["a draft abandoned when STAR was chosen", "Twice since"])
    }
}
