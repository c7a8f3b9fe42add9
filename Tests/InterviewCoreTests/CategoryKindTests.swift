import InterviewCore
import Testing

@Suite struct CategoryKindTests {
    @Test(arguments: [
        ("Technical Questions", CategoryKind.technical),
        ("Technical Deep-Dive Questions", .technical),
        ("Behavioral Questions", .behavioral),
        ("Expanded Behavioural Questions", .behavioral),
        ("Situational Questions", .situational),
        ("Scenario-Based Questions", .situational),
        ("Problem-Solving Questions", .problemSolving),
        ("Problem-solving", .problemSolving),
        ("Additional Questions", .general),
        ("Questions", .general),
    ])
    func kindsFollowTheCategoryWords(name: String, kind: CategoryKind) {
        #expect(CategoryKind(categoryName: name) == kind)
    }

    @Test func onlyBehavioralQuestionsDefaultToStar() {
        #expect(CategoryKind.allCases.filter { $0.defaultScaffold == .star } == [.behavioral])
    }

    @Test func commandLineSpellings() {
        #expect(CategoryKind(argument: "problem-solving") == .problemSolving)
        #expect(CategoryKind(argument: "Problem_Solving") == .problemSolving)
        #expect(CategoryKind(argument: "behavioural") == .behavioral)
        #expect(CategoryKind(argument: "technical") == .technical)
        #expect(CategoryKind(argument: "coding") == nil)
    }
}

@Suite struct SectionRoleTests {
    @Test(arguments: [
        ("Follow-up Points", SectionRole.followUps), ("Follow-Up Points", .followUps), ("Follow-up", .followUps),
        ("Follow up questions", .followUps), ("Pitfalls to Avoid", .pitfalls), ("Common Pitfalls", .pitfalls),
        ("What Not to Do", .pitfalls), ("Mistakes to Avoid", .pitfalls), ("Reasoning and Best Practices", .reasoning),
        ("Key Points", .reasoning), ("Definition and Context", .definition), ("Examples and Context", .examples),
        ("Example Answer", .answer), ("Answer", .answer), ("Alternative Considerations", .alternatives),
        ("Rubric", .rubric), ("Context", .context), ("Action and Outcome", .approach), ("Example Outcomes", .examples),
        ("Bachelor's Degree", .other),
    ])
    func labelsMapToRoles(label: String, role: SectionRole) {
        #expect(SectionRole(label: label) == role)
    }
}
