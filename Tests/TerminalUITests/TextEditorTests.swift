import Testing
@testable import TerminalUI

@Suite struct WordWrapTests {
    @Test func breaksAfterTheLastSpaceThatFits() {
        #expect(WordWrap.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func breaksAWordLongerThanTheLine() {
        #expect(WordWrap.wrap("abcdefghijkl mn", width: 5) == ["abcde", "fghij", "kl mn"])
    }

    @Test func keepsBlankLinesAndNewlines() {
        #expect(WordWrap.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
        #expect(WordWrap.wrap("", width: 10) == [""])
    }

    @Test func countsWideCharactersAsTwoColumns() {
        // Five ideographs are ten columns: four fit in nine columns.
        #expect(WordWrap.wrap("日本語の文", width: 9) == ["日本語の", "文"])
    }

    @Test func everyCharacterBelongsToOneLine() {
        let text = Array("a bb ccc dddd eeeee ffffff\n\ngg  hh")
        for width in 1...12 {
            let lines = WordWrap.lines(text, width: width)
            var covered = lines.reduce(0) { $0 + $1.count }
            covered += text.filter { $0 == "\n" }.count
            #expect(covered == text.count, "width \(width)")
        }
    }

    @Test func indentsContinuationLinesUnderAPrefix() {
        #expect(WordWrap.wrap("one two three", width: 10, prefix: "1. ") == ["1. one two", "   three"])
    }
}

@Suite struct TextEditorTests {
    private func editor(_ text: String, cursor: Int? = nil) -> TextEditor {
        var editor = TextEditor(text)
        if let cursor {
            editor.apply(.textStart, width: 20, height: 5)
            for _ in 0..<cursor { editor.apply(.right, width: 20, height: 5) }
        }
        return editor
    }

    @Test func insertsAtTheCursorAndDeletesEitherSide() {
        var editor = editor("helo", cursor: 3)
        editor.apply(.insert("l"), width: 20, height: 5)
        #expect(editor.text == "hello")
        #expect(editor.cursor == 4)
        editor.apply(.deleteForward, width: 20, height: 5)
        editor.apply(.deleteBackward, width: 20, height: 5)
        #expect(editor.text == "hel")
        #expect(editor.cursor == 3)
    }

    @Test func movesAndDeletesByWord() {
        var editor = editor("latency budget, p99 tail")
        editor.apply(.wordLeft, width: 40, height: 5)
        #expect(editor.cursor == 20)
        editor.apply(.wordLeft, width: 40, height: 5)
        editor.apply(.wordLeft, width: 40, height: 5)
        #expect(editor.cursor == 8)
        editor.apply(.wordRight, width: 40, height: 5)
        #expect(editor.cursor == 14)
        editor.apply(.deleteWordBackward, width: 40, height: 5)
        #expect(editor.text == "latency , p99 tail")
        editor.apply(.deleteWordForward, width: 40, height: 5)
        #expect(editor.text == "latency  tail")
    }

    @Test func upAndDownFollowWrappedLinesAndKeepTheColumn() {
        var editor = editor("alpha beta gamma\ndelta epsilon")
        let width = 9
        #expect(WordWrap.wrap(editor.text, width: width) == ["alpha", "beta", "gamma", "delta", "epsilon"])
        editor.apply(.textStart, width: width, height: 5)
        for _ in 0..<3 { editor.apply(.right, width: width, height: 5) }
        editor.apply(.down, width: width, height: 5)
        #expect(editor.cursorPlace(width: width) == (1, 3))
        // "beta " wraps at its space: its end is before the space.
        editor.apply(.lineEnd, width: width, height: 5)
        #expect(editor.cursorPlace(width: width) == (1, 4))
        editor.apply(.down, width: width, height: 5)
        #expect(editor.cursorPlace(width: width) == (2, 4))
        editor.apply(.lineEnd, width: width, height: 5)
        // "gamma" ends its paragraph: its end is after the last letter.
        #expect(editor.cursorPlace(width: width) == (2, 5))
        editor.apply(.down, width: width, height: 5)
        editor.apply(.down, width: width, height: 5)
        #expect(editor.cursorPlace(width: width) == (4, 5))
        editor.apply(.lineStart, width: width, height: 5)
        #expect(editor.cursorPlace(width: width) == (4, 0))
        for _ in 0..<5 { editor.apply(.up, width: width, height: 5) }
        #expect(editor.cursor == 0)
    }

    @Test func wideCharactersMoveAsOneAndTakeTwoColumns() {
        var editor = editor("漢字abc")
        editor.apply(.textStart, width: 20, height: 5)
        editor.apply(.right, width: 20, height: 5)
        #expect(editor.cursorPlace(width: 20) == (0, 2))
        editor.apply(.deleteBackward, width: 20, height: 5)
        #expect(editor.text == "字abc")
        editor.apply(.insert("é👍"), width: 20, height: 5)
        #expect(editor.text == "é👍字abc")
        #expect(editor.cursorPlace(width: 20) == (0, 3))
    }

    @Test func aPasteArrivesWholeWithItsLineBreaks() {
        var editor = editor("")
        editor.apply(.paste("first line\r\nsecond\tline\rthird\u{1B}[31m\u{13}\u{9B}"), width: 20, height: 5)
        #expect(editor.text == "first line\nsecond    line\nthird[31m")
    }

