import Testing
@testable import TerminalUI

@Suite struct CellBufferTests {
    @Test func controlAndEscapeCharactersNeverReachACell() {
        var buffer = CellBuffer(size: Size(width: 30, height: 1))
        buffer.put("a\u{1B}[2Jb\u{07}c\u{9B}d\u{202E}e", x: 0, y: 0)
        #expect(buffer.lines == ["a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d\u{FFFD}e"])
        for cell in buffer.cells {
            #expect(cell.character.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) })
        }
    }

    @Test func wideCharactersTakeTwoCellsAndAreNeverCutInHalf() {
        var buffer = CellBuffer(size: Size(width: 5, height: 1))
        let end = buffer.put("日本語", x: 0, y: 0)
        #expect(end == 4, "the third character would need columns 4 and 5")
        #expect(buffer.lines == ["日本…"], "the cut is marked in the column left over")
        #expect(buffer[1, 0].width == 0)
        // Writing over the second half of a wide character blanks its first half.
        buffer.put("x", x: 1, y: 0)
        #expect(buffer.lines == [" x本…"])
    }

    @Test func combiningMarksJoinTheirCharacter() {
        var buffer = CellBuffer(size: Size(width: 5, height: 1))
        buffer.put("e\u{301}a", x: 0, y: 0)
        #expect(buffer[0, 0].character == "é")
        #expect(buffer[1, 0].character == "a")
    }

    @Test func changesAreTheRunsThatDiffer() {
        var before = CellBuffer(size: Size(width: 10, height: 2))
        before.put("hello", x: 0, y: 0)
        var after = before
        after.put("J", x: 0, y: 0)
        after.put("漢", x: 6, y: 1)
        let changes = after.changes(since: before)
        #expect(changes.map(\.x) == [0, 6])
        #expect(changes.map(\.y) == [0, 1])
        #expect(changes.map(\.cells.count) == [1, 2])
        #expect(after.changes(since: after).isEmpty)
        #expect(after.changes(since: nil).count == 2, "no previous frame: every row")
    }

    @Test func textWidthFollowsEastAsianWidthAndEmoji() {
        #expect(TextWidth.of("a") == 1)
        #expect(TextWidth.of("é") == 1)
        #expect(TextWidth.of("語") == 2)
        #expect(TextWidth.of("Ａ") == 2)
        #expect(TextWidth.of("🚀") == 2)
        #expect(TextWidth.of("☀️") == 2)
        #expect(TextWidth.of("\u{301}" as Character) == 0)
        #expect(TextWidth.of("日本 ok") == 7)
    }

    @Test func aCharacterOfOneScalarIsAsWideAsItsScalar() {
        // The quick paths for ASCII and for CJK letters give what the full look-up gives.
        for value in Array(0..<0x3000) + Array(0x3000..<0xA000) + Array(0xAC00..<0xD800) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let expected = value < 0x300 ? (value < 0x20 || (0x7F..<0xA0).contains(value) ? 0 : 1) : TextWidth.of(scalar)
            #expect(TextWidth.of(Character(scalar)) == expected, "U+\(String(value, radix: 16))")
        }
    }
}

@Suite struct TextThatFitsTests {
    @Test func clippedTextEndsInAnEllipsis() {
        var buffer = CellBuffer(size: Size(width: 12, height: 3))
        buffer.put("a long sentence", x: 0, y: 0)
        #expect(buffer.lines[0] == "a long sent…")
        buffer.put("fits exactly", x: 0, y: 1)
        #expect(buffer.lines[1] == "fits exactly")
        // Spaces left out are no cut; a limit inside the row counts like the row's end.
        buffer.put("trail      ", x: 0, y: 2, limit: 8)
        #expect(buffer.lines[2] == "trail")
        var wide = CellBuffer(size: Size(width: 5, height: 2))
        wide.put("日本語", x: 0, y: 0)
        #expect(wide.lines[0] == "日本…", "the column a wide character could not use holds the mark")
        wide.put("ab日本", x: 0, y: 1, limit: 5)
        #expect(wide.lines[1] == "ab日…")
    }

    @Test func guideTitlesLoseTheirEndingBeforeTheirRole() {
        #expect(GuideTitle.fitted("Edge AI Engineer Interview Guide", width: 40) == "Edge AI Engineer Interview Guide")
        #expect(GuideTitle.fitted("Edge AI Engineer Interview Guide", width: 20) == "Edge AI Engineer")
        #expect(GuideTitle.fitted("Robotics Software Engineer Interview Prep", width: 20) == "Robotics Software Engineer")
        #expect(GuideTitle.fitted("MLOps Engineer – Interview Questions", width: 20) == "MLOps Engineer")
        #expect(GuideTitle.fitted("Guide", width: 2) == "Guide", "nothing would be left")
        #expect(GuideTitle.fitted(["Edge AI Engineer Interview Guide", "MLOps Engineer Interview Guide"], width: 40)
            == "Edge AI Engineer, MLOps Engineer")
        var buffer = CellBuffer(size: Size(width: 14, height: 1))
        buffer.put(GuideTitle.fitted("Computer Vision Engineer Interview Guide", width: 14), x: 0, y: 0)
        #expect(buffer.lines[0] == "Computer Visi…")
    }
}

@Suite struct InvisibleCharacterTests {
    @Test func zeroWidthAndDirectionMarksAreDropped() {
        var buffer = CellBuffer(size: Size(width: 20, height: 3))
        buffer.put("\u{200B}x\u{FEFF}y\u{200E}z\u{200F}\u{2060}!", x: 0, y: 0)
        #expect(buffer.lines[0] == "xyz!")
        // A joiner after a letter, or alone at the start of a row, is gone from every cell.
        buffer.put("\u{200D}a\u{200D}b\u{200C}c", x: 0, y: 1)
        #expect(buffer.lines[1] == "abc")
        for cell in buffer.cells {
            #expect(!cell.character.unicodeScalars.contains { CellBuffer.isInvisible($0) }, "\(cell.character.unicodeScalars.map(\.value))")
        }
    }

    @Test func emojiJoinedIntoOnePictureStayWhole() {
        var buffer = CellBuffer(size: Size(width: 20, height: 1))
        let family = "👩‍👩‍👧"
        let end = buffer.put(family + "x", x: 0, y: 0)
        #expect(buffer[0, 0].character == Character(family))
        #expect(end == 3)
        #expect(buffer.lines[0] == family + "x")
    }

    @Test func directionOverridesStayVisible() {
        var buffer = CellBuffer(size: Size(width: 20, height: 1))
        buffer.put("a\u{202E}b\u{2067}c", x: 0, y: 0)
        #expect(buffer.lines[0] == "a\u{FFFD}b\u{FFFD}c")
    }
}
