import InterviewCore

/// A multi-line text field: the text, the insertion point and the first line shown. Lines
/// wrap at words; moves by line follow the wrapped lines, keeping the column. Every operation
/// that depends on wrapping takes the width it is shown at.
///
/// A key costs the same in a long text as in a short one: the editor keeps its text also as a
/// `String` (which the interview then shares rather than copies), its lines wrapped at the
/// width last used, and its text's figures (words, hedges), and brings each up to date with
/// what an edit touched rather than reading the whole text again.
public struct TextEditor: Equatable, Sendable {
    /// The most characters an answer (each STAR part, each follow-up answer) holds: more than
    /// anyone says in an interview, and few enough that a runaway paste cannot stall typing.
    /// What goes past it is left out, and the screen says so.
    public static let maximumLength = 50_000

    /// The limit as people write it: "50,000".
    public static var maximumLengthText: String {
        var digits = String(maximumLength)
        for index in stride(from: digits.count - 3, to: 0, by: -3) { digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index)) }
        return digits
    }

    /// Spaces a pasted tab becomes: pasted code keeps its indentation.
    public static let tabWidth = 4

    public private(set) var characters: [Character]
    /// The same text as one string: `String(characters)`, kept in step with it.
    public private(set) var text: String
    /// Index into `characters`: the character the next one is inserted before.
    public private(set) var cursor: Int
    /// The first wrapped line shown.
    public private(set) var scrollTop = 0
    /// The column kept while moving up and down through shorter lines.
    private var preferredColumn: Int?
    private var history = UndoHistory()
    /// The text's figures for live analysis, kept up to date by each edit.
    public private(set) var figures: TextFigures
    /// The lines at the width last asked for.
    private var wrapped: (width: Int, lines: [Range<Int>])?
    /// A place in the text and its offset in `text`'s UTF-8: where the last edit ended, so that
    /// the next one, usually nearby, finds its place in the string without counting from the start.
    private var landmark = (character: 0, utf8: 0)

    public init(_ text: String = "") {
        self.text = text
        characters = Array(text)
        cursor = characters.count
        figures = TextFigures(text)
    }

    /// Whether the last insert or paste met the length limit and left some of its text out.
    public private(set) var cutAtLimit = false

    public var isEmpty: Bool { characters.isEmpty }

    /// Two editors are the same when they hold the same text, place and history; what each
    /// keeps only to go faster (wrapped lines, a landmark) does not count.
    public static func == (lhs: TextEditor, rhs: TextEditor) -> Bool {
        lhs.characters == rhs.characters && lhs.cursor == rhs.cursor && lhs.scrollTop == rhs.scrollTop
            && lhs.preferredColumn == rhs.preferredColumn && lhs.history == rhs.history && lhs.cutAtLimit == rhs.cutAtLimit
    }

    public enum Edit: Hashable, Sendable {
        /// Typed text.
        case insert(String)
        /// Pasted text: line breaks (CR, LF, CR LF) become new lines, a tab `tabWidth` spaces,
        /// and other control characters are dropped; they are text, never keys.
        case paste(String)
        case newline
        case deleteBackward, deleteForward, deleteWordBackward, deleteWordForward
        case left, right, wordLeft, wordRight, up, down, lineStart, lineEnd, pageUp, pageDown
        case textStart, textEnd
        /// Takes back the last step (see `UndoHistory`), or puts it back again.
        case undo, redo
    }

    /// Applies `edit` for a view `width` columns wide and `height` lines high. Returns whether
    /// the text changed; false also when an insert met the length limit (nothing inserted).
    @discardableResult
    public mutating func apply(_ edit: Edit, width: Int, height: Int) -> Bool {
        wrap(width: width)
        var changed = false
        switch edit {
        case .insert(let text):
            changed = insert(text, as: .typing)
        case .paste(let text):
            changed = insert(text, as: .single)
        case .newline:
            changed = insert("\n", as: .single)
        case .deleteBackward:
            if cursor > 0 { changed = remove(cursor - 1..<cursor, as: .deleting) }
        case .deleteForward:
            if cursor < characters.count { changed = remove(cursor..<cursor + 1, as: .deleting) }
        case .deleteWordBackward:
            changed = remove(wordStart(before: cursor)..<cursor, as: .single)
        case .deleteWordForward:
            changed = remove(cursor..<wordEnd(after: cursor), as: .single)
        case .undo:
            guard let change = history.takeUndo() else { break }
            splice(change.location..<(change.location + change.inserted.count), with: change.removed)
            cursor = change.cursorBefore
            changed = true
        case .redo:
            guard let change = history.takeRedo() else { break }
            splice(change.location..<(change.location + change.removed.count), with: change.inserted)
            cursor = change.cursorAfter
            changed = true
        case .left:
            cursor = max(0, cursor - 1)
        case .right:
            cursor = min(characters.count, cursor + 1)
        case .wordLeft:
            cursor = wordStart(before: cursor)
        case .wordRight:
            cursor = wordEnd(after: cursor)
        case .up, .down, .pageUp, .pageDown:
            let step = switch edit {
            case .up: -1
            case .down: 1
            case .pageUp: -max(1, height - 1)
            default: max(1, height - 1)
            }
            moveVertically(by: step, width: width)
        case .lineStart, .lineEnd:
            let lines = self.lines(width: width)
            let line = Self.lineIndex(of: cursor, in: lines)
            cursor = edit == .lineStart ? lines[line].lowerBound : lastPosition(onLine: line, of: lines)
        case .textStart:
            cursor = 0
        case .textEnd:
            cursor = characters.count
        }
        switch edit {
        case .up, .down, .pageUp, .pageDown: break
        default: preferredColumn = nil
        }
        // A move ends the typing step being built.
        if !changed { history.close() }
        scrollToCursor(width: width, height: height)
        return changed
    }

    /// The same editor made again from its characters alone, keeping nothing from earlier
    /// edits (its string, lines and figures): what tests compare the kept ones with.
    func remade() -> TextEditor {
        var editor = self
        editor.text = String(characters)
        editor.figures = TextFigures(editor.text)
        editor.wrapped = nil
        editor.landmark = (0, 0)
        return editor
    }

    /// Whether there is a step to undo, or to redo.
    public var canUndo: Bool { history.canUndo }
    public var canRedo: Bool { history.canRedo }

    /// Replaces the whole text (from `$EDITOR`), the insertion point at its end: one step to undo.
    public mutating func replace(with text: String, width: Int, height: Int) {
        let new = Array(text.prefix(Self.maximumLength))
        history.record(UndoHistory.Change(location: 0, removed: characters, inserted: new, cursorBefore: cursor, cursorAfter: new.count),
                       as: .single)
        splice(0..<characters.count, with: new)
        cursor = characters.count
        preferredColumn = nil
        scrollToCursor(width: width, height: height)
    }

    /// Keeps the insertion point's line inside the `height` lines shown.
    public mutating func scrollToCursor(width: Int, height: Int) {
        wrap(width: width)
        let lines = self.lines(width: width)
        let line = Self.lineIndex(of: cursor, in: lines)
        let height = max(1, height)
        if line < scrollTop { scrollTop = line }
        if line >= scrollTop + height { scrollTop = line - height + 1 }
        scrollTop = max(0, min(scrollTop, max(0, lines.count - height)))
        if line < scrollTop { scrollTop = line }
    }

    /// The insertion point as a wrapped line and a column.
    public func cursorPlace(width: Int) -> (line: Int, column: Int) {
        cursorPlace(in: lines(width: width))
    }

    /// The text's lines wrapped at `width`: those kept from the last edit when it was made at
    /// this width, else wrapped now.
    public func lines(width: Int) -> [Range<Int>] {
        if let wrapped, wrapped.width == width { return wrapped.lines }
        return WordWrap.lines(characters, width: width)
    }

    /// Wraps the text at `width` and keeps the lines, for the edits and frames that follow.
    public mutating func wrap(width: Int) {
        guard wrapped?.width != width else { return }
        wrapped = (width, WordWrap.lines(characters, width: width))
    }

    /// The same, from the lines already wrapped (a frame wraps them once).
    public func cursorPlace(in lines: [Range<Int>]) -> (line: Int, column: Int) {
        let line = Self.lineIndex(of: cursor, in: lines)
        return (line, TextWidth.of(characters[lines[line].lowerBound..<cursor]))
    }

    // MARK: Editing

    /// Inserts `text` and records it for undo.
    private mutating func insert(_ text: String, as kind: UndoHistory.Kind) -> Bool {
        let location = cursor
        let incoming = accepted(text)
        guard !incoming.isEmpty else { return false }
        splice(location..<location, with: incoming)
        cursor = location + incoming.count
        history.record(UndoHistory.Change(location: location, removed: [], inserted: incoming, cursorBefore: location, cursorAfter: cursor),
                       as: kind)
        return true
    }

    /// Deletes `range` and records it for undo.
    private mutating func remove(_ range: Range<Int>, as kind: UndoHistory.Kind) -> Bool {
        guard !range.isEmpty else { return false }
        let before = cursor
        let removed = Array(characters[range])
        splice(range, with: [])
        cursor = range.lowerBound
        history.record(UndoHistory.Change(location: range.lowerBound, removed: removed, inserted: [], cursorBefore: before,
                                          cursorAfter: cursor), as: kind)
        return true
    }

    /// Every change to the text: `range` becomes `new`, and the string, the figures and the
    /// wrapped lines follow, each by what changed.
    private mutating func splice(_ range: Range<Int>, with new: [Character]) {
        let reach = TextFigures.reach(of: range, in: characters)
        let before = TextFigures(characters[reach])
        let oldCount = characters.count
        let start = utf8Offset(of: range.lowerBound)
        let end = characters[range].reduce(start) { $0 + $1.utf8.count }
        let inserted = String(new)
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: start)
        let upper = text.utf8.index(lower, offsetBy: end - start)
        text.replaceSubrange(lower..<upper, with: inserted)
        characters.replaceSubrange(range, with: new)
        landmark = (range.lowerBound + new.count, start + inserted.utf8.count)
        let after = TextFigures(characters[reach.lowerBound..<(reach.upperBound + new.count - range.count)])
        figures.replace(before, with: after, fromStart: reach.lowerBound == 0, toEnd: reach.upperBound == oldCount)
        if let width = wrapped?.width {
            WordWrap.rewrap(&wrapped!.lines, replaced: range, inserted: new.count, in: characters, width: width)
        }
    }

    /// Where the character at `position` starts in `text`'s UTF-8, counted from the nearest of
    /// the start, the end and the landmark.
    private func utf8Offset(of position: Int) -> Int {
        let fromEnd = characters.count - position
        let fromLandmark = abs(position - landmark.character)
        if position <= fromEnd, position <= fromLandmark {
            return characters[..<position].reduce(0) { $0 + $1.utf8.count }
        }
        if fromEnd <= fromLandmark {
            return characters[position...].reduce(text.utf8.count) { $0 - $1.utf8.count }
        }
        if position >= landmark.character {
            return characters[landmark.character..<position].reduce(landmark.utf8) { $0 + $1.utf8.count }
        }
        return characters[position..<landmark.character].reduce(landmark.utf8) { $0 - $1.utf8.count }
    }

    /// What of `text` goes in: line breaks as new lines, tabs as spaces, no control characters,
    /// and no more than the length limit leaves room for.
    private mutating func accepted(_ text: String) -> [Character] {
        let room = Self.maximumLength - characters.count
        var incoming: [Character] = []
        incoming.reserveCapacity(min(room, text.utf8.count))
        cutAtLimit = false
        for character in text {
            if incoming.count >= room {
                // A megabyte paste stops here rather than being read to its end.
                cutAtLimit = true
                break
            }
            switch character {
            case "\r\n", "\r", "\n": incoming.append("\n")
            case "\t": incoming.append(contentsOf: repeatElement(" ", count: min(Self.tabWidth, room - incoming.count)))
            default:
                if TextEditing.isPrintable(character) { incoming.append(character) }
            }
        }
        return incoming
    }

    // MARK: Moving

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "'"
    }

    private func wordStart(before position: Int) -> Int {
        TextEditing.wordStart(in: characters, before: position, isWord: Self.isWordCharacter)
    }

    private func wordEnd(after position: Int) -> Int {
        TextEditing.wordEnd(in: characters, after: position, isWord: Self.isWordCharacter)
    }

    private mutating func moveVertically(by step: Int, width: Int) {
        let lines = self.lines(width: width)
        let line = Self.lineIndex(of: cursor, in: lines)
        let column = preferredColumn ?? TextWidth.of(characters[lines[line].lowerBound..<cursor])
        preferredColumn = column
        let target = line + step
        if target < 0 {
            cursor = 0
            return
        }
        if target >= lines.count {
            cursor = characters.count
            return
        }
        var position = lines[target].lowerBound
        var used = 0
        let last = lastPosition(onLine: target, of: lines)
        while position < last {
            let width = TextWidth.of(characters[position])
            if used + width > column { break }
            used += width
            position += 1
        }
        cursor = position
    }

    /// The last place the insertion point can take on a line: its end, or for a line that
    /// wraps, before the space it wrapped at (its end is where the next line starts).
    private func lastPosition(onLine line: Int, of lines: [Range<Int>]) -> Int {
        let range = lines[line]
        let wraps = line + 1 < lines.count && lines[line + 1].lowerBound == range.upperBound
        return wraps && !range.isEmpty ? range.upperBound - 1 : range.upperBound
    }

    /// The wrapped line the insertion point is on: the last one starting at or before it.
    static func lineIndex(of position: Int, in lines: [Range<Int>]) -> Int {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].lowerBound <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
