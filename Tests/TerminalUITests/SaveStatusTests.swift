import InterviewCore
import Testing
@testable import TerminalUI

/// Nothing on screen says "saved" while saves fail.
@Suite struct SaveStatusTests {
    @Test func aFailingSaveStaysOnScreenUntilASaveSucceeds() throws {
        var harness = try ScreenHarness()
        try harness.startSession()
        harness.press(.enter)
        harness.type("An answer")
        #expect(harness.screen.contains("Saved as you type"))
        _ = harness.send(.saveProblem("the disk holding /data/rehearse.sqlite is full"))
        harness.advance(30) // long after any passing message has gone
        #expect(harness.screen.contains("NOT SAVED: the disk holding /data/rehearse.sqlite is full"))
        #expect(!harness.screen.contains("Saved as you type"))
        harness.press(.control("s"))
        #expect(harness.screen.contains("NOT SAVED"), "self-review says it too")
        _ = harness.send(.saveProblem(nil))
        #expect(harness.screen.contains("Saved again: the session is in the store."))
        harness.advance(30)
        #expect(!harness.screen.contains("NOT SAVED"))
    }
}
