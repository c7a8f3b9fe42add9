import Foundation
import InterviewCore
import Testing

/// A stand-in for the embedding model: one piece per word, and a vector per meaning, so that
/// words given as synonyms are as close as identical words and all others are apart.
struct SynonymEmbedder: TokenEmbedder {
    var synonyms: [String: String] = [:]
    static let dimension = 64

    func tokenVectors(for text: String) throws -> TokenVectors {
        let spans = Words.spans(text)
        var values: [Float] = []
        for (word, _) in spans {
            let meaning = synonyms[word] ?? Words.stem(word)
            var row = Array(repeating: Float(0), count: Self.dimension)
            row[Int(meaning.unicodeScalars.reduce(UInt32(7)) { ($0 &* 31) &+ $1.value } % UInt32(Self.dimension))] = 1
            values += row
        }
        return TokenVectors(dimension: Self.dimension, pieces: spans.map(\.word), ranges: spans.map(\.range), values: values)
    }
}

@Suite struct AnswerJudgeTests {
    static let rubric = [
        RubricPoint(text: "Warm up before timing", kind: .cover, weight: 2, section: "Reasoning", lead: "Warm up before timing",
                    detail: "Discard the first runs, which pay for loading weights and compiling kernels."),
        RubricPoint(text: "Report percentiles", kind: .cover, weight: 2, section: "Reasoning", lead: "Report percentiles",
                    detail: "Give the median and the 99th percentile over many runs, since the tail is what users notice."),
        RubricPoint(text: "Pitfall: Quoting a single average", kind: .pitfall, weight: 2, section: "Pitfalls",
                    lead: "Quoting a single average", detail: "One mean figure hides the slow runs."),
    ]
    static let weights = TermWeights(rubrics: [rubric])
    /// The mechanics, apart from the calibration (which the labelled answers test).
    static let half = AnswerJudge.Thresholds(cover: 0.5, define: 0.5, example: 0.5, bonus: 0.5, pitfall: 0.5)

    @Test func wordsOfTheExplanationShowAPointWithTheSentenceThatHoldsThem() throws {
        let judge = AnswerJudge(weights: Self.weights, thresholds: Self.half)
        #expect(judge.detector == .lexical)
        let answer = "Latency is per request. I report the median and the 99th percentile of many runs, because users notice the tail."
        let judgement = try judge.judge(Self.rubric, answer: answer, star: nil)
        #expect(judgement.covered(Self.rubric) == [1])
        #expect(judgement.verdicts[1].evidence == "I report the median and the 99th percentile of many runs, because users notice the tail.")
        #expect(judgement.verdicts[0].evidence == nil)
        #expect(judgement.verdicts[1].strength > judgement.verdicts[0].strength)
    }

    @Test func aNegatedPointEarnsNothingFromItsSentence() throws {
        let judge = AnswerJudge(weights: Self.weights, thresholds: Self.half)
        let made = "Warm up before timing: discard the first runs, since they pay for loading weights and compiling kernels."
        let denied = "There is no need to warm up before timing, since the first runs are as good as any."
        #expect(try judge.judge(Self.rubric, answer: made, star: nil).covered(Self.rubric) == [0])
        #expect(try judge.judge(Self.rubric, answer: denied, star: nil).covered(Self.rubric).isEmpty)
        #expect(try judge.judge(Self.rubric, answer: "Percentiles are overkill: report the median only.", star: nil).covered(Self.rubric).isEmpty)
    }

    @Test func aDeniedPointEarnsNothingFromTheWholeAnswerButATurnEndsTheDenial() throws {
        let judge = AnswerJudge(weights: Self.weights, thresholds: Self.half)
        // Said the opposite, then its words again elsewhere: still not made.
        let stuffed = "Warm-up before timing is not needed. Discard the first runs, loading weights and compiling kernels whenever."
        #expect(try judge.judge(Self.rubric, answer: stuffed, star: nil).verdicts[0] == PointVerdict(detected: false, strength: 0))
        // "Not this but that": the negation belongs to the first clause only.
        let turned = "Never trust the very first runs but warm up before timing: discard them, since they pay for loading weights and compiling kernels."
        #expect(try judge.judge(Self.rubric, answer: turned, star: nil).verdicts[0].detected)
        // A lead worded as a negation is made with a negation.
        let negative = [RubricPoint(text: "Do not decide alone", kind: .cover, weight: 2, section: "Reasoning", lead: "Do not decide alone",
                                    detail: "Escalate to the product owner.")]
        let escalated = "I would not decide alone: I would escalate to the product owner."
        #expect(try judge.judge(negative, answer: escalated, star: nil).verdicts[0].detected)
    }

