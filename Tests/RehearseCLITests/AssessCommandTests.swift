import Foundation
import Testing

/// `rehearse assess` through the built binary, on the judging fixture guide, by meaning (the
/// model `make` fetches) and by words.
@Suite struct AssessCommandTests {
    static let guide = RehearseBinary.repositoryRoot.appendingPathComponent("Tests/Fixtures/judging/on-device-ml.md").path
    static let camera = "on-device-ml/a-camera-app-on-a-phone-drops-frames-when-the-object-detector"

    static let strong = """
        I would add timestamps around each stage: capture, conversion, resizing, inference and drawing, and compare each with \
        the 33 ms a frame has at 30 fps. Inference must not run on the UI thread or the camera callback; a worker takes only \
        the newest frame and drops the stale ones.
        """

    func assess(_ arguments: [String], answer: String? = nil, environment: [String: String] = [:]) throws -> RehearseBinary.Result {
        let folder = try TemporaryFolder()
        var file: [String] = []
        if let answer { file = ["--answer", try folder.write("answer.txt", answer)] }
        return try RehearseBinary.run(["assess", Self.guide] + arguments + file, environment: environment)
    }

    @Test func theJSONFollowsTheDocumentedContract() throws {
        let result = try assess(["a-camera-app", "--json"], answer: Self.strong)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let json = try #require(try RehearseBinary.json(result.stdout) as? [String: Any])
        #expect(Set(json.keys) == ["question", "detector", "points", "score", "star"])
        let question = try #require(json["question"] as? [String: Any])
        #expect(question["id"] as? String == Self.camera)
        #expect(question["kind"] as? String == "problem-solving")
        #expect((question["title"] as? String)?.hasPrefix("A camera app on a phone drops frames") == true)
        #expect(json["detector"] as? String == "embedding")
        #expect(json["star"] is NSNull)
        let points = try #require(json["points"] as? [[String: Any]])
        #expect(points.count == 10)
        for point in points {
            #expect(Set(point.keys).isSuperset(of: ["text", "kind", "weight", "section", "lead", "detected", "evidence"]))
            #expect(point["detected"] is Bool && point["weight"] is Int && !(point["section"] as? String ?? "").isEmpty)
            #expect((point["detected"] as? Bool == true) == (point["evidence"] is String), "evidence with every detected point")
        }
        let timed = try #require(points.first { $0["lead"] as? String == "Time every stage" })
        #expect(timed["detected"] as? Bool == true && timed["kind"] as? String == "cover" && timed["section"] as? String == "Approach")
        #expect((timed["evidence"] as? String)?.hasPrefix("I would add timestamps around each stage") == true)
        let stale = try #require(points.first { $0["lead"] as? String == "Drop stale frames" })
        #expect(stale["detected"] as? Bool == true)
        let lowEnd = try #require(points.first { $0["lead"] as? String == "Test on low-end devices" })
        #expect(lowEnd["detected"] as? Bool == false && lowEnd["evidence"] is NSNull)
        let score = try #require(json["score"] as? Double)
        #expect(score > 0.3 && score < 1)
    }

    @Test func everyDetectedPointQuotesTheAnswerStarPointsToo() throws {
        let story = """
            Situation: I changed the image normalisation in a shared training script without telling anyone.
            Task: Two teammates' comparisons depended on it, and the change was mine.
            Action: I told the team the same morning that the runs since Monday were not comparable, I reverted the script, \
            and I reran the affected experiments myself over the weekend. Then I added a check that records the \
            pre-processing settings with every run and fails when two compared runs differ.
            Result: The comparison was back on track in three days, and the check has caught two mismatches since.
            Lesson: I now treat pre-processing as part of the model's version.
            """
        for detector in ["lexical", "embedding"] {
            let result = try assess(["describe-a-time-you-made-a-mistake", "--json", "--detector", detector], answer: story)
            #expect(result.status == 0, "\(result.stderr)")
            let json = try #require(try RehearseBinary.json(result.stdout) as? [String: Any])
            let points = try #require(json["points"] as? [[String: Any]])
            let star = points.filter { $0["kind"] as? String == "star" || $0["section"] as? String == "STAR" }
            #expect(star.contains { $0["detected"] as? Bool == true }, "\(detector)")
            for point in points {
                #expect((point["detected"] as? Bool == true) == (point["evidence"] is String), "\(detector): \(point)")
            }
            let resultPoint = try #require(points.first { $0["lead"] as? String == "Result" })
            #expect((resultPoint["evidence"] as? String)?.hasPrefix("Result: The comparison was back on track") == true, "\(detector)")
        }
    }

