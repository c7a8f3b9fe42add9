import CCmark

/// Blocks that are page furniture rather than guide text: MDX imports and exports, `:::`
/// admonition fences, "Back to top" links to an anchor on the same page, and lists of such links.
enum MarkupNoise {
    /// `import Ad from './Ad';` or `export const x = 1;` (MDX); a line of `:::` fence.
    static func isNoise(_ block: MarkdownNode) -> Bool {
        if block.isList { return isTableOfContents(block) }
        guard block.isParagraph else { return false }
        if isNavigation(block) { return true }
        guard let first = block.firstChild, first.type == CMARK_NODE_TEXT else { return false }
        if first.literalStarts(with: "export ") { return true }
        guard first.literalStarts(with: "import ") else { return false }
        let text = first.literal
        return text.contains(" from ") || text.hasSuffix(";")
    }

    /// The opening line of an admonition (`:::info`, `:::tip Title`); it runs to a `:::` line.
    static func opensAdmonition(_ block: MarkdownNode) -> Bool {
        block.isParagraph && (block.firstChild?.literalStarts(with: ":::") ?? false)
    }

    /// Whether an admonition paragraph also closes it (its last line is `:::`).
    static func closesAdmonition(_ block: MarkdownNode) -> Bool {
        block.isParagraph && block.plainText.hasSuffix(":::")
    }

    /// A list whose every item is a link to an anchor on this page.
    static func isTableOfContents(_ list: MarkdownNode) -> Bool {
        var items = 0
        for item in list.children {
            guard let first = item.firstChild, isNavigation(first) else { return false }
            items += 1
        }
        return items > 0
    }

    /// A paragraph that is only a link (bold or not) to an anchor on this page: `**[⬆ Back to
    /// Top](#contents)**`.
    static func isNavigation(_ block: MarkdownNode) -> Bool {
        guard block.isParagraph, var node = block.firstChild, node.next == nil else { return false }
        while node.type == CMARK_NODE_STRONG || node.type == CMARK_NODE_EMPH {
            guard let child = node.firstChild, child.next == nil else { return false }
            node = child
        }
        guard node.type == CMARK_NODE_LINK, let url = cmark_node_get_url(node.raw) else { return false }
        return url.pointee == CChar(UInt8(ascii: "#"))
    }
}
