/// A multi-line text field: the text, the insertion point and the first line shown. Lines
/// wrap at words; moves by line follow the wrapped lines, keeping the column. Every operation
/// that depends on wrapping takes the width it is shown at.
public struct TextEditor: Equatable, Sendable, CursorText {
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

    public internal(set) var characters: [Character]
    /// Index into `characters`: the character the next one is inserted before.
    public internal(set) var cursor: Int
    /// The first wrapped line shown.
    public private(set) var scrollTop = 0
    /// The column kept while moving up and down through shorter lines.
    private var preferredColumn: Int?
    private var history = UndoHistory()

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// Whether the last insert or paste met the length limit and left some of its text out.
    public private(set) var cutAtLimit = false

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

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
            characters.replaceSubrange(change.location..<(change.location + change.inserted.count), with: change.removed)
            cursor = change.cursorBefore
            changed = true
        case .redo:
            guard let change = history.takeRedo() else { break }
            characters.replaceSubrange(change.location..<(change.location + change.removed.count), with: change.inserted)
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
            let lines = WordWrap.lines(characters, width: width)
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

    /// Whether there is a step to undo, or to redo.
    public var canUndo: Bool { history.canUndo }
    public var canRedo: Bool { history.canRedo }

    /// Replaces the whole text (from `$EDITOR`), the insertion point at its end: one step to undo.
    public mutating func replace(with text: String, width: Int, height: Int) {
        let new = Array(text.prefix(Self.maximumLength))
        history.record(UndoHistory.Change(location: 0, removed: characters, inserted: new, cursorBefore: cursor, cursorAfter: new.count),
                       as: .single)
        characters = new
        cursor = characters.count
        preferredColumn = nil
        scrollToCursor(width: width, height: height)
    }

    /// Keeps the insertion point's line inside the `height` lines shown.
    public mutating func scrollToCursor(width: Int, height: Int) {
        let lines = WordWrap.lines(characters, width: width)
        let line = Self.lineIndex(of: cursor, in: lines)
        let height = max(1, height)
        if line < scrollTop { scrollTop = line }
        if line >= scrollTop + height { scrollTop = line - height + 1 }
        scrollTop = max(0, min(scrollTop, max(0, lines.count - height)))
        if line < scrollTop { scrollTop = line }
    }

    /// The insertion point as a wrapped line and a column.
    public func cursorPlace(width: Int) -> (line: Int, column: Int) {
        cursorPlace(in: WordWrap.lines(characters, width: width))
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
        guard insert(text) else { return false }
        history.record(UndoHistory.Change(location: location, removed: [], inserted: Array(characters[location..<cursor]),
                                          cursorBefore: location, cursorAfter: cursor), as: kind)
        return true
    }

    /// Deletes `range` and records it for undo.
    private mutating func remove(_ range: Range<Int>, as kind: UndoHistory.Kind) -> Bool {
        let before = cursor
        let removed = Array(characters[range])
        guard delete(range) else { return false }
        history.record(UndoHistory.Change(location: range.lowerBound, removed: removed, inserted: [], cursorBefore: before,
                                          cursorAfter: cursor), as: kind)
        return true
    }

    private mutating func insert(_ text: String) -> Bool {
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
        return insertAtCursor(incoming)
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
        let lines = WordWrap.lines(characters, width: width)
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
