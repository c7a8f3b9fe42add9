import InterviewCore
import Testing
@testable import GuideParser

/// The layouts beyond the reference shape: question-like headings with category words, bold
/// questions, lists, `<details>` blocks, tables, and the page furniture around them.
@Suite struct QuestionShapeTests {
    @Test func aQuestionLikeHeadingIsAQuestionEvenWithACategoryWord() throws {
        let guide = try Fixtures.guide("question-like-headings")
        #expect(guide.categories.map(\.name) == ["Behavioral Questions", "Technical Questions"])
        #expect(guide.categories.map(\.questions.count) == [2, 2])
        let slipped = try #require(guide.question(titled: "Describe a situation where a release slipped."))
        #expect(slipped.sections.map(\.label) == ["Context", "Action and Outcome", "Follow-up Points"])
        #expect(guide.question(titled: "Tell me about a problem you solved with data.")?.followUps == ["How did you know the fix worked?"])
        #expect(guide.errors.isEmpty)
    }

    @Test func boldLeadBulletsWithLabelledSubBulletsStayInTheOpenAnswer() throws {
        let guide = try Fixtures.guide("question-like-headings")
        let queue = try #require(guide.question(titled: "How do you choose a message queue?"))
        #expect(guide.question(titled: "Kafka") == nil)
        let answer = try #require(queue.sections.first)
        #expect(answer.items.map(\.lead) == ["Kafka", "RabbitMQ"])
        #expect(answer.items.first?.children.map(\.text) == ["Example: clickstream ingestion at a few million events a minute."])
        #expect(queue.rubric.map(\.text) == ["Start from delivery guarantees"])
    }

    @Test func aTopicInBoldIsNotAnAnswerLabel() throws {
        let filters = try #require(try Fixtures.guide("question-like-headings").question(titled: "Finite impulse response filters"))
        #expect(filters.sections.map(\.label) == ["Finite Impulse Response (FIR) Filters", "Reasoning and Best Practices", "Follow-up Points"])
        #expect(filters.sections.first?.role == .other)
        #expect(SectionRole(label: "What is your approach when a supplier misses a delivery date?") == .other)
        #expect(SectionRole(label: "Sample Answer") == .answer)
    }

