import CCmark
import CCmarkArena
import Glibc
import InterviewCore

/// A parsed CommonMark document. Its tree lives in an arena that exists only while `parse`'s
/// body runs (or, for `parseKeepingArena`, until its arena is ended), so nodes cannot outlive it.
struct MarkdownDocument {
    let root: MarkdownNode
    /// Added to libcmark's 1-based lines so that positions count from the top of the file.
    let lineOffset: Int

    static func parse<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        lineOffset: Int,
        _ body: (MarkdownDocument) -> Result
    ) -> Result {
        let (document, arena) = parseKeepingArena(bytes, lineOffset: lineOffset)
        defer {
            cmark_arena_end(arena)
            cmark_arena_trim()
        }
        return body(document)
    }

    /// A document whose arena the caller ends (`cmark_arena_end`) once no node of it, and no
    /// node of a document parsed before it, is read any more.
    static func parseKeepingArena(_ bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) -> (MarkdownDocument, arena: OpaquePointer) {
        let arena = cmark_arena_begin()!
        let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, cmark_arena_allocator())
        if let start = bytes.baseAddress, !bytes.isEmpty {
            start.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                cmark_parser_feed(parser, $0, bytes.count)
            }
        }
        let root = cmark_parser_finish(parser)!
        cmark_parser_free(parser)
        return (MarkdownDocument(root: MarkdownNode(raw: root, lineOffset: lineOffset), lineOffset: lineOffset), arena)
    }
}

/// A borrowed view of one libcmark node; valid while its document lives.
struct MarkdownNode {
    let raw: OpaquePointer
    /// Lines before the document's first line in the file.
    let lineOffset: Int

    var type: cmark_node_type { cmark_node_get_type(raw) }
    var isHeading: Bool { type == CMARK_NODE_HEADING }
    var isParagraph: Bool { type == CMARK_NODE_PARAGRAPH }
    var isList: Bool { type == CMARK_NODE_LIST }
    var headingLevel: Int { Int(cmark_node_get_heading_level(raw)) }
    /// Lines count from the top of the file (libcmark's, plus the document's offset).
    var startLine: Int { Int(cmark_node_get_start_line(raw)) + lineOffset }
    var endLine: Int { Int(cmark_node_get_end_line(raw)) + lineOffset }
    var startColumn: Int { Int(cmark_node_get_start_column(raw)) }

    var literal: String {
        guard let text = cmark_node_get_literal(raw) else { return "" }
        return String(cString: text)
    }

    /// Whether the literal starts with `prefix`, read in place (no string is made).
    func literalStarts(with prefix: StaticString) -> Bool {
        guard let text = cmark_node_get_literal(raw) else { return false }
        return strncmp(text, UnsafeRawPointer(prefix.utf8Start).assumingMemoryBound(to: CChar.self), prefix.utf8CodeUnitCount) == 0
    }

    var firstChild: MarkdownNode? { cmark_node_first_child(raw).map { MarkdownNode(raw: $0, lineOffset: lineOffset) } }
    var next: MarkdownNode? { cmark_node_next(raw).map { MarkdownNode(raw: $0, lineOffset: lineOffset) } }

    /// The children in order, walked through libcmark's links without building an array.
    var children: Children { Children(first: firstChild) }

    struct Children: Sequence, IteratorProtocol {
        var first: MarkdownNode?

        mutating func next() -> MarkdownNode? {
            defer { first = first?.next }
            return first
        }
    }

    /// The inline content as plain text: emphasis, links and code spans keep their words, line
    /// breaks become spaces, raw HTML is dropped. White space is folded.
    var plainText: String { Self.plainText(from: self, siblings: false) }

    /// The plain text of `first`, and of the siblings after it when `siblings` is set.
    static func plainText(from first: MarkdownNode?, siblings: Bool) -> String {
        var capacity = 0
        forEachChunk(from: first, siblings: siblings) { capacity += $0.count }
        return UTF8Text.collapsedString(capacity: capacity) { feed in
            forEachChunk(from: first, siblings: siblings, feed)
        }
    }

    /// The plain text and, for a paragraph that opens with bold words, those words (a trailing
    /// colon dropped).
    var textAndLead: (text: String, lead: String?) {
        guard isParagraph, let (text, leadEnd) = textWithBoldLead() else { return (plainText, nil) }
        let lead = Self.lead(of: text, end: leadEnd)
        return (text, lead)
    }

    /// For a paragraph opening with bold words: its plain text, made in one walk, and where the
    /// bold words end in it (in bytes).
    private func textWithBoldLead() -> (text: String, leadEnd: Int)? {
        guard let strong = firstChild, strong.type == CMARK_NODE_STRONG else { return nil }
        var capacity = 0
        Self.forEachChunk(from: strong, siblings: true) { capacity += $0.count }
        var leadEnd = 0
        let text = String(unsafeUninitializedCapacity: capacity) { output in
            var folder = UTF8Text.WhitespaceFolder(output: output)
            strong.forEachChunk { folder.append($0) }
            leadEnd = folder.written
            Self.forEachChunk(from: strong.next, siblings: true) { folder.append($0) }
            return folder.written
        }
        return (text, leadEnd)
    }

