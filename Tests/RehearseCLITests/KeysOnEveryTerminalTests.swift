import Foundation
import Testing

/// The keyboard on every terminal people use: the real binary under tmux with TERM set to each
/// common type, driven with the raw bytes of every terminal's keys (`send-keys -H`), whatever
/// that TERM's terminfo entry says. The saved answer must hold exactly the intended text: no
/// `~`, `[` or `;` left by a sequence, nothing typed by a sequence that means nothing, and a
/// paste's Ctrl-S as text rather than a submit. One session per TERM drives every sequence.
@Suite struct KeysOnEveryTerminalTests {
    static let terminals = ["xterm-256color", "screen-256color", "tmux-256color", "xterm", "screen", "linux",
                            "rxvt-unicode-256color", "vt100"]

    /// One thing to do to the answer editor. Each line of the script ends with the insertion
    /// point at its end, where Enter starts the next.
    enum Step {
        case type(String)
        /// Raw bytes, as a terminal sends them.
        case bytes(String)
        /// A key that opens the help: it shows, then a lone Esc closes it.
        case openAndCloseHelp(String)
    }

    static let esc = "\u{1B}"

    /// The steps, with the lines they leave in the answer.
    static let script: [(steps: [Step], line: String)] = [
        // Paging moves to the start and the end of a one-line answer.
        ([.type("P"), .bytes(esc + "[5~"), .type("<"), .bytes(esc + "[6~"), .type(">")], "<P>"),
        // Home and End as vt220/screen/tmux, rxvt, xterm in normal and in keypad mode.
        ([.type("B1"), .bytes(esc + "[1~"), .type("A"), .bytes(esc + "[4~"), .type("C")], "AB1C"),
        ([.type("B2"), .bytes(esc + "[7~"), .type("A"), .bytes(esc + "[8~"), .type("C")], "AB2C"),
        ([.type("B3"), .bytes(esc + "[H"), .type("A"), .bytes(esc + "[F"), .type("C")], "AB3C"),
        ([.type("B4"), .bytes(esc + "OH"), .type("A"), .bytes(esc + "OF"), .type("C")], "AB4C"),
        // Word moves: Ctrl-←/→ (xterm), Alt-←/→ (xterm), Ctrl-←/→ (rxvt), Alt-← (rxvt), Alt-b/f.
        ([.type("two"), .bytes(esc + "[1;5D"), .type("one "), .bytes(esc + "[1;5C"), .type(" three")], "one two three"),
        ([.type("beta"), .bytes(esc + "[1;3D"), .type("alpha "), .bytes(esc + "[1;3C"), .type(" gamma")], "alpha beta gamma"),
        ([.type("sun"), .bytes(esc + "Od"), .type("mon "), .bytes(esc + "Oc"), .type(" tue")], "mon sun tue"),
        ([.type("ten"), .bytes(esc + esc + "[D"), .type("nine "), .bytes(esc + "f"), .type(" eleven"), .bytes(esc + "b"),
          .type("and "), .bytes(esc + "[F")], "nine ten and eleven"),
        // Deleting: Alt-d, Delete, Ctrl-Delete, Backspace as ^? and ^H, Alt-Backspace.
        ([.type("keep drop"), .bytes(esc + "b"), .bytes(esc + "d"), .type("ok")], "keep ok"),
        ([.type("xyz"), .bytes(esc + "[D" + esc + "[D"), .bytes(esc + "[3~"), .bytes(esc + "OF")], "xz"),
        ([.type("a bc"), .bytes(esc + "[1;5D"), .bytes(esc + "[3;5~"), .type("d")], "a d"),
        ([.type("abc def"), .bytes(esc + "\u{7F}"), .type("g"), .bytes("\u{7F}\u{08}"), .type("!")], "abc!"),
        // Shift-arrows move by character; Shift-Tab, Insert and F2–F12 (xterm, rxvt, the Linux
        // console) change nothing in a free answer.
        ([.type("mn"), .bytes(esc + "[1;2D"), .type("x"), .bytes(esc + "[d"), .bytes(esc + "[c"), .type("y"), .bytes(esc + "[4~")], "mxyn"),
        ([.type("F"),
          .bytes(esc + "[Z" + esc + "[2~"),
          .bytes(esc + "OQ" + esc + "OR" + esc + "OS" + esc + "[15~" + esc + "[17~" + esc + "[18~"),
          .bytes(esc + "[19~" + esc + "[20~" + esc + "[21~" + esc + "[23~" + esc + "[24~"),
          .bytes(esc + "[12~" + esc + "[13~" + esc + "[14~" + esc + "[[B" + esc + "[[C" + esc + "[[D" + esc + "[[E"),
          .bytes(esc + "[1;2Q" + esc + "[15;5~"),
          .type("G")], "FG"),
        // Two sequences that mean nothing, and terminals' replies: dropped whole.
        ([.type("u"), .bytes(esc + "[99~"), .bytes(esc + "[1;9Y"), .bytes(esc + "[?62;22c"),
          .bytes(esc + "]11;rgb:0000/0000/0000\u{07}"), .type("v")], "uv"),
        // A bracketed paste: its Ctrl-S is text (dropped, not a submit), its tab four spaces,
        // its CR LF a new line.
        ([.bytes(esc + "[200~pasted\u{13}text\u{09}tab\r\nnext" + esc + "[201~")], "pastedtext    tab\nnext"),
        // F1 in xterm's, rxvt's and the Linux console's form opens the help.
        ([.openAndCloseHelp(esc + "OP"), .openAndCloseHelp(esc + "[11~"), .openAndCloseHelp(esc + "[[A"), .type("END")], "END"),
    ]

    static var expectedAnswer: String { script.map(\.line).joined(separator: "\n") }

    @Test(arguments: terminals) func everyKeyLeavesExactlyTheIntendedText(term: String) throws {
        let home = try TemporaryFolder()
        let tmux = try TmuxSession(["practice", "--questions", "1", "--category", "technical", "--seed", "7", "--think-time", "0",
                                    "--answer-time", "600", "--no-follow-ups", "--bank", RehearseBinary.fixture("standard")],
                                   home: home.path, environment: ["TERM": term])
        tmux.waitFor("[ Start the interview ]")
        tmux.press("Enter")
        tmux.waitFor("How this session runs")
        tmux.press("Enter")
        tmux.waitFor("Type your answer.")
        for (number, (steps, _)) in Self.script.enumerated() {
            if number > 0 { tmux.press("Enter") }
            for step in steps {
                switch step {
                case .type(let text): tmux.type(text)
                case .bytes(let bytes): tmux.send(bytes: bytes)
                case .openAndCloseHelp(let bytes):
                    tmux.send(bytes: bytes)
                    tmux.waitFor("Keys: Answering")
                    tmux.send(bytes: Self.esc)
                    tmux.waitForAbsence(of: "Keys: Answering")
                }
            }
        }
        tmux.waitFor("END")
        tmux.press("C-c")
        #expect(tmux.exitStatus() == 130, "TERM=\(term)")
        #expect(tmux.terminalRestored() == true, "TERM=\(term)")

        let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: home.path)
        let transcript = try #require(try RehearseBinary.json(export.stdout) as? [String: Any], "TERM=\(term): \(export.stderr)")
        let questions = try #require(transcript["questions"] as? [[String: Any]])
        let answer = try #require(questions.first?["answer"] as? String)
        #expect(answer == Self.expectedAnswer, "TERM=\(term)")
        #expect(questions.first?["reviewed"] as? Bool == false, "the pasted Ctrl-S submitted nothing")
    }
}
