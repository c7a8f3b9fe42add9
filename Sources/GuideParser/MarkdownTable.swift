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
