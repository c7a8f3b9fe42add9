import Foundation
import Testing

@Suite struct BanksCommandTests {
    private func banks(_ result: RehearseBinary.Result) throws -> [[String: Any]] {
        try #require(try RehearseBinary.json(result.stdout) as? [[String: Any]])
    }

    @Test func theShippedBanksAreFoundFromAnyFolder() throws {
        let result = try RehearseBinary.run(["banks", "--json"], in: "/")
        #expect(result.status == 0)
        let list = try banks(result)
        #expect(list.map { $0["name"] as? String } == ShippedBankTests.names)
        #expect(list.allSatisfy { $0["source"] as? String == "shipped" })
        #expect(list.allSatisfy { ($0["path"] as? String)?.hasSuffix(".md") == true && ($0["path"] as? String)?.hasPrefix("/") == true })
        #expect(list.allSatisfy { $0["errors"] as? Int == 0 && $0["warnings"] as? Int == 0 })
        let byKind = list.compactMap { $0["byKind"] as? [String: Int] }
        #expect(byKind.count == ShippedBankTests.names.count)
        for kinds in byKind {
            for kind in ["technical", "behavioral", "situational", "problem-solving"] {
                #expect((kinds[kind] ?? 0) > 0, "every guide has every kind")
            }
        }
        #expect(list.compactMap { $0["questions"] as? Int }.reduce(0, +) >= 300)
        #expect(list.allSatisfy { ($0["questions"] as? Int ?? 0) >= 40 })
    }

    @Test func userGuidesComeFirstAndHideShippedOnesOfTheSameName() throws {
        let folder = try TemporaryFolder()
        let own = try folder.write("mine/edge-ai-engineer.md", try String(contentsOfFile: RehearseBinary.fixture("standard"), encoding: .utf8))
        try folder.write("data/banks/robotics.md", try String(contentsOfFile: RehearseBinary.fixture("same-level"), encoding: .utf8))
        let result = try RehearseBinary.run(["banks", "--json"], environment: [
            "REHEARSE_BANKS": folder.path + "/mine", "REHEARSE_HOME": folder.path + "/data",
        ])
        let list = try banks(result)
        #expect(list.prefix(2).map { $0["name"] as? String } == ["edge-ai-engineer", "robotics"])
        #expect(list.prefix(2).map { $0["source"] as? String } == ["environment", "user"])
        #expect(list[0]["path"] as? String == own)
        let shipped = try #require(list.first { $0["source"] as? String == "shipped" && $0["name"] as? String == "edge-ai-engineer" })
        #expect(shipped["shadowed"] as? Bool == true)
        // By name, the user's guide is the one used.
        let inspect = try RehearseBinary.run(["inspect", "edge-ai-engineer"], environment: ["REHEARSE_BANKS": folder.path + "/mine"])
        #expect(inspect.stdoutLines.first == "Robotics Software Engineer Interview Prep")
        // --data-dir wins over REHEARSE_HOME.
        let dataDir = try banks(try RehearseBinary.run(["banks", "--json", "--data-dir", folder.path + "/data"]))
        #expect(dataDir.first?["name"] as? String == "robotics")
    }

    @Test func anInstalledPrefixFindsItsShareFolder() throws {
        let prefix = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: prefix.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: RehearseBinary.path, toPath: prefix.path + "/bin/rehearse")
        let standard = try String(contentsOfFile: RehearseBinary.fixture("standard"), encoding: .utf8)
        try prefix.write("share/rehearse/QuestionBanks/robotics.md", standard)
        let result = try RehearseBinary.run(["banks", "--json"], executable: prefix.path + "/bin/rehearse", in: "/")
        let list = try banks(result)
        #expect(list.map { $0["name"] as? String } == ["robotics"])
        #expect(list.first?["path"] as? String == prefix.path + "/share/rehearse/QuestionBanks/robotics.md")
    }

    @Test func theTextListingNamesEachGuide() throws {
        let result = try RehearseBinary.run(["banks"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("edge-ai-engineer  Edge AI Engineer Interview Guide"))
        #expect(result.stdout.contains("shipped · "))
    }
}

/// The shipped guides meet the bar the product promises its users.
@Suite struct ShippedBankTests {
    static let names = [
        "computer-vision-engineer", "data-engineer", "edge-ai-engineer", "embedded-software-engineer",
        "llm-applications-engineer", "machine-learning-engineer", "mlops-engineer", "site-reliability-engineer",
    ]