    @Test func scrollsToKeepTheCursorShown() {
        var editor = editor("")
        for number in 1...10 {
            editor.apply(.insert("line \(number)"), width: 20, height: 3)
            if number < 10 { editor.apply(.newline, width: 20, height: 3) }
        }
        #expect(editor.scrollTop == 7)
        editor.apply(.pageUp, width: 20, height: 3)
        editor.apply(.pageUp, width: 20, height: 3)
        #expect(editor.cursorPlace(width: 20).line == 5)
        #expect(editor.scrollTop == 5)
        editor.apply(.textStart, width: 20, height: 3)
        #expect(editor.scrollTop == 0)
    }

    @Test func stopsAtTheLengthLimitWithoutLosingWhatFits() {
        var editor = editor(String(repeating: "a", count: TextEditor.maximumLength - 2))
        let inserted = editor.apply(.insert("bcd"), width: 20, height: 5)
        #expect(inserted)
        #expect(editor.characters.count == TextEditor.maximumLength)
        #expect(editor.text.hasSuffix("abc"))
        #expect(editor.cutAtLimit)
        let overflow = editor.apply(.insert("e"), width: 20, height: 5)
        #expect(!overflow)
        #expect(editor.cutAtLimit)
        var small = self.editor("")
        small.apply(.paste("fits"), width: 20, height: 5)
        #expect(!small.cutAtLimit)
    }
}

@Suite struct LineEditorTests {
    @Test func editsLikeAShellLine() {
        var field = LineEditor("~/notes/file.md")
        // A file name is one word, each folder another.
        field.apply(.deleteWordBackward)
        #expect(field.text == "~/notes/")
        field.apply(.deleteWordBackward)
        #expect(field.text == "~/")
        field.apply(.home)
        field.apply(.character("X"))
        #expect(field.text == "X~/")
        field.apply(.control("k"))
        #expect(field.text == "X")
        field.apply(.paste("a\tb\r\nc\u{1B}"))
        #expect(field.text == "Xa b c")
        field.apply(.control("u"))
        #expect(field.text.isEmpty)
    }

    @Test func aLongLineShowsTheInsertionPointWithCutsMarked() {
        let field = LineEditor(String(repeating: "abcdefghij", count: 5))
        let end = field.visible(width: 20)
        #expect(end.text.hasPrefix("…"))
        #expect(TextWidth.of(end.text) <= 20)
        #expect(end.cursorColumn == TextWidth.of(end.text))
        var start = field
        start.apply(.home)
        let shown = start.visible(width: 20)
        #expect(shown.text.hasSuffix("…"))
        #expect(TextWidth.of(shown.text) == 20)
        #expect(shown.cursorColumn == 0)
        #expect(LineEditor("short").visible(width: 20) == ("short", 5))
    }
}

@Suite struct UndoTests {
    private func apply(_ editor: inout TextEditor, _ edits: TextEditor.Edit...) {
        for edit in edits { editor.apply(edit, width: 40, height: 5) }
    }

    @Test func typingComesBackAWordAtATime() {
        var editor = TextEditor()
        for character in "one two three" { apply(&editor, .insert(String(character))) }
        apply(&editor, .undo)
        #expect(editor.text == "one two ")
        apply(&editor, .undo)
        #expect(editor.text == "one ")
        apply(&editor, .redo, .redo)
        #expect(editor.text == "one two three")
        #expect(editor.cursor == 13)
        #expect(!editor.canRedo)
    }

    @Test func aPasteIsOneStepAndAMoveEndsTheTypingStep() {
        var editor = TextEditor("start")
        apply(&editor, .insert("ab"), .left, .insert("X"), .paste("pasted text\nmore"))
        #expect(editor.text == "startaXpasted text\nmoreb")
        apply(&editor, .undo)
        #expect(editor.text == "startaXb")
        #expect(editor.cursor == 7)
        apply(&editor, .undo)
        #expect(editor.text == "startab", "the move ended the step before the X")
        apply(&editor, .undo)
        #expect(editor.text == "start")
        apply(&editor, .undo)
        #expect(editor.text == "start", "nothing more to undo")
    }

    @Test func deletionsUndoTooAndANewEditDropsTheRedo() {
        var editor = TextEditor("hello world")
        apply(&editor, .deleteBackward, .deleteBackward, .deleteBackward)
        #expect(editor.text == "hello wo")
        apply(&editor, .deleteWordBackward)
        #expect(editor.text == "hello ")
        apply(&editor, .undo)
        #expect(editor.text == "hello wo")
        apply(&editor, .undo)
        #expect(editor.text == "hello world", "a run of Backspace is one step")
        apply(&editor, .textStart, .deleteForward, .deleteForward)
        #expect(editor.text == "llo world")
        apply(&editor, .undo)
        #expect(editor.text == "hello world")
        #expect(editor.cursor == 0)
        apply(&editor, .insert("Oh, "))
        #expect(!editor.canRedo)
    }

    @Test func aTextFromTheEditorIsOneStep() {
        var editor = TextEditor("draft")
        editor.replace(with: "final text", width: 40, height: 5)
        apply(&editor, .undo)
        #expect(editor.text == "draft")
    }
}
