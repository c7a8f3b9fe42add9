import Foundation
import Testing

/// Sessions saved as they happen, and read back with history, review and export.
@Suite struct TranscriptTests {
    @Test func aSessionKilledMidAnswerIsInterruptedKeepsItsTextAndResumes() throws {
        let home = try TemporaryFolder()
        let first = try InteractiveSession(["practice", "--questions", "2", "--seed", "12", "--category", "technical",
                                            "--think-time", "0", "--no-follow-ups"], home: home.path)
        first.waitFor("answer> ")
        first.send("Written before the kill: quantize, then measure on the device.")
        Thread.sleep(forTimeInterval: 1.5) // typing is written at most a second after it arrives
        first.kill9()

        let history = try RehearseBinary.run(["history", "--json"], home: home.path)
        #expect(history.status == 0)
        let sessions = try #require(try RehearseBinary.json(history.stdout) as? [[String: Any]])
        #expect(sessions.count == 1)
        #expect(sessions.first?["state"] as? String == "interrupted")
        let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: home.path)
        #expect(export.stdout.contains("Written before the kill: quantize, then measure on the device."))

        let next = try InteractiveSession(["practice", "--seed", "99"], home: home.path)
        next.waitFor("was interrupted after 0 of 2 questions: go on with it with `rehearse practice --resume ")
        next.closeInput()
        _ = next.finish()

        let resumed = try InteractiveSession(["practice", "--resume", "latest"], home: home.path)
        resumed.waitFor("Resuming at question 1 of 2; the clock goes on from where it stopped: ")
        resumed.waitFor("Written so far (type more lines, or \".\" to keep it as it is):\n  Written before the kill")
        resumed.waitFor("answer> ")
        resumed.send("And a second line after the restart.", ".")
        resumed.review(ticks: "1")
        resumed.waitFor("Question 2 of 2")
        resumed.waitFor("answer> ")
        resumed.send("Second answer.", ".")
        resumed.review(ticks: "")
        resumed.waitFor("Session score:")
        #expect(resumed.finish() == 0)