    /// Each question's Markdown, from its `####` heading to the next heading of a question or
    /// a category, by guide.
    static func questionBlocks(_ name: String) throws -> [String] {
        let text = try String(contentsOf: RehearseBinary.repositoryRoot.appendingPathComponent("QuestionBanks/\(name).md"), encoding: .utf8)
        var blocks: [String] = []
        var inFence = false
        var inQuestion = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, line.hasPrefix("#") {
                inQuestion = line.hasPrefix("#### ")
                if inQuestion { blocks.append("") }
            }
            if inQuestion { blocks[blocks.count - 1] += line + "\n" }
        }
        return blocks
    }

    @Test(arguments: names)
    func everyGuideHasTheLoopsShape(name: String) throws {
        let result = try RehearseBinary.run(["inspect", "--json", name])
        let guide = try #require(try RehearseBinary.json(result.stdout) as? [String: Any])
        let categories = try #require(guide["categories"] as? [[String: Any]])
        let titles = categories.flatMap { ($0["questions"] as? [[String: Any]]) ?? [] }.compactMap { $0["title"] as? String }
        #expect(titles.contains("Tell me about yourself."), "the loop's opening")
        #expect(titles.contains("What would you like to ask us?"), "the loop's close")
        #expect(titles.contains { $0.hasPrefix("System design:") }, "a system-design prompt")
        let behavioral = categories.filter { $0["kind"] as? String == "behavioral" }
            .flatMap { ($0["questions"] as? [[String: Any]]) ?? [] }
        #expect(behavioral.count >= 8)
        let blocks = try Self.questionBlocks(name)
        #expect(blocks.count == titles.count, "every question heading was read as a question")
        #expect(blocks.filter { $0.contains("```") }.count >= 3, "at least three questions with code")
        let competencies = blocks.compactMap { block -> String? in
            guard let range = block.range(of: "**Competency:** ") else { return nil }
            return String(block[range.upperBound...].prefix { $0 != "\n" }).lowercased()
        }
        #expect(competencies.count >= 8, "every behavioral question says which competency it probes")
        #expect(Set(competencies).count >= 7, "\(Set(competencies))")
    }

    @Test func lintIsCleanOnEveryShippedGuide() throws {
        let paths = Self.names.map { RehearseBinary.repositoryRoot.appendingPathComponent("QuestionBanks/\($0).md").path }
        let result = try RehearseBinary.run(["lint"] + paths)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
    }

    @Test(arguments: names)
    func everyQuestionHasTheCoreSections(name: String) throws {
        let result = try RehearseBinary.run(["inspect", "--json", name])
        let guide = try #require(try RehearseBinary.json(result.stdout) as? [String: Any])
        let categories = try #require(guide["categories"] as? [[String: Any]])
        #expect(Set(categories.compactMap { $0["kind"] as? String }).isSuperset(of: ["technical", "behavioral", "situational", "problem-solving"]))
        #expect((guide["briefing"] as? [Any])?.isEmpty == false)
        for question in categories.flatMap({ ($0["questions"] as? [[String: Any]]) ?? [] }) {
            let labels = ((question["sections"] as? [[String: Any]]) ?? []).compactMap { $0["label"] as? String }
            let title = question["title"] as? String ?? "?"
            #expect(labels.count >= 4, "\(title)")
            for required in ["Reasoning and Best Practices", "Pitfalls to Avoid", "Follow-up Points"] {
                #expect(labels.contains(required), "\(title) lacks \(required)")
            }
            #expect(((question["followUps"] as? [Any]) ?? []).count >= 2, "\(title)")
            #expect(((question["rubric"] as? [Any]) ?? []).count >= 3, "\(title)")
        }
    }
}

/// Naming guides the ways a new user does.
@Suite struct GuideNamingTests {
    @Test func aFolderNamedLikeABankDoesNotHideIt() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/mlops-engineer", withIntermediateDirectories: true)
        let result = try RehearseBinary.run(["inspect", "mlops-engineer"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stdoutLines.first == "MLOps Engineer Interview Guide")
    }

    @Test func aBankNameWithItsExtensionWorksFromAnyFolder() throws {
        let result = try RehearseBinary.run(["inspect", "edge-ai-engineer.md"], in: "/")
        #expect(result.status == 0)
        #expect(result.stdoutLines.first == "Edge AI Engineer Interview Guide")
        let missing = try RehearseBinary.run(["inspect", "nothing-here.md"], in: "/")
        #expect(missing.status == 2)
        #expect(missing.stderrLines == ["rehearse: nothing-here.md: no such file"])
    }

    @Test func lintNamesUnknownGuidesLikeInspectAndLeavesOutPositions() throws {
        let result = try RehearseBinary.run(["lint", "--json", "no-such-bank"])
        #expect(result.status == 2)
        #expect(result.stderrLines == ["rehearse: no guide named \"no-such-bank\" (`rehearse banks` lists the guides it can find)"])
        let list = try #require(try RehearseBinary.json(result.stdout) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list[0]["line"] == nil)
        #expect(list[0]["severity"] as? String == "error")
    }
}
