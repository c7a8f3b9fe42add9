import InterviewCore
import Testing
@testable import TerminalUI

/// A STAR answer goes to `$EDITOR` whole, a heading per part, and comes back split.
@Suite struct ExternalEditTests {
    @Test func aStarDocumentRoundTrips() {
        let parts: [StarPart: String] = [.situation: "A plant visit.", .task: "Fix the robot.\nBy noon.", .action: "", .result: "Fixed.", .lesson: ""]
        let document = StarDocument.render(parts)
        #expect(document == "## Situation\nA plant visit.\n\n## Task\nFix the robot.\nBy noon.\n\n## Action\n\n## Result\nFixed.\n\n## Lesson\n")
        #expect(StarDocument.parse(document) == parts)
    }

    @Test func headingsAreReadLeniently() {
        let parts = StarDocument.parse("""
            Before any heading.
            # situation
            Where.
            ### ACTION: what I did
            Did it.
            ## Notes
            Kept with the action.
            ## Result (numbers)

            Up 20 %.

            """)
        #expect(parts[.situation] == "Before any heading.\nWhere.")
        #expect(parts[.task] == "", "a part whose heading is gone comes back empty")
        #expect(parts[.action] == "Did it.\n## Notes\nKept with the action.")
        #expect(parts[.result] == "Up 20 %.")
        #expect(StarDocument.heading("## Actionable") == nil)
        #expect(StarDocument.heading("####### Action") == nil)
    }

    @Test func theEditorGetsTheWholeStarAnswerAndItComesBackSplit() throws {
        var harness = try ScreenHarness.answering()
        harness.press(.control("s"), .control("s"), .enter) // to the behavioral question
        harness.advance(16)
        harness.type("The site.")
        harness.press(.tab)
        harness.type("My job.")
        harness.commands = []
        harness.press(.control("e"))
        #expect(harness.commands == [.editExternally(.star(.task), "## Situation\nThe site.\n\n## Task\nMy job.\n\n## Action\n\n## Result\n\n## Lesson\n")])
        harness.send(.externalEditFinished(.star(.task), "## Situation\nThe site, at dawn.\n## Task\nMy job.\n## Action\nI fixed it.\n## Result\nIt ran.\n"))
        let record = try #require(harness.state.session?.interview.currentRecord)
        #expect(record.starParts[.situation] == "The site, at dawn.")
        #expect(record.starParts[.task] == "My job.")
        #expect(record.starParts[.action] == "I fixed it.")
        #expect(record.starParts[.result] == "It ran.")
        #expect(harness.screen.contains("I fixed it."))
    }
}
