import Foundation
import Testing

@Suite struct LintCommandTests {
    @Test func aCleanGuidePrintsNothingAndExitsZero() throws {
        let result = try RehearseBinary.run(["lint", RehearseBinary.fixture("standard"), RehearseBinary.fixture("same-level")])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test func warningsAloneExitZero() throws {
        let result = try RehearseBinary.run(["lint", RehearseBinary.fixture("numbered-headings")])
        #expect(result.status == 0)
        #expect(result.stdoutLines == [
            "\(RehearseBinary.fixture("numbered-headings")):44:1: warning: question \"What is a closure?\" has no rubric points (add \"Reasoning and Best Practices\" or a \"Rubric\" list)",
        ])
    }

    @Test func detailsQuestionsUnderCategoryHeadingsAreClean() throws {
        let result = try RehearseBinary.run(["lint", RehearseBinary.fixture("details-sections")])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let outline = try RehearseBinary.run(["inspect", RehearseBinary.fixture("details-sections")])
        #expect(outline.stdoutLines.contains { $0.hasSuffix("· 3 questions in 2 categories") })
        #expect(outline.stdoutLines.contains("Behavioral Questions · behavioral · 1 question"))
    }

    @Test func aPromptListIsReadAndAStrayPromptIsWarnedAbout() throws {
        let path = RehearseBinary.fixture("prompt-lists")
        let result = try RehearseBinary.run(["lint", path])
        #expect(result.status == 0)
        #expect(result.stdoutLines == [
            "\(path):21:1: warning: \"Describe your latest project in two sentences before you go …\" looks like a question but is not read as one (see docs/guide-format.md for the layouts Rehearse reads)",
        ])
    }

    @Test func errorsPrintOneLineEachAndExitOne() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("bad.md", "---\nterm: [unclosed\n---\n\n### Technical Questions\n\n#### What is a semaphore?\n\n#### What is a mutex?\n\n- **Reasoning and Best Practices**:\n  - **Exclusion**: One holder.\n")
        let result = try RehearseBinary.run(["lint", path], in: folder.path)
        #expect(result.status == 1)
        let lines = result.stdoutLines
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.wholeMatch(of: /bad\.md:\d+:\d+: (error|warning): .+/) != nil })
        #expect(lines[0].hasPrefix("bad.md:3:1: error: front matter is not valid YAML") || lines[0].hasPrefix("bad.md:2:"))
        #expect(lines.contains("bad.md:7:1: error: question \"What is a semaphore?\" has no answer"))
        #expect(lines.contains("bad.md:9:1: warning: question \"What is a mutex?\" has no follow-up points"))
    }

    @Test func jsonListsEveryDiagnosticWithItsFile() throws {
        let result = try RehearseBinary.run(["lint", "--json", RehearseBinary.fixture("numbered-headings")])
        #expect(result.status == 0)
        let list = try #require(try RehearseBinary.json(result.stdout) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list[0]["file"] as? String == RehearseBinary.fixture("numbered-headings"))
        #expect(list[0]["line"] as? Int == 44)
        #expect(list[0]["column"] as? Int == 1)
        #expect(list[0]["severity"] as? String == "warning")
    }

    @Test func unreadableFilesExitTwoAfterLintingTheRest() throws {
        let result = try RehearseBinary.run(["lint", "/no/such/guide.md", RehearseBinary.fixture("numbered-headings")])
        #expect(result.status == 2)
        #expect(result.stderrLines == ["rehearse: /no/such/guide.md: no such file"])
        #expect(result.stdoutLines.count == 1)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try RehearseBinary.run(["lint"]).status == 2)
        #expect(try RehearseBinary.run(["inspect"]).status == 2)
        #expect(try RehearseBinary.run(["no-such-command"]).status == 2)
        #expect(try RehearseBinary.run(["banks", "--bogus"]).status == 2)
        let help = try RehearseBinary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("inspect"))
        #expect(help.stdout.contains("lint"))
        #expect(help.stdout.contains("banks"))
    }
}
