import Foundation
import Testing
import TerminalUI
@testable import NcursesTerminal

/// Screens on files instead of a terminal, so these run in CI with no tty. ncurses keeps global
/// state: one screen at a time, hence serialized.
@Suite(.serialized) struct NcursesScreenTests {
    /// A temporary file, removed after `body`.
    func withTemporaryFile<T>(_ contents: Data = Data(), _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-ncurses-\(UUID().uuidString)").path
        try contents.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    func fileSize(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? -1
    }

    func sampleFrame(_ size: Size) -> CellBuffer {
        var buffer = CellBuffer(size: size)
        buffer.put("Rehearse", x: 0, y: 0, style: .heading)
        buffer.put("漢字 ok", x: 2, y: 1)
        buffer.put("Time is up", x: 0, y: 2, style: .danger)
        buffer.put("corner", x: size.width - 6, y: size.height - 1, style: .reverse)
        return buffer
    }

    @Test func smokeOnDevNull() throws {
        let screen = try NcursesScreen(terminalType: "xterm-256color", outputPath: "/dev/null")
        #expect(screen.size.width > 0 && screen.size.height > 0)
        var buffer = sampleFrame(screen.size)
        screen.draw(buffer)
        buffer.put("!", x: 8, y: 0)
        buffer.cursor = Position(x: 9, y: 0)
        screen.draw(buffer)
        #expect(screen.heldCursor == Position(x: 9, y: 0))
        #expect(screen.cursorVisible == true)
        buffer.cursor = nil
        screen.draw(buffer)
        #expect(screen.cursorVisible == false)
        #expect(screen.nextKey(timeout: .milliseconds(10)) == nil)
        screen.stop()
        screen.stop()
        #expect(screen.isStopped)
        // A stopped screen ignores further use.
        screen.draw(buffer)
        #expect(screen.nextKey(timeout: .milliseconds(10)) == nil)
    }

    @Test func framesLandInNcursesWindow() throws {
        let screen = try NcursesScreen(terminalType: "xterm-256color", outputPath: "/dev/null")
        defer { screen.stop() }
        let buffer = sampleFrame(screen.size)
        screen.draw(buffer)
        #expect(screen.heldCell(x: 0, y: 0)?.text == "R")
        #expect(screen.heldCell(x: 2, y: 1)?.text == "漢")
        #expect(screen.heldCell(x: 4, y: 1)?.text == "字")
        #expect(screen.heldCell(x: 7, y: 1)?.text == "o")
        let heading = NcursesScreen.attributes(for: .heading, color: screen.usesColor)
        #expect(screen.heldCell(x: 0, y: 0)?.attributes == heading.attributes)
        #expect(screen.heldCell(x: 0, y: 0)?.pair == heading.pair)
        #expect(screen.heldCell(x: 0, y: 2)?.attributes.contains(.bold) == true)
        // The bottom-right cell is written even though ncurses reports ERR for it.
        #expect(screen.heldCell(x: screen.size.width - 1, y: screen.size.height - 1)?.text == "r")
        #expect(screen.heldCell(x: screen.size.width - 1, y: screen.size.height - 1)?.attributes == [.reverse])

        // A character ncurses cannot print becomes a replacement character, in one cell.
        var next = buffer
        next.put("\u{E0080}x", x: 0, y: 3)
        // One the buffer counts wide and the C library narrow keeps its second column blank.
        next.put("\u{2600}\u{FE0F}z", x: 0, y: 4)
        screen.draw(next)
        #expect(screen.heldCell(x: 0, y: 3)?.text == "\u{FFFD}")
        #expect(screen.heldCell(x: 1, y: 3)?.text == "x")
        #expect(screen.heldCell(x: 0, y: 4)?.text == "\u{2600}\u{FE0F}")
        #expect(screen.heldCell(x: 1, y: 4)?.text == " ")
        #expect(screen.heldCell(x: 2, y: 4)?.text == "z")
    }

    @Test func aOneCellChangeSendsOnlyAFewBytes() throws {
        try withTemporaryFile { path in
            let screen = try NcursesScreen(terminalType: "xterm-256color", outputPath: path)
            defer { screen.stop() }
            var buffer = sampleFrame(screen.size)
            screen.draw(buffer)
            let first = try fileSize(path)
            #expect(first > 100)

            buffer.put("X", x: 10, y: 5)
            screen.draw(buffer)
            let second = try fileSize(path) - first
            #expect(second > 0)
            #expect(second < 64)

            // An unchanged frame sends nothing at all.
            screen.draw(buffer)
            #expect(try fileSize(path) - first - second == 0)

            let sent = try Data(contentsOf: URL(fileURLWithPath: path))
            print("ncurses: first frame \(first) bytes, one-cell change \(second) bytes: \(String(decoding: sent.suffix(second), as: UTF8.self).debugDescription)")
        }
    }

    @Test func resizedBufferRepaintsEverything() throws {
        try withTemporaryFile { path in
            let screen = try NcursesScreen(terminalType: "xterm-256color", outputPath: path)
            defer { screen.stop() }
            screen.draw(sampleFrame(screen.size))
            let first = try fileSize(path)
            // A smaller frame (as after a resize) clears the screen and draws whole.
            var small = CellBuffer(size: Size(width: 20, height: 5))
            small.put("small", x: 0, y: 0)
            screen.draw(small)
            #expect(try fileSize(path) > first)
            #expect(screen.heldCell(x: 0, y: 2)?.text == " ")
            #expect(screen.heldCell(x: 0, y: 0)?.text == "s")
        }
    }

    @Test func suspendAndResume() throws {
        try withTemporaryFile { path in
            let screen = try NcursesScreen(terminalType: "xterm-256color", outputPath: path)
            defer { screen.stop() }
            let buffer = sampleFrame(screen.size)
            screen.draw(buffer)
            let drawn = try fileSize(path)
            screen.suspend()
            let suspended = try fileSize(path)
            screen.suspend()
            #expect(screen.nextKey(timeout: .milliseconds(10)) == nil)
            screen.resume()
            let resumed = try fileSize(path)
            screen.draw(buffer)
            print("ncurses: frame \(drawn), suspend \(suspended - drawn), resume \(resumed - suspended), the draw after resume \(try fileSize(path) - resumed) bytes")
            // Resuming repaints the whole terminal from ncurses's copy of the screen…
            #expect(resumed - suspended > 100)
            // …so the same frame drawn again sends nothing more.
            #expect(try fileSize(path) == resumed)
            #expect(screen.heldCell(x: 0, y: 0)?.text == "R")
            // Stopping while suspended must not end the screen twice.
            screen.suspend()
            screen.stop()
            #expect(screen.isStopped)
        }
    }

    @Test func keysFromTheInputStream() throws {
        // What a user might type on xterm: letters, a wide character, Ctrl-Q, Alt-b,
        // the Up arrow and Ctrl-Left in keypad mode, F1, Delete, Shift-Tab, Enter, Backspace,
        // the arrows as a terminal ignoring keypad mode sends them, Home as screen sends it, a
        // sequence that means nothing, a paste holding Ctrl-S, an Escape with nothing after it.
        let typed = "a漢\u{11}\u{1B}b\u{1B}OA\u{1B}[1;5D\u{1B}OP\u{1B}[3~\u{1B}[3;5~\u{1B}[Z\r\u{7F}\u{1B}[A\u{1B}[D"
            + "\u{1B}[1~\u{1B}[99~\u{1B}[200~p\u{13}q\u{1B}[201~\u{1B}"
        let keys: [Key] = try withTemporaryFile(Data(typed.utf8)) { path in
            let screen = try NcursesScreen(terminalType: "xterm-256color", outputPath: "/dev/null", inputPath: path)
            defer { screen.stop() }
            return (0..<20).compactMap { _ in screen.nextKey(timeout: .milliseconds(50)) }
        }
        #expect(keys == [
            .character("a"), .character("漢"), .control("q"), .wordLeft, .up, .wordLeft, .function(1),
            .delete, .deleteWordForward, .backTab, .enter, .backspace, .up, .left, .home, .paste("p\u{13}q"), .escape,
        ])
    }

    @Test func bracketedPasteIsAskedForAndTurnedOffOnEveryWayOut() throws {
        try withTemporaryFile { path in
            let screen = try NcursesScreen(terminalType: "xterm-256color", outputPath: path)
            screen.draw(sampleFrame(screen.size))
            let on = "\u{1B}[?2004h", off = "\u{1B}[?2004l"
            func sent() throws -> String { String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) }
            #expect(try sent().components(separatedBy: on).count == 2)
            #expect(try !sent().contains(off))
            // Handing the terminal to $EDITOR turns it off, and taking it back on again.
            screen.suspend()
            #expect(try sent().components(separatedBy: off).count == 2)
            screen.resume()
            screen.draw(sampleFrame(screen.size))
            #expect(try sent().components(separatedBy: on).count == 3)
            screen.stop()
            let all = try sent()
            #expect(all.components(separatedBy: off).count == 3)
            #expect(all.range(of: off, options: .backwards)!.lowerBound > all.range(of: on, options: .backwards)!.lowerBound)
        }
    }

    @Test func aSignalIsRecordedNotFatal() throws {
        let screen = try NcursesScreen(terminalType: "xterm-256color", outputPath: "/dev/null")
        defer { screen.stop() }
        // A signal this process ignored before (nohup) stays ignored, so use one it handles.
        guard let number = SignalFlag.handled.first else { return }
        _ = NcursesScreen.takePendingSignal()
        // Sent to the process, not this thread: worker threads block signals, so the handler
        // runs on another thread, soon.
        kill(getpid(), number)
        let deadline = ContinuousClock.now + .seconds(2)
        while NcursesScreen.pendingSignal == nil, ContinuousClock.now < deadline { usleep(1000) }
        #expect(NcursesScreen.pendingSignal == number)
        let start = ContinuousClock.now
        #expect(screen.nextKey(timeout: .milliseconds(200)) == nil)
        #expect(ContinuousClock.now - start < .milliseconds(100))
        #expect(NcursesScreen.takePendingSignal() == number)
        #expect(NcursesScreen.pendingSignal == nil)
    }

    @Test func aSecondScreenAfterTheFirstStops() throws {
        for _ in 0..<3 {
            let screen = try NcursesScreen(terminalType: "xterm-256color", outputPath: "/dev/null")
            screen.draw(sampleFrame(screen.size))
            screen.stop()
        }
    }

    @Test func colourFollowsTheTerminalAndNoColor() throws {
        let mono = try NcursesScreen(terminalType: "xterm-mono", outputPath: "/dev/null")
        #expect(!mono.usesColor)
        mono.stop()
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"] ?? ""
        let colour = try NcursesScreen(terminalType: "xterm-256color", outputPath: "/dev/null")
        #expect(colour.usesColor == noColor.isEmpty)
        colour.stop()
    }

    @Test func noColorTurnsColourOffWhenSetToAnything() {
        #expect(Palette.allowed(noColor: nil, hasColors: true))
        #expect(Palette.allowed(noColor: "", hasColors: true))
        #expect(!Palette.allowed(noColor: "1", hasColors: true))
        #expect(!Palette.allowed(noColor: "0", hasColors: true))
        #expect(!Palette.allowed(noColor: nil, hasColors: false))
    }

    @Test func anUnknownTerminalTypeThrows() {
        #expect(throws: NcursesError.self) {
            _ = try NcursesScreen(terminalType: "no-such-terminal-xyz", outputPath: "/dev/null")
        }
    }
}
