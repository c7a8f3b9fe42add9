import InterviewCore

/// A question kept by reference: its text and the rubric points its answer was scored on (by
/// label, kind, weight and section) stored in the session's plan, and its model answer's prose
/// and the points' explanations left in the guide. A shipped guide's question is about 2 KB
/// stored whole; this is about a fifth of that, deflated with the rest of the plan.
struct QuestionReference: Codable, Equatable {
    var id: String
    var title: String
    var hash: String
    var line: Int
    var scaffold: Scaffold
    var competencies: [String]
    /// The points as scored, each without its explanation (`detail`), which the guide holds.
    var rubric: [RubricPoint]
    /// Of the model answer's text (its sections and follow-up points), to tell whether the guide
    /// still reads as it did.
    var modelAnswerDigest: String

    /// A reference to `question`, when `source` holds the same model answer under the same id:
    /// nil when it does not (a user's own guide of the same name, or one edited since it was
    /// read), and the question is then stored whole.
    static func make(for question: Question, bank: String, in source: (any QuestionSource)?) throws -> QuestionReference? {
        guard let source, let found = source.question(bank: bank, id: question.id) else { return nil }
        let digest = try modelAnswerDigest(of: question)
        guard try modelAnswerDigest(of: found) == digest else { return nil }
        return QuestionReference(
            id: question.id, title: question.title, hash: question.hash, line: question.line, scaffold: question.scaffold,
            competencies: question.competencies,
            rubric: question.rubric.map(withoutExplanation),
            modelAnswerDigest: digest)
    }

    /// The question back. Its text and rubric points are always the stored ones, which the
    /// answer's ticks and verdicts refer to. The model answer and the points' explanations come
    /// from the guide: as they were when the guide is unchanged, as they read now (with a note
    /// saying so) when it changed, and none (with a note) when the question is gone from it.
    func question(bank: String, in source: (any QuestionSource)?) throws -> Question {
        let found = source?.question(bank: bank, id: id)
        var sections = found?.sections ?? []
        if let found {
            if try Self.modelAnswerDigest(of: found) != modelAnswerDigest {
                sections.insert(Self.note("The guide \(bank) has changed this model answer since this session: it is shown as it "
                                          + "reads now. The rubric points are those the answer was scored on."), at: 0)
            }
        } else {
            sections = [Self.note("This question's model answer was read from the guide \(bank), which no longer holds it. "
                                  + "The rubric points are those the answer was scored on.")]
        }
        return Question(id: id, title: title, line: line, hash: hash, scaffold: scaffold, sections: sections,
                        followUps: found?.followUps ?? [], rubric: explained(by: found?.rubric ?? []), competencies: competencies)
    }

    /// The stored points with the guide's explanations: point by point when the guide builds the
    /// same points, else each from the one point of the same kind, section and lead (two points
    /// can share a lead, which is cut to its first words), else none.
    private func explained(by guidePoints: [RubricPoint]) -> [RubricPoint] {
        if guidePoints.map(Self.withoutExplanation) == rubric { return guidePoints }
        return rubric.map { point in
            let matches = guidePoints.filter { $0.kind == point.kind && $0.section == point.section && $0.lead == point.lead }
            var point = point
            point.detail = matches.count == 1 ? matches[0].detail : ""
            return point
        }
    }

    // Stored compactly, since every session that asks the question keeps its own copy: the
    // points grouped by section, each as [kind, weight, text] with its lead after when it is not
    // the text, and no empty explanations.
    private enum CodingKeys: String, CodingKey {
        case id, title, hash, line, scaffold, competencies, points, modelAnswer
    }

    private struct Point: Codable {
        var kind: RubricPoint.Kind
        var weight: Int
        var text: String
        var lead: String

        init(from decoder: any Decoder) throws {
            var fields = try decoder.unkeyedContainer()
            kind = try fields.decode(RubricPoint.Kind.self)
            weight = try fields.decode(Int.self)
            text = try fields.decode(String.self)
            lead = fields.isAtEnd ? text : try fields.decode(String.self)
        }

        init(_ point: RubricPoint) {
            (kind, weight, text, lead) = (point.kind, point.weight, point.text, point.lead)
        }

        func encode(to encoder: any Encoder) throws {
            var fields = encoder.unkeyedContainer()
            try fields.encode(kind)
            try fields.encode(weight)
            try fields.encode(text)
            if lead != text { try fields.encode(lead) }
        }
    }

    private struct SectionPoints: Codable {
        var section: String
        var points: [Point]

        init(from decoder: any Decoder) throws {
            var fields = try decoder.unkeyedContainer()
            section = try fields.decode(String.self)
            points = try fields.decode([Point].self)
        }

        init(section: String, points: [Point]) {
            (self.section, self.points) = (section, points)
        }

        func encode(to encoder: any Encoder) throws {
            var fields = encoder.unkeyedContainer()
            try fields.encode(section)
            try fields.encode(points)
        }
    }

    init(id: String, title: String, hash: String, line: Int, scaffold: Scaffold, competencies: [String], rubric: [RubricPoint],
         modelAnswerDigest: String) {
        (self.id, self.title, self.hash, self.line, self.scaffold) = (id, title, hash, line, scaffold)
        (self.competencies, self.rubric, self.modelAnswerDigest) = (competencies, rubric, modelAnswerDigest)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        hash = try container.decode(String.self, forKey: .hash)
        line = try container.decode(Int.self, forKey: .line)
        scaffold = try container.decode(Scaffold.self, forKey: .scaffold)
        competencies = try container.decodeIfPresent([String].self, forKey: .competencies) ?? []
        rubric = try container.decode([SectionPoints].self, forKey: .points).flatMap { group in
            group.points.map {
                RubricPoint(text: $0.text, kind: $0.kind, weight: $0.weight, section: group.section, lead: $0.lead, detail: "")
            }
        }
        modelAnswerDigest = try container.decode(String.self, forKey: .modelAnswer)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(hash, forKey: .hash)
        try container.encode(line, forKey: .line)
        try container.encode(scaffold, forKey: .scaffold)
        if !competencies.isEmpty { try container.encode(competencies, forKey: .competencies) }
        var groups: [SectionPoints] = []
        for point in rubric {
            if groups.last?.section == point.section {
                groups[groups.count - 1].points.append(Point(point))
            } else {
                groups.append(SectionPoints(section: point.section, points: [Point(point)]))
            }
        }
        try container.encode(groups, forKey: .points)
        try container.encode(modelAnswerDigest, forKey: .modelAnswer)
    }

    private static func withoutExplanation(_ point: RubricPoint) -> RubricPoint {
        var point = point
        point.detail = ""
        return point
    }

    private static func note(_ text: String) -> AnswerSection {
        AnswerSection(label: "Note", items: [SectionItem(text: text)], role: .other)
    }

    private struct ModelAnswer: Encodable {
        var sections: [AnswerSection]
        var followUps: [String]
    }

    /// The guide's line numbers and the rubric's reading of the text are left out: a question
    /// moved in its file, or a Rehearse that builds rubrics differently, still finds the same
    /// model answer.
    static func modelAnswerDigest(of question: Question) throws -> String {
        ContentDigest.hex(try StoreJSON.encode(ModelAnswer(sections: question.sections, followUps: question.followUps)))
    }
}
