import InterviewCore
import Testing
@testable import TerminalUI

/// The editor keeps its string, its wrapped lines and its figures up to date edit by edit, and
/// the question screen draws from them: random edit sequences, at several widths, against the
/// same made from scratch after every step.
@Suite struct IncrementalEditingTests {
    /// What random edits type: words (hedges and pairs among them), numbers, CJK and other
    /// wide characters, marks that extend or repeat, combining marks alone, emoji and joiners,
    /// apostrophes, hyphens, punctuation and runs of spaces.
    static let pieces = [
        "the", "model", "quantized", "kind", "of", "I", "think", "maybe", "we", "three", "40%", "日本語", "遅延", "々", "ー",
        "サーバー", "ｻｰﾊﾞ", "지연", "e\u{301}", "\u{301}", "👍", "👨‍👩‍👧", "\u{200D}", "-", "'", "’", "—", ",", ".", " ", " ", " ",
        "   ", "supercalifragilistic",
    ]

    static func randomText(_ generator: inout SeededGenerator, pieces count: Int) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: Bool.random(using: &generator) ? " " : "")
    }

    static func randomEdit(_ generator: inout SeededGenerator) -> TextEditor.Edit {
        switch Int.random(in: 0..<24, using: &generator) {
        case 0..<6: .insert(randomText(&generator, pieces: Int.random(in: 1...2, using: &generator)))
        case 6: .paste(randomText(&generator, pieces: Int.random(in: 0...30, using: &generator)) + "\r\n\tpasted\u{1B}[1m\r" + randomText(&generator, pieces: 3))
        case 7, 8: .newline
        case 9, 10: .deleteBackward
        case 11: .deleteForward
        case 12: .deleteWordBackward
        case 13: .deleteWordForward
        case 14: [.left, .right, .wordLeft, .wordRight].randomElement(using: &generator)!
        case 15, 16: [.up, .down, .lineStart, .lineEnd].randomElement(using: &generator)!
        case 17: [.pageUp, .pageDown, .textStart, .textEnd].randomElement(using: &generator)!
        case 18, 19: .undo
        case 20: .redo
        default: .insert(String(pieces.randomElement(using: &generator)!.first!))
        }
    }

    @Test(arguments: [1, 2, 3, 4, 7, 12, 30, 76])
    func editsKeepTheStringTheLinesAndTheFiguresAsIfMadeAgain(width: Int) {
        var generator = SeededGenerator(seed: UInt64(width) * 7_919)
        for round in 0..<12 {
            var editor = TextEditor(Self.randomText(&generator, pieces: Int.random(in: 0...80, using: &generator)))
            for step in 0..<120 {
                // Now and then a step at another width (a resize) and the text replaced whole.
                let stepWidth = Int.random(in: 0..<10, using: &generator) == 0 ? width + 5 : width
                let height = Int.random(in: 1...6, using: &generator)
                var fresh = editor.remade()
                if Int.random(in: 0..<60, using: &generator) == 0 {
                    let text = Self.randomText(&generator, pieces: Int.random(in: 0...60, using: &generator))
                    editor.replace(with: text, width: stepWidth, height: height)
                    fresh.replace(with: text, width: stepWidth, height: height)
                } else {
                    let edit = Self.randomEdit(&generator)
                    let changed = editor.apply(edit, width: stepWidth, height: height)
                    #expect(fresh.apply(edit, width: stepWidth, height: height) == changed)
                }
                let place = "width \(stepWidth), round \(round), step \(step): \(editor.text.debugDescription)"
                #expect(editor == fresh, "moves, scrolling and undo as from lines wrapped again; \(place)")
                #expect(editor.text == String(editor.characters), "\(place)")
                #expect(editor.lines(width: stepWidth) == WordWrap.lines(editor.characters, width: stepWidth), "\(place)")
                #expect(editor.figures == TextFigures(editor.text), "\(place)")
            }
        }
    }

    @Test func aWordPulledBackTwoLinesUpIsWrappedAgain() {
        // " xy" fills a 3-column line, the wide 日 does not fit after "xy" either: three lines.
        // Deleting 日 lets " xy" stand on one line again.
        var editor = TextEditor(" xy日")
        editor.apply(.textEnd, width: 3, height: 5)
        #expect(editor.lines(width: 3) == [0..<1, 1..<3, 3..<4])
        editor.apply(.deleteBackward, width: 3, height: 5)
        #expect(editor.lines(width: 3) == [0..<3])
        #expect(WordWrap.lines(editor.characters, width: 3) == [0..<3])
    }

    /// The screens drawn from what the editors kept are the screens drawn from editors made
    /// again from their text: the answer, its word count and the analysis line, free and STAR,
    /// through resizes.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 61, height: 18), Size(width: 130, height: 40)])
    func screensDrawnFromKeptFiguresAreTheScreensDrawnAfresh(size: Size) throws {
        for kind in [CategoryKind.technical, .behavioral] {
            var generator = SeededGenerator(seed: UInt64(size.width) &* 31 &+ (kind == .technical ? 0 : 1))
            var harness = try ScreenHarness(size: size)
            let guide = try ScreenHarness.guide()
            var settings = SessionSettings()
            settings.thinkTime = .zero
            settings.answerTime = .seconds(3_600)
            let plan = try SessionPlanner.plan(from: [.init(bank: "standard", guide: guide)], kinds: [kind], count: 1, seed: 3, settings: settings)
            try harness.startSession(Interview(plan: plan))
            harness.press(.enter)
            for step in 0..<400 {
                switch Int.random(in: 0..<40, using: &generator) {
                case 0: harness.send(.resize(Size(width: size.width + Int.random(in: -1...20, using: &generator), height: size.height)))
                case 1, 2: harness.press(.tab)
                case 3: harness.press(.paste(Self.randomText(&generator, pieces: Int.random(in: 5...60, using: &generator))))
                case 4: harness.advance(0.3)
                case 5..<20:
                    let keys: [Key] = [.enter, .backspace, .delete, .left, .right, .up, .down, .home, .end, .pageUp, .pageDown,
                                       .deleteWordBackward, .control("z"), .control("y"), .wordLeft]
                    harness.press(keys.randomElement(using: &generator)!)
                default: harness.type(Self.randomText(&generator, pieces: Int.random(in: 1...3, using: &generator)))
                }
                let session = try #require(harness.state.session)
                #expect([.reading, .answering].contains(session.interview.phase), "still on the question")
                var remade = harness.state
                remade.session?.editors = session.editors.mapValues { $0.remade() }
                let screen = AppView.render(harness.state)
                #expect(screen == AppView.render(remade), "\(kind) at \(harness.state.size), step \(step):\n\(screen.text)")
                for (field, editor) in session.editors {
                    #expect(editor.text == session.interview.currentRecord?.text(of: field), "the interview holds the editor's text")
                }
            }
        }
    }
}
