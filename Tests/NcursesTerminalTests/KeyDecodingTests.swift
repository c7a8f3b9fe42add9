import Testing
import TerminalUI
@testable import NcursesTerminal

@Suite struct KeyDecodingTests {
    /// Made-up key codes: the decoder only looks them up.
    let decoder = KeyDecoder(keyCodes: [1: .left, 2: .right, 3: .backspace, 4: .up, 5: .resize])

    /// Decodes `inputs` one key at a time, pushing back read-ahead like the screen does.
    func keys(_ inputs: [RawInput]) -> [Key?] {
        var queue = inputs
        var keys: [Key?] = []
        while !queue.isEmpty {
            let first = queue.removeFirst()
            let (key, unread) = decoder.decode(first) { queue.isEmpty ? nil : queue.removeFirst() }
            if let unread { queue.insert(unread, at: 0) }
            keys.append(key)
        }
        return keys
    }

    func characters(_ text: String) -> [RawInput] {
        text.unicodeScalars.map { .character($0.value) }
    }

    @Test func printableCharactersIncludingWideOnes() {
        #expect(keys(characters("aZ é漢😀")) == [.character("a"), .character("Z"), .character(" "), .character("é"), .character("漢"), .character("😀")])
    }

    @Test func controlCodes() {
        #expect(keys(characters("\u{11}\u{13}\u{03}\r\n\t\u{7F}\u{08}\u{17}")) == [
            .control("q"), .control("s"), .control("c"), .enter, .enter, .tab, .backspace, .backspace, .deleteWordBackward,
        ])
        // Codes no key stands for decode to nothing rather than to garbage.
        #expect(keys(characters("\u{00}\u{1C}")) == [nil, nil])
    }

    @Test func keyCodes() {
        #expect(keys([.keyCode(1), .keyCode(4), .keyCode(5), .keyCode(99)]) == [.left, .up, .resize, nil])
    }

    @Test func escapeAloneAndWithAKeyBehindIt() {
        #expect(keys(characters("\u{1B}")) == [.escape])
        #expect(keys(characters("\u{1B}b\u{1B}f\u{1B}d\u{1B}\u{7F}\u{1B}\u{08}")) == [
            .wordLeft, .wordRight, .deleteWordForward, .deleteWordBackward, .deleteWordBackward,
        ])
        #expect(keys(characters("\u{1B}x\u{1B}é\u{1B}B")) == [.alt("x"), .alt("é"), .alt("B")])
        #expect(keys([.character(0x1B), .keyCode(1), .character(0x1B), .keyCode(2), .character(0x1B), .keyCode(3)]) == [
            .wordLeft, .wordRight, .deleteWordBackward,
        ])
    }

    @Test func escapeNeverSwallowsTheKeyAfterIt() {
        #expect(keys(characters("\u{1B}\u{1B}")) == [.escape, .escape])
        #expect(keys(characters("\u{1B}\r")) == [.escape, .enter])
        #expect(keys(characters("\u{1B}\u{11}a")) == [.escape, .control("q"), .character("a")])
        #expect(keys([.character(0x1B), .keyCode(4)]) == [.escape, .up])
    }

    @Test func invalidScalarsDoNotCrash() {
        #expect(keys([.character(0xD800), .character(0xDFFF), .character(0x110000), .character(UInt32.max)]) == Array(repeating: .character("\u{FFFD}"), count: 4))
        #expect(keys([.character(0x1B), .character(0xD800)]) == [.alt("\u{FFFD}")])
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
}
