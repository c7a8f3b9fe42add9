import CCmark
import InterviewCore

/// What follows a question, before it is read into sections: blocks of the answer, or a
/// deeper heading that labels a section (`##### Follow-up Points`).
enum AnswerBlock {
    case node(MarkdownNode)
    case label(String, line: Int, column: Int)
    /// Answer text that shared a paragraph with its question.
    case text(String, line: Int, column: Int)
}

/// A section as read, with the position lint needs.
struct SectionDraft {
    var label: String
    var role: SectionRole
    var line: Int
    var column: Int
    var items: [SectionItem] = []
}

/// Reads a question's model answer into labelled sections. Labels come as bold bullets
/// (`- **Pitfalls to Avoid**:` with nested bullets), as bold paragraphs (`**Pitfalls:**` then a
/// list), or as deeper headings; `**Answer:**` in any of its spellings only opens the answer.
struct AnswerReader {
    private(set) var sections: [SectionDraft] = []
    /// Set once labels arrive as paragraphs: bold bullets below them are then points, not labels.
    private var labelsAreParagraphs = false
    /// After a thematic break, or plain text that follows a list, prose is the guide's own
    /// commentary (such as its closing words), not part of the answer.
    private var inProse = false
    private var lastBlockWasList = false
    /// From `**Competency:** Ownership` lines: tags for the question, not part of its answer.
    private(set) var competencies: [String] = []
    /// Where bullets first nested deeper than `SectionItem.maximumDepth`.
    private(set) var deepestCut: (line: Int, column: Int)?


    mutating func read(_ blocks: [AnswerBlock]) {
        for block in blocks {
            switch block {
            case .label(let text, let line, let column):
                open(text, line: line, column: column)
                inProse = false
                lastBlockWasList = false
            case .node(let node):
                read(node)
            case .text(let text, let line, let column):
                let answer = Self.droppingAnswerLabel(text)
                guard !answer.isEmpty else { continue }
                open("Answer", line: line, column: column)
                sections[sections.count - 1].items.append(SectionItem(text: answer))
                inProse = false
                lastBlockWasList = false
            }
        }
    }

    /// What is left to read, innermost last: blocks and list items are taken from a stack rather
    /// than by recursion, because a guide may nest quotes and lists tens of thousands deep.
    private enum Step {
        case block(MarkdownNode)
        case item(MarkdownNode)
        case endOfList
    }

    private mutating func read(_ node: MarkdownNode) {
        var pending: [Step] = [.block(node)]
        while let step = pending.popLast() {
            switch step {
            case .block(let node):
                readBlock(node, pending: &pending)
            case .item(let item):
                readListItem(item, pending: &pending)
            case .endOfList:
                inProse = false
                lastBlockWasList = true
            }
        }
    }

    private mutating func readBlock(_ node: MarkdownNode, pending: inout [Step]) {
        switch node.type {
        case CMARK_NODE_PARAGRAPH:
            readParagraph(node)
            lastBlockWasList = false
        case CMARK_NODE_LIST:
            pending.append(.endOfList)
            pending += node.children.reversed().map(Step.item)
        case CMARK_NODE_CODE_BLOCK:
            let code = node.literal.trimmingWhitespace()
            if !code.isEmpty, !inProse { add(SectionItem(text: code), at: node) }
        case CMARK_NODE_BLOCK_QUOTE:
            pending += node.children.reversed().map(Step.block)
        case CMARK_NODE_THEMATIC_BREAK:
            inProse = true
        default:
            break
        }
    }

    private mutating func readParagraph(_ node: MarkdownNode) {
        if let (lead, rest) = node.boldLead, let tags = Self.competencies(lead: lead, rest: rest, nested: MarkdownNode.Children(first: nil)) {
            competencies += tags
            return
        }
        if let (lead, rest) = node.boldLead, Self.isLabel(lead, rest: rest) {
            let role = SectionRole(label: lead)
            if role != .answer || !rest.isEmpty { open(lead, role: role, at: node) }
            if role != .answer { labelsAreParagraphs = true }
            if !rest.isEmpty { add(SectionItem(text: rest), at: node) }
            inProse = false
            return
        }
        if inProse { return }
        if lastBlockWasList, let current = sections.last, !current.items.isEmpty {
            inProse = true
            return
        }
        let (text, lead) = node.textAndLead
        if !text.isEmpty { add(SectionItem(text: text, lead: lead), at: node) }
    }

    private mutating func readListItem(_ item: MarkdownNode, pending: inout [Step]) {
        guard let first = item.firstChild else { return }
        let nested = MarkdownNode.Children(first: first.next)
        // Most bullets open with bold words that are not a label ("**Quantize**: ..."): the text
        // after them is read only when it decides something, since `item(from:)` reads it again.
        if first.isParagraph, let lead = first.boldLabel {
            let role = SectionRole(label: lead)
            let hasNestedList = nested.contains { $0.isList }
            guard Self.mayNameCompetencies(lead) || role == .answer || role.isKnown || hasNestedList else {
                add(self.item(from: item), at: item)
                inProse = false
                return
            }
            let rest = first.textAfterBoldLabel
            if let tags = Self.competencies(lead: lead, rest: rest, nested: nested) {
                competencies += tags
                return
            }
            if role == .answer {
                // `- **Answer:**` wraps the sections; `- **Example Answer**: text` is the answer.
                if !rest.isEmpty { open(lead, at: item); add(SectionItem(text: rest), at: item) }
                pending += nested.reversed().map(Step.block)
                return
            }
            let labelOnly = rest.isEmpty && hasNestedList
            if labelOnly || (role.isKnown && !labelsAreParagraphs) {
                open(lead, role: role, at: item)
                if !rest.isEmpty { add(SectionItem(text: rest), at: item) }
                for block in nested { addItems(of: block) }
                inProse = false
                return
            }
        }
        add(self.item(from: item), at: item)
        inProse = false
    }

