/// Builds a question's checklist from its model answer (docs/guide-format.md, "Rubric"):
/// cover points from the reasoning and the approach steps, one define point per term, one
/// example point per example, alternatives as bonus points, pitfalls as a list that can only
/// subtract, and for behavioral questions STAR structure points worth at most a quarter of the
/// question's weight.
public enum RubricBuilder {
    /// The section named by STAR structure points, and by points of an explicit rubric.
    public static let starSection = "STAR"
    public static let explicitSection = "Rubric"

    public static func rubric(for sections: [AnswerSection], kind: CategoryKind) -> [RubricPoint] {
        let explicit = sections.filter { $0.role == .rubric }
        if !explicit.isEmpty {
            return explicit.flatMap { section in section.items.compactMap { explicitPoint($0, section: section.label) } }
        }
        var points: [RubricPoint] = []
        points.reserveCapacity(sections.count * 4 + (kind == .behavioral ? StarCheck.structure.count + 1 : 0))
        for section in sections {
            switch section.role {
            case .reasoning:
                points += section.items.map { point($0, in: section, kind: .cover, weight: 2, prefix: "") }
            case .approach where isSteps(section.label, kind: kind):
                points += section.items.map { point($0, in: section, kind: .cover, weight: 2, prefix: "") }
            case .definition:
                let weight = kind == .technical ? 2 : 1
                points += section.items.map { point($0, in: section, kind: .define, weight: weight, prefix: "Defines: ") }
            case .examples where !isOutcomes(section.label):
                points += section.items.map { point($0, in: section, kind: .example, weight: 1, prefix: "Example: ") }
            case .alternatives:
                points += section.items.map { point($0, in: section, kind: .bonus, weight: 1, prefix: "Also: ") }
            case .pitfalls:
                points += section.items.map { point($0, in: section, kind: .pitfall, weight: 2, prefix: "Pitfall: ") }
            default:
                break
            }
        }
        let content = points.filter(\.kind.countsTowardTotal).reduce(0) { $0 + $1.weight }
        if kind == .behavioral, content > 0 {
            points += starPoints(contentWeight: content)
        }
        return points
    }

    /// The STAR structure points for a behavioral question whose other points weigh
    /// `contentWeight`: weight 1 each, in `StarCheck.structure` order, as many as keep them at
    /// most a quarter of the question's total; the lesson is a bonus.
    public static func starPoints(contentWeight: Int) -> [RubricPoint] {
        let count = min(StarCheck.structure.count, contentWeight / 3)
        return StarCheck.structure.prefix(count).map(\.point) + [StarCheck.lesson.point]
    }

    /// "Approach" and "Steps" list what to do; "Action and Outcome" (or a behavioral answer's
    /// "Action") tells the model answer's own story, which an answer is not expected to repeat.
    static func isSteps(_ label: String, kind: CategoryKind) -> Bool {
        FoldedText.withFolded(label) { words in
            guard !words.contains(anyOf: "outcome", "result") else { return false }
            return kind != .behavioral || words.contains(anyOf: "approach", "step", "strategy", "solution")
        }
    }

    /// "Example Outcomes" describe what the approach achieves, not examples to give.
    static func isOutcomes(_ label: String) -> Bool {
        FoldedText.withFolded(label) { $0.contains(anyOf: "outcome", "result") }
    }

    private static func point(_ item: SectionItem, in section: AnswerSection, kind: RubricPoint.Kind, weight: Int, prefix: String) -> RubricPoint {
        let lead = item.lead?.trimmingWhitespace() ?? ""
        let named = lead.isEmpty ? firstWords(of: item.text) : lead
        return RubricPoint(text: prefix + named, kind: kind, weight: weight, section: section.label,
                           lead: named, detail: explanation(of: item, lead: lead))
    }

    /// The item's words after its lead ("Clamp the integrator: Stop integrating ..." gives
    /// "Stop integrating ..."), with its nested items.
    static func explanation(of item: SectionItem, lead: String) -> String {
        let whole = item.text
        guard !lead.isEmpty else { return joined(Substring(whole), item.children) }
        // The lead was read from the item's own text, so its bytes start it: found and skipped
        // byte by byte, where a Substring's characters took a third of a large guide's rubrics.
        if let rest = afterLead(whole, lead) { return joined(rest, item.children) }
        guard whole.hasPrefix(lead) else { return joined(Substring(whole), item.children) }
        return joined(Substring(whole).dropFirst(lead.count).drop { $0 == ":" || $0 == " " || $0 == "-" || $0 == "—" || $0 == "–" },
                      item.children)
    }

    /// `text` after `lead` and the separator that follows it (`:`, spaces, `-`, `–`, `—`), when
    /// `text`'s bytes start with `lead`'s. Over the strings' own bytes by index: through
    /// `String.UTF8View` each byte cost about twenty instructions, for every rubric point.
    private static func afterLead(_ text: String, _ lead: String) -> Substring? {
        var (text, lead) = (text, lead)
        let offset: Int? = text.withUTF8 { bytes in
            lead.withUTF8 { leadBytes in
                guard leadBytes.count <= bytes.count else { return nil }
                for position in 0..<leadBytes.count where bytes[position] != leadBytes[position] { return nil }
                var index = leadBytes.count
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "-"):
                        index += 1
                    case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94):
                        // U+2013 and U+2014 are E2 80 93 and E2 80 94.
                        index += 3
                    default:
                        return index
                    }
                }
                return index
            }
        }
        guard let offset else { return nil }
        return text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)...]
    }

    private static func joined(_ text: Substring, _ children: [SectionItem]) -> String {
        guard !children.isEmpty else { return String(text) }
        return ([String(text)] + children.flatMap(\.allTexts)).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// An item without bold lead words is named by its first clause, or its first six words.
    static func firstWords(of text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        let clause = trimmed.prefix { !":;.!?".contains($0) }
        let words = clause.split(separator: " ")
        if words.count <= 8 { return String(clause).trimmingWhitespace() }
        return words.prefix(6).joined(separator: " ") + "…"
    }

    /// `[ ] Mentions latency budgets` (a GitHub task list item, which CommonMark keeps as text).
    private static func explicitPoint(_ item: SectionItem, section: String) -> RubricPoint? {
        var text = Substring(item.text)
        for marker in ["[ ]", "[x]", "[X]"] where text.hasPrefix(marker) {
            text = text.dropFirst(marker.count)
        }
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        let detail = ([trimmed] + item.children.flatMap(\.allTexts)).joined(separator: " ")
        return RubricPoint(text: trimmed, kind: .cover, weight: 2, section: section, lead: trimmed, detail: detail)
    }
}
