import InterviewCore
import Testing
@testable import GuideParser

/// The reference shape: front matter, an overview briefing, four categories, labelled answers.
@Suite struct StandardGuideTests {
    let guide: Guide

    init() throws { guide = try Fixtures.guide("standard") }

    @Test func readsTitleDescriptionAndEveryFrontMatterKey() {
        #expect(guide.title == "Robotics Software Engineer Interview Prep")
        #expect(guide.description == "Practice questions for robotics software roles, from control loops to teamwork.")
        #expect(guide.metadata["vertical"] == .string("Robotics"))
        #expect(guide.metadata["pubDate"] == .string("2026-03-02"))
        #expect(guide.metadata["revision"] == .number(3))
        #expect(guide.metadata["draft"] == .bool(false))
        #expect(guide.metadata["tags"] == .array([.string("Robotics"), .string("ROS 2"), .string("Control")]))
        #expect(guide.metadata["avatar"] == .object(["url": .string("/img/a.png"), "alt": .string("Author")]))
        #expect(guide.diagnostics.isEmpty)
    }

    @Test func readsTheOverviewAsABriefing() {
        #expect(guide.briefing.map(\.heading) == ["Educational Background", "Recommended Certifications", "Industry Qualifications"])
        #expect(guide.briefing.map(\.items.count) == [2, 1, 3])
        #expect(guide.briefing[0].items[0] == "Bachelor's Degree: Mechanical, electrical or software engineering.")
    }

    @Test func readsCategoriesInOrderWithTheirKinds() {
        #expect(guide.categories.map(\.name) == ["Technical Questions", "Behavioral Questions", "Situational Questions", "Problem-Solving Questions"])
        #expect(guide.categories.map(\.kind) == [.technical, .behavioral, .situational, .problemSolving])
        #expect(guide.categories.map(\.questions.count) == [2, 1, 1, 1])
        #expect(guide.categories.map { $0.questions.first?.scaffold } == [.free, .star, .free, .free])
    }

    @Test func readsAQuestionWithItsLabelledSections() throws {
        let question = try #require(guide.question(titled: "Why does a PID controller need anti-windup?"))
        #expect(question.id == "standard/why-does-a-pid-controller-need-anti-windup")
        #expect(question.line == 37)
        #expect(question.hash == QuestionIdentity.hash("Why does a PID controller need anti-windup?"))
        #expect(question.sections.map(\.label) == [
            "Definition and Context", "Examples and Context", "Reasoning and Best Practices",
            "Alternative Considerations", "Pitfalls to Avoid", "Follow-up Points",
        ])
        let definition = question.sections[0]
        #expect(definition.items.map(\.text) == [
            "Integral windup: The integral term keeps growing while the actuator is saturated.",
            "Anti-windup: A scheme that stops or bleeds off that growth.",
        ])
        #expect(definition.items.map(\.lead) == ["Integral windup", "Anti-windup"])
        #expect(question.followUps == [
            "How would you detect windup from logged data?",
            "When would you drop the integral term altogether?",
        ])
    }

    @Test func buildsTheRubricFromTheAnswerSections() throws {
        let question = try #require(guide.question(titled: "Why does a PID controller need anti-windup?"))
        #expect(question.rubric.map(\.text) == [
            "Defines: Integral windup", "Defines: Anti-windup",
            "Example: Scenario",
            "Clamp the integrator", "Back-calculation", "Tune with saturation in the loop",
            "Also: Conditional integration",
            "Pitfall: Ignoring actuator limits",
        ])
        #expect(question.rubric.map(\.kind) == [.define, .define, .example, .cover, .cover, .cover, .bonus, .pitfall])
        #expect(question.rubric.map(\.weight) == [2, 2, 1, 2, 2, 2, 1, 2])
        #expect(question.rubric[3].section == "Reasoning and Best Practices")
        #expect(question.rubric[3].lead == "Clamp the integrator")
        #expect(question.rubric[3].detail == "Stop integrating while the output is saturated.")
    }

    @Test func behavioralQuestionsAddTheStarPoints() throws {
        let question = try #require(guide.category("Behavioral Questions").first?.questions.first)
        // Two cover points weigh 4: one STAR point (weight 1, 20 %) fits under a quarter; the
        // lesson is a bonus.
        #expect(question.rubric.filter { $0.section == RubricBuilder.starSection }.map(\.text)
            == ["STAR: the action is at least half of the story", "STAR: a lesson learned"])
        #expect(question.rubric.filter { $0.kind == .star }.map(\.weight) == [1])
        // The model answer's own story (Action and Outcome) is not a point to make.
        #expect(!question.rubric.contains { $0.section == "Action and Outcome" })
        #expect(question.rubric.filter { $0.kind == .cover }.map(\.text) == ["Own the failure", "Show the fix"])
    }

    @Test func closingProseIsNotPartOfTheLastAnswer() throws {
        let last = try #require(guide.questions.last)
        #expect(last.followUps == ["How would you make the controller adapt to unknown payloads?"])
        #expect(!last.sections.flatMap(\.items).contains { $0.text.contains("practise them aloud") })
    }

    @Test func idsAreUniqueAndNamedAfterTheBank() {
        let ids = guide.questions.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("standard/") })
    }
}