    /// Nested blocks under a section label become that section's items.
    private mutating func addItems(of block: MarkdownNode) {
        switch block.type {
        case CMARK_NODE_LIST:
            for item in block.children { add(self.item(from: item), at: item) }
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_CODE_BLOCK, CMARK_NODE_BLOCK_QUOTE:
            let text = block.plainText
            if !text.isEmpty { add(SectionItem(text: text), at: block) }
        default:
            break
        }
    }

    /// A bullet as an item, noting where nesting was cut at `SectionItem.maximumDepth`.
    private mutating func item(from node: MarkdownNode) -> SectionItem {
        let (item, cut) = Self.item(from: node, depth: 1)
        if let cut, deepestCut == nil { deepestCut = cut }
        return item
    }

    /// A bullet as an item: its first block is the text, nested lists are its children. Below
    /// `SectionItem.maximumDepth` levels the rest of an item is folded into its text, so that
    /// no later step (rubric, JSON, freeing the model) recurses as deep as the file does; the
    /// position of the first cut comes back for a warning.
    static func item(from node: MarkdownNode, depth: Int = 1) -> (SectionItem, cut: (line: Int, column: Int)?) {
        guard depth < SectionItem.maximumDepth else {
            // (A loop, not `first(where:)`: Swift 6.3's optimiser crashes on that closure here.)
            var nested: MarkdownNode?
            for block in node.children where block.isList {
                nested = block
                break
            }
            return (SectionItem(text: node.plainText), nested.map { ($0.startLine, $0.startColumn) })
        }
        var text = ""
        var lead: String?
        var children: [SectionItem] = []
        var cut: (line: Int, column: Int)?
        var isFirst = true
        for block in node.children {
            defer { isFirst = false }
            if block.isList {
                for child in block.children {
                    let (item, childCut) = self.item(from: child, depth: depth + 1)
                    children.append(item)
                    if cut == nil { cut = childCut }
                }
            } else if isFirst {
                (text, lead) = block.textAndLead
            } else {
                let extra = block.plainText
                if !extra.isEmpty { children.append(SectionItem(text: extra)) }
            }
        }
        return (SectionItem(text: text, lead: lead, children: children), cut)
    }

    /// `**Competency:** Ownership` or `**Competencies:** Ownership, Conflict` (or the names as
    /// bullets below the label) as lower-case tags; nil for any other label.
    /// A label as long as "Competency" or "Competencies", the only ones `competencies` reads.
    static func mayNameCompetencies(_ lead: String) -> Bool {
        lead.utf8.count == 10 || lead.utf8.count == 12
    }

    static func competencies(lead: String, rest: String, nested: MarkdownNode.Children) -> [String]? {
        guard mayNameCompetencies(lead),
              FoldedText.withFolded(lead, { $0.equals("competency") || $0.equals("competencies") }) else { return nil }
        var names = [rest]
        for block in nested where block.isList {
            names += block.children.map { $0.plainText }
        }
        return names
            .flatMap { $0.split(whereSeparator: { $0 == "," || $0 == ";" }) }
            .map { name -> String in
                var text = Substring(name.trimmingWhitespace().lowercased())
                while text.last == "." { text = text.dropLast() }
                return String(text)
            }
            .filter { !$0.isEmpty }
    }

    /// `Answer: text` or `Example answer - text` as `text`.
    static func droppingAnswerLabel(_ text: String) -> String {
        let labels: [StaticString] = ["example answer", "sample answer", "model answer", "answer"]
        guard let label = FoldedText.withFolded(text, { folded in labels.first { folded.hasPrefix($0) } }) else { return text }
        var rest = Substring(text).dropFirst(label.utf8CodeUnitCount)
        while let first = rest.first, first == ":" || first == " " || first == "-" { rest = rest.dropFirst() }
        return rest.trimmingWhitespace()
    }

    /// A bold paragraph names a section when its words are a known label, or when it is bold
    /// alone (`**Key Considerations:**`) rather than a sentence opening with bold words.
    static func isLabel(_ lead: String, rest: String) -> Bool {
        SectionRole(label: lead).isKnown || (rest.isEmpty && lead.count <= 60)
    }

    private mutating func open(_ label: String, role: SectionRole? = nil, at node: MarkdownNode) {
        open(label, role: role, line: node.startLine, column: node.startColumn)
    }

    private mutating func open(_ label: String, role: SectionRole? = nil, line: Int, column: Int) {
        sections.append(SectionDraft(label: label, role: role ?? SectionRole(label: label), line: line, column: column))
    }

    private mutating func add(_ item: SectionItem, at node: MarkdownNode) {
        if sections.isEmpty { open("Answer", at: node) }
        sections[sections.count - 1].items.append(item)
    }
}
