import Foundation
import Testing

/// Input that cannot hang the full-screen interface, on the real binary under tmux: a
/// megabyte paste, and Ctrl-C from every overlay.
@Suite struct ScreenInputEndToEndTests {
    /// The saved answer to the first question of the newest session.
    static func savedAnswer(home: String) throws -> String? {
        let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: home)
        let transcript = try RehearseBinary.json(export.stdout) as? [String: Any]
        return ((transcript?["questions"] as? [[String: Any]])?.first)?["answer"] as? String
    }

    /// Proves a 1 MB paste lands cut at the editor's 50,000 characters, its Ctrl-S taken as
    /// text (the paste is bracketed), and that Ctrl-C pressed right behind it still stops the
    /// program (status 130) with what fitted saved.
    @Test func aMegabytePasteIsCutAtTheLimitAndCtrlCStillStops() throws {
        let home = try TemporaryFolder()
        let tmux = try TmuxSession(ScreenEndToEndTests.practice(answerTime: 600), home: home.path)
        ScreenEndToEndTests.startFirstQuestion(tmux)
        let paste = String(repeating: "pasted\u{13} words\n", count: 74_899) // 1,048,586 bytes
        try tmux.paste(paste)
        tmux.press("C-c")
        #expect(tmux.exitStatus(timeout: 20) == 130)
        #expect(tmux.terminalRestored() == true)
        let answer = try #require(try Self.savedAnswer(home: home.path))
        #expect(answer.count == 50_000)
        #expect(answer.hasPrefix("pasted words\npasted words\n"), "the pasted ^S is text, and dropped")
    }

    /// Proves a guide's zero-width joiners, zero-width spaces and byte-order marks never reach
    /// the terminal: the question shows without them and no row of the screen holds one.
    @Test func invisibleCharactersInAGuideNeverReachTheScreen() throws {
        let home = try TemporaryFolder()
        let standard = try String(contentsOfFile: RehearseBinary.fixture("standard"), encoding: .utf8)
        let guide = try home.write("invisible.md", standard.replacingOccurrences(
            of: "#### How do you choose between ROS 2 QoS profiles for a sensor topic?",
            with: "#### How do\u{200D} you choose\u{200B} between ROS 2 QoS\u{FEFF} profiles for a sensor\u{200E} topic?"))
        var arguments = ScreenEndToEndTests.practice(answerTime: 600)
        arguments[arguments.count - 1] = guide
        let tmux = try TmuxSession(arguments, home: home.path)
        ScreenEndToEndTests.startFirstQuestion(tmux)
        let screen = tmux.screen()
        let invisible: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF]
        #expect(!screen.unicodeScalars.contains { invisible.contains($0.value) }, "\(screen.unicodeScalars.filter { invisible.contains($0.value) }.map(\.value))")
        tmux.press("C-c")
        #expect(tmux.exitStatus() == 130)
    }

    /// Proves Ctrl-C stops the interview from the help overlay and from the quit dialog, as it
    /// does from the editor: status 130, the session kept to resume.
    @Test(arguments: ["F1", "C-q"]) func ctrlCStopsFromAnOverlay(opener: String) throws {
        let home = try TemporaryFolder()
        let tmux = try TmuxSession(ScreenEndToEndTests.practice(answerTime: 600), home: home.path)
        ScreenEndToEndTests.startFirstQuestion(tmux)
        tmux.type("Typed before the overlay.")
        tmux.waitFor("Typed before the overlay.")
        tmux.press(opener)
        tmux.waitFor(opener == "F1" ? "Keys: Answering" : "Leave the interview?")
        tmux.press("C-c")
        #expect(tmux.exitStatus() == 130)
        #expect(ScreenEndToEndTests.interruptedID(on: tmux.screen()) != nil, "the closing line names the session:\n\(tmux.screen())")
        #expect(try Self.savedAnswer(home: home.path) == "Typed before the overlay.")
    }
}
