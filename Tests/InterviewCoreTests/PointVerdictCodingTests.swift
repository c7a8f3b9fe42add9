import Foundation
import InterviewCore
import Testing

/// Verdicts are saved with every judged answer: the common one is a bare number, and what
/// older stores hold still reads.
@Suite struct PointVerdictCodingTests {
    static func encoded(_ judgement: AnswerJudgement) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(judgement), as: UTF8.self)
    }

    @Test func anUndetectedPointIsItsStrengthAlone() throws {
        let judgement = AnswerJudgement(detector: .embedding, verdicts: [
            PointVerdict(detected: false, strength: 0.072),
            PointVerdict(detected: true, strength: 0.5, evidence: "I measured it on the device."),
            PointVerdict(detected: true, strength: 1),
            PointVerdict(detected: false, strength: 0),
        ])
        let text = try Self.encoded(judgement)
        #expect(text == #"{"detector":"embedding","verdicts":[0.072,{"detected":true,"evidence":"I measured it on the device.","strength":0.5},{"detected":true,"strength":1},0]}"#)
        #expect(try JSONDecoder().decode(AnswerJudgement.self, from: Data(text.utf8)) == judgement)
    }

    @Test func theObjectsOlderStoresWroteStillRead() throws {
        let old = #"{"detector":"lexical","verdicts":[{"detected":false,"strength":0.05252453422836756},{"detected":true,"evidence":"A sentence.","strength":0.25}]}"#
        let judgement = try JSONDecoder().decode(AnswerJudgement.self, from: Data(old.utf8))
        #expect(judgement == AnswerJudgement(detector: .lexical, verdicts: [
            PointVerdict(detected: false, strength: 0.05252453422836756),
            PointVerdict(detected: true, strength: 0.25, evidence: "A sentence."),
        ]))
    }

    @Test func somethingElseIsRefused() {
        let damaged = #"{"detector":"lexical","verdicts":["high"]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AnswerJudgement.self, from: Data(damaged.utf8)) }
    }
}
