import CCmark

/// A parsed CommonMark document. Owns libcmark's tree and frees it when released.
final class MarkdownDocument {
    let root: MarkdownNode
    /// Added to libcmark's 1-based lines so that positions count from the top of the file.
    let lineOffset: Int

    init(bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) {
        let pointer = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
        // A null pointer with length 0 is fine for libcmark, but give it a real empty string.
        let node = pointer.map { cmark_parse_document($0, bytes.count, CMARK_OPT_DEFAULT) }
            ?? "".withCString { cmark_parse_document($0, 0, CMARK_OPT_DEFAULT) }
        root = MarkdownNode(raw: node!)
        self.lineOffset = lineOffset
    }

    deinit { cmark_node_free(root.raw) }
}

/// A borrowed view of one libcmark node; valid while its document lives.
struct MarkdownNode {
    let raw: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(raw) }
    var isHeading: Bool { type == CMARK_NODE_HEADING }
    var isParagraph: Bool { type == CMARK_NODE_PARAGRAPH }
    var isList: Bool { type == CMARK_NODE_LIST }
    var headingLevel: Int { Int(cmark_node_get_heading_level(raw)) }
    var startLine: Int { Int(cmark_node_get_start_line(raw)) }
    var startColumn: Int { Int(cmark_node_get_start_column(raw)) }

    var literal: String {
        guard let text = cmark_node_get_literal(raw) else { return "" }
        return String(cString: text)
    }

    var firstChild: MarkdownNode? { cmark_node_first_child(raw).map(MarkdownNode.init) }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var next = cmark_node_first_child(raw)
        while let node = next {
            result.append(MarkdownNode(raw: node))
            next = cmark_node_next(node)
        }
        return result
    }

    /// The inline content as plain text: emphasis, links and code spans keep their words, line
    /// breaks become spaces, raw HTML is dropped. White space is folded.
    var plainText: String {
        var text = ""
        appendPlainText(to: &text)
        return text.collapsingWhitespace()
    }

    private func appendPlainText(to text: inout String) {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            text += literal
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            text += " "
        case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
            break
        case CMARK_NODE_CODE_BLOCK:
            text += literal
        default:
            var next = cmark_node_first_child(raw)
            while let node = next {
                MarkdownNode(raw: node).appendPlainText(to: &text)
                if MarkdownNode(raw: node).isBlock { text += " " }
                next = cmark_node_next(node)
            }
        }
    }

    var isBlock: Bool { type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue }

    /// For a paragraph that opens with bold words: those words (a trailing colon dropped) and the
    /// plain text after them (a leading colon dropped). `**Latency**: low` and `**Latency:** low`
    /// both give ("Latency", "low").
    var boldLead: (lead: String, rest: String)? {
        guard let first = firstChild, first.type == CMARK_NODE_STRONG else { return nil }
        let lead = first.plainText.trimmingTrailingColon()
        guard !lead.isEmpty else { return nil }
        var rest = ""
        var next = cmark_node_next(first.raw)
        while let node = next {
            MarkdownNode(raw: node).appendPlainText(to: &rest)
            next = cmark_node_next(node)
        }
        var trimmed = Substring(rest.collapsingWhitespace())
        while let first = trimmed.first, first == ":" || first == "-" || first == "–" || first == "—" || first == " " {
            trimmed = trimmed.dropFirst()
        }
        return (lead, String(trimmed))
    }
}

extension String {
    func trimmingTrailingColon() -> String {
        var text = Substring(self.trimmingWhitespace())
        while let last = text.last, last == ":" || last == " " { text = text.dropLast() }
        return String(text)
    }
}