        let after = try RehearseBinary.run(["history", "--json"], home: home.path)
        let finished = try #require(try RehearseBinary.json(after.stdout) as? [[String: Any]])
        // The resumed session finished; the one started and closed at once, empty, was not kept.
        #expect(finished.compactMap { $0["state"] as? String } == ["finished"])
        let json = try RehearseBinary.run(["export", String((finished.first { $0["state"] as? String == "finished" }?["id"] as? String) ?? ""), "--format", "json"], home: home.path)
        let document = try #require(try RehearseBinary.json(json.stdout) as? [String: Any])
        let questions = try #require(document["questions"] as? [[String: Any]])
        #expect(questions.first?["answer"] as? String == "Written before the kill: quantize, then measure on the device.\nAnd a second line after the restart.")
        #expect(questions.count == 2)
    }

    @Test func timeSpentThinkingSurvivesAKill() throws {
        let home = try TemporaryFolder()
        let first = try InteractiveSession(["practice", "--questions", "1", "--seed", "12", "--category", "technical",
                                            "--think-time", "0", "--no-follow-ups", "--answer-time", "60"], home: home.path)
        first.waitFor("answer> ")
        Thread.sleep(forTimeInterval: 2.5) // thinking, typing nothing
        first.kill9()
        let resumed = try InteractiveSession(["practice", "--resume", "latest", "--seed", "5", "--hard-time"], home: home.path)
        resumed.waitFor("rehearse: note: a resumed session keeps its own plan and timing; ignoring --hard-time, --seed")
        resumed.waitFor("answer> ")
        // Something written, or the session would not be kept.
        resumed.send("A first thought.", ":quit")
        #expect(resumed.finish() == 0)
        let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: home.path)
        let document = try #require(try RehearseBinary.json(export.stdout) as? [String: Any])
        let used = try #require((document["questions"] as? [[String: Any]])?.first?["secondsUsed"] as? Double)
        #expect(used >= 1.5, "the seconds spent before the kill are kept (\(used))")
        let times = (document["timeline"] as? [[String: Any]] ?? []).compactMap { $0["atSeconds"] as? Double }
        #expect(times == times.sorted(), "the timeline never runs backwards")
    }

    @Test func aResumedStarAnswerGoesOnAtThePartInProgress() throws {
        let home = try TemporaryFolder()
        let first = try InteractiveSession(["practice", "--questions", "1", "--seed", "3", "--category", "behavioral",
                                            "--think-time", "0", "--no-follow-ups"], home: home.path)
        for (prompt, answer) in [("situation> ", "At a startup."), ("task> ", "I owned the fix.")] {
            first.waitFor(prompt)
            first.send(answer, ".")
        }
        first.waitFor("action> ")
        first.send("I profiled it first.")
        Thread.sleep(forTimeInterval: 1.5)
        first.kill9()
        let resumed = try InteractiveSession(["practice", "--resume", "latest"], home: home.path)
        resumed.waitFor("Written so far (type more lines, or \".\" to keep it as it is):\n  I profiled it first.\naction> ")
        #expect(!resumed.transcript.contains("situation> "))
        resumed.send("Then I fixed it.", ".")
        resumed.waitFor("result> ")
        resumed.closeInput()
        _ = resumed.finish()
        let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: home.path)
        #expect(export.stdout.contains("\"action\" : \"I profiled it first.\\nThen I fixed it.\""))
        #expect(export.stdout.contains("\"situation\" : \"At a startup.\""))
    }

    @Test func aRunningSessionCannotBeDeleted() throws {
        let home = try TemporaryFolder()
        let running = try InteractiveSession(["practice", "--questions", "1", "--think-time", "0"], home: home.path)
        running.waitFor("> ")
        let refused = try RehearseBinary.run(["delete", "latest", "--yes"], home: home.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is running in another Rehearse; end it there first"))
        running.closeInput()
        _ = running.finish()
    }

    @Test func historyReviewExportAndDeleteAfterAScriptedSession() throws {
        let home = try TemporaryFolder()
        let session = try InteractiveSession(["practice", "--questions", "1", "--seed", "3", "--category", "behavioral",
                                              "--think-time", "0", "--follow-ups", "1"], home: home.path)
        for (prompt, answer) in [("situation> ", "At a camera startup in 2024."), ("task> ", "I had to cut latency."),
                                 ("action> ", "I profiled the pipeline and I moved resizing to the GPU."),
                                 ("result> ", "Latency fell 35% <b>bold</b> # not a heading"), ("lesson> ", ""),
                                 ("follow-up> ", "I would measure p99 first.")] {
            session.waitFor(prompt)
            session.send(answer)
            if !answer.isEmpty { session.send(".") }
        }
        session.review(ticks: "1 2")
        session.waitFor("Saved as session ")
        #expect(session.finish() == 0)

        let history = try RehearseBinary.run(["history"], home: home.path)
        #expect(history.stdoutLines.first?.hasPrefix("ID        STARTED") == true)
        #expect(history.stdoutLines.count == 2)
        #expect(history.stdout.contains("1/1"))
        #expect(history.stdout.contains("finished"))
        let id = String(history.stdoutLines[1].prefix(8))

        let review = try RehearseBinary.run(["review", String(id.prefix(4))], home: home.path)
        #expect(review.status == 0)
        #expect(review.stdout.contains("  Action:\n    I profiled the pipeline and I moved resizing to the GPU."))
        #expect(review.stdout.contains("Follow-up: "))
        #expect(review.stdout.contains("  I would measure p99 first."))
        #expect(review.stdout.contains("[x]"))
        #expect(review.stdout.contains("Model answer:"))

        let markdown = try RehearseBinary.run(["export", id, "--format", "markdown"], home: home.path)
        #expect(markdown.stdout.hasPrefix("# Mock interview \(id)\n"))
        #expect(markdown.stdout.contains("> Latency fell 35% &lt;b&gt;bold&lt;/b&gt; \\# not a heading"))
        #expect(markdown.stdout.contains("**Follow-up:**"))
        #expect(markdown.stdout.contains("- [x] "))

        let file = home.path + "/out/session.json"
        try FileManager.default.createDirectory(atPath: home.path + "/out", withIntermediateDirectories: true)
        let written = try RehearseBinary.run(["export", "latest", "--format", "json", "--output", file], home: home.path)
        #expect(written.status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        #expect(document["format"] as? String == "rehearse-transcript")
        let question = try #require((document["questions"] as? [[String: Any]])?.first)
        #expect((question["starParts"] as? [String: String])?["action"] == "I profiled the pipeline and I moved resizing to the GPU.")
        #expect((question["followUps"] as? [[String: Any]])?.first?["answer"] as? String == "I would measure p99 first.")
        #expect((question["rubric"] as? [[String: Any]])?.prefix(2).allSatisfy { $0["ticked"] as? Bool == true } == true)
        let timeline = try #require(document["timeline"] as? [[String: Any]])
        #expect(timeline.first { $0["kind"] as? String == "review" }?["position"] as? Int == 1)
        #expect(timeline.allSatisfy { $0["position"] as? Int == 1 })

        // Answering no (or nothing) is a choice, not an error: the session stays, status 0.
        for reply in [nil, "n\n"] {
            let refused = try RehearseBinary.run(["delete", id], home: home.path, input: reply.map { Data($0.utf8) })
            #expect(refused.status == 0)
            #expect(refused.stdout.contains("Kept session \(id)."))
            #expect(try RehearseBinary.run(["history"], home: home.path).stdout.contains(id))
        }
        let deleted = try RehearseBinary.run(["delete", id, "--yes"], home: home.path)
        #expect(deleted.status == 0)
        #expect(try RehearseBinary.run(["history"], home: home.path).stdout.contains("No sessions yet"))
    }

    @Test func escapeSequencesInAnswersNeverReachTheTerminal() throws {
        let home = try TemporaryFolder()
        let session = try InteractiveSession(["practice", "--questions", "1", "--seed", "2", "--category", "technical",
                                              "--think-time", "0", "--no-follow-ups"], home: home.path)
        session.waitFor("answer> ")
        session.send("Red \u{1B}[31malert\u{1B}[0m and a bell \u{07}", ".")
        session.review(ticks: "")
        #expect(session.finish() == 0)
        let review = try RehearseBinary.run(["review", "latest"], home: home.path)
        #expect(review.stdout.contains("Red ^[[31malert^[[0m and a bell ^G"))
        #expect(!review.stdout.contains("\u{1B}") && !review.stdout.contains("\u{07}"))
        let markdown = try RehearseBinary.run(["export", "latest"], home: home.path)
        #expect(!markdown.stdout.contains("\u{1B}"))
        let json = try RehearseBinary.run(["export", "latest", "--format", "json"], home: home.path)
        #expect(json.stdout.contains("Red \\u001b[31malert"))
    }

    @Test func twoInterviewsAtOnceAreBothSaved() throws {
        let home = try TemporaryFolder()
        let arguments = ["practice", "--questions", "1", "--category", "technical", "--think-time", "0", "--no-follow-ups"]
        let sessions = try [InteractiveSession(arguments + ["--seed", "1"], home: home.path),
                            InteractiveSession(arguments + ["--seed", "2"], home: home.path)]
        for (number, session) in sessions.enumerated() {
            session.waitFor("answer> ")
            session.send("Answer from terminal \(number + 1).", ".")
        }
        for session in sessions {
            session.review(ticks: "1")
            #expect(session.finish() == 0)
        }
        let history = try RehearseBinary.run(["history", "--json"], home: home.path)
        let list = try #require(try RehearseBinary.json(history.stdout) as? [[String: Any]])
        #expect(list.count == 2)
        #expect(list.allSatisfy { $0["state"] as? String == "finished" })
        for id in list.compactMap({ $0["id"] as? String }) {
            let export = try RehearseBinary.run(["export", id, "--format", "json"], home: home.path)
            #expect(export.stdout.contains("Answer from terminal"))
        }
    }

    @Test func aCorruptDatabaseIsNamedAndLeftAlone() throws {
        let home = try TemporaryFolder()
        let junk = Data("not sqlite at all".utf8) + Data(repeating: 7, count: 4096)
        try FileManager.default.createDirectory(atPath: home.path + "/data", withIntermediateDirectories: true)
        let database = home.path + "/data/rehearse.sqlite"
        try junk.write(to: URL(fileURLWithPath: database))
        for arguments in [["history"], ["practice", "--questions", "1"]] {
            let result = try RehearseBinary.run(arguments, home: home.path)
            #expect(result.status == 3, "a store that cannot be used has an exit status of its own")
            #expect(result.stderrLines == ["rehearse: \(database) is not a Rehearse store (another program's file, or not a database); it was left untouched: move it aside, or use --data-dir"])
            #expect(!result.stdout.contains("Question 1"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == junk)
    }

    @Test func aDataFolderThatCannotBeWrittenStopsBeforeAnyQuestion() throws {
        let result = try RehearseBinary.run(["practice", "--data-dir", "/proc/rehearse-data"])
        #expect(result.status == 3)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("cannot write to the data folder /proc/rehearse-data"))
        #expect(!result.stdout.contains("Question"))
    }

    @Test func aReadOnlyDataFolderIsRefusedAndStaysReadOnly() throws {
        // Root writes anywhere; run as an ordinary user (nobody) when the suite runs as root.
        let runuser = "/usr/sbin/runuser"
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: runuser) else { return }
        let folder = try TemporaryFolder()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        let binary = folder.path + "/rehearse"
        try FileManager.default.copyItem(atPath: RehearseBinary.path, toPath: binary)
        let data = folder.path + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o500, .ownerAccountName: "nobody"], ofItemAtPath: data)
        let result = try RehearseBinary.run(["-u", "nobody", "--", binary, "practice", "--data-dir", data], executable: runuser, in: "/")
        #expect(result.status == 3)
        #expect(result.stderrLines == ["rehearse: cannot write to the data folder \(data) (permission denied); choose another with --data-dir"])
        #expect(!result.stdout.contains("Question"))
        #expect(try FileManager.default.attributesOfItem(atPath: data)[.posixPermissions] as? Int == 0o500)
    }

    @Test func aReadOnlyDataFolderCanStillBeListedReviewedAndExported() throws {
        // Root reads and writes anywhere; read as an ordinary user (nobody) when the suite runs as root.
        let runuser = "/usr/sbin/runuser"
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: runuser) else { return }
        let folder = try TemporaryFolder()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        let binary = folder.path + "/rehearse"
        try FileManager.default.copyItem(atPath: RehearseBinary.path, toPath: binary)
        let data = folder.path + "/data"
        let session = try InteractiveSession(["practice", "--questions", "1", "--seed", "6", "--category", "technical",
                                              "--think-time", "0", "--no-follow-ups", "--data-dir", data])
        session.waitFor("answer> ")
        session.send("Read back from a folder nobody may write.", ".")
        session.review(ticks: "1")
        #expect(session.finish() == 0)
        // The store belongs to nobody now, in a folder nobody may write to.
        for path in [data] + (try FileManager.default.contentsOfDirectory(atPath: data)).map({ data + "/" + $0 }) {
            try FileManager.default.setAttributes([.ownerAccountName: "nobody"], ofItemAtPath: path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: data)
        let before = try FileManager.default.contentsOfDirectory(atPath: data).sorted()
        for arguments in [["history"], ["history", "--json"], ["review", "latest", "--plain"], ["export", "latest"], ["export", "latest", "--format", "json"]] {
            let result = try RehearseBinary.run(["-u", "nobody", "--", binary] + arguments + ["--data-dir", data], executable: runuser, in: "/")
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(arguments[0] == "history" || result.stdout.contains("Read back from a folder nobody may write."), "\(arguments)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: data).sorted() == before)
    }

    @Test func aDamagedStoreStopsReadingCommandsWithTheirOwnStatus() throws {
        let home = try TemporaryFolder()
        let session = try InteractiveSession(["practice", "--questions", "1", "--seed", "6", "--category", "technical",
                                              "--think-time", "0", "--no-follow-ups"], home: home.path)
        session.waitFor("answer> ")
        session.send("An answer.", ".")
        session.review(ticks: "1")
        #expect(session.finish() == 0)
        let database = home.path + "/data/rehearse.sqlite"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: database))
        // Every page after the first two: the session table and everything after it.
        for offset in stride(from: 2048, to: bytes.count, by: 5) { bytes[offset] ^= 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: database))
        for arguments in [["history"], ["export", "latest"]] {
            let result = try RehearseBinary.run(arguments, home: home.path)
            #expect(result.status == 3, "\(arguments)")
            #expect(result.stderrLines.count == 1)
            #expect(result.stderr.contains(database), "the message names the file")
            #expect(!result.stderr.contains("SQLite error"), "\(result.stderr)")
        }
        let practice = try RehearseBinary.run(["practice", "--questions", "1"], home: home.path)
        #expect(practice.status == 3)
        #expect(practice.stderrLines == ["rehearse: \(database) is damaged (" + (practice.stderrLines.first?.components(separatedBy: "is damaged (").last ?? "")])
        #expect(practice.stderr.contains("it was left untouched: move it aside (mv \(database) \(database).damaged)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == bytes)
    }

    @Test func unknownSessionsAreOneLine() throws {
        let home = try TemporaryFolder()
        let empty = try RehearseBinary.run(["review", "latest"], home: home.path)
        #expect(empty.status == 2)
        #expect(empty.stderrLines == ["rehearse: no sessions yet: `rehearse practice` starts one"])
        let missing = try RehearseBinary.run(["export", "abcdef12"], home: home.path)
        #expect(missing.stderrLines == ["rehearse: no session \"abcdef12\" (`rehearse history` lists them)"])
    }
}
