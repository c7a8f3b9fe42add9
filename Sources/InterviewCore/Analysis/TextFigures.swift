/// What live analysis counts in a text (words, hedges, first person, figures), in a form that
/// pieces of a text can be combined in and that an edit can update by what it touched: an
/// editor keeps its text's figures as it goes rather than reading the whole text for each key.
public struct TextFigures: Equatable, Sendable {
    public var words = 0
    /// Hedges and fillers: single words, and pairs of words inside the text.
    public var hedges = 0
    /// The first and last words, for the hedge pairs that a text shares with the one beside it.
    public var firstWord: String?
    public var lastWord: String?
    public var firstPersonSingular = 0
    public var firstPersonPlural = 0
    /// Numerals and number words: a STAR result with any is quantified.
    public var figures = 0

    public init() {}

    /// The figures of a whole text, counted from scratch.
    public init(_ text: String) {
        let words = Words.split(text)
        self.words = words.count
        hedges = Hedges.count(words: words)
        firstWord = words.first
        lastWord = words.last
        for word in words {
            if StarAnalysis.firstPersonSingularWords.contains(word) { firstPersonSingular += 1 }
            if StarAnalysis.firstPersonPluralWords.contains(word) { firstPersonPlural += 1 }
            if StarAnalysis.figureWords.contains(word) { figures += 1 }
        }
        for character in text where character.isNumber { figures += 1 }
    }

    public init<C: Collection<Character>>(_ characters: C) {
        self.init(String(characters))
    }

    /// Hedges in `first` followed by `second` that neither holds alone: a pair across the join.
    static func hedgesAcross(_ first: TextFigures, _ second: TextFigures) -> Int {
        guard let last = first.lastWord, let next = second.firstWord else { return 0 }
        return Hedges.pairs.contains(last + " " + next) ? 1 : 0
    }

    // MARK: Updating after an edit

    /// The stretch of `characters` whose figures an edit of `range` can change: the edit
    /// widened to the characters that end words on either side, and then by one whole word
    /// more on each side (when there is one), so that the hedge pairs reaching out of the
    /// stretch join words that the edit leaves as they are. Everything outside it splits into
    /// the same words before and after the edit.
    public static func reach(of range: Range<Int>, in characters: [Character]) -> Range<Int> {
        var start = range.lowerBound
        while start > 0, !Words.endsWord(characters[start - 1]) { start -= 1 }
        // One more word before: back over pieces that end in a word's end, until one holds a word.
        while start > 0 {
            let pieceEnd = start
            start -= 1
            while start > 0, !Words.endsWord(characters[start - 1]) { start -= 1 }
            if holdsWord(characters[start..<pieceEnd]) { break }
        }
        var end = range.upperBound
        var firstPiece = true
        repeat {
            let pieceStart = end
            while end < characters.count, !Words.endsWord(characters[end]) { end += 1 }
            end = min(end + 1, characters.count)
            // The first piece finishes the word the edit is in; the next must hold a word.
            if !firstPiece, holdsWord(characters[pieceStart..<end]) { break }
            firstPiece = false
        } while end < characters.count
        return start..<end
    }

    private static func holdsWord(_ characters: ArraySlice<Character>) -> Bool {
        !Words.split(String(characters)).isEmpty
    }

    /// Takes in an edit: `before` and `after` are the figures of the edit's reach (see
    /// `reach(of:in:)`) before and after it; whether the reach began at the text's start and
    /// ended at its end says whether the first and last words can have changed.
    public mutating func replace(_ before: TextFigures, with after: TextFigures, fromStart: Bool, toEnd: Bool) {
        words += after.words - before.words
        hedges += after.hedges - before.hedges
        firstPersonSingular += after.firstPersonSingular - before.firstPersonSingular
        firstPersonPlural += after.firstPersonPlural - before.firstPersonPlural
        figures += after.figures - before.figures
        if fromStart { firstWord = after.firstWord }
        if toEnd { lastWord = after.lastWord }
    }
}

extension Words {
    /// Whether `character` leaves no word being read after it, whatever came before: a text
    /// split just after it gives the same words as the two halves. Asked of `split` itself (is
    /// "a", then the character, then "a" two separate words "a"?), so it can never disagree
    /// with it; the answers for ASCII are worked out once.
    public static func endsWord(_ character: Character) -> Bool {
        // ASCII, told by its one byte of UTF-8 (quicker than `asciiValue`).
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first { return asciiEndsWord[Int(byte)] }
        return splitsBetween(character)
    }

    private static let asciiEndsWord: [Bool] = (0..<128).map { splitsBetween(Character(Unicode.Scalar(UInt8($0)))) }

    private static func splitsBetween(_ character: Character) -> Bool {
        let probe = "a" + String(character) + "a"
        // A character that joins its neighbours into one grapheme (a prefix or an extender) is
        // never taken as a boundary: the number count reads graphemes.
        guard probe.count == 3 else { return false }
        let words = split(probe)
        return words.count >= 2 && words.first == "a" && words.last == "a"
    }
}

extension StarAnalysis {
    /// The same figures as `init(parts:)`, from each part's `TextFigures`. `order` is the order
    /// of the parts in the answer's dictionary: `init(parts:)` counts hedges in its parts joined
    /// in that order, so a pair can span two parts.
    public init(figures parts: [StarPart: TextFigures], order: [StarPart]) {
        var words: [StarPart: Int] = [:]
        for part in StarPart.allCases { words[part] = parts[part]?.words ?? 0 }
        self.words = words
        let core = [StarPart.situation, .task, .action, .result]
        let coreTotal = core.reduce(0) { $0 + (words[$1] ?? 0) }
        shares = Dictionary(uniqueKeysWithValues: core.map { ($0, coreTotal == 0 ? 0 : Double(words[$0] ?? 0) / Double(coreTotal)) })
        totalWords = StarPart.allCases.reduce(0) { $0 + (words[$1] ?? 0) }
        actionUnderHalf = coreTotal > 0 && (shares[.action] ?? 0) < 0.5
        firstPersonSingular = parts.values.reduce(0) { $0 + $1.firstPersonSingular }
        firstPersonPlural = parts.values.reduce(0) { $0 + $1.firstPersonPlural }
        resultQuantified = (parts[.result]?.figures ?? 0) > 0
        var joined = TextFigures()
        var hedges = 0
        for part in order {
            let figures = parts[part] ?? TextFigures()
            hedges += figures.hedges + TextFigures.hedgesAcross(joined, figures)
            if figures.words > 0 { joined.lastWord = figures.lastWord }
            joined.words += figures.words
        }
        hedgesPer100Words = joined.words == 0 ? 0 : Double(hedges) * 100 / Double(joined.words)
    }
}
