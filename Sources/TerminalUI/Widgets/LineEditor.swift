/// A one-line text field, for a path or a search: the text and the insertion point. Shown in a
/// window of a given width that scrolls sideways to keep the insertion point in view.
public struct LineEditor: Equatable, Sendable, CursorText {
    /// Longer than any path or search anyone types.
    public static let maximumLength = 4096

    public internal(set) var characters: [Character]
    public internal(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text.prefix(Self.maximumLength))
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key; returns whether the text changed. Keys that are not editing
    /// keys are left alone (false).
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let character): return insert(String(character))
        case .paste(let text): return insert(text)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .backspace: return cursor > 0 ? delete((cursor - 1)..<cursor) : false
        case .delete: return cursor < characters.count ? delete(cursor..<(cursor + 1)) : false
        case .deleteWordBackward: return delete(wordStart(before: cursor)..<cursor)
        case .deleteWordForward: return delete(cursor..<wordEnd(after: cursor))
        case .control("u"): return delete(0..<characters.count)
        case .control("k"): return delete(cursor..<characters.count)
        default: break
        }
        return false
    }

    /// Inserts `text` at the insertion point: line breaks and tabs become spaces, other control
    /// characters are dropped, and nothing goes past the length limit.
    public mutating func insert(_ text: String) -> Bool {
        var incoming: [Character] = []
        for character in text {
            guard characters.count + incoming.count < Self.maximumLength else { break }
            if TextEditing.isPrintable(character) {
                incoming.append(character)
            } else if character == "\t" || character.isNewline {
                incoming.append(" ")
            }
        }
        return insertAtCursor(incoming)
    }

    /// Words for Ctrl-W and Alt-b: a path's folders are words of their own.
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-" || character == "."
    }

    private func wordStart(before position: Int) -> Int {
        TextEditing.wordStart(in: characters, before: position, isWord: Self.isWordCharacter)
    }

    private func wordEnd(after position: Int) -> Int {
        TextEditing.wordEnd(in: characters, after: position, isWord: Self.isWordCharacter)
    }

    /// The part shown in `width` columns, and the insertion point's column in it: all of the
    /// text when it fits, else a window that holds the insertion point, `…` where it is cut.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        let width = max(4, width)
        // One column is kept for the insertion point after the last character.
        if TextWidth.of(characters) < width { return (text, TextWidth.of(characters[..<cursor])) }
        // Room before the insertion point: the width less the insertion point's own column and
        // the two `…`.
        var start = 0
        while start < cursor, (start > 0 ? 1 : 0) + TextWidth.of(characters[start..<cursor]) + 2 > width { start += 1 }
        var shown = start > 0 ? "…" : ""
        var used = start > 0 ? 1 : 0
        let cursorColumn = used + TextWidth.of(characters[start..<cursor])
        for index in start..<characters.count {
            let next = TextWidth.of(characters[index])
            let isLast = index == characters.count - 1
            if used + next > width - (isLast ? 0 : 1) {
                shown += "…"
                break
            }
            shown.append(characters[index])
            used += next
        }
        return (shown, cursorColumn)
    }
}
