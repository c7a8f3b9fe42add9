import CCmark
import Foundation

/// A pipe table (`| Question | Answer |`). libcmark without extensions keeps a table as a
/// paragraph, so its rows are read back from the source lines the paragraph spans.
struct MarkdownTable {
    struct Row {
        var cells: [String]
        /// 1-based line in the file.
        var line: Int
    }

    var header: [String]
    var rows: [Row]

    /// The table a paragraph holds, when its first two lines are a header and a `|---|` rule.
    init?(_ paragraph: MarkdownNode, source: SourceLines) {
        guard paragraph.isParagraph, let first = paragraph.firstChild, first.type == CMARK_NODE_TEXT,
              first.literalStarts(with: "|") else { return nil }
        let start = paragraph.startLine
        let end = paragraph.endLine
        let lines = (start...max(start, end)).map { source.line($0) }
        guard lines.count >= 2, Self.isRule(lines[1]) else { return nil }
        header = Self.cells(of: lines[0])
        rows = lines.enumerated().dropFirst(2).map { Row(cells: Self.cells(of: $0.element), line: start + $0.offset) }
    }

    /// `|---|:--:|`.
    private static func isRule(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        return trimmed.contains("-") && trimmed.allSatisfy { "|-: \t".contains($0) }
    }

    /// Cells of a row, outer pipes dropped, `\|` kept as a pipe.
    private static func cells(of line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.trimmingWhitespace() {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "|" { cells.append(current); current = ""; continue }
            current.append(character)
        }
        cells.append(current)
        if cells.first?.trimmingWhitespace().isEmpty == true { cells.removeFirst() }
        if cells.count > 1, cells.last?.trimmingWhitespace().isEmpty == true { cells.removeLast() }
        return cells.map { $0.trimmingWhitespace() }
    }
}

/// A cell's inline Markdown as plain text, by hand: links and images keep their text, emphasis
/// and code marks and HTML tags go, backslash escapes are resolved. A table may have hundreds
/// of thousands of cells, too many to hand each to libcmark.
enum InlineMarkup {
    static func plain(_ cell: String) -> String {
        let characters = Array(cell)
        var output = ""
        output.reserveCapacity(cell.utf8.count)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\" where index + 1 < characters.count && characters[index + 1].isASCII
                && (characters[index + 1].isPunctuation || characters[index + 1].isSymbol):
                output.append(characters[index + 1])
                index += 2
            case "*", "`":
                index += 1
            case "_" where (index == 0 || !characters[index - 1].isLetter) || (index + 1 == characters.count || !characters[index + 1].isLetter):
                index += 1
            case "<":
                // An HTML tag: `<br>` and the like become a space.
                if let close = characters[index...].firstIndex(of: ">"), characters[index + 1 ..< close].allSatisfy({ $0 != "<" }),
                   close > index + 1, characters[index + 1].isLetter || characters[index + 1] == "/" {
                    output.append(" ")
                    index = close + 1
                } else {
                    output.append(character)
                    index += 1
                }
            case "!" where index + 1 < characters.count && characters[index + 1] == "[":
                index += 1
            case "[":
                // `[text](destination)` or `[text][label]`: the text.
                if let close = characters[index...].firstIndex(of: "]"), close + 1 < characters.count,
                   characters[close + 1] == "(" || characters[close + 1] == "[",
                   let end = characters[(close + 1)...].firstIndex(of: characters[close + 1] == "(" ? ")" : "]") {
                    output += plain(String(characters[index + 1 ..< close]))
                    index = end + 1
                } else {
                    output.append(character)
                    index += 1
                }
            default:
                output.append(character)
                index += 1
            }
        }
        return output.collapsingWhitespace()
    }
}

/// The body's lines, found on first use: only tables need them.
final class SourceLines {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var starts: [Int]?

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Line `number` (1-based), without its line break; empty past the end.
    func line(_ number: Int) -> String {
        if starts == nil {
            var found = [0]
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { found.append(index + 1) }
            starts = found
        }
        guard let starts, number >= 1, number <= starts.count else { return "" }
        let start = starts[number - 1]
        let end = number < starts.count ? starts[number] - 1 : bytes.count
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<max(start, end)]), as: UTF8.self)
    }
}
