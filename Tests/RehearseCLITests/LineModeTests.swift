import Foundation
import Testing

/// `rehearse practice` in line mode, driven through a pipe like a script or a screen reader.
@Suite struct LineModeTests {
    static let prompts = ["answer> ", "situation> ", "task> ", "action> ", "result> ", "lesson> ", "follow-up> ", "rubric> ",
                          "accept> ", "pitfalls> ", "Session score:"]

    @Test func aCompleteThreeQuestionSessionWithStarAndFollowUps() throws {
        let session = try InteractiveSession(["practice", "--questions", "3", "--seed", "11", "--think-time", "0",
                                              "--category", "technical", "--category", "behavioral", "--category", "situational"])
        var seen: [String] = []
        while let prompt = session.waitForAny(Self.prompts), prompt != "Session score:" {
            seen.append(prompt)
            switch prompt {
            case "answer> ": session.send("I would measure latency and power on the device itself.", ".")
            case "situation> ": session.send("At a robotics startup in 2023, our demo robot kept crashing during customer trials.", ".")
            case "task> ": session.send("I owned the perception stack and had one week to fix it.", ".")
            case "action> ": session.send("I reproduced the crash on the bench, I added logging to every stage, I found a leak in the camera driver and I fixed it with a pooled buffer.", ".")
            case "result> ": session.send("Crashes fell from five a day to zero and we passed the trial two days early.", ".")
            case "lesson> ": session.send("")
            case "follow-up> ": session.send("I would profile before changing anything.", ".")
            case "accept> ", "pitfalls> ": session.send("")
            default: session.send("1 2")
            }
        }
        #expect(session.finish() == 0)
        let transcript = session.transcript
        #expect(seen.filter { $0 == "rubric> " }.count == 3)
        #expect(seen.filter { $0 == "follow-up> " }.count == 3)
        #expect(seen.contains("situation> ") && seen.contains("lesson> "))
        for number in 1...3 { #expect(transcript.contains("Question \(number) of 3 · ")) }
        #expect(transcript.contains(" · Behavioral · 3:00\n"))
        #expect(transcript.contains(" · Technical · 4:00\n"))
        // Prompts stand on lines of their own.
        #expect(transcript.split(separator: "\n").contains("rubric> "))
        #expect(transcript.contains("STAR: situation "))
        #expect(transcript.contains("result quantified: yes"))
        #expect(transcript.contains("STAR: A well-told story") || transcript.contains("STAR: Action is "))
        #expect(seen.filter { $0 == "pitfalls> " }.count == 3)
        #expect(transcript.contains("  Missed: "))
        #expect(transcript.contains("Things to work on:\n  1. "))
        #expect(transcript.contains("Time used with follow-ups 0:0"))
        #expect(transcript.contains("points detected "))
        #expect(transcript.contains("Summary:\n  1. "))
        #expect(transcript.contains("Session score: "))
        // The guide's briefing comes first.
        #expect(transcript.contains("Briefing: Edge AI Engineer Interview Guide\n  An Edge AI Engineer"))
        #expect(transcript.contains("  Educational Background:\n    - "))
    }

    @Test func hardTimeSubmitsWhatWasWrittenAndMovesOnWithoutAFullStop() throws {
        let session = try InteractiveSession(["practice", "--questions", "1", "--seed", "3", "--category", "technical",
                                              "--think-time", "0", "--answer-time", "2", "--hard-time", "--no-follow-ups"])
        session.waitFor("answer> ")
        session.send("The edge model ran out of memory", "so I shrank it")
        session.waitFor("Time ran out: your answer (11 words) was submitted as it stood.", seconds: 6)
        session.review(ticks: "")
        session.waitFor("submitted when time ran out")
        #expect(session.finish() == 0)
    }

    @Test func endOfInputMidAnswerEndsCleanlyKeepingWhatWasWritten() throws {
        let session = try InteractiveSession(["practice", "--questions", "2", "--seed", "6", "--think-time", "0"])
        session.waitFor("answer> ")
        session.send("Half of an answer with no full stop")
        session.closeInput()
        #expect(session.finish() == 0)
        let transcript = session.transcript
        #expect(transcript.contains("Session ended early. Summary:"))
        #expect(transcript.contains("skipped (counts 0)"))
        #expect(transcript.contains("Session score: 0 % · answered 0 of 2 · 1 skipped · 1 not reached"))
        #expect(!transcript.contains("Question 2 of 2"))
        #expect(!transcript.contains("Half of an answer")) // line mode never echoes input
    }

    @Test func thinkTimeRunsOutIntoTheAnswerClock() throws {
        let session = try InteractiveSession(["practice", "--questions", "1", "--seed", "5", "--category", "technical", "--think-time", "1", "--no-follow-ups"])
        session.waitFor("answer> ")
        session.waitFor("(Think time is over: the answer clock is running", seconds: 4)
        session.closeInput()
        #expect(session.finish() == 0)
    }

    @Test func pausedTimeDoesNotCount() throws {
        let session = try InteractiveSession(["practice", "--questions", "1", "--seed", "6", "--think-time", "0", "--answer-time", "60"])
        session.waitFor("answer> ")
        session.send("first thoughts", ":pause")
        session.waitFor("Paused: the clock is stopped. Type :resume to go on.\nanswer> ")
        Thread.sleep(forTimeInterval: 2.2)
        session.send(":resume")
        // Two seconds paused, yet a full minute (rounded up) is left; the prompt asks again.
        session.waitFor("Resumed: 1:00 left.\nanswer> ")
        session.closeInput()
        #expect(session.finish() == 0)
    }

    @Test func skipMovesOnAndQuitEndsTheSession() throws {
        let session = try InteractiveSession(["practice", "--questions", "3", "--seed", "7", "--think-time", "0"])
        session.waitFor("Question 1 of 3")
        session.waitFor("answer> ")
        session.send("a start", ":skip")
        session.waitFor("Skipped: this question counts 0 towards the session score.")
        session.waitFor("Question 2 of 3")
        _ = session.waitForAny(["answer> ", "situation> "])
        session.send(":quit")
        session.waitFor("Session ended early. Summary:")
        #expect(session.finish() == 0)
        #expect(session.transcript.contains("skipped"))
    }

    @Test func tickingEveryPointScoresFullMarks() throws {
        let session = try InteractiveSession(["practice", "--questions", "1", "--seed", "8", "--category", "technical",
                                              "--think-time", "0", "--no-follow-ups"])
        session.waitFor("answer> ")
        session.send("An answer.", ".")
        session.review(ticks: (1...30).map(String.init).joined(separator: " "))
        session.waitFor("score 100 % · overtime 0:00")
        session.waitFor("Session score: 100 % · answered 1 of 1")
        #expect(session.finish() == 0)
    }

    @Test func situationalQuestionsCanSwitchToStar() throws {
        let session = try InteractiveSession(["practice", "--questions", "1", "--seed", "9", "--category", "situational",
                                              "--think-time", "0", "--no-follow-ups"])
        session.waitFor("Type :star to answer in STAR form instead.")
        session.waitFor("answer> ")
        session.send("First thoughts on the line.", ":star")
        session.waitFor("Written so far (type more lines, or \".\" to keep it as it is):\n  First thoughts on the line.")
        session.waitFor("situation> ")
        session.send("A factory line in winter.", ".")
        session.waitFor("task> ")
        session.closeInput()
        #expect(session.finish() == 0)
    }

    @Test func theSameSeedAsksTheSameQuestions() throws {
        func firstQuestions(seed: String) throws -> String {
            let result = try RehearseBinary.run(["practice", "--questions", "3", "--seed", seed])
            return result.stdoutLines.filter { $0.hasPrefix("Question ") }.joined(separator: "\n")
                + (result.stdoutLines.first { $0.hasPrefix("Rehearse · ") } ?? "")
        }
        #expect(try firstQuestions(seed: "21") == (try firstQuestions(seed: "21")))
        #expect(try firstQuestions(seed: "21").contains("seed 21"))
    }

    @Test(arguments: [
        (["practice", "--questions", "0"], "rehearse: --questions must be at least 1 (got 0) (see `rehearse practice --help`)"),
        (["practice", "--category", "coding"], "rehearse: unknown category \"coding\": use technical, behavioral, situational, problem-solving or general (see `rehearse practice --help`)"),
        (["practice", "--bank", "no-such-bank"], "rehearse: no guide named \"no-such-bank\" (`rehearse banks` lists the guides it can find)"),
        (["practice", "--answer-time", "0"], "rehearse: --answer-time must be at least 1 second (got 0) (see `rehearse practice --help`)"),
        (["practice", "--think-time", "-1"], "rehearse: --think-time must be at least 0 seconds (got -1) (see `rehearse practice --help`)"),
        (["practice", "--answer-time", "100000000000000000"], "rehearse: --answer-time must be at most 86400 seconds, one day (got 100000000000000000) (see `rehearse practice --help`)"),
        (["practice", "--follow-ups", "2", "--no-follow-ups"], "rehearse: --follow-ups and --no-follow-ups contradict each other: give one (see `rehearse practice --help`)"),
    ])
    func badOptionsAreRefusedWithOneLine(arguments: [String], message: String) throws {
        let result = try RehearseBinary.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderrLines == [message])
        #expect(result.stdout.isEmpty)
    }

