/// A parsed interview guide: the questions Rehearse asks and the model answers it checks against.
/// Field names match the `rehearse inspect --json` contract in docs/guide-format.md.
public struct Guide: Codable, Sendable, Equatable {
    public var title: String
    public var description: String
    public var metadata: [String: MetadataValue]
    /// The guide's opening prose (an overview's paragraphs), shown before the briefing.
    public var introduction: [String]
    public var briefing: [BriefingSection]
    public var categories: [Category]
    public var diagnostics: [Diagnostic]
    /// The layouts its questions were found in, in order of first use ("question headings",
    /// "<details> blocks", ...), so that `inspect` can say how it read the guide.
    public var shapes: [String]

    public init(
        title: String,
        description: String = "",
        metadata: [String: MetadataValue] = [:],
        introduction: [String] = [],
        briefing: [BriefingSection] = [],
        categories: [Category] = [],
        diagnostics: [Diagnostic] = [],
        shapes: [String] = []
    ) {
        self.title = title
        self.description = description
        self.metadata = metadata
        self.introduction = introduction
        self.briefing = briefing
        self.categories = categories
        self.diagnostics = diagnostics
        self.shapes = shapes
    }

    public var questions: [Question] { categories.flatMap(\.questions) }

    /// Number of questions per category kind, every kind present (zero where none).
    public var questionCountsByKind: [CategoryKind: Int] {
        var counts = Dictionary(uniqueKeysWithValues: CategoryKind.allCases.map { ($0, 0) })
        for category in categories { counts[category.kind, default: 0] += category.questions.count }
        return counts
    }
}

/// One sub-section of the guide's overview, shown to the user as a briefing before the interview.
public struct BriefingSection: Codable, Sendable, Equatable {
    public var heading: String
    public var items: [String]

    public init(heading: String, items: [String]) {
        self.heading = heading
        self.items = items
    }
}

/// A group of questions under one heading. Repeated names stay separate categories.
public struct Category: Codable, Sendable, Equatable {
    public var name: String
    public var kind: CategoryKind
    public var questions: [Question]

    public init(name: String, kind: CategoryKind, questions: [Question] = []) {
        self.name = name
        self.kind = kind
        self.questions = questions
    }
}

public struct Question: Codable, Sendable, Equatable {
    /// `bank-slug/question-slug`: stable across edits elsewhere in the file.
    public var id: String
    public var title: String
    /// 1-based line of the question in the guide file.
    public var line: Int
    /// Hash of the question text, to notice when a question with the same id was reworded.
    public var hash: String
    public var scaffold: Scaffold
    public var sections: [AnswerSection]
    public var followUps: [String]
    public var rubric: [RubricPoint]
    /// What a behavioral question probes ("ownership", "conflict"), lower-case, from the answer's
    /// `**Competency:**` line; never part of the answer's sections or rubric.
    public var competencies: [String]

    public init(
        id: String,
        title: String,
        line: Int,
        hash: String,
        scaffold: Scaffold,
        sections: [AnswerSection],
        followUps: [String],
        rubric: [RubricPoint],
        competencies: [String] = []
    ) {
        self.id = id
        self.title = title
        self.line = line
        self.hash = hash
        self.scaffold = scaffold
        self.sections = sections
        self.followUps = followUps
        self.rubric = rubric
        self.competencies = competencies
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, line, hash, scaffold, sections, followUps, rubric, competencies
    }

    /// Questions saved before competencies existed decode with none.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            title: try container.decode(String.self, forKey: .title),
            line: try container.decode(Int.self, forKey: .line),
            hash: try container.decode(String.self, forKey: .hash),
            scaffold: try container.decode(Scaffold.self, forKey: .scaffold),
            sections: try container.decode([AnswerSection].self, forKey: .sections),
            followUps: try container.decode([String].self, forKey: .followUps),
            rubric: try container.decode([RubricPoint].self, forKey: .rubric),
            competencies: try container.decodeIfPresent([String].self, forKey: .competencies) ?? []
        )
    }
}

/// How the answer is written: one free text field, or the STAR parts.
public enum Scaffold: String, Codable, Sendable, CaseIterable {
    case free
    case star
}

/// A labelled part of a model answer ("Reasoning and Best Practices", "Pitfalls to Avoid", ...).
public struct AnswerSection: Codable, Sendable, Equatable {
    public let label: String
    public var items: [SectionItem]
    /// What the section is for, read once from its label.
    public let role: SectionRole

    public init(label: String, items: [SectionItem], role: SectionRole? = nil) {
        self.label = label
        self.items = items
        self.role = role ?? SectionRole(label: label)
    }

    private enum CodingKeys: String, CodingKey {
        case label, items
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(label: try container.decode(String.self, forKey: .label),
                  items: try container.decode([SectionItem].self, forKey: .items))
    }
}

/// One bullet of a model answer, with its nested bullets. Inline markup is already plain text.
public struct SectionItem: Codable, Sendable, Equatable {
    /// Bullets nest at most this deep (the top-level bullet is level 1); a reader folds deeper
    /// ones into the text of the last level, so nothing that walks items recurses further.
    public static let maximumDepth = 16

    public var text: String
    /// The bold words the bullet opens with ("Latency" in "**Latency**: ..."), if any.
    public var lead: String?
    public var children: [SectionItem]

    public init(text: String, lead: String? = nil, children: [SectionItem] = []) {
        self.text = text
        self.lead = lead
        self.children = children
    }

    /// Every text in this item and below it, depth first.
    public var allTexts: [String] { [text] + children.flatMap(\.allTexts) }

    /// The item's text and its children's, joined by spaces.
    public var fullText: String { children.isEmpty ? text : allTexts.joined(separator: " ") }
}

/// A problem found while reading a guide, at a 1-based line and column.
public struct Diagnostic: Codable, Sendable, Equatable {
    public enum Severity: String, Codable, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(line: Int, column: Int, severity: Severity, message: String) {
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }
}
