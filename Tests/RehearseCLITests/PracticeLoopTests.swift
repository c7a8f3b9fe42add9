import Foundation
import Testing

/// The practice loop through the built binary: questions chosen by id, attempts and their
/// schedules in `progress --json`, and a drill that asks the weakest question first.
@Suite struct PracticeLoopTests {
    /// What FSRS's reference implementation gives for one case of Tests/Fixtures/fsrs.
    struct Reference: Decodable {
        struct Case: Decodable {
            var name: String
            var reviews: [Review]
        }

        struct Review: Decodable {
            var stability: Double
            var difficulty: Double
            var intervalDays: Int
        }

        var cases: [Case]

        static func last(of name: String) throws -> Review {
            let file = RehearseBinary.repositoryRoot.appendingPathComponent("Tests/Fixtures/fsrs/fsrs-reference.json")
            let table = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: file))
            return try #require(table.cases.first { $0.name == name }?.reviews.last)
        }
    }

    /// The guide's questions: id, title and number of rubric points.
    static func questions(_ guide: String) throws -> [(id: String, title: String, points: Int, kind: String)] {
        let inspected = try RehearseBinary.run(["inspect", guide, "--json"])
        let document = try #require(try RehearseBinary.json(inspected.stdout) as? [String: Any])
        let categories = try #require(document["categories"] as? [[String: Any]])
        return categories.flatMap { category in
            ((category["questions"] as? [[String: Any]]) ?? []).map { ($0, category["kind"] as? String ?? "") }
        }.compactMap { question, kind in
            guard let id = question["id"] as? String, let title = question["title"] as? String,
                  let rubric = question["rubric"] as? [Any] else { return nil }
            return (id, title, rubric.count, kind)
        }
    }

    /// Proves `practice --question`, `drill --question` and `assess` take a question by the
    /// same names: the whole id, the part after the guide, a unique start of it, and the exact
    /// title. (`practice` refused the part after the guide.)
    @Test func everyCommandNamesAQuestionTheSameWay() throws {
        let fixture = RehearseBinary.fixture("standard")
        let question = try #require(try Self.questions(fixture).first)
        let bare = String(question.id.split(separator: "/", maxSplits: 1)[1])
        let folder = try TemporaryFolder()
        let answer = try folder.write("answer.txt", "An answer, from memory.")
        for reference in [question.id, bare, String(bare.prefix(bare.count - 2)), question.title] {
            for command in [["practice"], ["drill"]] {
                let asked = try RehearseBinary.run(command + ["--plain", "--bank", fixture, "--question", reference])
                #expect(asked.status == 0, "\(command) --question \(reference): \(asked.stderr)")
                #expect(asked.stdout.contains("Question 1 of 1 · ") && asked.stdout.contains(question.title))
            }
            let assessed = try RehearseBinary.run(["assess", fixture, reference, "--answer", answer, "--detector", "lexical"])
            #expect(assessed.status == 0, "assess \(reference): \(assessed.stderr)")
        }
    }

    /// One line-mode session of `ids`, each answered, with the rubric answered by `ticks`.
    static func practise(_ ids: [String], ticks: [String], extra: [String] = [], home: String) throws -> String {
        let session = try InteractiveSession(["practice", "--plain", "--think-time", "0", "--no-follow-ups"]
            + ids.flatMap { ["--question", $0] } + extra, home: home)
        for line in ticks {
            session.waitFor("answer> ")
            session.send("An answer, from memory.", ".")
            session.waitFor("rubric> ")
            session.send(line)
            // Nothing ticked where the text seems to make a point: leave it unticked. Then no
            // pitfall confirmed.
            var reply = session.waitForAny(["accept> ", "pitfalls> ", "Time used"])
            if reply == "accept> " {
                session.send("")
                reply = session.waitForAny(["pitfalls> ", "Time used"])
            }
            if reply == "pitfalls> " { session.send("") }
        }
        session.waitFor("Session score:")
        #expect(session.finish() == 0)
        return session.transcript
    }

    static func progress(home: String) throws -> [String: [String: Any]] {
        let result = try RehearseBinary.run(["progress", "--json"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try RehearseBinary.json(result.stdout) as? [String: Any])
        #expect(document["format"] as? String == "rehearse-progress")
        let questions = try #require(document["questions"] as? [[String: Any]])
        return Dictionary(questions.compactMap { entry in (entry["id"] as? String).map { ($0, entry) } }) { first, _ in first }
    }

    static func date(_ value: Any?) throws -> Date {
        try #require((value as? String).flatMap { ISO8601DateFormatter().date(from: $0) })
    }

    @Test func aFailedQuestionComesBackBeforeAnAcedOneAndTheDrillAsksItFirst() throws {
        let home = try TemporaryFolder()
        // Two technical questions (the guide opens with its general opening and closing ones).
        let all = try Self.questions("edge-ai-engineer")
        let guide = all.filter { $0.kind == "technical" }
        let aced = guide[0]
        let failed = guide[1]
        let everyPoint = (1...aced.points).map(String.init).joined(separator: " ")
        for round in 0..<2 {
            let transcript = try Self.practise([aced.id, failed.id], ticks: [everyPoint, ""], home: home.path)
            #expect(transcript.contains("score 100 % · overtime 0:00 · graded easy"))
            #expect(transcript.contains("score 0 % · overtime 0:00 · graded again"))
            #expect(transcript.contains("Previous attempt, ") == (round == 1))
        }
        let dataFiles = try StoreFiles(home.path + "/data")
        let progress = try Self.progress(home: home.path)
        #expect(try StoreFiles(home.path + "/data") == dataFiles, "progress changes nothing in the data folder")

        let acedEntry = try #require(progress[aced.id])
        let failedEntry = try #require(progress[failed.id])
        #expect(acedEntry["attempts"] as? Int == 2 && failedEntry["attempts"] as? Int == 2)
        #expect(acedEntry["lastScore"] as? Double == 1 && failedEntry["lastScore"] as? Double == 0)
        #expect(acedEntry["guide"] as? String == "edge-ai-engineer" && acedEntry["kind"] as? String == "technical")
        let acedDue = try Self.date(acedEntry["due"])
        let failedDue = try Self.date(failedEntry["due"])
        #expect(failedDue < acedDue)
        // Two reviews the same day: the reference's own numbers for Easy, Easy and Again, Again.
        for (entry, name) in [(acedEntry, "aced twice the same day"), (failedEntry, "failed twice the same day")] {
            let expected = try Reference.last(of: name)
            let stability = try #require(entry["stability"] as? Double)
            let difficulty = try #require(entry["difficulty"] as? Double)
            #expect(abs(stability - expected.stability) < 1e-9 && abs(difficulty - expected.difficulty) < 1e-9, "\(name)")
            let interval = try Self.date(entry["due"]).timeIntervalSince(try Self.date(entry["lastPracticed"])) / 86_400
            #expect(abs(interval - Double(expected.intervalDays)) < 0.01, "\(name): \(interval) days")
        }
        let unseen = try #require(progress[guide[2].id])
        #expect(unseen["attempts"] as? Int == 0 && unseen["due"] == nil)

        let drill = try RehearseBinary.run(["drill", "--plain", "--think-time", "0", "--no-follow-ups"], home: home.path)
        #expect(drill.status == 0, "\(drill.stderr)")
        let lines = drill.stdoutLines
        let first = try #require(lines.firstIndex { $0.hasPrefix("Question 1 of 5 · ") })
        #expect(lines[first + 1] == failed.title)
        #expect(drill.stdout.contains("Nothing is due today; the next question falls due tomorrow"))

        let table = try RehearseBinary.run(["progress"], home: home.path)
        #expect(table.stdout.contains("2/\(all.count)     4 "))
        #expect(table.stdoutLines.contains { $0.contains(failed.id) && $0.contains(" 0 % ") })
    }

    @Test func questionsAreChosenByIdPrefixTopicNewAndWeak() throws {
        let home = try TemporaryFolder()
        let fixture = RehearseBinary.fixture("standard")
        let guide = try Self.questions(fixture)
        func firstTitle(_ arguments: [String]) throws -> String? {
            let result = try RehearseBinary.run(["practice", "--plain", "--bank", fixture] + arguments, home: home.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdoutLines.firstIndex { $0.hasPrefix("Question 1 of ") }.map { result.stdoutLines[$0 + 1] }
        }
        #expect(try firstTitle(["--question", String(guide[1].id.prefix(20))]) == guide[1].title)
        #expect(try firstTitle(["--topic", "windup"]) == guide[0].title)
        let weak = try RehearseBinary.run(["practice", "--plain", "--bank", fixture, "--weak"], home: home.path)
        #expect(weak.status == 2)
        #expect(weak.stderrLines == ["rehearse: no question of these guides has been attempted yet; try --new"])
        _ = try Self.practise([guide[0].id], ticks: ["1"], extra: ["--bank", fixture], home: home.path)
        #expect(try firstTitle(["--weak"]) == guide[0].title)
        // Every question but the one attempted, and never that one first.
        let new = try RehearseBinary.run(["practice", "--plain", "--bank", fixture, "--new", "--questions", "20"], home: home.path)
        #expect(new.stdout.contains(" · \(guide.count - 1) questions · seed "))
        #expect(try firstTitle(["--new", "--seed", "3"]) != guide[0].title)
    }

    /// Proves `progress --bank` keeps the totals' and the kinds' trends to that guide's
    /// sessions, as it keeps its counts (they had shown every guide's sessions).
    @Test func progressLimitedToAGuideDrawsOnlyItsTrends() throws {
        let home = try TemporaryFolder()
        let standard = RehearseBinary.fixture("standard")
        let other = RehearseBinary.fixture("explicit-rubric")
        _ = try Self.practise([try #require(try Self.questions(standard).first).id], ticks: ["1"], extra: ["--bank", standard], home: home.path)
        _ = try Self.practise([try #require(try Self.questions(other).first).id], ticks: ["1"], extra: ["--bank", other], home: home.path)
        let result = try RehearseBinary.run(["progress", "--json", "--bank", other], home: home.path)
        let document = try #require(try RehearseBinary.json(result.stdout) as? [String: Any])
        let totals = try #require(document["totals"] as? [String: Any])
        #expect((totals["trend"] as? [Any])?.count == 1)
        for kind in try #require(document["kinds"] as? [[String: Any]]) {
            #expect(((kind["trend"] as? [Any])?.count ?? 0) <= 1, "\(kind["name"] ?? "")")
        }
    }

    /// Proves drill takes the options its help lists (it refused all four): --weak drills
    /// what was last graded Again or Hard, --new what was never attempted, --topic only
    /// questions on the topic, --question the questions named.
    @Test func drillTakesNewWeakTopicAndQuestion() throws {
        let home = try TemporaryFolder()
        let fixture = RehearseBinary.fixture("standard")
        let guide = try Self.questions(fixture)
        _ = try Self.practise([guide[0].id], ticks: [""], extra: ["--bank", fixture], home: home.path)
        /// How many questions the drill planned, and the first one's title (input ends there).
        func drill(_ arguments: [String]) throws -> (count: String, first: String?) {
            let result = try RehearseBinary.run(["drill", "--plain", "--bank", fixture, "--questions", "20", "--seed", "3"] + arguments,
                                                home: home.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let count = result.stdoutLines.first { $0.hasPrefix("Rehearse · ") }?.firstMatch(of: #/· (\d+) questions? ·/#).map { String($0.1) }
            let first = result.stdoutLines.firstIndex { $0.hasPrefix("Question 1 of ") }.map { result.stdoutLines[$0 + 1] }
            return (count ?? "", first)
        }
        #expect(try drill(["--weak"]) == ("1", guide[0].title))
        let new = try drill(["--new"])
        #expect(new.count == String(guide.count - 1) && new.first != guide[0].title)
        #expect(try drill(["--topic", "windup"]).first == guide[0].title)
        #expect(try drill(["--question", guide[2].id]) == ("1", guide[2].title))
    }

    @Test(arguments: [
        (["practice", "--question", "standard/"], "rehearse: \"standard/\" starts several question ids ("),
        (["practice", "--question", "standard/no-such-question"], "rehearse: no question \"standard/no-such-question\" in these guides"),
        (["practice", "--topic", "blockchain"], "rehearse: no question or model answer mentions \"blockchain\""),
        (["practice", "--new", "--weak"], "rehearse: --new and --weak contradict each other: give one"),
        (["practice", "--question", "standard/why", "--weak"], "rehearse: --question names the questions itself"),
        (["drill", "--new", "--weak"], "rehearse: --new and --weak contradict each other: give one"),
        (["drill", "--question", "standard/why", "--topic", "windup"], "rehearse: --question names the questions itself"),
        (["practice", "--retention", "0.5"], "rehearse: --retention must be from 0.7 to 0.99 (got 0.5)"),
    ])
    func badChoicesAreRefusedWithOneLine(arguments: [String], message: String) throws {
        let result = try RehearseBinary.run(arguments + ["--plain", "--bank", RehearseBinary.fixture("standard")])
        #expect(result.status == 2)
        #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix(message), "\(result.stderr)")
    }

    @Test func aDrillWithNothingLeftSaysWhenTheNextQuestionIsDue() throws {
        let home = try TemporaryFolder()
        let fixture = RehearseBinary.fixture("explicit-rubric")
        let question = try #require(try Self.questions(fixture).first)
        _ = try Self.practise([question.id], ticks: ["1 2 3"], extra: ["--bank", fixture], home: home.path)
        let drill = try RehearseBinary.run(["drill", "--plain", "--bank", fixture], home: home.path)
        #expect(drill.status == 2)
        #expect(drill.stderrLines.count == 1)
        #expect(drill.stderr.hasPrefix("rehearse: nothing to drill: no question is due, weak or new; the next falls due on "))
        #expect(drill.stderr.contains("(in 8 days)"))
    }

    @Test func aGradeChosenInSelfReviewIsTheOneScheduled() throws {
        let home = try TemporaryFolder()
        let fixture = RehearseBinary.fixture("explicit-rubric")
        let question = try #require(try Self.questions(fixture).first)
        let session = try InteractiveSession(["practice", "--plain", "--bank", fixture, "--question", question.id,
                                              "--think-time", "0", "--no-follow-ups"], home: home.path)
        session.waitFor("answer> ")
        session.send("Budget the latency per stage.", ".")
        session.waitFor("rubric> ")
        session.send(":grade sometimes")
        session.waitFor("(Grades are again, hard, good and easy")
        session.send(":grade hard")
        session.waitFor("Grade: hard, whatever the score.")
        session.send("1 2 3")
        session.waitFor("score 100 % · overtime 0:00 · graded hard (chosen)")
        session.waitFor("Session score:")
        #expect(session.finish() == 0)
        let entry = try #require(try Self.progress(home: home.path)[question.id])
        #expect(entry["lastGrade"] as? String == "hard")
        let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: home.path)
        #expect(export.stdout.contains("\"gradeChosen\" : true"))
    }
}

/// Every file of a folder and its bytes, to show that a command changed nothing.
struct StoreFiles: Equatable {
    let contents: [String: Data]

    init(_ folder: String) throws {
        var contents: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            contents[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        self.contents = contents
    }
}
