/// A question as a person names it on the command line, the same way for every command: its
/// whole id (`guide/question`), the question part of it alone, a unique start of either, or
/// its exact title (any case, any spacing).
public enum QuestionReference {
    public enum Match: Equatable, Sendable {
        /// The index of the one question meant.
        case one(Int)
        case none
        /// The ids of the questions it could mean, in order.
        case several([String])
    }

    public static func match(_ reference: String, among questions: [Question]) -> Match {
        let wanted = reference.trimmingWhitespace()
        guard !wanted.isEmpty else { return .none }
        if let exact = questions.firstIndex(where: { $0.id == wanted }) { return .one(exact) }
        let title = wanted.collapsingWhitespace().lowercased()
        // Whole names first, so that a name that also starts a longer one is not ambiguous.
        let rules: [(Question) -> Bool] = [
            { questionPart(of: $0.id) == wanted },
            { $0.title.collapsingWhitespace().lowercased() == title },
            { $0.id.hasPrefix(wanted) || questionPart(of: $0.id).hasPrefix(wanted) },
        ]
        for rule in rules {
            let found = questions.indices.filter { rule(questions[$0]) }
            if found.count == 1 { return .one(found[0]) }
            if found.count > 1 { return .several(found.map { questions[$0].id }) }
        }
        return .none
    }

    /// `question` of `guide/question`.
    private static func questionPart(of id: String) -> Substring {
        id.firstIndex(of: "/").map { id[id.index(after: $0)...] } ?? id[...]
    }
}