    /// Answers to the edge-ai-engineer bank's questions that were misjudged: a definition kept
    /// despite "needs no retraining", containment said in other words, and pitfalls proposed on
    /// the very sentences that avoid them.
    struct BankCase: Sendable, CustomTestStringConvertible {
        var question: String
        var answer: String
        var made: [String]
        var avoided: [String]
        var testDescription: String { question }
    }

    static let bankCases = [
        BankCase(question: "how-does-post",
                 answer: "Post-training quantization takes a trained float model down to int8, using a small calibration set to choose "
                    + "the scales and zero points, so it is quick and needs no retraining. I would measure accuracy on the device with "
                    + "the converted model before deciding anything else.",
                 made: ["Post-training quantization (PTQ)"], avoided: ["Measuring the wrong graph"]),
        BankCase(question: "tell-me-about-a-time-a-problem",
                 answer: """
                    Situation: A detection model I had approved began firing false alarms on night footage from a few hundred cameras.
                    Task: The release was mine, so the problem was mine.
                    Action: I paused the staged rollout and rolled the affected devices back to the previous model. Then I compared \
                    telemetry from the cameras that alarmed and found they shared a lighting condition, not a hardware revision.
                    Result: We recalibrated and re-released in stages, and false alarms fell back to 0.3 per camera a night within a week.
                    Lesson: I now test the calibration set like code.
                    """,
                 made: ["Contain first", "Result"], avoided: []),
        BankCase(question: "describe-a-time-you-disagreed",
                 answer: """
                    Situation: A research group wanted to ship a detector whose attention layers our NPU could not run.
                    Task: On-device speed was my responsibility.
                    Action: I built two quick prototypes, theirs and a convolutional one, and put their speed and accuracy side by \
                    side in one table. I suggested distilling their model into the convolutional one.
                    Result: The distilled model shipped, lost under one point of accuracy and ran twice as fast on the NPU.
                    Lesson: Numbers end arguments sooner than opinions.
                    """,
                 made: ["Result"], avoided: ["Leaving out the outcome"]),
        BankCase(question: "when-would-you-deploy-a-model-in-fp16",
                 answer: "fp16 halves memory compared with fp32 and keeps an exponent, so it needs no calibration and runs fast on GPUs "
                    + "with half-precision units. I would follow the hardware and benchmark both precisions on the device, since a "
                    + "memory-bound model may gain little from int8.",
                 made: ["fp16", "Follow the hardware"], avoided: ["Ignoring int8 operator coverage", "Assuming fp16 is fast everywhere"]),
    ]

