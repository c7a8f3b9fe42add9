import Foundation
import Testing

/// A session that ends with nothing written is not kept, in line mode and on the full screen.
@Suite struct EmptySessionTests {
    static func storedSessions(home: String) throws -> [[String: Any]] {
        let history = try RehearseBinary.run(["history", "--json"], home: home)
        return try #require(try RehearseBinary.json(history.stdout) as? [[String: Any]])
    }

    /// Proves a piped run whose input ends at once, and a quick :quit, leave history empty.
    @Test func aPipedRunThatQuitsAtOnceLeavesNoSession() throws {
        let home = try TemporaryFolder()
        let arguments = ["practice", "--questions", "2", "--category", "technical", "--seed", "7", "--think-time", "0",
                         "--bank", RehearseBinary.fixture("standard")]
        let piped = try RehearseBinary.run(arguments + ["--plain"], home: home.path)
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("Nothing was written, so the session was not kept."))
        #expect(!piped.stdout.contains("Saved as session"))
        #expect(try Self.storedSessions(home: home.path).isEmpty)

        let quitting = try InteractiveSession(arguments, home: home.path)
        quitting.waitFor("answer> ")
        quitting.send(":quit")
        #expect(quitting.finish() == 0)
        #expect(quitting.transcript.contains("Nothing was written, so the session was not kept."))
        // No summary of a session that is not kept: no "skipped (counts 0)", no advice.
        for piece in ["Summary:", "skipped (counts 0)", "Things to work on", "Session score"] {
            #expect(!piped.stdout.contains(piece))
            #expect(!quitting.transcript.contains(piece))
        }
        #expect(try Self.storedSessions(home: home.path).isEmpty)
    }

    /// Proves an output closed before the session starts (`| head -1` gone) leaves no session:
    /// the write fails instead of killing the process, which then removes the empty session.
    /// (SIGPIPE had killed it, leaving an empty session offered for resume everywhere.)
    @Test func aClosedOutputLeavesNoSession() throws {
        let home = try TemporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RehearseBinary.path)
        process.arguments = ["practice", "--plain", "--questions", "1", "--bank", RehearseBinary.fixture("standard")]
        process.environment = ["HOME": home.path, "REHEARSE_HOME": home.path + "/data", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let output = Pipe()
        try output.fileHandleForReading.close()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "not killed by SIGPIPE")
        #expect(try Self.storedSessions(home: home.path).isEmpty)
    }

    /// Proves Ctrl-C on the first question with nothing typed, and ending an empty interview
    /// from the quit dialog, leave no session: the closing line says so.
    @Test func anEmptyFullScreenSessionIsNotKept() throws {
        let home = try TemporaryFolder()
        let stopped = try TmuxSession(ScreenEndToEndTests.practice(), home: home.path)
        ScreenEndToEndTests.startFirstQuestion(stopped)
        stopped.press("C-c")
        #expect(stopped.exitStatus() == 130)
        stopped.waitFor("Nothing was written, so the session was not kept.")
        #expect(ScreenEndToEndTests.interruptedID(on: stopped.screen()) == nil)
        #expect(try Self.storedSessions(home: home.path).isEmpty)

        let ended = try TmuxSession(ScreenEndToEndTests.practice(), home: home.path)
        ScreenEndToEndTests.startFirstQuestion(ended)
        ended.press("C-q")
        ended.waitFor("Leave the interview?")
        ended.press("e")
        ended.waitFor("Session ended early")
        ended.waitFor("Nothing was written, so this session is not kept.")
        #expect(!ended.screen().contains("Enter transcript"), "no transcript is offered")
        ended.press("q")
        #expect(ended.exitStatus() == 0)
        #expect(try Self.storedSessions(home: home.path).isEmpty)
    }
}
