import InterviewCore
import Testing
@testable import GuideParser

/// Every problem `rehearse lint` reports, each with its line and column.
@Suite struct DiagnosticsTests {
    private func diagnostics(_ text: String) -> [Diagnostic] {
        GuideLoader.parse(text, bank: "lint").diagnostics
    }

    private let oneGoodQuestion = """
        ### Technical Questions

        #### What is a mutex?

        **Answer:**
        - **Reasoning and Best Practices**:
          - **Mutual exclusion**: One holder at a time.
        - **Follow-up Points**:
          - How does it differ from a semaphore?

        """

    @Test func aCleanGuideHasNoDiagnostics() {
        #expect(diagnostics("---\nterm: \"Clean\"\n---\n\n" + oneGoodQuestion).isEmpty)
    }

    @Test func noFrontMatterIsAWarning() {
        #expect(diagnostics(oneGoodQuestion) == [
            Diagnostic(line: 1, column: 1, severity: .warning,
                       message: "no front matter: start the guide with a '---' line, `term: \"Title\"`, and another '---' line"),
        ])
    }

    @Test func brokenYamlIsAnErrorAtTheYamlLine() throws {
        let found = diagnostics("---\nterm: \"Broken\"\ntags: [a, b\nauthor: x\n---\n\n" + oneGoodQuestion)
        #expect(found.count == 1)
        let error = try #require(found.first)
        #expect(error.severity == .error)
        #expect(error.message.hasPrefix("front matter is not valid YAML"))
        #expect((3...5).contains(error.line))
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() throws {
        let found = diagnostics("---\nterm: \"Broken\ndescription: fine\nauthor: x\n---\n\n" + oneGoodQuestion)
        let error = try #require(found.first { $0.severity == .error })
        #expect(error.message.hasPrefix("front matter is not valid YAML"))
        #expect(error.line == 2)
        #expect(error.column == 7)
    }

    @Test func unclosedFrontMatterIsAnError() {
        let found = diagnostics("---\nterm: \"Open\"\n\n" + oneGoodQuestion)
        #expect(found.contains { $0.severity == .error && $0.message.contains("never closed") && $0.line == 1 })
    }

    @Test func frontMatterThatIsNotAMappingIsAnError() {
        let found = diagnostics("---\n- just\n- a list\n---\n\n" + oneGoodQuestion)
        #expect(found.map(\.severity) == [.error])
        #expect(found.first?.message.contains("key: value") == true)
    }

    @Test func frontMatterWithoutTermIsAWarning() {
        #expect(diagnostics("---\nauthor: someone\n---\n\n" + oneGoodQuestion).map(\.message) == ["front matter has no `term` (or `title`): the guide's title"])
    }

    @Test func badTimingValuesAreWarningsAtTheirKey() {
        let found = diagnostics("---\nterm: \"T\"\ntiming:\n  technical: \"abc\"\n  coding: 90\n  think: 0\n  behavioral: \"2:30\"\n---\n\n" + oneGoodQuestion)
        #expect(found == [
            Diagnostic(line: 4, column: 3, severity: .warning, message: "`timing.technical` must be seconds or m:ss, from 1 second to under a day"),
            Diagnostic(line: 5, column: 3, severity: .warning, message: "`timing` has an unknown key \"coding\": use technical, behavioral, situational, problem-solving, general, follow-up or think"),
        ])
        // A `timing` that is not a mapping is reported at `timing:` itself.
        #expect(diagnostics("---\nterm: \"T\"\ntiming: fast\n---\n\n" + oneGoodQuestion).map(\.line) == [3])
    }

    @Test func frontMatterWithNoBodyIsOneError() {
        #expect(diagnostics("---\nterm: \"Only metadata\"\n---\n") == [
            Diagnostic(line: 4, column: 1, severity: .error,
                       message: "the guide has no body after its front matter: add category headings and questions"),
        ])
    }

    @Test func noQuestionsIsOneError() {
        let found = diagnostics("---\nterm: \"Prose\"\n---\n\n# Notes\n\nJust some notes, no questions.\n")
        #expect(found.map(\.severity) == [.error])
        #expect(found.first?.message.hasPrefix("no questions found") == true)
    }

    @Test func aCategoryWithNoQuestionsIsAWarning() {
        let found = diagnostics("---\nterm: \"T\"\n---\n\n### Behavioral Questions\n\n" + oneGoodQuestion)
        #expect(found == [Diagnostic(line: 5, column: 1, severity: .warning, message: "category \"Behavioral Questions\" has no questions")])
    }

    @Test func aQuestionWithNoAnswerIsAnError() {
        let text = "---\nterm: \"T\"\n---\n\n### Technical Questions\n\n#### What is a deadlock?\n\n#### What is a mutex?\n\n**Answer:**\n- **Reasoning and Best Practices**:\n  - **Exclusion**: One holder.\n- **Follow-up Points**:\n  - Why?\n"
        #expect(diagnostics(text) == [Diagnostic(line: 7, column: 1, severity: .error, message: "question \"What is a deadlock?\" has no answer")])
    }

    @Test func missingFollowUpsAndRubricAndEmptySectionsAreWarnings() {
        let text = "---\nterm: \"T\"\n---\n\n### Technical Questions\n\n#### What is a mutex?\n\n**Answer:**\n- **Context**:\n  - A lock.\n- **Pitfalls to Avoid**:\n"
        #expect(diagnostics(text) == [
            Diagnostic(line: 7, column: 1, severity: .warning, message: "question \"What is a mutex?\" has no follow-up points"),
            Diagnostic(line: 7, column: 1, severity: .warning, message: "question \"What is a mutex?\" has no rubric points (add \"Reasoning and Best Practices\" or a \"Rubric\" list)"),
            Diagnostic(line: 12, column: 1, severity: .warning, message: "section \"Pitfalls to Avoid\" is empty"),
        ].sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    @Test func aRepeatedQuestionKeepsADistinctIdAndACopyIsAWarning() {
        // The same question under a repeated category: lines 7 and 16. Ids number a repeated
        // title by its position within its category.
        let guide = GuideLoader.parse("---\nterm: \"T\"\n---\n\n" + oneGoodQuestion + oneGoodQuestion, bank: "lint")
        #expect(guide.questions.map(\.id) == ["lint/what-is-a-mutex", "lint/what-is-a-mutex-1"])
        #expect(guide.errors.isEmpty)
        #expect(guide.warnings.map(\.line) == [16])
        #expect(guide.warnings.first?.message.contains("repeats the question at line 7") == true)
        // The ids are the same on every reading.
        #expect(GuideLoader.parse("---\nterm: \"T\"\n---\n\n" + oneGoodQuestion + oneGoodQuestion, bank: "lint").questions.map(\.id)
            == guide.questions.map(\.id))
    }
}
