import Foundation
import Testing

/// Self-review in line mode: judged points offered once when nothing was ticked, pitfalls that
/// take their weight off, ratings for questions without a rubric, and a session score that
/// skipping cannot raise.
@Suite struct LineModeReviewTests {
    static let guide = RehearseBinary.repositoryRoot.appendingPathComponent("Tests/Fixtures/judging/on-device-ml.md").path
    static let camera = ["practice", "--plain", "--bank", guide, "--category", "problem-solving", "--think-time", "0",
                         "--no-follow-ups", "--questions", "1"]
    static let strong = "I would time every stage, capture, conversion, resizing, inference and drawing, against the 33 ms frame budget. "
        + "Inference must not run on the UI thread; a worker takes only the newest frame and drops stale ones."

    /// A seed whose one problem-solving question is the camera question.
    static func cameraSeed() throws -> String {
        for seed in 1...40 {
            let result = try RehearseBinary.run(camera + ["--seed", String(seed)])
            if result.stdout.contains("A camera app on a phone drops frames") { return String(seed) }
        }
        throw CocoaError(.featureUnsupported)
    }

    @Test func anEmptyReplyWithPointsDetectedAsksOnceAndYTicksThem() throws {
        let session = try InteractiveSession(Self.camera + ["--seed", try Self.cameraSeed()])
        session.waitFor("answer> ")
        session.send(Self.strong, ".")
        session.waitFor("[*] marks what your text seems to make (read for meaning)")
        session.waitFor("1. [*] Time every stage (x2)\n        \"I would time every stage")
        session.waitFor("rubric> ")
        session.send("")
        session.waitFor("Nothing ticked, yet your text seems to make ")
        session.waitFor("Type y to tick them, or an empty line to leave them unticked.\naccept> ")
        session.send("y")
        session.waitFor("Ticked: 1, 2")
        session.waitFor("Did the answer fall into any of these?")
        session.waitFor("pitfalls> ")
        session.send("")
        session.waitFor("No pitfall.")
        session.waitFor("  Missed: Watch the device (x2). Look at CPU, GPU and neural accelerator use")
        session.waitFor("Session score: ")
        #expect(session.finish() == 0)
        let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: session.home)
        let json = try #require(try RehearseBinary.json(export.stdout) as? [String: Any])
        let question = try #require((json["questions"] as? [[String: Any]])?.first)
        let points = try #require(question["rubric"] as? [[String: Any]])
        // What was judged at submission is what the export reads.
        let stage = try #require(points.first { $0["text"] as? String == "Time every stage" })
        #expect(stage["detected"] as? Bool == true && stage["ticked"] as? Bool == true)
        #expect((stage["evidence"] as? String)?.hasPrefix("I would time every stage") == true)
    }

    @Test func anEmptyReplyToTheQuestionLeavesThePointsUnticked() throws {
        let session = try InteractiveSession(Self.camera + ["--seed", try Self.cameraSeed()])
        session.waitFor("answer> ")
        session.send(Self.strong, ".")
        session.review(ticks: "", accept: "")
        session.waitFor("score 0 % · overtime 0:00")
        #expect(session.finish() == 0)
        #expect(session.transcript.contains("accept> \nNothing ticked."))
    }

    @Test func aConfirmedPitfallTakesItsWeightOff() throws {
        let session = try InteractiveSession(Self.camera + ["--seed", try Self.cameraSeed()])
        session.waitFor("answer> ")
        session.send("I would run the detector in the camera callback on the main thread and switch to a smaller model at once.", ".")
        session.review(ticks: "1 2 3", pitfalls: "2")
        session.waitFor("Fell into: 2.")
        // Three cover points (6 of 14) less a pitfall (2): 4 of 14.
        session.waitFor("score 29 % · overtime 0:00")
        session.waitFor("  Fell into: Blocking the UI thread (-2). Running inference on the main thread freezes the preview")
        #expect(session.finish() == 0)
    }

    @Test func oneQuestionFullyTickedAndOneSkippedIsNotFullMarks() throws {
        let session = try InteractiveSession(["practice", "--plain", "--bank", Self.guide, "--questions", "2", "--seed", "5",
                                              "--category", "technical", "--think-time", "0", "--no-follow-ups"])
        session.waitFor("answer> ")
        session.send("An answer.", ".")
        session.review(ticks: (1...20).map(String.init).joined(separator: " "))
        session.waitFor("score 100 % · overtime 0:00")
        session.waitFor("Question 2 of 2")
        session.waitFor("answer> ")
        session.send(":skip")
        session.waitFor("Skipped: this question counts 0 towards the session score.")
        session.waitFor("Session score: 50 % · answered 1 of 2 · 1 skipped")
        #expect(session.finish() == 0)
        let history = try RehearseBinary.run(["history", "--json"], home: session.home)
        let row = try #require((try RehearseBinary.json(history.stdout) as? [[String: Any]])?.first)
        #expect(row["answered"] as? Int == 1)
        #expect(row["score"] as? Double == 0.5)
    }

    @Test func aQuestionWithoutARubricIsRatedOneToFive() throws {
        let list = RehearseBinary.repositoryRoot.appendingPathComponent("Tests/Fixtures/judging/question-list.md").path
        let session = try InteractiveSession(["practice", "--plain", "--bank", list, "--questions", "2", "--seed", "1",
                                              "--think-time", "0", "--no-follow-ups"])
        session.waitFor("answer> ")
        session.send("Because the constraints make the engineering interesting.", ".")
        session.waitFor("This question has no rubric to tick: rate your answer from 1 (missed it) to 5 (as strong as the model answer).")
        session.waitFor("rating> ")
        session.send("7")
        session.waitFor("(A rating is a number from 1 to 5, or :skip.)")
        session.send("4")
        session.waitFor("rated 4 of 5 · score 75 % · overtime 0:00")
        session.waitFor("answer> ")
        session.send("Quantization.", ".")
        session.waitFor("rating> ")
        session.send("2")
        session.waitFor("Session score: 50 % · answered 2 of 2")
        #expect(session.finish() == 0)
    }

    /// Proves a question whose guide gives no model answer says so in one line, rather than a
    /// "Model answer:" heading with nothing under it, and has no "0 of 0" points detected.
    @Test func aQuestionWithNoModelAnswerSaysSoInsteadOfABareHeading() throws {
        let folder = try TemporaryFolder()
        let guide = try folder.write("bare.md", """
            # Bare Questions

            ## General Questions

            ### Why do you want this role?
            """)
        let session = try InteractiveSession(["practice", "--plain", "--bank", guide, "--questions", "1", "--seed", "1",
                                              "--think-time", "0", "--no-follow-ups"])
        session.waitFor("answer> ")
        session.send("Because the work is close to the hardware.", ".")
        session.waitFor("The guide gives no model answer for this question.\n"
            + "This question has no rubric to tick: rate your answer from 1 (missed it) to 5 (as strong as it could be).\nrating> ")
        session.send("4")
        session.waitFor("Session score: 75 % · answered 1 of 1")
        #expect(session.finish() == 0)
        #expect(!session.transcript.contains("Model answer:"))
        #expect(!session.transcript.contains("points detected 0 of 0"))

        let review = try RehearseBinary.run(["review", "latest", "--plain"], home: session.home)
        #expect(review.stdout.contains("The guide gives no model answer for this question."))
        #expect(!review.stdout.contains("Model answer:"))
    }
}