    /// The bold words at the start of `text`, a trailing colon dropped; nil when there are none.
    private static func lead(of text: String, end: Int) -> String? {
        var utf8 = text.utf8.prefix(end)
        while let last = utf8.last, last == UInt8(ascii: ":") || last == UInt8(ascii: " ") { utf8 = utf8.dropLast() }
        return utf8.isEmpty ? nil : String(Substring(utf8))
    }

    private static let space: StaticString = " "

    /// Feeds the bytes of the plain text, chunk by chunk, straight from libcmark's literals;
    /// with `siblings`, the siblings after `first` too, up to `stop` if given.
    private static func forEachChunk(from first: MarkdownNode?, siblings: Bool, stop: MarkdownNode? = nil,
                                     _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var node = first
        while let current = node, current.raw != stop?.raw {
            current.forEachChunk(body)
            guard siblings else { return }
            node = current.next
        }
    }

    /// A paragraph's first line and the rest, as plain text, when it has more than one line.
    var firstLineAndRest: (firstLine: String, rest: String)? {
        guard isParagraph else { return nil }
        var lineBreak: MarkdownNode?
        for child in children where child.type == CMARK_NODE_SOFTBREAK || child.type == CMARK_NODE_LINEBREAK {
            lineBreak = child
            break
        }
        guard let lineBreak else { return nil }
        var capacity = 0
        Self.forEachChunk(from: firstChild, siblings: true, stop: lineBreak) { capacity += $0.count }
        let firstLine = UTF8Text.collapsedString(capacity: capacity) { feed in
            Self.forEachChunk(from: firstChild, siblings: true, stop: lineBreak, feed)
        }
        return (firstLine, Self.plainText(from: lineBreak.next, siblings: true))
    }

    /// Walks this node's subtree in document order through libcmark's parent and sibling links,
    /// with no recursion: a guide may nest tens of thousands of levels (`> > > …`, `*****x*****`).
    private func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var node = self
        while true {
            var descend = false
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let text = cmark_node_get_literal(node.raw) {
                    text.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
                        body(UnsafeBufferPointer(start: start, count: strlen(text)))
                    }
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                body(UnsafeBufferPointer(start: Self.space.utf8Start, count: 1))
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                break
            default:
                descend = true
            }
            if descend, let child = node.firstChild {
                node = child
                continue
            }
            // Done with `node`: climb until a sibling is left, a block child ending in a space.
            while true {
                if node.raw == raw { return }
                if node.isBlock { body(UnsafeBufferPointer(start: Self.space.utf8Start, count: 1)) }
                if let sibling = node.next {
                    node = sibling
                    break
                }
                guard let parent = cmark_node_parent(node.raw) else { return }
                node = MarkdownNode(raw: parent, lineOffset: lineOffset)
            }
        }
    }

    /// The role of the bold words a paragraph opens with, read without making a string.
    var boldLabelRole: SectionRole? {
        guard let strong = firstChild, strong.type == CMARK_NODE_STRONG else { return nil }
        var capacity = 0
        strong.forEachChunk { capacity += $0.count }
        guard capacity > 0 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var folder = UTF8Text.WhitespaceFolder(output: buffer)
            strong.forEachChunk { folder.append($0) }
            return SectionRole(labelBytes: UnsafeBufferPointer(rebasing: buffer[..<folder.written]))
        }
    }

    var isBlock: Bool { type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue }

    /// The bold words a paragraph opens with, a trailing colon dropped; cheaper than
    /// `boldLead` when the text after them is not needed.
    var boldLabel: String? {
        guard let first = firstChild, first.type == CMARK_NODE_STRONG else { return nil }
        let lead = first.plainText.trimmingTrailingColon()
        return lead.isEmpty ? nil : lead
    }

    /// For a paragraph that opens with bold words: those words (a trailing colon dropped) and the
    /// plain text after them (a leading colon dropped). `**Latency**: low` and `**Latency:** low`
    /// both give ("Latency", "low").
    var boldLead: (lead: String, rest: String)? {
        guard let lead = boldLabel else { return nil }
        return (lead, textAfterBoldLabel)
    }

    /// For a paragraph whose bold opening words `boldLabel` gave: the plain text after them, a
    /// leading colon (or dash) dropped.
    var textAfterBoldLabel: String {
        var trimmed = Self.plainText(from: firstChild?.next, siblings: true)
        // Drop the colon (or dash) that separates the label from its text.
        while let first = trimmed.first, first == ":" || first == "-" || first == "–" || first == "—" {
            trimmed = trimmed.dropFirst().trimmingWhitespace()
        }
        return trimmed
    }
}

extension String {
    func trimmingTrailingColon() -> String {
        guard endsWith(ascii: ":") || endsWith(ascii: " ") else { return self }
        var text = Substring(self)
        while let last = text.last, last == ":" || last == " " { text = text.dropLast() }
        return String(text)
    }
}
