import Foundation
import InterviewCore

/// A session as Markdown a mentor can read. Everything typed or taken from a guide is escaped,
/// so no answer can add headings, links or HTML, and no control character survives.
public enum MarkdownTranscript {
    public static func render(_ document: TranscriptDocument) -> String {
        var lines: [String] = []
        lines.append("# Mock interview \(document.id)")
        lines.append("")
        lines.append("- Guides: \(document.guides.map(inline).joined(separator: ", "))")
        lines.append("- Started: \(timestamp(document.startedAt)) · \(document.state.rawValue)")
        lines.append("- Questions: \(document.questions.count) · time used \(clock(document.secondsUsed)) · seed \(document.seed)")
        lines.append("- Score: \(document.score.map(Wording.percent) ?? "none") · answered \(document.answered) of \(document.questionCount)"
            + (document.skipped > 0 ? " · \(document.skipped) skipped" : "") + " (unanswered questions count 0)")
        for question in document.questions {
            lines.append("")
            lines.append("## \(question.position). \(inline(question.title))")
            lines.append("")
            var facts = ["\(question.kind.rawValue)", "answer time allowed \(clock(question.answerSeconds))",
                         (question.followUps.isEmpty ? "time used " : "time used with follow-ups ") + clock(question.secondsUsed)]
            if question.pauses > 0 { facts.append("\(question.pauses) pause\(question.pauses == 1 ? "" : "s")") }
            if question.submittedAtTimeUp { facts.append("submitted when time ran out") }
            if let rating = question.rating { facts.append("rated \(rating) of 5") }
            facts.append(question.score.map { "score " + Wording.percent($0) } ?? "skipped (counts 0)")
            facts.append("overtime \(clock(question.overtimeSeconds))")
            if let attempt = question.attempt {
                facts.append("graded \(attempt.grade)\(attempt.gradeChosen ? " (chosen)" : "")")
                if attempt.changedQuestion { facts.append("the question changed since its previous attempt") }
            }
            lines.append("*\(facts.joined(separator: " · "))*")
            lines.append("")
            lines.append("### Answer")
            lines.append("")
            if let parts = question.starParts {
                for part in StarPart.allCases {
                    guard let text = parts[part.rawValue], !text.isEmpty else { continue }
                    lines.append("**\(part.rawValue.capitalized)**")
                    lines.append("")
                    lines += quoted(text)
                    lines.append("")
                }
            } else {
                lines += question.answer.isEmpty ? ["*(no answer)*"] : quoted(question.answer)
                lines.append("")
            }
            for followUp in question.followUps {
                lines.append("**Follow-up:** \(inline(followUp.question)) *(\(clock(followUp.seconds)))*")
                lines.append("")
                lines += followUp.answer.isEmpty ? ["*(no answer)*"] : quoted(followUp.answer)
                lines.append("")
            }
            if let star = question.star {
                lines.append("### STAR figures")
                lines.append("")
                for part in [StarPart.situation, .task, .action, .result] {
                    lines.append("- \(part.rawValue.capitalized): \(star.words[part] ?? 0) words (\(Wording.percent(star.shares[part] ?? 0)))")
                }
                lines.append("- \"I\" \(star.firstPersonSingular), \"we\" \(star.firstPersonPlural); result quantified: \(star.resultQuantified ? "yes" : "no")")
                lines.append("- \(star.totalWords) words; hedges and fillers \(String(format: "%.1f", star.hedgesPer100Words)) per 100 words")
                lines.append("")
            }
            lines.append("### Rubric")
            lines.append("")
            for point in question.rubric where point.kind != .pitfall {
                lines.append("- [\(point.ticked ? "x" : " ")] \(inline(point.text))\(point.weight > 1 ? " (x\(point.weight))" : "")" + seen(point))
            }
            if question.rubric.contains(where: { $0.kind == .pitfall }) {
                lines.append("")
                lines.append("Did the answer fall into any of these? (ticked: confirmed)")
                lines.append("")
                for point in question.rubric where point.kind == .pitfall {
                    lines.append("- [\(point.ticked ? "x" : " ")] \(inline(point.text))\(point.weight > 1 ? " (x\(point.weight))" : "")" + seen(point))
                }
            }
            if !question.feedback.isEmpty {
                lines.append("")
                lines.append("### Feedback")
                lines.append("")
                lines += question.feedback.map { "- " + inline($0) }
            }
            lines.append("")
            lines.append("### Model answer")
            for section in question.modelAnswer where section.role != .followUps {
                lines.append("")
                lines.append("**\(inline(section.label))**")
                lines.append("")
                lines += section.items.map { "- " + inline($0.fullText) }
            }
        }
        if !document.thingsToWorkOn.isEmpty {
            lines.append("")
            lines.append("## Things to work on")
            lines.append("")
            lines += document.thingsToWorkOn.enumerated().map { "\($0.offset + 1). " + inline($0.element) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// " *(seen in the answer: "…")*" for a point the answer's text seemed to make.
    private static func seen(_ point: TranscriptDocument.Point) -> String {
        guard point.detected else { return "" }
        return point.evidence.map { " *(seen in the answer: \"\(inline($0))\")*" } ?? " *(seen in the answer)*"
    }

    /// Text on one line: control characters made visible, Markdown and HTML characters escaped.
    static func inline(_ text: String) -> String {
        var escaped = ""
        for character in TerminalText.neutralized(text) {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "!": escaped += "\\" + String(character)
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Typed text as a block quote, its line breaks kept, and nothing at the start of a line
    /// able to open a block: no heading underline (`===`, `---`), list, fence or code indent.
    static func quoted(_ text: String) -> [String] {
        TerminalText.neutralized(text, keepingNewlines: true).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            var escaped = inline(String(line.dropFirst(indent)))
            if let first = escaped.first, "-+=~".contains(first) {
                escaped = "\\" + escaped
            } else if let match = escaped.firstMatch(of: /^([0-9]+)([.)])/) {
                escaped = match.1 + "\\" + match.2 + escaped[match.range.upperBound...]
            }
            if escaped.isEmpty { return ">" }
            return "> " + String(repeating: "&nbsp;", count: indent) + escaped + "  "
        }
    }

    static func clock(_ seconds: Double) -> String { Duration.seconds(seconds).clockText }


    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
