import Testing
import TerminalUI
@testable import NcursesTerminal

/// The decoder on raw bytes, as terminals send them: every key in the forms of xterm, screen,
/// tmux, rxvt, the Linux console and vt100, sequences that mean nothing, pastes, and input cut
/// at any byte.
@Suite struct KeyDecodingTests {
    /// Decodes `chunks` as if each arrived on its own read; after the last, nothing more comes
    /// (so whatever is incomplete is decided). Dropped bytes leave no key.
    func keys(_ chunks: [[UInt8]], named: [[UInt8]: Key] = [:]) -> [Key] {
        var decoder = InputDecoder(namedSequences: named)
        var keys: [Key] = []
        for (number, chunk) in chunks.enumerated() {
            decoder.append(chunk)
            let last = number == chunks.count - 1
            loop: while true {
                switch decoder.next() {
                case .key(let key): keys.append(key)
                case .skipped: continue
                case .empty: break loop
                case .incomplete:
                    guard last else { break loop }
                    switch decoder.next(final: true) {
                    case .key(let key): keys.append(key)
                    case .skipped, .empty: continue
                    case .incomplete: Issue.record("still incomplete when final"); break loop
                    }
                }
            }
        }
        return keys
    }

    func keys(_ text: String, named: [[UInt8]: Key] = [:]) -> [Key] {
        keys([Array(text.utf8)], named: named)
    }

    /// Each chunk its own read: every byte on its own when `text` is split at every byte.
    func keys(bytewise text: String) -> [Key] {
        keys(Array(text.utf8).map { [$0] })
    }

    func typed(_ text: String) -> [Key] {
        text.map { Key.character($0) }
    }

    @Test func printableCharactersIncludingWideOnes() {
        #expect(keys("aZ é漢😀") == typed("aZ é漢😀"))
        // A character's bytes cut across reads still make the character.
        #expect(keys(bytewise: "é漢😀") == typed("é漢😀"))
    }

