/// Builds a question's checklist from its model answer.
public enum RubricBuilder {
    public static func rubric(for sections: [AnswerSection], kind: CategoryKind) -> [RubricPoint] {
        let explicit = sections.filter { $0.role == .rubric }
        if !explicit.isEmpty {
            return explicit.flatMap(\.items).compactMap(explicitPoint)
        }
        var points: [RubricPoint] = []
        points.reserveCapacity(sections.count * 2 + (kind == .behavioral ? starPoints.count : 0))
        for section in sections {
            var leads: [String] { section.items.compactMap(\.lead) }
            var detail: String { section.items.map(\.fullText).joined(separator: " ") }
            switch section.role {
            case .reasoning:
                points += section.items.map { item in
                    RubricPoint(text: item.lead ?? item.text, kind: .cover, detail: item.fullText)
                }
            case .definition where !section.items.isEmpty:
                let leads = leads
                let text = leads.isEmpty ? "Defines the key terms" : "Defines: " + leads.joined(separator: "; ")
                points.append(RubricPoint(text: text, kind: .define, detail: detail))
            case .examples where !section.items.isEmpty:
                points.append(RubricPoint(text: "Gives a concrete example", kind: .example, detail: detail))
            case .alternatives where !section.items.isEmpty:
                let leads = leads
                let text = leads.isEmpty ? "Considers alternatives" : "Considers: " + leads.joined(separator: "; ")
                points.append(RubricPoint(text: text, kind: .bonus, detail: detail))
            case .pitfalls:
                points += section.items.map { item in
                    RubricPoint(text: "Avoids: " + (item.lead ?? item.text), kind: .pitfall, detail: item.fullText)
                }
            default:
                break
            }
        }
        if kind == .behavioral {
            points += starPoints
        }
        return points
    }

    /// The parts of a well-formed STAR answer; the details carry the words that show each part.
    public static let starPoints: [RubricPoint] = [
        RubricPoint(text: "Situation: sets the scene", kind: .star, detail: "situation context when where team project"),
        RubricPoint(text: "Task: own goal and role are clear", kind: .star, detail: "task goal role responsible my job"),
        RubricPoint(text: "Action: what I did, in the first person", kind: .star, detail: "I action decided built led"),
        RubricPoint(text: "Result: a measurable outcome", kind: .star, detail: "result outcome percent reduced increased saved"),
        RubricPoint(text: "Lesson: what I learned", kind: .star, detail: "learned lesson next time differently"),
    ]

    /// `[ ] Mentions latency budgets` (a GitHub task list item, which CommonMark keeps as text).
    private static func explicitPoint(_ item: SectionItem) -> RubricPoint? {
        var text = Substring(item.text)
        for marker in ["[ ]", "[x]", "[X]"] where text.hasPrefix(marker) {
            text = text.dropFirst(marker.count)
        }
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        return RubricPoint(text: trimmed, kind: .cover, detail: item.fullText)
    }
}
