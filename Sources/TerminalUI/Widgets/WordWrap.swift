/// Word wrapping by display width. A line breaks after the last space that fits; a word
/// longer than the line breaks where the line ends. Spaces at a break stay on the line they
/// end (and may hang past its edge), so every character belongs to exactly one line.
public enum WordWrap {
    /// The ranges of `characters` shown on each line, newlines excluded. An empty text is one
    /// empty line.
    public static func lines(_ characters: [Character], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var lines: [Range<Int>] = []
        var start = 0
        while true {
            var end = start
            while end < characters.count, characters[end] != "\n" { end += 1 }
            wrap(characters, start..<end, width: width, into: &lines)
            if end >= characters.count { return lines }
            start = end + 1
        }
    }

    private static func wrap(_ characters: [Character], _ paragraph: Range<Int>, width: Int, into lines: inout [Range<Int>]) {
        var lineStart = paragraph.lowerBound
        var column = 0
        var lastBreak: Int?
        var index = lineStart
        while index < paragraph.upperBound {
            let character = characters[index]
            if character == " " {
                column += 1
                index += 1
                lastBreak = index
                continue
            }
            let width1 = TextWidth.of(character)
            if column + width1 > width, index > lineStart {
                let breakAt = lastBreak.map { $0 > lineStart ? $0 : index } ?? index
                lines.append(lineStart..<breakAt)
                lineStart = breakAt
                lastBreak = nil
                column = 0
                for carried in characters[breakAt..<index] { column += TextWidth.of(carried) }
                continue
            }
            column += width1
            index += 1
        }
        lines.append(lineStart..<paragraph.upperBound)
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
