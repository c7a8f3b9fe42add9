/// The questions practice may choose from (the chosen guides' questions of the chosen kinds,
/// each once, in guide order), and the ways of choosing: by id, by topic, what is due, what is
/// weak, what is new.
public struct PracticePool: Sendable {
    public struct Candidate: Sendable {
        public var bank: String
        public var kind: CategoryKind
        public var question: Question
    }

    /// What practice does when asked to drill: due, then weak, then new.
    public enum Focus: String, Sendable, CaseIterable, Codable {
        case due, weak, new
    }

    public let candidates: [Candidate]
    private let byId: [String: Int]

    /// `only`, when given, keeps just the questions with those ids.
    public init(sources: [SessionPlanner.Source], kinds: [CategoryKind] = [], only: Set<String>? = nil) {
        var candidates: [Candidate] = []
        var byId: [String: Int] = [:]
        for source in sources {
            for category in source.guide.categories where kinds.isEmpty || kinds.contains(category.kind) {
                for question in category.questions where byId[question.id] == nil && only?.contains(question.id) != false {
                    byId[question.id] = candidates.count
                    candidates.append(Candidate(bank: source.bank, kind: category.kind, question: question))
                }
            }
        }
        self.candidates = candidates
        self.byId = byId
    }

    public func candidate(_ id: String) -> Candidate? { byId[id].map { candidates[$0] } }

    // MARK: By id

    /// Each reference as a question id, named as `QuestionReference` reads it.
    public func resolve(_ references: [String]) throws(PracticeSelectionError) -> [String] {
        let questions = candidates.map(\.question)
        return try references.map { reference throws(PracticeSelectionError) -> String in
            switch QuestionReference.match(reference, among: questions) {
            case .one(let index): return questions[index].id
            case .none: throw .unknownQuestion(reference)
            case .several(let ids): throw .ambiguousQuestion(reference, matches: Array(ids.prefix(5)))
            }
        }
    }

    // MARK: By topic

    /// The questions whose text or model answer holds every word of `topic` (by stem: "quantize"
    /// finds "quantization"), those that hold them in the question itself first.
    public func matching(topic: String) -> [String] {
        let wanted = Set(Words.split(topic).map(Words.stem))
        guard !wanted.isEmpty else { return [] }
        var ranked: [(id: String, inTitle: Int, index: Int)] = []
        for (index, candidate) in candidates.enumerated() {
            let title = Set(Words.split(candidate.question.title).map(Words.stem))
            let answer = candidate.question.sections.flatMap { $0.items.flatMap(\.allTexts) }.joined(separator: " ")
            let everything = title.union(Words.split(answer).map(Words.stem))
            guard wanted.isSubset(of: everything) else { continue }
            ranked.append((candidate.question.id, wanted.intersection(title).count, index))
        }
        return ranked.sorted { ($0.inTitle, -$0.index) > ($1.inTitle, -$1.index) }.map(\.id)
    }

    // MARK: By schedule

    /// Attempted questions due by `time`, most overdue first.
    public func due(_ practice: [String: QuestionPractice], by time: Timestamp) -> [String] {
        candidates.compactMap { practice[$0.question.id] }.filter { $0.due <= time }
            .sorted { ($0.due, $0.questionId) < ($1.due, $1.questionId) }.map(\.questionId)
    }

    /// Attempted questions, lowest latest score first; ties go to the one practised longest
    /// ago. `onlyFailing` keeps those last graded Again or Hard.
    public func weakest(_ practice: [String: QuestionPractice], onlyFailing: Bool = false) -> [String] {
        candidates.compactMap { practice[$0.question.id] }
            .filter { !onlyFailing || $0.lastGrade < .good }
            .sorted { (Self.score($0), $0.lastPracticed.secondsSince1970, $0.questionId) < (Self.score($1), $1.lastPracticed.secondsSince1970, $1.questionId) }
            .map(\.questionId)
    }

    /// Questions never attempted, shuffled by the seed with the kinds interleaved.
    public func new(_ practice: [String: QuestionPractice], seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        var pools: [CategoryKind: [String]] = [:]
        for candidate in candidates where practice[candidate.question.id] == nil {
            pools[candidate.kind, default: []].append(candidate.question.id)
        }
        let queues = pools.keys.sorted().shuffled(using: &generator).map { pools[$0]!.shuffled(using: &generator) }
        return SessionPlanner.interleaving(queues)
    }

    /// A drill of at most `count` questions: due by `time` (most overdue first), then weak
    /// (graded below Good, lowest score first), then new; each question once.
    public func drill(_ practice: [String: QuestionPractice], dueBy time: Timestamp, count: Int, seed: UInt64,
                      focus: Focus? = nil) -> [String] {
        var chosen: [String] = []
        var taken: Set<String> = []
        let order: [Focus] = focus.map { [$0] } ?? Focus.allCases
        for part in order {
            let ids: [String] = switch part {
            case .due: due(practice, by: time)
            case .weak: weakest(practice, onlyFailing: true)
            case .new: new(practice, seed: seed)
            }
            for id in ids where chosen.count < count && taken.insert(id).inserted { chosen.append(id) }
        }
        return chosen
    }

    /// When the next attempted question of the pool falls due, if any is scheduled.
    public func nextDue(_ practice: [String: QuestionPractice]) -> Timestamp? {
        candidates.compactMap { practice[$0.question.id]?.due }.min()
    }

    /// The latest score, or for a question never scored the lowest score of its grade.
    private static func score(_ entry: QuestionPractice) -> Double {
        if let score = entry.lastScore { return score }
        let scale = GradeScale.standard
        return switch entry.lastGrade {
        case .again: 0
        case .hard: scale.hardFrom
        case .good: scale.goodFrom
        case .easy: scale.easyFrom
        }
    }
}

public enum PracticeSelectionError: Error, Equatable, CustomStringConvertible {
    case unknownQuestion(String)
    case ambiguousQuestion(String, matches: [String])
    case noTopicMatch(String)
    case nothingNew
    case nothingAttempted
    /// Nothing due, weak or new; when the next question falls due, if one is scheduled.
    case nothingToDrill(nextDue: Timestamp?)

    public var description: String {
        switch self {
        case .unknownQuestion(let reference):
            "no question \"\(TerminalText.neutralized(reference))\" in these guides (`rehearse inspect GUIDE --json` lists the ids)"
        case .ambiguousQuestion(let reference, let matches):
            "\"\(TerminalText.neutralized(reference))\" starts several question ids (\(matches.joined(separator: ", "))); give more of it"
        case .noTopicMatch(let topic):
            "no question or model answer mentions \"\(TerminalText.neutralized(topic))\""
        case .nothingNew:
            "every question of these guides has been attempted; try --weak, or `rehearse drill`"
        case .nothingAttempted:
            "no question of these guides has been attempted yet; try --new"
        case .nothingToDrill(let next):
            "nothing to drill: no question is due, weak or new"
                + (next.map { "; the next falls due on \(CivilDate(daysSince1970: Int(($0.secondsSince1970 / Timestamp.secondsPerDay).rounded(.down))).text) (UTC)" } ?? "")
        }
    }
}
