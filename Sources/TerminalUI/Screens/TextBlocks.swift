import InterviewCore

/// Answers and model answers as styled, wrapped lines, for the screens that scroll them.
enum TextBlocks {
    typealias Lines = [(String, Style)]

    static func paragraphs(_ text: String, width: Int, style: Style = .plain, indent: String = "") -> Lines {
        WordWrap.wrap(text, width: max(1, width - TextWidth.of(indent))).map { (indent + $0, style) }
    }

    /// The user's main answer: the free text, or the STAR parts under their names.
    static func answer(_ record: QuestionRecord, width: Int) -> Lines {
        var lines: Lines = []
        switch record.scaffold {
        case .free:
            lines += record.freeText.isEmpty ? [("(nothing written)", .dim)] : paragraphs(record.freeText, width: width)
        case .star:
            for part in StarPart.allCases {
                let text = record.text(of: .star(part))
                if part == .lesson, text.isEmpty { continue }
                lines.append((part.title, .bold))
                lines += text.isEmpty ? [("  (nothing written)", .dim)] : paragraphs(text, width: width, indent: "  ")
            }
        }
        return lines
    }

    /// An earlier attempt in a few words, the score first: "Last attempt: 40 % · Hard · 2026-03-01".
    static func attemptTitle(_ earlier: PastAnswer) -> String {
        let attempt = earlier.attempt
        return "Last attempt: " + (attempt.score.map { Wording.percent($0) + " · " } ?? "") + attempt.grade.displayName
            + " · \(attempt.reviewedAt.iso8601.prefix(10))"
    }

    /// The follow-up questions asked and their answers.
    static func followUps(_ planned: PlannedQuestion, _ record: QuestionRecord, width: Int) -> Lines {
        var lines: Lines = []
        for (number, question) in planned.followUps.enumerated() {
            lines.append(("", .plain))
            lines += WordWrap.wrap(question, width: width, prefix: "Follow-up: ").map { ($0, .bold) }
            let answer = record.followUpAnswers.indices.contains(number) ? record.followUpAnswers[number] : ""
            lines += answer.isEmpty ? [("  (nothing written)", .dim)] : paragraphs(answer, width: width, indent: "  ")
        }
        return lines
    }

    /// The guide's model answer, section by section (its follow-ups are asked, not shown).
    static func modelAnswer(_ question: Question, width: Int) -> Lines {
        var lines: Lines = []
        for section in question.sections where section.role != .followUps {
            if !lines.isEmpty { lines.append(("", .plain)) }
            lines += WordWrap.wrap(section.label, width: width).map { ($0, .heading) }
            for item in section.items {
                lines += WordWrap.wrap(item.text, width: width, prefix: "• ").map { ($0, .plain) }
                for child in item.children {
                    lines += WordWrap.wrap(child.fullText, width: width, prefix: "  ◦ ").map { ($0, .plain) }
                }
            }
        }
        return lines.isEmpty ? WordWrap.wrap("(this question has no model answer)", width: width).map { ($0, .dim) } : lines
    }

    /// Rubric points as a checklist: the box (ticked, or for a pitfall confirmed), `mark` where
    /// the text seemed to make the point (✓) or fall into the pitfall (?), the point and its
    /// weight; with `evidence`, the sentence behind each mark under it. `selection` counts along
    /// `items`; `starts` gives each item's first line.
    static func checklist(_ rubric: [RubricPoint], _ items: [Int], ticks: Set<Int>, marked: Set<Int>, mark: String, selection: Int?,
                          width: Int, evidence: [Int: String] = [:]) -> (lines: Lines, starts: [Int]) {
        var lines: Lines = []
        var starts: [Int] = []
        for (position, index) in items.enumerated() {
            starts.append(lines.count)
            let point = rubric[index]
            let box = ticks.contains(index) ? "[x]" : "[ ]"
            let shown = marked.contains(index) ? mark : " "
            let weight = point.weight > 1 ? " (x\(point.weight))" : ""
            let selected = position == selection
            let style: Style = selected ? .reverse : .plain
            for (row, text) in WordWrap.wrap(point.text + weight, width: width - 8).enumerated() {
                let lead = row == 0 ? "\(box) \(shown) " : "      "
                lines.append(((selected && row == 0 ? "▸" : " ") + lead + text, style))
            }
            if marked.contains(index), let sentence = evidence[index] {
                lines += WordWrap.wrap(quoted(sentence), width: width - 7, prefix: "       ").map { ($0, .dim) }
            }
        }
        return (lines, starts)
    }

    /// A sentence of the user's answer, quoted.
    static func quoted(_ sentence: String) -> String {
        "“" + sentence.collapsingWhitespace() + "”"
    }

    /// The first `rows` of `lines`, the last of them ending in `…` when some were left out.
    static func fitted(_ lines: [String], rows: Int, width: Int) -> [String] {
        guard lines.count > rows else { return lines }
        guard rows > 0 else { return [] }
        var kept = Array(lines.prefix(rows))
        var last = kept[rows - 1]
        while !last.isEmpty, TextWidth.of(last) + 1 > width { last.removeLast() }
        kept[rows - 1] = last + "…"
        return kept
    }
}
