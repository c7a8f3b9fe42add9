/// What the answer editor and the one-line prompt share: where words start and end, and which
/// characters can be typed in.
enum TextEditing {
    /// The start of the word before `position`, skipping what is not a word before it.
    static func wordStart(in characters: [Character], before position: Int, isWord: (Character) -> Bool) -> Int {
        var index = position
        while index > 0, !isWord(characters[index - 1]) { index -= 1 }
        while index > 0, isWord(characters[index - 1]) { index -= 1 }
        return index
    }

    /// The end of the word after `position`.
    static func wordEnd(in characters: [Character], after position: Int, isWord: (Character) -> Bool) -> Int {
        var index = position
        while index < characters.count, !isWord(characters[index]) { index += 1 }
        while index < characters.count, isWord(characters[index]) { index += 1 }
        return index
    }

    /// Not a control character (C0, DEL or C1), which is never text.
    static func isPrintable(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
    }
}

/// Text with an insertion point, edited in place: the prompt's field. (The answer editor does
/// more with each change: see `TextEditor`.)
protocol CursorText {
    var characters: [Character] { get set }
    var cursor: Int { get set }
}

extension CursorText {
    /// Puts `incoming` at the insertion point, which moves past it; false when it is empty.
    mutating func insertAtCursor(_ incoming: [Character]) -> Bool {
        guard !incoming.isEmpty else { return false }
        characters.insert(contentsOf: incoming, at: cursor)
        cursor += incoming.count
        return true
    }

    /// Removes `range`, leaving the insertion point where it began; false when it is empty.
    mutating func delete(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        characters.removeSubrange(range)
        cursor = range.lowerBound
        return true
    }
}
