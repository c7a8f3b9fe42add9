import InterviewCore
import Testing
@testable import GuideParser

/// Lists of an interviewer's prompts ("Tell me about a time ...", "Describe ...") with no `?`:
/// read as questions under a category, and never dropped without a word.
@Suite struct PromptListTests {
    @Test func promptListsUnderCategoriesAreQuestions() throws {
        let guide = try Fixtures.guide("prompt-lists")
        #expect(guide.categories.map(\.name) == ["Behavioral", "Technical Questions"])
        #expect(guide.categories.map(\.kind) == [.behavioral, .technical])
        #expect(guide.categories.map { $0.questions.map(\.title) } == [
            [
                "Tell me about a time you shipped a bug to production.",
                "Describe a disagreement with a designer and how you resolved it.",
            ],
            [
                "Walk me through what happens when a browser loads a page.",
                "Explain how a database index speeds up a lookup.",
                "Give an example of a cache that made a system slower.",
            ],
        ])
        #expect(guide.questions.map(\.line) == [8, 9, 13, 14, 15])
        #expect(guide.questions.map(\.scaffold) == [.star, .star, .free, .free, .free])
        #expect(guide.questions.allSatisfy { $0.sections.isEmpty && $0.rubric.isEmpty && $0.followUps.isEmpty })
        #expect(guide.shapes == ["lists of questions"])
    }

    @Test func aPromptInAListOfNotesIsWarnedAbout() throws {
        let guide = try Fixtures.guide("prompt-lists")
        #expect(guide.diagnostics == [
            Diagnostic(line: 21, column: 1, severity: .warning,
                       message: "\"Describe your latest project in two sentences before you go …\" looks like a question but is not read as one (see docs/guide-format.md for the layouts Rehearse reads)"),
        ])
    }

    @Test func notesThatOpenWithAQuestionWordAreNotPrompts() {
        // "You", "Do" and "What" open questions too, but without a `?` they open notes as often.
        let guide = GuideLoader.parse("""
            ---
            term: "Notes"
            ---

            ## Technical Questions

            - You will want a laptop with a charger.
            - Do the reading before the day.
            - What to bring: a pen and your notes.
            """, bank: "notes")
        #expect(guide.questions.isEmpty)
        #expect(guide.diagnostics.map(\.message) == [
            "no questions found: expected category headings (### Technical Questions) with a heading per question (#### ...)",
            "category \"Technical Questions\" has no questions",
        ])
    }

    @Test func promptsNeedACategoryOrQuestionsBeforeThem() {
        // Under an overview heading, before any question, a list is the briefing.
        let guide = GuideLoader.parse("""
            ## What the panel looks for

            - Describe trade-offs in plain words.
            - Explain the reasoning behind each choice.
            """, bank: "overview")
        #expect(guide.questions.isEmpty)
        #expect(guide.briefing.map(\.heading) == ["What the panel looks for"])
    }

    @Test func aPromptListUnderASubheadingOfACategoryIsRead() {
        let guide = GuideLoader.parse("""
            ## Behavioral Questions

            ### Ownership

            - Tell me about a task nobody owned until you took it.
            - Describe a promise to a customer you could not keep.
            """, bank: "nested")
        #expect(guide.categories.map(\.name) == ["Ownership"])
        #expect(guide.questions.map(\.title) == [
            "Tell me about a task nobody owned until you took it.",
            "Describe a promise to a customer you could not keep.",
        ])
        #expect(guide.briefing.isEmpty)
    }

    @Test func imperativesUnderAHeadingThatIsNoCategoryAreWarnedAboutNotRead() {
        let guide = GuideLoader.parse("""
            ---
            term: "Advice"
            ---

            ## Technical Questions

            - Explain how a bloom filter can answer "maybe".

            ## Tips

            - Explain your thinking as you go.
            - Describe trade-offs, not only choices.
            - Ask clarifying questions.
            """, bank: "advice")
        #expect(guide.questions.map(\.title) == ["Explain how a bloom filter can answer \"maybe\"."])
        #expect(guide.warnings.filter { $0.message.contains("looks like a question") }.map(\.line) == [11, 12])
    }

    @Test func aPromptListUnderNoHeadingIsWarnedAbout() {
        let guide = GuideLoader.parse("""
            ---
            term: "Loose"
            ---

            - Tell me about the last tool you built for your team.
            - Bring a copy of your notes.
            - Arrive early.
            """, bank: "loose")
        #expect(guide.questions.isEmpty)
        #expect(guide.warnings.filter { $0.message.contains("looks like a question") }.map(\.line) == [5])
    }

    @Test func theOpenersOfAPrompt() {
        for prompt in ["Tell me about a launch", "Describe a time you failed", "Walk me through a deploy",
                       "Explain consistent hashing", "Give an example of a race", "Please describe your role",
                       "Take me through a postmortem", "Think of a time you disagreed", "Share a moment of doubt",
                       "Talk us through your design"] {
            #expect(QuestionTitle.startsLikeAPrompt(prompt), "\(prompt)")
            #expect(QuestionTitle.startsLikeAQuestion(prompt), "\(prompt)")
        }
        for note in ["Take notes during the call", "Think clearly", "What to bring", "You will need a pen",
                     "Run the tests first", "Describing is hard", ""] {
            #expect(!QuestionTitle.startsLikeAPrompt(note), "\(note)")
        }
    }
}
