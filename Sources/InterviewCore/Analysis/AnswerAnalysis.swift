/// What the text of an answer seems to cover, when no judgement was recorded for it.
public enum PointDetection {
    /// The indices of the rubric points the answer seems to make (pitfalls aside), read by
    /// words with the rubric's own weights: no model, nothing to fail.
    public static func detected(rubric: [RubricPoint], answer: String, star: StarAnalysis?) -> Set<Int> {
        let judge = AnswerJudge(weights: TermWeights(rubrics: [rubric]))
        return (try? judge.judge(rubric, answer: answer, star: star))?.covered(rubric) ?? []
    }
}

extension AnswerJudge {
    /// A record's main answer, judged: the free text, or the STAR parts with their figures.
    public func judge(_ question: Question, _ record: QuestionRecord) throws -> AnswerJudgement {
        try judge(question.rubric, answer: record.judgedText,
                  star: record.scaffold == .star ? StarAnalysis(parts: record.starParts) : nil)
    }
}

extension QuestionRecord {
    /// The main answer as the judge reads it: the free text, or the STAR parts under their labels.
    public var judgedText: String {
        switch scaffold {
        case .free: freeText
        case .star: StarAnswerText.text(of: starParts)
        }
    }
}

extension AnswerJudge {
    /// An answer given as text (a file, standard input), judged: for a STAR question, its parts
    /// are read from their labels ("Situation: ...") to give the STAR figures.
    public func judge(_ question: Question, text: String) throws -> (judgement: AnswerJudgement, star: StarAnalysis?) {
        let star = question.scaffold == .star ? StarAnswerText.parts(of: text).map(StarAnalysis.init(parts:)) : nil
        return (try judge(question.rubric, answer: text, star: star), star)
    }
}