    @Test func whilePausedNothingIsAddedOrSubmittedAndTheTextIsKept() throws {
        let session = try InteractiveSession(["practice", "--questions", "1", "--seed", "6", "--category", "technical",
                                              "--think-time", "0", "--no-follow-ups", "--answer-time", "120"])
        session.waitFor("answer> ")
        session.send("one two three four five", ":pause")
        session.waitFor("Paused: the clock is stopped.")
        session.send("typed while paused", ".", ":Bogus")
        session.waitFor("(Paused: that line was not added. Type :resume to go on.)\nanswer> ")
        session.waitFor("(Paused: type :resume first.)\nanswer> ")
        session.send(":RESUME", "six", ":foo", ".")
        session.waitFor("that line was not added.)\nanswer> ")
        session.waitFor("rubric> ")
        session.send(":pause")
        session.waitFor("(Self-review has no clock: nothing to pause.)")
        session.waitFor("rubric> ")
        session.send("2 1 99 x")
        session.waitFor("(Ignored, not point numbers: 99 x.)")
        session.waitFor("Ticked: 1, 2.")
        session.waitFor("pitfalls> ")
        session.send("")
        session.waitFor("Saved as session ")
        #expect(session.finish() == 0)
        let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: session.home)
        #expect(export.stdout.contains("\"answer\" : \"one two three four five\\nsix\""))
    }

    @Test func skipAtAFollowUpSkipsOnlyItAndSkipAtTheRubricScoresZero() throws {
        let session = try InteractiveSession(["practice", "--questions", "1", "--seed", "6", "--category", "technical", "--think-time", "0"])
        session.waitFor("answer> ")
        session.send("A full main answer.", ".")
        session.waitFor("follow-up> ")
        session.send(":skip")
        session.waitFor("rubric> ")
        session.send(":skip")
        session.waitFor("Not reviewed: this question counts 0 towards the session score.")
        session.waitFor("Session score: 0 % · answered 0 of 1 · 1 skipped")
        #expect(session.finish() == 0)
        #expect(!session.transcript.contains("Skipped:"))
    }

    @Test func ctrlCStopsTheSessionAndLeavesItResumable() throws {
        let session = try InteractiveSession(["practice", "--questions", "2", "--seed", "6", "--category", "technical",
                                              "--think-time", "0", "--no-follow-ups"])
        session.waitFor("answer> ")
        session.send("Half an answer")
        Thread.sleep(forTimeInterval: 0.3) // let the line be read, as a person presses Ctrl-C after Enter
        session.interrupt()
        session.waitFor("Interrupted: the session stops here, saved as it stands.")
        session.waitFor("is saved: go on with it with `rehearse practice --resume ")
        #expect(session.finish() == 130)
        let history = try RehearseBinary.run(["history", "--json"], home: session.home)
        #expect((try RehearseBinary.json(history.stdout) as? [[String: Any]])?.first?["state"] as? String == "interrupted")
        let resumed = try InteractiveSession(["practice", "--resume", "latest"], home: session.home)
        resumed.waitFor("Written so far (type more lines, or \".\" to keep it as it is):\n  Half an answer")
        resumed.closeInput()
        #expect(resumed.finish() == 0)
    }
}
