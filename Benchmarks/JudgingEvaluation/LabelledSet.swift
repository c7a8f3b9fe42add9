import InterviewCore

/// One hand-labelled answer: its text, the question it answers, and the rubric points it truly
/// makes and the pitfalls it truly falls into (as indices into the question's rubric).
public struct LabelledAnswer: Sendable {
    public var name: String
    /// strong, partial, stuffed, pitfall, off-topic or terse.
    public var style: String
    public var question: Question
    public var text: String
    public var covers: Set<Int>
    public var commits: Set<Int>
}

/// Reads the labelled answers (Tests/Fixtures/judging/answers.md, whose opening lines give the
/// format). Labels name points by section and lead, so they survive edits to the rubric's order.
public enum LabelledSet {
    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func read(_ markdown: String, guide: Guide) throws -> [LabelledAnswer] {
        var answers: [LabelledAnswer] = []
        var question: Question?
        var lines: [Substring] = []
        func finish() throws {
            defer { lines = [] }
            guard var answer = answers.last, answer.text.isEmpty else { return }
            answer.text = lines.joined(separator: "\n").trimmingWhitespace()
            guard !answer.text.isEmpty else { throw FormatError(description: "\(answer.name) has no text") }
            answers[answers.count - 1] = answer
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                try finish()
                let key = line.dropFirst(3).trimmingWhitespace()
                let matches = guide.questions.filter { $0.id.contains(key) }
                guard matches.count == 1 else { throw FormatError(description: "\"\(key)\" names \(matches.count) questions") }
                question = matches[0]
            } else if line.hasPrefix("### ") {
                try finish()
                guard let question else { throw FormatError(description: "\(line) comes before any question") }
                let heading = line.dropFirst(4)
                guard let open = heading.firstIndex(of: "("), heading.hasSuffix(")") else {
                    throw FormatError(description: "\(line) has no (style)")
                }
                answers.append(LabelledAnswer(name: heading[..<open].trimmingWhitespace(),
                                              style: String(heading[heading.index(after: open)..<heading.index(before: heading.endIndex)]),
                                              question: question, text: "", covers: [], commits: []))
            } else if let answer = answers.last, answer.text.isEmpty, lines.isEmpty,
                      line.hasPrefix("covers:") || line.hasPrefix("commits:") {
                let isCovers = line.hasPrefix("covers:")
                let indices = try line.drop { $0 != ":" }.dropFirst().split(separator: ";").map {
                    try point(String($0), in: answer.question, answer: answer.name)
                }
                if isCovers { answers[answers.count - 1].covers = Set(indices) } else { answers[answers.count - 1].commits = Set(indices) }
            } else if !answers.isEmpty {
                lines.append(line)
            }
        }
        try finish()
        return answers
    }

    /// "Reasoning and Best Practices / Report percentiles" as an index into the rubric.
    static func point(_ reference: String, in question: Question, answer: String) throws -> Int {
        let parts = reference.split(separator: "/", maxSplits: 1).map { $0.trimmingWhitespace().lowercased() }
        guard parts.count == 2 else { throw FormatError(description: "\(answer): \"\(reference)\" is not section / lead") }
        let matches = question.rubric.indices.filter {
            question.rubric[$0].section.lowercased() == parts[0] && question.rubric[$0].lead.lowercased() == parts[1]
        }
        guard matches.count == 1 else { throw FormatError(description: "\(answer): \"\(reference)\" names \(matches.count) points") }
        return matches[0]
    }
}