    @Test func onlyANegationOfThePointsOwnClaimDeniesIt() throws {
        let rubric = [
            RubricPoint(text: "Defines: Quantizing after training", kind: .define, weight: 2, section: "Definition",
                        lead: "Quantizing after training",
                        detail: "Maps a finished float network to int8 without retraining, from a few hundred calibration images."),
            RubricPoint(text: "Follow the accelerator", kind: .cover, weight: 2, section: "Reasoning", lead: "Follow the accelerator",
                        detail: "Pick the number format the accelerator runs natively."),
        ]
        let judge = AnswerJudge(weights: TermWeights(rubrics: [rubric]), thresholds: Self.half)
        // The point itself says "without retraining": saying it again agrees with it.
        let agreeing = "Quantizing after training maps a finished float network to int8 from a few hundred calibration images, "
            + "so it is quick and needs no retraining."
        #expect(try judge.judge(rubric, answer: agreeing, star: nil).verdicts[0].detected)
        // A negation in a clause of its own speaks of something else.
        let elsewhere = "Quantizing after training maps a finished float network to int8 from calibration images, which QAT does not do."
        #expect(try judge.judge(rubric, answer: elsewhere, star: nil).verdicts[0].detected)
        // Denying what the point claims still denies it.
        let denied = "Quantizing after training is not worth it: map the float network to int8 and retrain from calibration images."
        #expect(try judge.judge(rubric, answer: denied, star: nil).verdicts[0] == PointVerdict(detected: false, strength: 0))
        // Punctuation alone, before any word, is no clause.
        for odd in [", — : not", "(", "; no.", "—,— never (no)"] { _ = try judge.judge(rubric, answer: odd, star: nil) }
        // "both" is no dismissal, though it has the stem of "bother".
        let both = "I follow the accelerator: I pick the number format it runs natively, and I time both formats."
        #expect(try judge.judge(rubric, answer: both, star: nil).verdicts[1].detected)
    }

    @Test func kindredWordsAndTheRubricsVoice() throws {
        let rubric = [RubricPoint(text: "Contain first", kind: .cover, weight: 2, section: "Reasoning", lead: "Contain first",
                                  detail: "A strong answer shows the candidate stopped the spread and protected users before the post-mortem.")]
        let judge = AnswerJudge(weights: TermWeights(rubrics: [rubric]), thresholds: AnswerJudge.lexicalThresholds)
        // "paused" stops, "rolled ... back" contains; no answer says "strong answer" or "candidate".
        let paraphrase = "I paused the staged rollout and rolled the affected cameras back to the previous model."
        let verdict = try judge.judge(rubric, answer: paraphrase, star: nil).verdicts[0]
        #expect(verdict.detected && verdict.evidence == paraphrase, "\(verdict)")
        #expect(Words.stem("stopped") == Words.stem("stop") && Words.stem("losses") == Words.stem("loss"))
    }

    @Test func aPitfallOfLeavingSomethingOutIsNeverProposedByItsWords() throws {
        let rubric = [RubricPoint(text: "Pitfall: Leaving out the ending", kind: .pitfall, weight: 2, section: "Pitfalls",
                                  lead: "Leaving out the ending", detail: "Without what shipped and how it did, the story stops halfway."),
                      RubricPoint(text: "Pitfall: Ignoring the slow phones", kind: .pitfall, weight: 2, section: "Pitfalls",
                                  lead: "Ignoring the slow phones", detail: "The cheapest phone sets the frame budget.")]
        let judge = AnswerJudge(weights: TermWeights(rubrics: [rubric]), thresholds: Self.half)
        let answer = "Result: The fix shipped in May and it did what we hoped. I measured the frame budget on the cheapest phone we sell."
        #expect(try judge.judge(rubric, answer: answer, star: nil).likelyPitfalls(rubric).isEmpty)
    }

