import InterviewCore
import Synchronization
import Testing

/// An embedder that writes down every text it is asked for.
final class RecordingEmbedder: TokenEmbedder {
    let base = SynonymEmbedder()
    let texts = Mutex<[String]>([])

    func tokenVectors(for text: String) throws -> TokenVectors {
        texts.withLock { $0.append(text) }
        return try base.tokenVectors(for: text)
    }

    func take() -> [String] {
        texts.withLock { texts in
            defer { texts = [] }
            return texts
        }
    }
}

@Suite struct SentenceTokenEmbedderTests {
    static let answer = "I warm up first. Then I report the median and the 99th percentile.\n\nUsers notice the tail; the mean hides it."

    @Test func theAnswersPiecesComeInOrderWithTheirPlaceInTheWholeText() throws {
        let whole = try SynonymEmbedder().tokenVectors(for: Self.answer)
        let bySentence = try SentenceTokenEmbedder(SynonymEmbedder()).tokenVectors(for: Self.answer)
        // The stand-in reads words without context, so the two must agree exactly.
        #expect(bySentence == whole)
        let bytes = Array(Self.answer.utf8)
        for (piece, range) in zip(bySentence.pieces, bySentence.ranges) {
            #expect(String(decoding: bytes[range], as: UTF8.self).lowercased() == piece)
        }
    }

    @Test func eachSentenceIsReadWithTheOneBeforeAndOnlyItsOwnPiecesKept() throws {
        let recording = RecordingEmbedder()
        let embedder = SentenceTokenEmbedder(recording)
        let vectors = try embedder.tokenVectors(for: "One two. Three four.")
        #expect(recording.take() == ["One two.", "One two. Three four."])
        #expect(vectors.pieces == ["one", "two", "three", "four"])
        #expect(vectors.ranges.last == 15..<19)
    }

    @Test func preparingEmbedsTheFinishedSentencesSoJudgingEmbedsOnlyTheLast() throws {
        let recording = RecordingEmbedder()
        let embedder = SentenceTokenEmbedder(recording)
        // Typed so far: two finished sentences and one in progress.
        #expect(try embedder.prepare("I warm up first. Then I report the median. Users not") == 2)
        #expect(recording.take().count == 2)
        #expect(try embedder.prepare("I warm up first. Then I report the median. Users notice") == 0, "nothing new is finished")
        #expect(recording.take().isEmpty)
        // Submitted: only the last sentence is read again.
        _ = try embedder.tokenVectors(for: "I warm up first. Then I report the median. Users notice the tail.")
        #expect(recording.take() == ["Then I report the median. Users notice the tail."])
    }

    @Test func anEditedSentenceIsReadAgainAndTheOldOneForgotten() throws {
        let recording = RecordingEmbedder()
        let embedder = SentenceTokenEmbedder(recording)
        try embedder.prepare("Alpha beta. Gamma delta. Epsilon")
        #expect(embedder.rememberedCount == 2)
        _ = recording.take()
        // The first sentence changed: it and the one it is context for are read again.
        try embedder.prepare("Alpha gamma. Gamma delta. Epsilon")
        #expect(recording.take() == ["Alpha gamma.", "Alpha gamma. Gamma delta."])
        #expect(embedder.rememberedCount == 2, "what the text no longer holds is forgotten")
    }

    @Test func judgingSentenceBySentenceFindsWhatTheWholeTextFinds() throws {
        let rubric = AnswerJudgeTests.rubric
        let weights = TermWeights(rubrics: [rubric])
        let whole = AnswerJudge(weights: weights, embedder: SynonymEmbedder(), thresholds: AnswerJudgeTests.half)
        let bySentence = AnswerJudge(weights: weights, embedder: SentenceTokenEmbedder(SynonymEmbedder()), pointEmbedder: SynonymEmbedder(),
                                     thresholds: AnswerJudgeTests.half)
        #expect(try bySentence.judge(rubric, answer: Self.answer, star: nil) == whole.judge(rubric, answer: Self.answer, star: nil))
    }
}
