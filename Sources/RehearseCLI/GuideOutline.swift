import InterviewCore

/// The readable outline `rehearse inspect` prints: what a guide holds, at a glance.
enum GuideOutline {
    static func lines(for guide: Guide, file: String) -> [String] {
        let safe = { (text: String) in TerminalText.neutralized(text) }
        let questions = guide.questions.count
        var lines = [
            safe(guide.title),
            "\(file) · \(Wording.plural(questions, "question")) in \(Wording.plural(guide.categories.count, "category", "categories"))",
        ]
        if !guide.shapes.isEmpty { lines.append("Questions read from " + guide.shapes.joined(separator: ", ")) }
        if !guide.description.isEmpty { lines.append(safe(guide.description)) }
        if !guide.briefing.isEmpty {
            lines += ["", "Briefing"]
            lines += guide.briefing.map { "  \(safe($0.heading)) · \(Wording.plural($0.items.count, "point"))" }
        }
        for category in guide.categories {
            lines += ["", "\(safe(category.name)) · \(category.kind.rawValue) · \(Wording.plural(category.questions.count, "question"))"]
            for question in category.questions {
                let number = "line \(question.line)".padding(to: 10)
                lines.append("  \(number) \(safe(question.title))")
                let sections = question.sections.map { "\(safe($0.label)) (\($0.items.count))" }.joined(separator: ", ")
                lines.append("  " + "".padding(to: 10) + " \(question.id) · \(question.scaffold.rawValue) · "
                    + "\(Wording.plural(question.followUps.count, "follow-up")) · \(Wording.plural(question.rubric.count, "rubric point"))")
                if !sections.isEmpty {
                    lines.append("  " + "".padding(to: 10) + " sections: " + sections)
                }
                if !question.competencies.isEmpty {
                    lines.append("  " + "".padding(to: 10) + " competencies: " + question.competencies.map(safe).joined(separator: ", "))
                }
            }
        }
        // Errors go to standard error (see InspectCommand); the outline lists the warnings.
        let warnings = guide.diagnostics.filter { $0.severity == .warning }
        if !warnings.isEmpty {
            lines += ["", "Warnings"]
            lines += warnings.map { "  " + LoadedGuide.format($0, file: file) }
        }
        return lines
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
