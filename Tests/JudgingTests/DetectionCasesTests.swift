import InterviewCore
import JudgingEvaluation
import Testing

/// Single labelled answers that once were misjudged, by both detectors with their shipped
/// thresholds: each names the point or pitfall it is about.
@Suite struct DetectionCasesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var answer: String
        var lead: String
        var detected: Bool
        var testDescription: String { "\(answer): \(detected ? "" : "not ")\(lead)" }
    }

    static let cases = [
        // The point's own negation said again ("without special support", "with no special
        // kernel support"; "does not run on the UI thread") is no denial.
        Case(answer: "pruning-strong-no-special-kernels", lead: "Structured pruning speeds up dense hardware", detected: true),
        // A negation of something else in the sentence denies nothing of the definition.
        Case(answer: "pruning-strong-no-special-kernels", lead: "Structured pruning", detected: true),
        // "rather than counting parameters" avoids the pitfall it names.
        Case(answer: "pruning-strong-no-special-kernels", lead: "Counting parameters instead of time", detected: false),
        Case(answer: "frames-strong-threads", lead: "Check the threads", detected: true),
        Case(answer: "frames-strong-threads", lead: "Drop stale frames", detected: true),
        // Containing the damage in other words: "paused the scheduled jobs and reverted my commit".
        Case(answer: "mistake-strong-paused-jobs", lead: "Limit the damage", detected: true),
        // A story that tells its ending has not left it out.
        Case(answer: "deadline-strong-receipts", lead: "Leaving out the ending", detected: false),
        Case(answer: "deadline-strong-paraphrase", lead: "Leaving out the ending", detected: false),
    ]

    @Test(arguments: cases) func judgedAsLabelled(_ labelled: Case) throws {
        let answer = try #require(JudgingFixtures.answers.first { $0.name == labelled.answer })
        let index = try #require(answer.question.rubric.firstIndex { $0.lead == labelled.lead })
        let truth = answer.question.rubric[index].kind == .pitfall ? answer.commits.contains(index) : answer.covers.contains(index)
        #expect(truth == labelled.detected, "the case agrees with the labels")
        let model = try DetectionQualityTests.model.get()
        let weights = DetectionQualityTests.weights
        for judge in [AnswerJudge(weights: weights), AnswerJudge(weights: weights, embedder: model)] {
            let verdict = try judge.judge(answer.question, text: answer.text).judgement.verdicts[index]
            #expect(verdict.detected == labelled.detected, "\(judge.detector): \(verdict)")
            #expect((verdict.evidence != nil) == verdict.detected)
        }
    }
}
