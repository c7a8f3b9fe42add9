import InterviewCore
import Testing
@testable import GuideParser

/// Category headings followed by `<details>` questions whose answers are in labelled sections:
/// the labels inside a block belong to its question, never to the heading above it.
@Suite struct DetailsSectionsTests {
    @Test func categoryHeadingsStayCategoriesAboveDetailsQuestions() throws {
        let guide = try Fixtures.guide("details-sections")
        #expect(guide.categories.map(\.name) == ["Technical", "Behavioral Questions"])
        #expect(guide.categories.map(\.kind) == [.technical, .behavioral])
        #expect(guide.categories.map { $0.questions.map(\.title) } == [
            [
                "How would you change the type of a column on a table that serves live traffic?",
                "What makes a health check worth trusting?",
            ],
            ["Tell me about a time you argued for moving a deadline."],
        ])
        #expect(guide.questions.map(\.line) == [10, 23, 35])
        #expect(guide.questions.map(\.scaffold) == [.free, .free, .star])
        #expect(guide.shapes == ["<details> blocks"])
        #expect(guide.introduction == ["Each answer stays hidden until it is opened."])
        #expect(guide.diagnostics.isEmpty)
    }

    @Test func eachDetailsBlockKeepsItsLabelledSections() throws {
        let guide = try Fixtures.guide("details-sections")
        let column = try #require(guide.question(titled: "How would you change the type of a column on a table that serves live traffic?"))
        #expect(column.sections.map(\.label) == ["Key Points", "Pitfalls to Avoid", "Follow-up Points"])
        #expect(column.sections.map(\.role) == [.reasoning, .pitfalls, .followUps])
        #expect(column.sections[0].items.map(\.lead) == ["Expand, then contract", "Readers move before the old column goes"])
        #expect(column.sections[1].items.map(\.text) == ["A rewrite that locks the table: Every request waits behind the migration."])
        #expect(column.followUps == ["How would you know the last reader has moved?"])
        #expect(column.rubric.map(\.kind) == [.cover, .cover, .pitfall])

        let health = try #require(guide.question(titled: "What makes a health check worth trusting?"))
        #expect(health.sections.map(\.label) == ["Key Points", "Follow-up Points"])
        #expect(health.followUps == ["When should a failing dependency not fail the check?"])

        let deadline = try #require(guide.question(titled: "Tell me about a time you argued for moving a deadline."))
        #expect(deadline.sections.map(\.label) == ["Key Points", "Follow-up Points"])
        #expect(deadline.sections[0].items.map(\.lead) == ["Evidence first", "Choices, not a refusal"])
        #expect(deadline.followUps == ["What would you do differently next time?"])
        // A behavioral question gets the STAR structure beside its own points.
        #expect(deadline.rubric.filter { $0.section == "STAR" }.isEmpty == false)
    }

    @Test func theSameGuideWithPlainAnswersReadsTheSameQuestions() throws {
        // The layout that already read right: headings for questions, the answer below them.
        let plain = GuideLoader.parse("""
            ## Technical

            ### What makes a health check worth trusting?

            - **Key Points**:
              - **It exercises what the service needs**: A check that always answers 200 proves little.
            - **Follow-up Points**:
              - When should a failing dependency not fail the check?

            ## Behavioral Questions

            ### Tell me about a time you argued for moving a deadline.

            - **Key Points**:
              - **Evidence first**: The estimate, and the assumptions it rests on.
            - **Follow-up Points**:
              - What would you do differently next time?
            """, bank: "plain")
        let folded = GuideLoader.parse("""
            ## Technical

            <details>
            <summary>What makes a health check worth trusting?</summary>

            - **Key Points**:
              - **It exercises what the service needs**: A check that always answers 200 proves little.
            - **Follow-up Points**:
              - When should a failing dependency not fail the check?

            </details>

            ## Behavioral Questions

            <details>
            <summary>Tell me about a time you argued for moving a deadline.</summary>

            - **Key Points**:
              - **Evidence first**: The estimate, and the assumptions it rests on.
            - **Follow-up Points**:
              - What would you do differently next time?

            </details>
            """, bank: "plain")
        for guide in [plain, folded] {
            #expect(guide.categories.map(\.name) == ["Technical", "Behavioral Questions"])
            #expect(guide.categories.map(\.kind) == [.technical, .behavioral])
            #expect(guide.questions.map(\.scaffold) == [.free, .star])
            #expect(guide.errors.isEmpty)
        }
        #expect(folded.questions.map(\.title) == plain.questions.map(\.title))
        #expect(folded.questions.map(\.sections) == plain.questions.map(\.sections))
        #expect(folded.questions.map(\.rubric) == plain.questions.map(\.rubric))
    }

    @Test func anAnswerSummaryStillMakesTheHeadingAboveItAQuestion() {
        let guide = GuideLoader.parse("""
            ## Technical

            ### Explain what a write-ahead log protects against

            <details>
            <summary>Answer</summary>

            - **Key Points**:
              - **Crash safety**: Changes reach the log before the data files.

            </details>
            """, bank: "answer")
        #expect(guide.categories.map(\.name) == ["Technical"])
        #expect(guide.questions.map(\.title) == ["Explain what a write-ahead log protects against"])
        #expect(guide.questions.first?.sections.map(\.label) == ["Key Points"])
    }

    @Test func anotherSummaryUnderAQuestionIsAFoldedPartOfItsAnswer() {
        let guide = GuideLoader.parse("""
            ## Technical

            ### Why does a write-ahead log make commits durable?

            - **Key Points**:
              - **Log first**: A change is on disk in the log before the data files change.

            <details>
            <summary>More detail</summary>

            A checkpoint later copies the logged pages into the database file.

            </details>
            """, bank: "folded")
        #expect(guide.questions.map(\.title) == ["Why does a write-ahead log make commits durable?"])
        let texts = guide.questions.first?.sections.flatMap { $0.items.map(\.text) } ?? []
        #expect(texts.contains { $0.contains("A checkpoint later copies the logged pages") })
        #expect(!guide.diagnostics.contains { $0.message.contains("<details>") })
    }

    @Test func aBlockOutsideAnyQuestionIsNamedByLint() {
        let guide = GuideLoader.parse("""
            # Notes on storage

            <details>
            <summary>Reading list</summary>

            - The SQLite file format documentation.

            </details>

            ## Technical

            ### Why does a write-ahead log make commits durable?

            A change is on disk in the log before the data files change.
            """, bank: "outside")
        #expect(guide.questions.map(\.title) == ["Why does a write-ahead log make commits durable?"])
        let details = guide.diagnostics.filter { $0.message.contains("<details>") }
        #expect(details.map(\.message) == [
            "a <details> block \"Reading list\" is outside any question and is not read; a summary that asks a question makes the block a question",
        ])
        #expect(details.map(\.line) == [3])
    }
}