    @Test func boldQuestionsInListsAndParagraphs() throws {
        let guide = try Fixtures.guide("bold-questions")
        #expect(guide.categories.map(\.name) == ["Supplier Management", "Behavioral Questions", "Rapid Fire Questions"])
        #expect(guide.questions.map(\.title) == [
            "What is your approach when a supplier misses a delivery date?",
            "How do you keep a second source warm?",
            "Tell us about a deadline you nearly missed.",
            "Describe a time you changed a teammate's mind.",
            "How do you estimate work you have never done before?",
            "How do you say no to a request from a senior leader?",
        ])
        let deadline = try #require(guide.question(titled: "Tell us about a deadline you nearly missed."))
        #expect(deadline.line == 23)
        #expect(deadline.scaffold == .star)
        #expect(deadline.sections.first?.items.first?.text == "I split the work, shipped the core on time and the reports a week later.")
        #expect(deadline.followUps == ["Who did you tell first?"])
        #expect(guide.question(titled: "How do you estimate work you have never done before?")?.sections.first?.items.first?.text
            == "Break it into pieces I have done, and add a spike for the unknown piece.")
        #expect(guide.shapes == ["numbered bold list items", "bold question paragraphs"])
        #expect(guide.errors.isEmpty)
    }

    @Test func numberedStepsAndFollowUpsUnderABoldQuestionStayInItsAnswer() {
        let guide = GuideLoader.parse("""
            ### Technical Questions

            **1. How do you speed up a slow service?**

            **Answer:**

            1. **Profile first**: find the hot path.
               - **Example**: a flame graph showed the encoder.
            2. **Cache**: keep hot results.

            **Follow-up Points:**
            - What would you measure first?
            - When is a cache wrong?

            **2. What is a memory leak?**

            **Answer:** Memory that is kept but never used again.
            """, bank: "b")
        #expect(guide.questions.map(\.title) == ["How do you speed up a slow service?", "What is a memory leak?"])
        #expect(guide.questions.first?.followUps == ["What would you measure first?", "When is a cache wrong?"])
        #expect(guide.questions.first?.sections.first?.items.map(\.lead) == ["Profile first", "Cache"])
    }

    @Test func aParagraphOpeningWithQuestionIsAQuestion() {
        let guide = GuideLoader.parse("""
            #### Coding Questions:

            *Question: What is the value of `total`?*

            *Question: What does `[1, 2].map(String)` return?*
            """, bank: "q")
        #expect(guide.categories.map(\.name) == ["Coding Questions"])
        #expect(guide.questions.map(\.title) == ["What is the value of total?", "What does [1, 2].map(String) return?"])
    }

    @Test func listsOfQuestionsWithoutAnswersAndTheirNoise() throws {
        let guide = try Fixtures.guide("question-lists")
        #expect(guide.title == "Question Lists")
        #expect(guide.metadata["keywords"] == .array([.string("interviews"), .string("questions"), .string("practice")]))
        #expect(guide.categories.map(\.name) == ["General Questions", "Northwind Logistics", "Harbor Analytics"])
        #expect(guide.categories.map(\.questions.count) == [3, 3, 2])
        let proudest = try #require(guide.question(titled: "Which project are you proudest of, and why?"))
        #expect(proudest.followUps == ["What would you change about it now?", "Who else worked on it?"])
        #expect(guide.questions.allSatisfy { $0.sections.isEmpty && $0.rubric.isEmpty })
        // "Source:" lines, MDX imports, components, admonitions and <head> are not read.
        #expect(guide.introduction.isEmpty && guide.briefing.isEmpty)
        // A collection without answers is self-rated: no "no answer" errors or warnings.
        #expect(guide.diagnostics.isEmpty)
        #expect(guide.shapes == ["lists of questions"])
    }

    @Test func aListedQuestionMayHaveItsAnswerOnTheLinesBelow() throws {
        let guide = try Fixtures.guide("list-answers")
        #expect(guide.questions.map(\.title) == [
            "What is a feature flag?", "Why keep flags short-lived?",
            "How would you roll back a bad schema migration?", "When is a canary release not enough?",
        ])
        #expect(guide.questions.map { $0.sections.first?.items.first?.text } == [
            "A switch that turns a code path on or off without a deploy.",
            "Old flags pile up, and every one doubles the paths to test.", nil, nil,
        ])
        #expect(guide.questions.last?.followUps == ["What would you watch during the canary?"])
        #expect(guide.diagnostics.isEmpty)
    }

    @Test func detailsBlocksHoldQuestionsAndAnswers() throws {
        let guide = try Fixtures.guide("details-blocks")
        #expect(guide.categories.map(\.name) == ["System Questions", "Network Questions"])
        #expect(guide.questions.map(\.title) == [
            "What does the load average on a Linux machine measure?",
            "How do you find which process holds a file open?",
            "What is a zombie process?",
            "What is the difference between TCP and UDP?",
            "Why would DNS answers differ between two machines?",
        ])
        #expect(guide.questions.map(\.line) == [14, 21, 27, 38, 40])
        #expect(guide.questions.map { $0.sections.first?.items.first?.text } == [
            "The number of tasks running or waiting to run, averaged over 1, 5 and 15 minutes.",
            "Use lsof on the file, or look through /proc/*/fd.",
            nil, // "To be completed." is a placeholder
            "TCP gives ordered, reliable delivery; UDP sends datagrams with no guarantees.",
            "Caches, split-horizon setups, or different resolvers.",
        ])
        #expect(guide.briefing.isEmpty) // the table of contents is not a briefing
        #expect(guide.diagnostics == [Diagnostic(line: 27, column: 1, severity: .warning,
                                                 message: "question \"What is a zombie process?\" has no answer: it will be self-rated")])
        // A summary that is only a title is not a question.
        let titled = GuideLoader.parse("### System Questions\n\n<details><summary>Table of contents</summary>\n\n- one\n\n</details>\n", bank: "t")
        #expect(titled.questions.isEmpty)
    }

    @Test func aQuizWithAnswersInDetailsKeepsEveryRepeatedTitleApart() throws {
        let guide = try Fixtures.guide("quiz-details")
        #expect(guide.questions.count == 3)
        #expect(guide.questions.map(\.id) == ["quiz-details/whats-the-output", "quiz-details/whats-the-output-2", "quiz-details/whats-the-output-3"])
        let first = try #require(guide.questions.first)
        #expect(first.sections.last?.items.map(\.text) == ["B", "A negative index counts from the end, so -1 is the last item."])
        #expect(guide.diagnostics.isEmpty)
        #expect(try Fixtures.guide("quiz-details").questions.map(\.id) == guide.questions.map(\.id))
    }

    @Test func tableRowsAndListItemsHoldingHeadings() throws {
        let guide = try Fixtures.guide("table-questions")
        #expect(guide.categories.map(\.name) == ["Functions", "Design Questions", "Review Questions"])
        #expect(guide.questions.map(\.title) == [
            "What is a pure function?", "What is memoisation?",
            "How would you design a URL shortener?", "How would you rate-limit a public API?",
            "Design a chat service that keeps messages for a year",
            "What does git bisect do?", "Why squash commits before merging?",
        ])
        #expect(guide.question(titled: "What is memoisation?")?.sections.first?.items.map(\.text)
            == ["Keeping the results of earlier calls so that a repeated call is answered from the cache."])
        #expect(guide.question(titled: "What does git bisect do?")?.sections.first?.items.first?.text
            == "It finds the commit that introduced a bug by binary search.")
        #expect(guide.shapes == ["list items holding a heading", "table rows"])
        #expect(guide.errors.isEmpty)
    }

    @Test func tableCellsLoseTheirMarkup() {
        #expect(InlineMarkup.plain("What does **`git bisect`** do?") == "What does git bisect do?")
        #expect(InlineMarkup.plain("[What is a *pure* function?](#pure) <br> ![icon](x.png)") == "What is a pure function? icon")
        #expect(InlineMarkup.plain("snake_case stays, _emphasis_ goes, a \\| pipe") == "snake_case stays, emphasis goes, a | pipe")
    }

    @Test func questionLikeTextThatIsNotReadGetsAWarning() {
        let guide = GuideLoader.parse("""
            ---
            term: "Dropped"
            ---

            ### Technical Questions

            #### What is a mutex?

            A lock that one thread holds at a time.

            ## Notes

            Why does this paragraph ask something?

            - A plain note.
            - Is this one a question too?
            - Another note.
            """, bank: "dropped")
        #expect(guide.questions.count == 1)
        #expect(guide.warnings.filter { $0.message.contains("looks like a question") }.map(\.line) == [13, 16])
    }
}
