import InterviewCore
import Testing

@Suite struct AnalysisTests {
    @Test func wordsAndStems() {
        #expect(Words.split("I’m quantizing the model—twice, in 2024!") == ["i'm", "quantizing", "the", "model", "twice", "in", "2024"])
        #expect(Set(["quantized", "quantizing", "quantization", "quantizes"].map(Words.stem)) == ["quantiz"])
        #expect(Words.stem("latencies") == Words.stem("latency"))
        #expect(Words.stem("budgets") == "budget")
        #expect(Set(["calibrate", "calibrated", "calibrating", "calibration", "calibrations"].map(Words.stem)) == ["calibrat"])
        #expect(Set(["validate", "validation", "activate", "activation"].map(Words.stem)) == ["validat", "activat"])
        #expect(Words.keyStems("The latency of the models") == ["latency", "model"])
    }

    struct StarCase: Sendable, CustomTestStringConvertible {
        var name: String
        var parts: [StarPart: String]
        var words: [StarPart: Int]
        var actionUnderHalf: Bool
        var i: Int
        var we: Int
        var quantified: Bool
        var hedges: Double
        var testDescription: String { name }
    }

    static func words(_ count: Int, _ word: String) -> String { Array(repeating: word, count: count).joined(separator: " ") }

    static let cases: [StarCase] = [
        StarCase(name: "balanced, owned, quantified",
                 parts: [.situation: words(20, "context"), .task: words(10, "goal"), .action: "I " + words(59, "built"),
                         .result: "Latency fell 40% in two weeks", .lesson: "I learned to measure first"],
                 words: [.situation: 20, .task: 10, .action: 60, .result: 6, .lesson: 5],
                 actionUnderHalf: false, i: 2, we: 0, quantified: true, hedges: 0),
        StarCase(name: "all situation, we, no numbers, hedged",
                 parts: [.situation: "We kind of had a big problem, maybe, with " + words(40, "things"),
                         .task: "We had to fix it", .action: "We basically fixed it", .result: "It was better"],
                 words: [.situation: 49, .task: 5, .action: 4, .result: 3, .lesson: 0],
                 actionUnderHalf: true, i: 0, we: 3, quantified: false, hedges: 3 * 100 / 61.0),
        StarCase(name: "result in money words",
                 parts: [.action: "I negotiated the contract", .result: "Saved three thousand dollars a month"],
                 words: [.situation: 0, .task: 0, .action: 4, .result: 6, .lesson: 0],
                 actionUnderHalf: true, i: 1, we: 0, quantified: true, hedges: 0),
        StarCase(name: "empty", parts: [:], words: [.situation: 0, .task: 0, .action: 0, .result: 0, .lesson: 0],
                 actionUnderHalf: false, i: 0, we: 0, quantified: false, hedges: 0),
    ]

    @Test(arguments: cases)
    func starFigures(_ star: StarCase) {
        let analysis = StarAnalysis(parts: star.parts)
        #expect(analysis.words == star.words)
        #expect(analysis.totalWords == star.words.values.reduce(0, +))
        #expect(analysis.actionUnderHalf == star.actionUnderHalf)
        #expect(analysis.firstPersonSingular == star.i)
        #expect(analysis.firstPersonPlural == star.we)
        #expect(analysis.resultQuantified == star.quantified)
        #expect(abs(analysis.hedgesPer100Words - star.hedges) < 0.01)
    }

    @Test func sharesFollowTheCorePartsAndTheLengthTarget() {
        let analysis = StarAnalysis(parts: Self.cases[0].parts)
        #expect(abs((analysis.shares[.action] ?? 0) - 60.0 / 96) < 0.0001)
        #expect(abs((analysis.shares[.situation] ?? 0) - 20.0 / 96) < 0.0001)
        #expect(analysis.lengthVerdict == "short of the 260–320 word target")
        #expect(StarAnalysis(parts: [.action: Self.words(300, "did")]).lengthVerdict == "within the 260–320 word target")
        #expect(StarAnalysis(parts: [.action: Self.words(400, "did")]).lengthVerdict == "over the 260–320 word target")
    }

    @Test func pointsAreDetectedFromTheWordsOfTheirExplanation() {
        let rubric = InterviewFixtures.question("Q?", kind: .technical).rubric
        #expect(rubric.map(\.text) == ["Measure on the device", "Quantize with calibration data", "Pitfall: Ignoring thermal throttling"])
        let answer = "I quantized with a calibration set of representative inputs. I measured latency on the real devices, because the lab differs."
        // The pitfall (index 2) is never counted among the points covered.
        #expect(PointDetection.detected(rubric: rubric, answer: answer + " Thermal throttling matters too.", star: nil) == [0, 1])
        #expect(PointDetection.detected(rubric: rubric, answer: "I would use a bigger GPU.", star: nil).isEmpty)
        #expect(PointDetection.detected(rubric: rubric, answer: "", star: nil).isEmpty)
    }

    @Test func starChecksAreReadFromTheStarFigures() {
        let good = StarAnalysis(parts: Self.cases[0].parts)
        #expect(StarCheck.allCases.filter { $0.isMet(by: good) } == [.action, .result, .ownership, .setting, .lesson])
        let weak = StarAnalysis(parts: Self.cases[1].parts)
        #expect(StarCheck.allCases.filter { $0.isMet(by: weak) }.isEmpty)
        let rubric = RubricBuilder.starPoints(contentWeight: 12)
        #expect(PointDetection.detected(rubric: rubric, answer: "", star: good) == Set(rubric.indices))
        #expect(PointDetection.detected(rubric: rubric, answer: "", star: nil).isEmpty)
    }

    @Test func hedgesCountWordsAndPairs() {
        #expect(Hedges.count("Um, I think it was basically kind of fine, you know") == 5)
        #expect(Hedges.per100Words("") == 0)
    }
}
