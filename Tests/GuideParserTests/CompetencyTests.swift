import InterviewCore
import Testing
@testable import GuideParser

/// `**Competency:**` tags a behavioral question with what it probes; it is not answer material.
@Suite struct CompetencyTests {
    @Test func competenciesAreReadInEachSpellingAndKeptOutOfTheAnswer() throws {
        let guide = try Fixtures.guide("competencies")
        #expect(guide.questions.map(\.competencies) == [["ownership"], ["conflict", "communication"], ["learning", "adaptability"]])
        for question in guide.questions {
            #expect(!question.sections.contains { $0.label.lowercased().hasPrefix("competenc") })
            #expect(!question.rubric.contains { $0.text.lowercased().contains("ownership") || $0.detail.lowercased().contains("conflict") })
            #expect(question.scaffold == .star)
        }
        #expect(guide.questions.first?.sections.map(\.label) == ["Context", "Action and Outcome", "Reasoning and Best Practices", "Follow-up Points"])
        #expect(guide.diagnostics.isEmpty)
    }

    @Test func questionsWithoutACompetencyHaveNone() throws {
        #expect(try Fixtures.guide("standard").questions.allSatisfy(\.competencies.isEmpty))
    }
}
