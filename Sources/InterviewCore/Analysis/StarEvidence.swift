/// The sentence of a STAR answer that shows a STAR point met: the STAR points are read from the
/// figures, but like every detected point they quote the answer.
struct StarEvidence {
    let sentences: AnswerSentences
    /// The STAR part each sentence belongs to: the last label at or before it (the situation
    /// before any label).
    let parts: [StarPart]

    init(_ sentences: AnswerSentences) {
        self.sentences = sentences
        var current = StarPart.situation
        parts = sentences.all.map { sentence in
            let trimmed = sentence.drop { $0 == " " || $0 == "*" || $0 == "#" || $0 == "-" }
            if let (part, _) = StarAnswerText.label(in: Array(trimmed.utf8.prefix(14))) { current = part }
            return current
        }
    }

    /// The index of the sentence that shows `check`, if there is one.
    func sentence(for check: StarCheck) -> Int? {
        let indices = sentences.all.indices
        func first(in part: StarPart, where include: (String) -> Bool = { _ in true }) -> Int? {
            indices.first { parts[$0] == part && include(sentences[$0]) }
        }
        switch check {
        case .action: return first(in: .action)
        case .result: return first(in: .result, where: StarAnalysis.hasFigure) ?? first(in: .result)
        case .ownership:
            return indices.first { Words.split(sentences[$0]).contains(where: StarAnalysis.firstPersonSingularWords.contains) }
        case .setting: return first(in: .situation) ?? first(in: .task)
        case .lesson: return first(in: .lesson)
        }
    }
}
