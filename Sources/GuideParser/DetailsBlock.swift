import CCmark
import Foundation

/// A collapsible `<details><summary>question</summary> answer </details>` block. libcmark keeps
/// HTML as raw text and splits the block wherever a blank line falls, so the block is gathered
/// from the top-level blocks: raw HTML pieces and the Markdown between them.
struct DetailsBlock {
    /// The summary's text, tags removed and entities decoded.
    var summary: String
    /// Text after `</summary>` inside HTML pieces, tags removed (`<b>answer</b>` on one line).
    var htmlText: String
    /// The Markdown blocks between the opening and the closing tag.
    var content: [MarkdownNode]
    /// Index of the first top-level block after the whole `<details>` block.
    var end: Int
    /// The line it opens on.
    var line = 1

    /// Whether `block` opens a `<details>` block.
    static func opens(_ block: MarkdownNode) -> Bool {
        block.type == CMARK_NODE_HTML_BLOCK && block.literal.lowercased().contains("<details")
    }

    /// Gathers the block opened at `start`. An unclosed block ends before the next `<details>`
    /// or, failing that, before the next heading, so it never swallows the rest of the guide.
    static func read(from start: Int, in blocks: ArraySlice<MarkdownNode>) -> DetailsBlock {
        var html = ""
        var content: [(index: Int, node: MarkdownNode)] = []
        var depth = 0
        var index = start
        var firstHeading: Int?
        while index < blocks.endIndex {
            let block = blocks[index]
            let raw = block.type == CMARK_NODE_HTML_BLOCK ? block.literal : inlineHTML(of: block)
            let lowered = raw.lowercased()
            // Another block opening where this one is still open at its own level: this one
            // was never closed.
            if index > start, depth == 1, lowered.trimmingWhitespace().hasPrefix("<details") { break }
            depth += occurrences(of: "<details", in: lowered) - occurrences(of: "</details", in: lowered)
            if block.type == CMARK_NODE_HTML_BLOCK {
                html += raw + "\n"
            } else {
                if block.isHeading, firstHeading == nil { firstHeading = index }
                content.append((index, block))
            }
            index += 1
            if depth <= 0 { break }
        }
        // Never closed: it ends before its first heading, if it has one.
        let end = depth <= 0 ? index : firstHeading ?? index
        var details = make(html: html, content: content.filter { $0.index < end }.map(\.node), end: end)
        details.line = blocks[start].startLine
        return details
    }

    private static func make(html: String, content: [MarkdownNode], end: Int) -> DetailsBlock {
        let lowered = html.lowercased()
        var summary = ""
        var after = html[...]
        if let open = lowered.range(of: "<summary"), let close = lowered.range(of: "</summary", range: open.upperBound..<lowered.endIndex) {
            let openEnd = lowered[open.upperBound...].firstIndex(of: ">").map { lowered.index(after: $0) } ?? open.upperBound
            if openEnd <= close.lowerBound {
                summary = HTMLText.plain(String(html[openEnd..<close.lowerBound]))
            }
            let closeEnd = lowered[close.upperBound...].firstIndex(of: ">").map { lowered.index(after: $0) } ?? close.upperBound
            after = html[closeEnd...]
        }
        return DetailsBlock(summary: summary, htmlText: HTMLText.plain(String(after)), content: content, end: end)
    }

    /// The raw inline HTML of a paragraph (`</b></details>` closing a block on its last line).
    private static func inlineHTML(of block: MarkdownNode) -> String {
        guard block.isParagraph else { return "" }
        var html = ""
        for child in block.children where child.type == CMARK_NODE_HTML_INLINE { html += child.literal }
        return html
    }

    private static func occurrences(of needle: String, in text: String) -> Int {
        guard text.contains(needle) else { return 0 }
        return text.components(separatedBy: needle).count - 1
    }
}

/// Text out of a piece of raw HTML.
enum HTMLText {
    /// Tags removed, the common entities decoded, white space folded.
    static func plain(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; text.append(" "); continue }
            if character == ">", inTag { inTag = false; continue }
            if !inTag { text.append(character) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            if text.contains(entity) { text = text.replacingOccurrences(of: entity, with: character) }
        }
        return text.collapsingWhitespace()
    }
}
