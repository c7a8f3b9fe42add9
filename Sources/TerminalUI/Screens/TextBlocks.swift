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
        return lines.isEmpty ? [("(this question has no model answer)", .dim)] : lines
    }

    /// The rubric as a checklist: the box, the detected mark, the point and its weight.
    static func rubric(_ rubric: [RubricPoint], ticks: Set<Int>, detected: Set<Int>, selection: Int?, width: Int) -> (lines: Lines, starts: [Int]) {
        var lines: Lines = []
        var starts: [Int] = []
        for (index, point) in rubric.enumerated() {
            starts.append(lines.count)
            let box = ticks.contains(index) ? "[x]" : "[ ]"
            let mark = detected.contains(index) ? "✓" : " "
            let weight = point.weight > 1 ? " (x\(point.weight))" : ""
            let selected = index == selection
            let style: Style = selected ? .reverse : .plain
            let wrapped = WordWrap.wrap(point.text + weight, width: width - 8)
            for (row, text) in wrapped.enumerated() {
                let lead = row == 0 ? "\(box) \(mark) " : "      "
                lines.append(((selected ? "▸" : " ") + lead + text, style))
            }
        }
        return (lines, starts)
    }
}