    @Test func aSentenceThatMakesAPracticeIsNotThePitfallSharingItsWords() throws {
        let rubric = [
            RubricPoint(text: "Evaluate the exported model", kind: .cover, weight: 2, section: "Reasoning", lead: "Evaluate the exported model",
                        detail: "Report accuracy from the converted model running on the device, not from the training graph."),
            RubricPoint(text: "Pitfall: Measuring the training graph", kind: .pitfall, weight: 2, section: "Pitfalls",
                        lead: "Measuring the training graph", detail: "Accuracy quoted from the training framework hides what conversion breaks."),
        ]
        let low = AnswerJudge.Thresholds(cover: 0.3, define: 0.3, example: 0.3, bonus: 0.3, pitfall: 0.2)
        let judge = AnswerJudge(weights: TermWeights(rubrics: [rubric]), thresholds: low)
        let practice = try judge.judge(rubric, answer: "I measure accuracy of the converted model on the device, and fine-tune only when it drops too far.", star: nil)
        #expect(practice.covered(rubric) == [0] && practice.likelyPitfalls(rubric).isEmpty, "\(practice)")
        let pitfall = try judge.judge(rubric, answer: "I quote the accuracy the training framework reports on the training graph.", star: nil)
        #expect(pitfall.likelyPitfalls(rubric) == [1], "\(pitfall)")
    }

    @Test func aPointIsMadeInASentenceOrTwoNotGatheredFromTheWholeAnswer() throws {
        let judge = AnswerJudge(weights: Self.weights, thresholds: Self.half)
        let scattered = ["I report one median.", "Something else entirely.", "Another aside here.", "The 99th percentile exists.",
                         "More filler text.", "Still more words.", "Many runs happen.", "A pause.", "Yet another aside.",
                         "The tail of the dog.", "Filler again.", "Even more filler.", "Users notice things."]
        let judgement = try judge.judge(Self.rubric, answer: scattered.joined(separator: " "), star: nil)
        #expect(!judgement.verdicts[1].detected)
        // The same words together make the point.
        let together = try judge.judge(Self.rubric, answer: "I report the median and the 99th percentile of many runs: users notice the tail.", star: nil)
        #expect(together.verdicts[1].detected)
    }

    @Test func pitfallsAreProposedNotCountedAndANegationClearsThem() throws {
        let judge = AnswerJudge(weights: Self.weights, thresholds: Self.half)
        let committed = try judge.judge(Self.rubric, answer: "I would quote a single average: one mean figure is enough.", star: nil)
        #expect(committed.likelyPitfalls(Self.rubric) == [2])
        #expect(committed.covered(Self.rubric).isEmpty)
        #expect(Scoring.score(rubric: Self.rubric, ticks: committed.covered(Self.rubric)) == 0)
        let avoided = try judge.judge(Self.rubric, answer: "I would never quote a single average, since one mean figure hides the slow runs.", star: nil)
        #expect(avoided.likelyPitfalls(Self.rubric).isEmpty)
    }

    @Test func meaningFindsAPointMadeInOtherWords() throws {
        let paraphrase = "Throw away the initial iterations: they include reading the parameters and building the programs."
        let lexical = try AnswerJudge(weights: Self.weights, thresholds: Self.half).judge(Self.rubric, answer: paraphrase, star: nil)
        #expect(!lexical.verdicts[0].detected)
        // Synonyms name the stem of the word they stand for.
        let model = SynonymEmbedder(synonyms: ["throw": "discard", "away": "discard", "initial": "first", "iterations": "run",
                                               "reading": "load", "parameters": "weight", "building": "compil",
                                               "programs": "kernel", "include": "pay"])
        // Words weigh more than meaning in the blend: a paraphrase with no word in common reaches
        // at most the meaning's share.
        let low = AnswerJudge.Thresholds(cover: 0.25, define: 0.25, example: 0.25, bonus: 0.25, pitfall: 0.25)
        let judge = AnswerJudge(weights: Self.weights, embedder: model, thresholds: low)
        #expect(judge.detector == .embedding)
        let judgement = try judge.judge(Self.rubric, answer: paraphrase, star: nil)
        #expect(judgement.detector == .embedding)
        #expect(judgement.covered(Self.rubric) == [0])
        #expect(judgement.verdicts[0].evidence == paraphrase)
        // The veto holds for meaning too.
        let denied = try judge.judge(Self.rubric, answer: "Never warm up before timing: keep the initial iterations.", star: nil)
        #expect(!denied.verdicts[0].detected)
    }

    @Test func onlyTheFirstTwoThousandWordsAreJudged() throws {
        let long = Array(repeating: "filler", count: AnswerJudge.wordLimit).joined(separator: " ")
            + " I report the median and the 99th percentile of many runs: users notice the tail."
        let judgement = try AnswerJudge(weights: Self.weights, thresholds: Self.half).judge(Self.rubric, answer: long, star: nil)
        #expect(!judgement.verdicts[1].detected)
        let short = try AnswerJudge(weights: Self.weights, thresholds: Self.half)
            .judge(Self.rubric, answer: "filler filler. I report the median and the 99th percentile of many runs: users notice the tail.", star: nil)
        #expect(short.verdicts[1].detected)
    }