    @Test(arguments: bankCases) func theBanksAnswersAreJudgedAsTheyRead(_ bankCase: BankCase) throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("answer.txt", bankCase.answer)
        for detector in ["embedding", "lexical"] {
            let result = try RehearseBinary.run(["assess", "edge-ai-engineer", bankCase.question, "--answer", file, "--json",
                                                 "--detector", detector])
            #expect(result.status == 0, "\(result.stderr)")
            let points = try #require((try RehearseBinary.json(result.stdout) as? [String: Any])?["points"] as? [[String: Any]])
            func detected(_ lead: String) -> Bool? { points.first { $0["lead"] as? String == lead }?["detected"] as? Bool }
            for lead in bankCase.made { #expect(detected(lead) == true, "\(detector): \(lead)") }
            for lead in bankCase.avoided { #expect(detected(lead) == false, "\(detector): \(lead)") }
            for point in points {
                #expect((point["detected"] as? Bool == true) == (point["evidence"] is String), "\(detector): \(point)")
            }
        }
    }

    @Test func keywordsSayingTheOppositeEarnNothing() throws {
        let stuffed = "There is no need to time every stage or check the threads. Profiling before optimising is a waste of time, "
            + "dropping stale frames is unnecessary, and don't bother testing on low-end devices."
        for detector in ["embedding", "lexical"] {
            let result = try assess(["a-camera-app", "--json", "--detector", detector], answer: stuffed)
            let json = try #require(try RehearseBinary.json(result.stdout) as? [String: Any])
            let points = try #require(json["points"] as? [[String: Any]])
            #expect(points.filter { $0["kind"] as? String != "pitfall" && $0["detected"] as? Bool == true }.isEmpty, "\(detector)")
            #expect(json["score"] as? Double == 0)
        }
    }

    @Test func aBehavioralAnswerGetsItsStarFiguresAndVerdicts() throws {
        let answer = """
            Situation: Our tracking demo for a customer was two weeks away and the model failed at night.
            Task: I owned the model.
            Action: I measured the night-time accuracy, wrote up three options with their risks, and took them to my manager before the planning meeting.
            Result: We showed the daytime version on time and shipped night support four weeks later.
            """
        let result = try assess(["tell-me-about-a-time-you-pushed-back"], answer: answer)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("STAR: situation "))
        #expect(result.stdout.contains("STAR: Action is 39 % of the story: say more about what you did."))
        #expect(result.stdout.contains("[*] STAR: a measured result"))
        #expect(result.stdout.contains("Did the answer fall into any of these?"))
        #expect(result.stdout.contains("Not seen in the answer, and why it matters:"))
        let json = try #require(try RehearseBinary.json(try assess(["tell-me-about-a-time-you-pushed-back", "--json"], answer: answer).stdout) as? [String: Any])
        let star = try #require(json["star"] as? [String: Any])
        #expect((star["words"] as? [String: Int])?["task"] == 4)
        let unlabelled = try assess(["tell-me-about-a-time-you-pushed-back"], answer: "I pushed back with data.")
        #expect(unlabelled.stdout.contains("No STAR figures: label the parts"))
    }

    @Test func theQuestionIsFoundByIdPrefixOrTitleAndTheAnswerOnStandardInput() throws {
        let title = "What is knowledge distillation, and when would you use it to make a model smaller?"
        for reference in ["on-device-ml/what-is-knowledge-distillation-and-when-would-you-use-it-to", "on-device-ml/what-is-knowledge",
                          "what-is-knowledge", title, title.uppercased()] {
            let result = try RehearseBinary.run(["assess", Self.guide, reference, "--answer", "-", "--json", "--detector", "lexical"],
                                                input: Data("A small student learns from a big teacher's soft outputs.".utf8))
            #expect(result.status == 0, "\(reference): \(result.stderr)")
            let json = try RehearseBinary.json(result.stdout) as? [String: Any]
            #expect((json?["question"] as? [String: Any])?["id"] as? String == "on-device-ml/what-is-knowledge-distillation-and-when-would-you-use-it-to")
            #expect(json?["detector"] as? String == "lexical")
        }
    }