    @Test func controlCodes() {
        #expect(keys("\u{11}\u{13}\u{03}\r\n\t\u{7F}\u{08}\u{17}\u{1A}\u{19}") == [
            .control("q"), .control("s"), .control("c"), .enter, .enter, .tab, .backspace, .backspace, .deleteWordBackward,
            .control("z"), .control("y"),
        ])
        // Codes no key stands for decode to nothing rather than to garbage.
        #expect(keys("\u{00}\u{1C}x") == [.character("x")])
    }

    @Test func malformedUTF8BecomesAReplacementAndC1ControlsNothing() {
        #expect(keys([[0xFF, 0x61, 0xC3, 0x28, 0xED, 0xA0, 0x80]]) == [.character("\u{FFFD}"), .character("a"), .character("\u{FFFD}"),
                                                                        .character("("), .character("\u{FFFD}")])
        #expect(keys([[0xC2, 0x9B, 0x62]]) == [.character("b")])
        // A character cut off by the end of input.
        #expect(keys([[0x61, 0xE6, 0xBC]]) == [.character("a"), .character("\u{FFFD}")])
    }

    @Test func aLoneEscapeIsEscapeOnceNothingFollows() {
        var decoder = InputDecoder()
        decoder.append([0x1B])
        #expect(decoder.next() == .incomplete(.escape))
        #expect(decoder.next(final: true) == .key(.escape))
        #expect(decoder.next() == .empty)
        #expect(keys("\u{1B}\u{1B}") == [.escape, .escape])
        #expect(keys("\u{1B}\r") == [.escape, .enter])
        #expect(keys("\u{1B}\u{11}a") == [.escape, .control("q"), .character("a")])
    }

    @Test func altIsAnEscapePrefix() {
        #expect(keys("\u{1B}b\u{1B}f\u{1B}d\u{1B}\u{7F}\u{1B}\u{08}") == [
            .wordLeft, .wordRight, .deleteWordForward, .deleteWordBackward, .deleteWordBackward,
        ])
        #expect(keys("\u{1B}x\u{1B}é\u{1B}B") == [.alt("x"), .alt("é"), .alt("B")])
        // Alt on a key sent as a sequence (rxvt): Esc, then the sequence.
        #expect(keys("\u{1B}\u{1B}[D\u{1B}\u{1B}[C\u{1B}\u{1B}[3~\u{1B}\u{1B}[A") == [.wordLeft, .wordRight, .deleteWordForward, .up])
        // Alt-[ and Alt-O alone are what they look like.
        #expect(keys("\u{1B}[") == [.alt("[")])
        #expect(keys("\u{1B}O") == [.alt("O")])
    }

    @Test func homeAndEndInEveryForm() {
        for home in ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH"] {
            #expect(keys(home) == [.home], "\(home.debugDescription)")
        }
        for end in ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF"] {
            #expect(keys(end) == [.end], "\(end.debugDescription)")
        }
        // With modifiers they are still Home and End (xterm, rxvt).
        #expect(keys("\u{1B}[1;5H\u{1B}[1;2F\u{1B}[7^\u{1B}[8$") == [.home, .end, .home, .end])
    }

    @Test func editingAndPagingKeys() {
        #expect(keys("\u{1B}[3~\u{1B}[2~\u{1B}[5~\u{1B}[6~") == [.delete, .insert, .pageUp, .pageDown])
        #expect(keys("\u{1B}[3;5~\u{1B}[3;3~\u{1B}[3^\u{1B}[3$") == [.deleteWordForward, .deleteWordForward, .deleteWordForward, .delete])
        #expect(keys("\u{1B}[Z") == [.backTab])
        #expect(keys("\u{1B}OM") == [.enter])
    }

    @Test func functionKeysInEveryForm() {
        let xterm = ["\u{1B}OP", "\u{1B}OQ", "\u{1B}OR", "\u{1B}OS", "\u{1B}[15~", "\u{1B}[17~", "\u{1B}[18~", "\u{1B}[19~",
                     "\u{1B}[20~", "\u{1B}[21~", "\u{1B}[23~", "\u{1B}[24~"]
        #expect(keys(xterm.joined()) == (1...12).map(Key.function))
        let rxvt = ["\u{1B}[11~", "\u{1B}[12~", "\u{1B}[13~", "\u{1B}[14~"]
        #expect(keys(rxvt.joined()) == (1...4).map(Key.function))
        let linux = ["\u{1B}[[A", "\u{1B}[[B", "\u{1B}[[C", "\u{1B}[[D", "\u{1B}[[E"]
        #expect(keys(linux.joined()) == (1...5).map(Key.function))
        // Modified F1–F4 and F5 (xterm).
        #expect(keys("\u{1B}[1;2P\u{1B}[1;5S\u{1B}[15;2~") == [.function(1), .function(4), .function(5)])
    }

    @Test func arrowsWithModifiers() {
        #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD") == [.up, .down, .right, .left, .up, .down, .right, .left])
        // Ctrl (5), Alt (3), Ctrl-Shift (6), Meta (9) on ← → move by word; Shift (2) moves by character.
        #expect(keys("\u{1B}[1;5D\u{1B}[1;5C\u{1B}[1;3D\u{1B}[1;3C\u{1B}[1;6D\u{1B}[1;9C") == [
            .wordLeft, .wordRight, .wordLeft, .wordRight, .wordLeft, .wordRight,
        ])
        #expect(keys("\u{1B}[1;2D\u{1B}[1;2C\u{1B}[1;5A\u{1B}[1;3B") == [.left, .right, .up, .down])
        // rxvt: Shift-arrows as CSI a–d, Ctrl-arrows as SS3 a–d; old xterm: SS3 with a modifier.
        #expect(keys("\u{1B}[d\u{1B}[c\u{1B}Od\u{1B}Oc\u{1B}Oa") == [.left, .right, .wordLeft, .wordRight, .up])
        #expect(keys("\u{1B}O5D\u{1B}O5C") == [.wordLeft, .wordRight])
    }

    @Test func keysSentByCodePoint() {
        // CSI u and xterm's modifyOtherKeys.
        #expect(keys("\u{1B}[115;5u\u{1B}[27;5;113~\u{1B}[97u\u{1B}[97;2u\u{1B}[98;3u\u{1B}[9;2u\u{1B}[13u") == [
            .control("s"), .control("q"), .character("a"), .character("A"), .wordLeft, .backTab, .enter,
        ])
    }

    @Test func sequencesThatMeanNothingAreDroppedWhole() {
        let unknown = [
            "\u{1B}[99~", // no key has this number
            "\u{1B}[?62;22c", // a terminal's answer to "who are you"
            "\u{1B}[12;40R", // a cursor position report
            "\u{1B}[<0;10;5M", // a mouse report
            "\u{1B}[2 q", // an intermediate byte
            "\u{1B}]11;rgb:0000/0000/0000\u{07}", // a colour reply, ended by BEL
            "\u{1B}]10;rgb:ffff/ffff/ffff\u{1B}\\", // ... or by ST
            "\u{1B}P1$r0m\u{1B}\\", // a DCS reply
            "\u{1B}[I\u{1B}[O", // focus in and out
            "\u{1B}Oz", // SS3 with no key
            "\u{1B}[201~", // a paste's end with no start
        ]
        for sequence in unknown {
            #expect(keys("a" + sequence + "b") == typed("ab"), "\(sequence.debugDescription)")
            #expect(keys(bytewise: "a" + sequence + "b") == typed("ab"), "byte by byte: \(sequence.debugDescription)")
        }
        // A sequence with no end in sight is dropped once it is too long to be a key.
        #expect(keys("\u{1B}[" + String(repeating: "1;", count: 100) + "5Dx").allSatisfy { $0 != .character("[") && $0 != .character(";") })
    }

    @Test func aSequenceCutShortIsDroppedAndWhatFollowsIsKept() {
        #expect(keys("\u{1B}[1;") == [])
        #expect(keys("\u{1B}]11;rgb:00") == [])
        // A byte that cannot be inside a sequence ends it, and counts on its own.
        #expect(keys("\u{1B}[1;5\u{11}") == [.control("q")])
        // A reply cut short by the next key's Esc loses nothing of the key.
        #expect(keys("\u{1B}]11;rgb\u{1B}[D") == [.left])
    }

    @Test func aSequenceSplitAcrossReadsWaitsForItsEnd() {
        var decoder = InputDecoder()
        decoder.append(Array("\u{1B}[1;".utf8))
        #expect(decoder.next() == .incomplete(.sequence))
        decoder.append(Array("5Dz".utf8))
        #expect(decoder.next() == .key(.wordLeft))
        #expect(decoder.next() == .key(.character("z")))
        #expect(keys(bytewise: "\u{1B}[1;5D\u{1B}OH\u{1B}[[B\u{1B}[3$") == [.wordLeft, .home, .function(2), .delete])
    }

    @Test func terminfoSequencesComeFirst() {
        let named: [[UInt8]: Key] = [Array("\u{1B}[224z".utf8): .function(1), Array("\u{1B}[H".utf8): .end]
        #expect(keys("\u{1B}[224z\u{1B}[H", named: named) == [.function(1), .end])
    }

    @Test func aBracketedPasteIsOneKeyWhoseControlsAreText() {
        let paste = "\u{1B}[200~one\u{13}two\tthree\r\nfour\u{1B}[A\u{1B}[201~"
        #expect(keys("x" + paste + "y") == [.character("x"), .paste("one\u{13}two\tthree\r\nfour\u{1B}[A"), .character("y")])
        #expect(keys(bytewise: paste) == [.paste("one\u{13}two\tthree\r\nfour\u{1B}[A")])
        // UTF-8 and the end marker cut between reads.
        #expect(keys([Array("\u{1B}[200~漢".utf8).dropLast(1).map { $0 }, Array("漢\u{1B}[2".utf8).suffix(4).map { $0 }, Array("01~".utf8)])
            == [.paste("漢")])
        // A paste whose end never comes is what came.
        #expect(keys("\u{1B}[200~cut off") == [.paste("cut off")])
        #expect(keys("\u{1B}[200~\u{1B}[201~") == [.paste("")])
    }

    @Test func aMegabytePasteIsOneKey() {
        let body = String(repeating: "0123456789abcdef", count: 65_536)
        let chunks = Array("\u{1B}[200~\(body)\u{1B}[201~".utf8).chunked(4096)
        let decoded = keys(chunks)
        #expect(decoded.count == 1)
        if case .paste(let text)? = decoded.first { #expect(text.utf8.count == 1 << 20) } else { Issue.record("no paste") }
    }

    @Test func timeoutsInWholeMilliseconds() {
        #expect(NcursesScreen.milliseconds(.milliseconds(250)) == 250)
        #expect(NcursesScreen.milliseconds(.microseconds(1)) == 1)
        #expect(NcursesScreen.milliseconds(.microseconds(1500)) == 2)
        #expect(NcursesScreen.milliseconds(.seconds(2)) == 2000)
        #expect(NcursesScreen.milliseconds(.zero) == 0)
        #expect(NcursesScreen.milliseconds(.milliseconds(-5)) == 0)
        #expect(NcursesScreen.milliseconds(.seconds(Int64.max)) > 0)
    }

    @Test func escapeDelayFromTheEnvironment() {
        #expect(NcursesScreen.escapeDelay(environment: nil) == .milliseconds(25))
        #expect(NcursesScreen.escapeDelay(environment: "100") == .milliseconds(100))
        #expect(NcursesScreen.escapeDelay(environment: "0") == .milliseconds(25))
        #expect(NcursesScreen.escapeDelay(environment: "lots") == .milliseconds(25))
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min(count, $0 + size)]) }
    }
}
