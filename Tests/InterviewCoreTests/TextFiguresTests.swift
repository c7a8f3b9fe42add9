import InterviewCore
import Testing

/// Text figures kept by edits, and put together from parts, against the same figures counted
/// from scratch by `Words`, `Hedges` and `StarAnalysis`.
@Suite struct TextFiguresTests {
    /// Pieces random texts are made of: words that count (hedges, pairs, first person, number
    /// words), numerals, CJK, marks that extend or repeat, combining marks alone, emoji and
    /// joiners, apostrophes and hyphens, punctuation, spaces and new lines.
    static let pieces = [
        "the", "model", "kind", "of", "sort", "I", "think", "you", "know", "a", "bit", "maybe", "um", "we", "our", "me", "I'm",
        "we’re", "three", "percent", "half", "40%", "2024", "½", "Ⅻ", "٣", "日本語", "遅延", "々", "ー", "サーバー", "ｻｰﾊﾞ", "지연",
        "e\u{301}", "\u{301}", "👍", "👨‍👩‍👧", "\u{200D}", "\u{600}", "-", "'", "’", "—", ",", ".", "(", "_", " ", " ", " ", " ", "\n",
        "\r\n", "\t",
    ]

    static func randomText(_ generator: inout SeededGenerator, pieces count: Int) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    /// The figures as `Words`, `Hedges` and `StarAnalysis` count them from scratch.
    static func expectCountedFromScratch(_ figures: TextFigures, _ text: String, _ comment: Comment? = nil) {
        let words = Words.split(text)
        #expect(figures.words == words.count, comment)
        #expect(figures.hedges == Hedges.count(text), comment)
        #expect(figures.firstWord == words.first, comment)
        #expect(figures.lastWord == words.last, comment)
        let star = StarAnalysis(parts: [.result: text])
        #expect(figures.firstPersonSingular == star.firstPersonSingular, comment)
        #expect(figures.firstPersonPlural == star.firstPersonPlural, comment)
        #expect((figures.figures > 0) == star.resultQuantified, comment)
    }

    @Test func aWholeTextIsCountedAsWordsAndHedgesCountIt() {
        let figures = TextFigures("I think we kind of doubled it, maybe 40% — um, I'm sure.")
        #expect(figures.words == 12)
        #expect(figures.hedges == 4, "i think, kind of, maybe, um")
        #expect(figures.firstPersonSingular == 2)
        #expect(figures.firstPersonPlural == 1)
        #expect(figures.figures == 3, "doubled, 4 and 0")
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            let text = Self.randomText(&generator, pieces: Int.random(in: 0...30, using: &generator))
            Self.expectCountedFromScratch(TextFigures(text), text, "\(text.debugDescription)")
        }
    }

    @Test func anEditChangesTheFiguresOnlyByWhatItTouched() {
        var generator = SeededGenerator(seed: 12)
        for round in 0..<60 {
            var characters = Array(Self.randomText(&generator, pieces: Int.random(in: 0...40, using: &generator)))
            var figures = TextFigures(characters)
            for step in 0..<40 {
                let lower = Int.random(in: 0...characters.count, using: &generator)
                let upper = Int.random(in: lower...min(characters.count, lower + 6), using: &generator)
                let inserted = Array(Self.randomText(&generator, pieces: Int.random(in: 0...3, using: &generator)))
                let reach = TextFigures.reach(of: lower..<upper, in: characters)
                #expect(reach.lowerBound <= lower && reach.upperBound >= upper)
                let before = TextFigures(characters[reach])
                let count = characters.count
                characters.replaceSubrange(lower..<upper, with: inserted)
                let after = TextFigures(characters[reach.lowerBound..<(reach.upperBound + inserted.count - (upper - lower))])
                figures.replace(before, with: after, fromStart: reach.lowerBound == 0, toEnd: reach.upperBound == count)
                #expect(figures == TextFigures(characters), "round \(round), step \(step): \(String(characters).debugDescription)")
            }
            Self.expectCountedFromScratch(figures, String(characters))
        }
    }

    @Test func aCharacterThatEndsWordsSplitsATextIntoTheWordsOfItsHalves() {
        var generator = SeededGenerator(seed: 13)
        let characters = Set(Self.pieces.joined() + "abc XYZ09;:!?/\\@#$%^&*+=<>[]{}|~`\u{7F}\u{1}。、「」｡")
        #expect(Words.endsWord(" ") && Words.endsWord("\n") && Words.endsWord(",") && Words.endsWord("語"))
        #expect(!Words.endsWord("a") && !Words.endsWord("'") && !Words.endsWord("-") && !Words.endsWord("々") && !Words.endsWord("\u{301}"))
        for character in characters where Words.endsWord(character) {
            for _ in 0..<20 {
                let before = Self.randomText(&generator, pieces: 3) + String(character)
                let after = Self.randomText(&generator, pieces: 3)
                #expect(Words.split(before + after) == Words.split(before) + Words.split(after), "\(before.debugDescription) + \(after.debugDescription)")
            }
        }
    }

    @Test func starFiguresFromPartsAreTheFiguresOfTheWholeAnswer() {
        // A hedge pair across two parts counts, in the order the answer's parts are joined.
        let parts: [StarPart: String] = [.situation: "It was kind", .task: "of hard", .action: "I think I fixed it"]
        let figures = parts.mapValues(TextFigures.init)
        #expect(StarAnalysis(figures: figures, order: Array(parts.keys)) == StarAnalysis(parts: parts))
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<300 {
            var parts: [StarPart: String] = [:]
            for part in StarPart.allCases where Bool.random(using: &generator) {
                parts[part] = Self.randomText(&generator, pieces: Int.random(in: 0...12, using: &generator))
            }
            let figures = Dictionary(uniqueKeysWithValues: StarPart.allCases.map { ($0, TextFigures(parts[$0] ?? "")) })
            #expect(StarAnalysis(figures: figures, order: Array(parts.keys)) == StarAnalysis(parts: parts), "\(parts)")
        }
    }
}