    @Test func badInputIsRefusedWithOneLineAndStatus2() throws {
        let missingGuide = try RehearseBinary.run(["assess", "no-such-guide", "x", "--answer", "-"], input: Data("text".utf8))
        #expect(missingGuide.status == 2)
        #expect(missingGuide.stderrLines == ["rehearse: no guide named \"no-such-guide\" (`rehearse banks` lists the guides it can find)"])
        let unknown = try assess(["how-do-penguins-fly"], answer: "text")
        #expect(unknown.status == 2)
        #expect(unknown.stderrLines.first?.hasPrefix("rehearse: no question \"how-do-penguins-fly\" in On-Device Machine Learning") == true)
        let ambiguous = try assess(["on-device-ml/what-is-the-difference"], answer: "text")
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderrLines.first?.contains("matches 2 questions: on-device-ml/what-is-the-difference-between-latency") == true)
        let empty = try assess(["a-camera-app"], answer: " \n\n ")
        #expect(empty.status == 2)
        #expect(empty.stderrLines.first?.hasSuffix("is empty: there is nothing to judge") == true)
        let noFile = try RehearseBinary.run(["assess", Self.guide, "a-camera-app", "--answer", "/no/such/file"])
        #expect(noFile.status == 2)
        #expect(noFile.stderrLines == ["rehearse: cannot read the answer file /no/such/file: no such file or directory"])
        let folder = try RehearseBinary.run(["assess", Self.guide, "a-camera-app", "--answer", "/tmp"])
        #expect(folder.status == 2 && folder.stderrLines == ["rehearse: cannot read the answer file /tmp: it is a folder"])
        // A pipe given by its path (as `<(...)` gives one) reads like a file.
        let pipe = try RehearseBinary.run(["assess", Self.guide, "a-camera-app", "--answer", "/dev/stdin", "--detector", "lexical"],
                                          input: Data("I would profile the camera pipeline on the phone first.".utf8))
        #expect(pipe.status == 0)
        // A device reads like an empty file.
        let device = try RehearseBinary.run(["assess", Self.guide, "a-camera-app", "--answer", "/dev/null"])
        #expect(device.status == 2 && device.stderrLines == ["rehearse: the answer in /dev/null is empty: there is nothing to judge"])
        let badDetector = try assess(["a-camera-app", "--detector", "magic"], answer: "text")
        #expect(badDetector.status == 2)
    }

    @Test func withoutTheModelAnswersAreReadByWordsAndItIsSaidOnce() throws {
        let folder = try TemporaryFolder()
        let environment = ["REHEARSE_MODEL": folder.path + "/nothing-here"]
        let fallback = try assess(["a-camera-app", "--json"], answer: Self.strong, environment: environment)
        #expect(fallback.status == 0)
        #expect(fallback.stderrLines.count == 1)
        #expect(fallback.stderrLines.first?.hasPrefix("rehearse: judging answers by their words only (REHEARSE_MODEL is ") == true)
        #expect((try RehearseBinary.json(fallback.stdout) as? [String: Any])?["detector"] as? String == "lexical")
        let required = try assess(["a-camera-app", "--detector", "embedding"], answer: Self.strong, environment: environment)
        #expect(required.status == 2)
        #expect(required.stderr.contains("--detector embedding needs the answer model"))
    }

    @Test func thePointVectorsKeptInTheCacheGiveTheSameJudgement() throws {
        let home = try TemporaryFolder()
        let folder = try TemporaryFolder()
        let file = try folder.write("answer.txt", Self.strong)
        let arguments = ["assess", Self.guide, "a-camera-app", "--answer", file, "--json"]
        let first = try RehearseBinary.run(arguments, home: home.path)
        let cached = try FileManager.default.contentsOfDirectory(atPath: home.path + "/data/cache/point-vectors")
        #expect(cached.count == 1)
        let second = try RehearseBinary.run(arguments, home: home.path)
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout)
        // A damaged cache is only a cache: it is read as empty and written again.
        try Data("RPV1 damaged".utf8).write(to: URL(fileURLWithPath: home.path + "/data/cache/point-vectors/" + cached[0]))
        let third = try RehearseBinary.run(arguments, home: home.path)
        #expect(third.status == 0 && third.stdout == first.stdout)
    }
}
