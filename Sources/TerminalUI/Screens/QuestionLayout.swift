import InterviewCore

/// Where the question screen puts things. Key handling needs it too: the editor wraps and
/// scrolls at the width and height it is drawn at.
public struct QuestionLayout: Equatable, Sendable {
    public static let margin = 2
    public let size: Size
    /// Rows of the question (or follow-up) text.
    public let questionTop: Int
    public let questionRows: Int
    /// The rows for the answer: one field, or the STAR parts.
    public let editorTop: Int
    public let editorRows: Int
    public var textWidth: Int { Self.textWidth(for: size) }

    /// The width the question and the answer are wrapped at.
    public static func textWidth(for size: Size) -> Int { max(1, size.width - 2 * margin) }

    public init(size: Size, questionLines: Int) {
        self.size = size
        // Header and rule, the clock (3 rows) and its bar, a gap.
        questionTop = 7
        let bottom = size.height - 2 // the status line and the key hints
        let roomy = size.height >= 30
        questionRows = max(1, min(questionLines, roomy ? 6 : 3))
        editorTop = questionTop + questionRows + 1
        editorRows = max(1, bottom - editorTop - (roomy ? 1 : 0))
    }

    /// For a STAR answer: each part's label row and the rows of text under the focused one.
    /// The other parts show one line each, on their label row.
    public var starFocusedRows: Int { max(1, editorRows - StarPart.allCases.count) }

    /// The width the editor of `field` wraps at: STAR parts are indented under their names.
    public func editorWidth(for field: AnswerField) -> Int {
        if case .star = field { return max(1, textWidth - 2) }
        return textWidth
    }

    /// The height the editor of `field` is drawn at.
    public func editorHeight(for field: AnswerField) -> Int {
        if case .star = field { return starFocusedRows }
        return max(1, editorRows - 1)
    }
}
