import InterviewCore

/// What `rehearse assess` prints: the contract in docs/assess-format.md. Fields may be added,
/// never removed or renamed; absent values are written as null.
struct AssessReport: Encodable {
    struct QuestionInfo: Encodable {
        var id: String
        var title: String
        var kind: CategoryKind
    }

    struct Point: Encodable {
        var text: String
        var kind: RubricPoint.Kind
        var weight: Int
        var section: String
        var lead: String
        /// The text seems to make the point; for a pitfall, to fall into it.
        var detected: Bool
        var evidence: String?
        /// The measure detection decided on, 0...1.
        var strength: Double

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(text, forKey: .text)
            try container.encode(kind, forKey: .kind)
            try container.encode(weight, forKey: .weight)
            try container.encode(section, forKey: .section)
            try container.encode(lead, forKey: .lead)
            try container.encode(detected, forKey: .detected)
            try container.encode(evidence, forKey: .evidence)
            try container.encode((strength * 1000).rounded() / 1000, forKey: .strength)
        }

        enum Keys: String, CodingKey {
            case text, kind, weight, section, lead, detected, evidence, strength
        }
    }

    var question: QuestionInfo
    var detector: AnswerJudgement.Detector
    var points: [Point]
    /// The score detection alone would give (pitfalls not deducted); null without a rubric.
    var score: Double?
    var star: StarAnalysis?
    private let rubric: [RubricPoint]

    init(question: Question, kind: CategoryKind, judgement: AnswerJudgement, star: StarAnalysis?) {
        self.question = QuestionInfo(id: question.id, title: question.title, kind: kind)
        detector = judgement.detector
        rubric = question.rubric
        points = zip(question.rubric, judgement.verdicts).map { point, verdict in
            Point(text: point.text, kind: point.kind, weight: point.weight, section: point.section, lead: point.lead,
                  detected: verdict.detected, evidence: verdict.evidence, strength: verdict.strength)
        }
        score = Scoring.score(rubric: question.rubric, ticks: judgement.covered(question.rubric))
        self.star = star
    }

    enum Keys: String, CodingKey {
        case question, detector, points, score, star
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(question, forKey: .question)
        try container.encode(detector, forKey: .detector)
        try container.encode(points, forKey: .points)
        try container.encode(score, forKey: .score)
        try container.encode(star, forKey: .star)
    }

    /// The judgement as lines for people, guide and answer text neutralised.
    func lines() -> [String] {
        let safe = { (text: String) in TerminalText.neutralized(text) }
        var lines = [safe(question.title),
                     "\(safe(question.id)) · \(question.kind.displayName) · read \(detector == .embedding ? "for meaning, with the answer model" : "by its words")"]
        guard !points.isEmpty else {
            lines.append("This question has no rubric to judge against: in practice you rate such answers 1–5 yourself.")
            return lines
        }
        lines.append("Score from detection alone: \(score.map(Wording.percent) ?? "none") (pitfalls are never deducted on detection alone)")
        lines.append("")
        lines.append("Points ([*] the answer seems to make it):")
        for point in points where point.kind != .pitfall {
            lines += describe(point, mark: point.detected ? "*" : " ")
        }
        let pitfalls = points.filter { $0.kind == .pitfall }
        if !pitfalls.isEmpty {
            lines.append("Did the answer fall into any of these? ([?] it seems to):")
            for point in pitfalls { lines += describe(point, mark: point.detected ? "?" : " ") }
        }
        if let star {
            lines.append("")
            lines += LineModeReport.star(star)
        } else if question.kind == .behavioral {
            lines.append("")
            lines.append("No STAR figures: label the parts \"Situation:\", \"Task:\", \"Action:\", \"Result:\" (and \"Lesson:\").")
        }
        let missed = Feedback.missed(rubric, ticks: Set(points.indices.filter { points[$0].detected }))
        if !missed.isEmpty {
            lines.append("")
            lines.append("Not seen in the answer, and why it matters:")
            lines += missed.map { "  - " + safe(Feedback.missedLine(rubric[$0])) }
        }
        return lines
    }

    private func describe(_ point: Point, mark: String) -> [String] {
        let weight = point.weight > 1 ? " (x\(point.weight))" : ""
        var lines = ["  [\(mark)] \(TerminalText.neutralized(point.text))\(weight) · \(point.kind.rawValue) · \(TerminalText.neutralized(point.section))"]
        if let evidence = point.evidence {
            lines.append("      \"\(TerminalText.neutralized(evidence))\"")
        }
        return lines
    }
}
