/// Pitfalls come in two kinds: doing something wrong ("Quoting a single average"), which an
/// answer's words can show, and leaving something out ("Leaving out the outcome", "Ignoring
/// operator coverage", "No numbers"), which they cannot: an answer that says what such a
/// pitfall names has avoided it.
enum PitfallKind {
    /// Lead words that name an omission.
    static let omissionOpeners: Set<String> = ["ignoring", "forgetting", "omitting", "neglecting", "overlooking", "skipping",
                                               "missing", "lacking", "no", "not", "never", "without"]

    /// Whether `point` is a pitfall of leaving something out.
    static func isOmission(_ point: RubricPoint) -> Bool {
        guard point.kind == .pitfall else { return false }
        let words = Words.split(point.lead)
        guard let first = words.first else { return false }
        return omissionOpeners.contains(first) || (["leaving", "leave"].contains(first) && words.dropFirst().first == "out")
    }
}
