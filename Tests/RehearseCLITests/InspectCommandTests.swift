import Foundation
import Testing

@Suite struct InspectCommandTests {
    @Test func competenciesAreInTheJSONAndTheOutline() throws {
        let json = try RehearseBinary.run(["inspect", "--json", RehearseBinary.fixture("competencies")])
        let guide = try #require(try RehearseBinary.json(json.stdout) as? [String: Any])
        let questions = try #require((guide["categories"] as? [[String: Any]])?.first?["questions"] as? [[String: Any]])
        #expect(questions.map { $0["competencies"] as? [String] } == [["ownership"], ["conflict", "communication"], ["learning", "adaptability"]])
        let outline = try RehearseBinary.run(["inspect", RehearseBinary.fixture("competencies")])
        #expect(outline.stdoutLines.filter { $0.contains("competencies:") }.map { $0.trimmingCharacters(in: .whitespaces) }
            == ["competencies: ownership", "competencies: conflict, communication", "competencies: learning, adaptability"])
    }

    @Test func theJSONFollowsTheDocumentedContract() throws {
        let result = try RehearseBinary.run(["inspect", "--json", RehearseBinary.fixture("standard")])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let guide = try #require(try RehearseBinary.json(result.stdout) as? [String: Any])
        #expect(Set(guide.keys) == ["title", "description", "metadata", "introduction", "briefing", "categories", "diagnostics", "shapes"])
        #expect(guide["shapes"] as? [String] == ["question headings"])
        #expect(guide["introduction"] as? [String] == ["Robotics teams hire for a blend of software craft and physical intuition."])
        #expect(guide["title"] as? String == "Robotics Software Engineer Interview Prep")
        let metadata = try #require(guide["metadata"] as? [String: Any])
        #expect(metadata["vertical"] as? String == "Robotics")
        let briefing = try #require(guide["briefing"] as? [[String: Any]])
        #expect(briefing.map { $0["heading"] as? String } == ["Educational Background", "Recommended Certifications", "Industry Qualifications"])
        let categories = try #require(guide["categories"] as? [[String: Any]])
        #expect(categories.map { $0["kind"] as? String } == ["technical", "behavioral", "situational", "problem-solving"])
        #expect(categories.map { ($0["questions"] as? [Any])?.count } == [2, 1, 1, 1])
        let question = try #require((categories[0]["questions"] as? [[String: Any]])?.first)
        #expect(Set(question.keys) == ["id", "title", "line", "hash", "scaffold", "sections", "followUps", "rubric", "competencies"])
        #expect(question["competencies"] as? [String] == [])
        #expect(question["id"] as? String == "standard/why-does-a-pid-controller-need-anti-windup")
        #expect(question["line"] as? Int == 37)
        #expect(question["scaffold"] as? String == "free")
        let section = try #require((question["sections"] as? [[String: Any]])?.first)
        #expect(section["label"] as? String == "Definition and Context")
        let item = try #require((section["items"] as? [[String: Any]])?.first)
        #expect(item["text"] as? String == "Integral windup: The integral term keeps growing while the actuator is saturated.")
        #expect((item["children"] as? [Any])?.isEmpty == true)
        let point = try #require((question["rubric"] as? [[String: Any]])?.first)
        #expect(point["kind"] as? String == "define")
        #expect(point["weight"] as? Int == 2)
        #expect(point["section"] as? String == "Definition and Context")
        #expect(point["lead"] as? String == "Integral windup")
        #expect(point["detail"] as? String == "The integral term keeps growing while the actuator is saturated.")
        #expect((guide["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func aBankIsFoundByNameFromAnyFolder() throws {
        let result = try RehearseBinary.run(["inspect", "edge-ai-engineer"])
        #expect(result.status == 0)
        #expect(result.stdoutLines.first == "Edge AI Engineer Interview Guide")
        #expect(result.stdout.contains("Technical Questions · technical"))
        #expect(result.stdout.contains("edge-ai-engineer/"))
    }

    @Test func diagnosticsInTheOutlineAndErrorsOnStandardError() throws {
        let folder = try TemporaryFolder()
        // A question heading without an answer, in a guide whose other question has one.
        let path = try folder.write("broken.md", "---\nterm: \"Broken\"\n---\n\n### Technical Questions\n\n#### What is a semaphore?\n\n"
            + "#### What is a mutex?\n\n**Answer:**\n- **Reasoning and Best Practices**:\n  - **Exclusion**: One holder.\n- **Follow-up Points**:\n  - Why?\n")
        let result = try RehearseBinary.run(["inspect", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("What is a semaphore?"))
        #expect(!result.stdout.contains("has no answer")) // errors go to standard error only
        #expect(result.stderrLines == ["rehearse: \(path):7:1: error: question \"What is a semaphore?\" has no answer"])
    }

    @Test func controlCharactersInAGuideNeverReachTheTerminal() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("escape.md", "---\nterm: \"Title \\e]0;pwned\\a \\e[2J\"\n---\n\n### Technical Questions\n\n#### What is \u{1B}[31mred\u{1B}[0m?\n\n**Answer:**\n- **Reasoning and Best Practices**:\n  - **Point**: Text.\n- **Follow-up Points**:\n  - Why?\n")
        let result = try RehearseBinary.run(["inspect", path])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stdout.contains("\u{07}"))
        #expect(result.stdout.contains("Title ^[]0;pwned^G ^[[2J"))
        let json = try RehearseBinary.run(["inspect", "--json", path])
        #expect(!json.stdout.contains("\u{1B}"))
        #expect(json.stdout.contains("\\u001b"))
    }
}