    @Test func anEmptyAnswerMakesNoPoint() throws {
        for judge in [AnswerJudge(weights: Self.weights, thresholds: Self.half), AnswerJudge(weights: Self.weights, embedder: SynonymEmbedder(), thresholds: Self.half)] {
            let judgement = try judge.judge(Self.rubric, answer: "  \n ", star: nil)
            #expect(judgement.verdicts.allSatisfy { !$0.detected && $0.strength == 0 })
        }
    }

    @Test func starPointsComeFromTheFigures() throws {
        let rubric = Self.rubric + RubricBuilder.starPoints(contentWeight: 6)
        let parts: [StarPart: String] = [.situation: "At a startup in 2023 our robot kept crashing during customer trials.",
                                         .task: "I owned the perception stack.",
                                         .action: "I reproduced the crash, I added logging to every stage, I found a leak in the camera driver and I fixed it with a pooled buffer.",
                                         .result: "Crashes fell from five a day to zero."]
        let judgement = try AnswerJudge(weights: Self.weights, thresholds: Self.half).judge(rubric, answer: StarAnswerText.text(of: parts), star: StarAnalysis(parts: parts))
        #expect(judgement.verdicts.suffix(3).map(\.detected) == [true, true, false])
        // Like every detected point, they quote the answer.
        #expect(judgement.verdicts.suffix(3).map(\.evidence) == [
            "Action: I reproduced the crash, I added logging to every stage, I found a leak in the camera driver and I fixed it with a pooled buffer.",
            "Result: Crashes fell from five a day to zero.", nil,
        ])
    }
}

@Suite struct AnswerTextTests {
    @Test func sentencesEndAtStopsBlankLinesListsAndStarLabels() {
        let text = "First one. Second one; third\nstill third\n\nFourth\n- fifth\n2. sixth\nAction: seventh 2.5 ms"
        let sentences = AnswerSentences(text)
        #expect((0..<sentences.count).map { sentences[$0] } == [
            "First one.", "Second one;", "third\nstill third", "Fourth", "- fifth", "2. sixth", "Action: seventh 2.5 ms",
        ])
        #expect(sentences.index(containing: 0) == 0)
        #expect(sentences.index(containing: 10) == nil) // the space between two sentences
        #expect(sentences.index(containing: text.utf8.count - 1) == 6)
        #expect(AnswerSentences("").count == 0)
    }

    @Test func starPartsAreReadFromTheirLabels() {
        let text = "We had a crash.\n**Task:** fix it\nAction - I bisected\nthe firmware\nresult: zero crashes\nLESSON: test more"
        #expect(StarAnswerText.parts(of: text) == [.situation: "We had a crash.", .task: "fix it",
                                                   .action: "I bisected\nthe firmware", .result: "zero crashes", .lesson: "test more"])
        #expect(StarAnswerText.parts(of: "No labels here.\nNone at all.") == nil)
        let parts: [StarPart: String] = [.situation: "S", .action: "A"]
        #expect(StarAnswerText.text(of: parts) == "Situation: S\n\nAction: A")
        #expect(StarAnswerText.parts(of: StarAnswerText.text(of: parts)) == parts)
    }

    @Test func wordSpansMatchTheSplitWords() {
        let text = "I’m quantizing—naïvely—in 2024, ‘really’."
        #expect(Words.spans(text).map(\.word) == Words.split(text))
        let utf8 = Array(text.utf8)
        for span in Words.spans(text) {
            let original = String(decoding: utf8[span.range], as: UTF8.self).lowercased().replacingOccurrences(of: "’", with: "'")
            #expect(original == span.word)
        }
    }

    @Test func logarithmsWithoutFoundation() {
        let weights = TermWeights(documents: ["alpha beta", "alpha gamma", "alpha delta"])
        // log((3 + 1) / (3 + 1)) + 1 for a word in every document; log(4 / 2) + 1 for one in one.
        #expect(abs(weights.weight(ofStem: "alpha") - 1) < 1e-12)
        #expect(abs(weights.weight(ofStem: "beta") - (1 + 0.693_147_180_559_945)) < 1e-12)
        #expect(weights.weight(ofWord: "the") == 0)
    }
}
