import InterviewCore
import Testing
@testable import TerminalUI

/// Pastes and Ctrl-C through the app's update: a paste is one edit whose control characters
/// are text, a megabyte paste is cut at the editor's limit with a notice, and Ctrl-C stops
/// from every overlay.
@Suite struct PasteAndInterruptTests {
    @Test func aPastedCtrlSIsTextAndThePasteIsOneEdit() throws {
        var harness = try ScreenHarness.answering()
        harness.type("Before. ")
        harness.commands = []
        harness.press(.paste("one\u{13}two\tthree\r\nfour\u{1B}[A"))
        let interview = try #require(harness.state.session?.interview)
        #expect(interview.phase == .answering, "the pasted ^S submitted nothing")
        #expect(interview.currentRecord?.freeText == "Before. onetwo    three\nfour[A")
        let typeEvents = harness.commands.filter { if case .save(_, .type?, _, _) = $0 { true } else { false } }
        #expect(typeEvents.count <= 1, "one edit, at most one save")
    }

    @Test func aPasteIsNeverKeysOutsideTheEditor() throws {
        var harness = try ScreenHarness()
        harness.press(.paste("q\r"))
        #expect(!harness.state.finished)
        #expect(harness.state.screen == .home)
        #expect(harness.commands.isEmpty)
    }

    @Test func aMegabytePasteIsCutAtTheLimitWithANotice() throws {
        var harness = try ScreenHarness.answering()
        harness.press(.paste(String(repeating: "0123456789abcdef", count: 65_536)))
        #expect(harness.state.session?.interview.currentRecord?.freeText.count == TextEditor.maximumLength)
        #expect(harness.screen.contains("The paste was cut: an answer holds at most 50,000 characters."))
    }

    @Test func ctrlCStopsFromTheHelpAndTheQuitDialog() throws {
        var inHelp = try ScreenHarness.answering()
        inHelp.type("Kept")
        inHelp.press(.function(1))
        #expect(inHelp.state.overlay != nil)
        inHelp.commands = []
        inHelp.press(.control("c"))
        #expect(inHelp.state.finished)
        #expect(inHelp.commands.contains(.interrupt))
        #expect(ScreenHarness.saves(inHelp.commands).last?.records[0].freeText == "Kept")

        var inDialog = try ScreenHarness.answering()
        inDialog.type("Kept")
        inDialog.press(.control("q"))
        #expect(inDialog.state.overlay == .confirmQuit)
        inDialog.commands = []
        inDialog.press(.control("c"))
        #expect(inDialog.state.finished)
        #expect(inDialog.commands.contains(.interrupt))

        var onHome = try ScreenHarness()
        onHome.press(.character("?"))
        #expect(onHome.state.overlay != nil)
        onHome.press(.control("c"))
        #expect(onHome.state.finished)
        #expect(onHome.commands == [.exit])
    }
}

/// Undo through the app: ^Z and ^Y change the answer and are saved like typing.
@Suite struct UndoThroughTheAppTests {
    @Test func ctrlZTakesBackAPasteAndCtrlYPutsItBack() throws {
        var harness = try ScreenHarness.answering()
        harness.type("Typed. ")
        harness.press(.paste("Pasted."))
        harness.press(.control("z"))
        #expect(harness.state.session?.interview.currentRecord?.freeText == "Typed. ")
        harness.press(.control("y"))
        #expect(harness.state.session?.interview.currentRecord?.freeText == "Typed. Pasted.")
        harness.press(.control("p"), .control("z"))
        #expect(harness.state.session?.interview.currentRecord?.freeText == "Typed. Pasted.", "paused: nothing changes")
    }
}

/// A session with nothing in it is removed, not kept.
@Suite struct EmptySessionUpdateTests {
    @Test func leavingAnEmptySessionDiscardsIt() throws {
        var harness = try ScreenHarness.answering()
        harness.commands = []
        harness.press(.control("c"))
        #expect(harness.commands == [.discard(id: "0a1b2c3d"), .exit])
    }

    @Test func aTickedPointIsWorkEvenWithNothingWritten() throws {
        var harness = try ScreenHarness.answering()
        harness.press(.control("s"), .control("s"), .character(" "), .enter)
        harness.commands = []
        harness.press(.control("c"))
        #expect(harness.commands.contains(.interrupt))
        #expect(!harness.commands.contains(.discard(id: "0a1b2c3d")))
    }
}
