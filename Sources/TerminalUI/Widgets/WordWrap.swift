/// Word wrapping by display width. A line breaks after the last space that fits; a word
/// longer than the line breaks where the line ends. Spaces at a break stay on the line they
/// end (and may hang past its edge), so every character belongs to exactly one line.
public enum WordWrap {
    /// The ranges of `characters` shown on each line, newlines excluded. An empty text is one
    /// empty line.
    public static func lines(_ characters: [Character], width: Int) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start: Int? = 0
        while let from = start {
            let line = line(from: from, in: characters, width: width)
            lines.append(line.range)
            start = line.next
        }
        return lines
    }

    /// The line that starts at `start`, and where the next one starts (nil at the text's end).
    /// A line's breaks depend only on where it starts and on the text from there: what came
    /// before it in its paragraph does not matter.
    static func line(from start: Int, in characters: [Character], width: Int) -> (range: Range<Int>, next: Int?) {
        let width = max(1, width)
        var column = 0
        var lastBreak: Int?
        var index = start
        while index < characters.count {
            let character = characters[index]
            // New lines and spaces, told by their one byte of UTF-8 (quicker than comparing
            // characters).
            let utf8 = character.utf8
            if utf8.count == 1, let byte = utf8.first {
                if byte == 0x0A { return (start..<index, index + 1) }
                if byte == 0x20 {
                    column += 1
                    index += 1
                    lastBreak = index
                    continue
                }
            }
            let characterWidth = TextWidth.of(character)
            if column + characterWidth > width, index > start {
                let breakAt = lastBreak.map { $0 > start ? $0 : index } ?? index
                return (start..<breakAt, breakAt)
            }
            column += characterWidth
            index += 1
        }
        return (start..<index, nil)
    }

    /// Brings `lines` (the text's lines before an edit) up to date after `replaced` (a range of
    /// the text before it) became `inserted` characters of `characters` (the text after it).
    /// Only the edited lines are wrapped again, from two lines before the edit until a line
    /// starts where one started before: every line from there on is as it was, moved by the
    /// change in length.
    static func rewrap(_ lines: inout [Range<Int>], replaced: Range<Int>, inserted: Int, in characters: [Character], width: Int) {
        let shift = inserted - replaced.count
        var first = TextEditor.lineIndex(of: replaced.lowerBound, in: lines)
        // A line breaks where it does because of the character that did not fit, which can be
        // the first of the line after next (when the carried word did not fit either): so the
        // two lines before, in the same paragraph, are wrapped again.
        for _ in 0..<2 where first > 0 && lines[first - 1].upperBound == lines[first].lowerBound { first -= 1 }
        let editedEnd = replaced.lowerBound + inserted
        var wrapped: [Range<Int>] = []
        var start: Int? = lines[first].lowerBound
        var resumed = lines.count
        while let from = start {
            let line = line(from: from, in: characters, width: width)
            wrapped.append(line.range)
            start = line.next
            if let next = line.next, next >= editedEnd, let old = startingLine(next - shift, in: lines, after: first) {
                resumed = old
                break
            }
        }
        if shift != 0 {
            for index in resumed..<lines.count { lines[index] = (lines[index].lowerBound + shift)..<(lines[index].upperBound + shift) }
        }
        lines.replaceSubrange(first..<resumed, with: wrapped)
    }

    /// The index of the line that starts at `position`, looked for after line `after`.
    private static func startingLine(_ position: Int, in lines: [Range<Int>], after: Int) -> Int? {
        var low = after + 1
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].lowerBound < position { low = middle + 1 } else { high = middle }
        }
        return low < lines.count && lines[low].lowerBound == position ? low : nil
    }

    /// `text` wrapped to `width`, as the strings of its lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        return lines(characters, width: width).map { range in
            var line = String(characters[range])
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// `text` wrapped with a first-line prefix (a bullet, a number) and the rest indented to
    /// line up under the text.
    public static func wrap(_ text: String, width: Int, prefix: String) -> [String] {
        let indent = TextWidth.of(prefix)
        let body = wrap(text, width: max(1, width - indent))
        return body.enumerated().map { ($0.offset == 0 ? prefix : String(repeating: " ", count: indent)) + $0.element }
    }
}
