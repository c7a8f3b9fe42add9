import InterviewCore
import Testing
@testable import GuideParser

/// Each fixture shows one way real guides of this family lay out their questions.
@Suite struct LayoutVariationTests {
    @Test func questionsOneLevelDeeperUnderAnH1TitleWithThematicBreaks() throws {
        let guide = try Fixtures.guide("deeper-headings")
        #expect(guide.categories.map(\.name) == ["Technical Questions", "Behavioral Questions"])
        #expect(guide.categories.map(\.questions.count) == [2, 1])
        #expect(guide.questions.map(\.line) == [11, 23, 35])
        // "Conclusion" closes the last category and is not a question.
        #expect(guide.question(titled: "Conclusion") == nil)
        #expect(guide.errors.isEmpty)
    }

    @Test func aSubcategoryNamedForItsTopicTakesItsParentsKind() throws {
        let guide = try Fixtures.guide("nested-categories")
        #expect(guide.categories.map(\.name) == ["Leadership", "Disagreements", "General Questions", "Storage", "Onboarding"])
        // "General" says so itself; the guide's own title is no category, so "Onboarding" stays general.
        #expect(guide.categories.map(\.kind) == [.behavioral, .behavioral, .general, .technical, .general])
        #expect(guide.categories[0].questions.first?.scaffold == .star)
        #expect(guide.errors.isEmpty)
    }

    @Test func topLevelHeadingsThatAreCategoriesLendTheirKindToo() {
        let guide = GuideLoader.parse("""
            # Behavioral Questions

            ## Teamwork

            ### Tell me about a time you helped a struggling teammate.

            - **Reasoning and Best Practices**:
              - **Offer time, not answers**: Pair on the problem rather than solving it for them.

            # Technical Questions

            ## Networking

            ### What happens when a TCP connection is half-open?

            - **Reasoning and Best Practices**:
              - **Detect it**: Keep-alives or application heartbeats notice the silent peer.
            """, bank: "top-level")
        #expect(guide.categories.map(\.name) == ["Teamwork", "Networking"])
        #expect(guide.categories.map(\.kind) == [.behavioral, .technical])
    }

    @Test func questionsAtTheSameLevelAsTheirCategory() throws {
        let guide = try Fixtures.guide("same-level")
        #expect(guide.categories.map(\.name) == ["Technical Questions", "Behavioral Questions"])
        #expect(guide.categories.map(\.questions.count) == [2, 1])
        #expect(guide.questions.map(\.title) == [
            "What does a load balancer do?", "Explain consistent hashing.", "Tell me about a disagreement with your manager.",
        ])
    }

    @Test func numberedBoldListItemsWithTheAnswerIndented() throws {
        let guide = try Fixtures.guide("numbered-bold-list")
        #expect(guide.categories.map(\.name) == ["Technical Questions", "Situational Questions"])
        #expect(guide.categories.map(\.questions.count) == [2, 1])
        let race = try #require(guide.question(titled: "What is a race condition?"))
        #expect(race.line == 9)
        #expect(race.sections.map(\.label) == ["Answer", "Reasoning and Best Practices", "Follow-up Points"])
        #expect(race.rubric.map(\.text) == ["Name the shared state", "Pick a primitive"])
        let deadlock = try #require(guide.question(titled: "How does a deadlock happen?"))
        // `- **Answer:**` wraps the sections nested below it.
        #expect(deadlock.sections.map(\.label) == ["Definition and Context", "Pitfalls to Avoid", "Follow-up Points"])
        #expect(deadlock.followUps == ["How would you detect it in production?"])
    }

    @Test func numberedAndBareQuestionHeadings() throws {
        let guide = try Fixtures.guide("numbered-headings")
        #expect(guide.questions.map(\.title) == [
            "What is memoisation?",
            "What is tail-call optimisation?",
            "Why are immutable values easier to share?",
            "What is the difference between a process and a thread?",
            "What is a closure?",
        ])
        let bare = try #require(guide.question(titled: "What is the difference between a process and a thread?"))
        #expect(bare.line == 33)
        #expect(bare.sections.first?.items.first?.text == "A process owns an address space; threads share the one their process owns.")
        #expect(guide.question(titled: "Why are immutable values easier to share?")?.sections.first?.label == "Example Answer")
        // A question answered without labels still counts, with the missing rubric reported.
        #expect(guide.warnings.map(\.line) == [44])
    }

    @Test func sectionLabelsAsBoldParagraphsAndInOtherSpellings() throws {
        let guide = try Fixtures.guide("section-labels")
        let backpressure = try #require(guide.question(titled: "What is backpressure?"))
        #expect(backpressure.sections.map(\.label) == ["Definition and Context", "Reasoning and Best Practices", "Common Pitfalls", "Follow-Up Points"])
        #expect(backpressure.sections[1].items.count == 2)
        #expect(backpressure.followUps == ["How does TCP implement backpressure?"])
        let api = try #require(guide.question(titled: "How do you version a public API?"))
        #expect(api.followUps == ["How long do you support an old version?"])
        #expect(api.rubric.map(\.kind) == [.cover, .pitfall])
        let canary = try #require(guide.question(titled: "What is a canary release?"))
        #expect(canary.rubric.map(\.text) == ["Small blast radius", "Pitfall: No rollback plan"])
        #expect(canary.followUps == ["What metrics decide the promotion?"])
        #expect(guide.diagnostics.isEmpty)
    }

    @Test func categoryNamesInOtherWordsAndRepeatedCategoriesKeepEveryQuestion() throws {
        let guide = try Fixtures.guide("category-names")
        #expect(guide.title == "Category Names")
        #expect(guide.categories.map(\.name) == [
            "Technical Deep-Dive Questions", "Problem-solving", "Technical Questions", "Expanded Behavioral Questions",
            "Technical Questions", "Additional Questions", "Technical Questions",
        ])
        #expect(guide.categories.map(\.kind) == [.technical, .problemSolving, .technical, .behavioral, .technical, .general, .technical])
        #expect(guide.category("Technical Questions").flatMap(\.questions).count == 3)
        #expect(guide.questions.count == 7)
        #expect(guide.question(titled: "Describe an on-call incident you led.")?.scaffold == .star)
    }

    @Test func fencedCodeCurlyQuotesAndTrailingProse() throws {
        let guide = try Fixtures.guide("code-and-quirks")
        #expect(guide.title == "Code and Quirks — naïve “guide”")
        #expect(guide.questions.count == 2)
        let retry = try #require(guide.question(titled: "How would you write a retry loop with back‑off?"))
        let code = try #require(retry.sections.first?.items.first?.children.first)
        #expect(code.text.hasPrefix("# Retry with exponential back-off"))
        #expect(retry.rubric.map(\.text).contains("Add jitter"))
        let breaker = try #require(guide.question(titled: "Qu’est-ce qu’un « circuit breaker » ?"))
        #expect(breaker.id == "code-and-quirks/quest-ce-quun-circuit-breaker")
        #expect(breaker.followUps == ["What state does the breaker move through?"])
    }

    @Test func anExplicitRubricTaskListIsTheRubric() throws {
        let question = try #require(try Fixtures.guide("explicit-rubric").questions.first)
        #expect(question.rubric.map(\.text) == [
            "Splits the latency budget across stages", "Measures p99, not the mean", "Mentions thermal throttling",
        ])
        #expect(question.rubric.allSatisfy { $0.kind == .cover && $0.weight == 2 })
        #expect(question.followUps == ["How would you measure p99 on the device?"])
    }
}
