import InterviewCore

/// The figures live analysis shows for the answer being written, taken from its editors.
extension SessionScreenState {
    /// `text`'s figures: its editor's, kept up to date as it was edited, when the editor holds
    /// this text (the usual case, where the interview's text is the editor's own string and
    /// comparing them costs nothing), else counted now.
    func figures(of field: AnswerField, text: String) -> TextFigures {
        if let editor = editors[field], editor.text == text { return editor.figures }
        return TextFigures(text)
    }

    /// The STAR figures of `record`'s answer, from each part's figures.
    func starAnalysis(of record: QuestionRecord) -> StarAnalysis {
        var figures: [StarPart: TextFigures] = [:]
        for part in StarPart.allCases { figures[part] = self.figures(of: .star(part), text: record.text(of: .star(part))) }
        return StarAnalysis(figures: figures, order: Array(record.starParts.keys))
    }
}
