import Foundation
import InterviewCore

/// A session as `rehearse export --format json` writes it: the contract in
/// docs/transcript-format.md. Fields may be added, never removed or renamed.
public struct TranscriptDocument: Codable, Sendable {
    public var format = "rehearse-transcript"
    public var version = 1
    public var id: String
    public var startedAt: Date
    public var updatedAt: Date
    public var state: SessionState
    public var guides: [String]
    public var banks: [String]
    public var seed: UInt64
    public var settings: Settings
    public var secondsUsed: Double
    public var score: Double?
    /// Questions planned; those never reached count 0 in `score`.
    public var questionCount: Int
    /// Questions answered (reviewed), counted as everywhere else (`Interview.tally`).
    public var answered: Int
    /// Questions skipped, left unreviewed or cut short; they count 0 in `score`.
    public var skipped: Int
    /// What to work on next, drawn from the session (`Feedback.thingsToWorkOn`).
    public var thingsToWorkOn: [String]
    public var questions: [QuestionEntry]
    public var timeline: [TimelineEvent]

    public struct Settings: Codable, Sendable {
        public var thinkSeconds: Double
        public var hardTime: Bool
        public var followUpsPerQuestion: Int
    }

    public struct QuestionEntry: Codable, Sendable {
        public var position: Int
        public var id: String
        public var hash: String
        public var title: String
        public var kind: CategoryKind
        public var category: String
        public var guide: String
        public var scaffold: Scaffold
        public var answerSeconds: Double
        public var answer: String
        public var starParts: [String: String]?
        public var followUps: [FollowUp]
        public var secondsUsed: Double
        public var overtimeSeconds: Double
        public var pauses: Int
        public var skipped: Bool
        public var submittedAtTimeUp: Bool
        public var reviewed: Bool
        public var score: Double?
        /// The self-rating (1–5) of a question with no rubric.
        public var rating: Int?
        /// How the answer was read when it was submitted: "embedding" or "lexical"; absent when
        /// it was never judged.
        public var detector: String?
        public var rubric: [Point]
        /// What was missed and why it matters, the pitfalls fallen into, and the STAR verdicts.
        public var feedback: [String]
        public var star: StarAnalysis?
        public var modelAnswer: [AnswerSection]
        /// The attempt the reviewed answer made at its question (see `rehearse progress`).
        public var attempt: AttemptEntry?
    }

    public struct AttemptEntry: Codable, Sendable {
        public var reviewedAt: Date
        /// again, hard, good or easy: what the question was scheduled with.
        public var grade: String
        /// The user chose the grade rather than taking the score's.
        public var gradeChosen: Bool
        /// The question's text had changed since its previous attempt.
        public var changedQuestion: Bool

        init(_ attempt: Attempt) {
            reviewedAt = Date(timeIntervalSince1970: attempt.reviewedAt.secondsSince1970)
            grade = attempt.grade.name
            gradeChosen = attempt.gradeChosen
            changedQuestion = attempt.changedQuestion
        }
    }

    public struct FollowUp: Codable, Sendable {
        public var question: String
        public var answer: String
        public var seconds: Double
    }

    public struct Point: Codable, Sendable {
        public var text: String
        public var kind: RubricPoint.Kind
        public var weight: Int
        public var section: String
        public var lead: String
        /// Ticked by the user; for a pitfall, confirmed as fallen into.
        public var ticked: Bool
        /// The text seemed to make the point (for a pitfall: to fall into it) when submitted.
        public var detected: Bool
        public var evidence: String?
    }

    public init(_ stored: StoredSession) {
        let interview = stored.interview
        let summary = stored.summary
        id = summary.id
        startedAt = summary.startedAt
        updatedAt = summary.updatedAt
        state = summary.state
        guides = summary.guides
        banks = summary.banks
        seed = summary.seed
        settings = Settings(thinkSeconds: interview.plan.thinkTime.secondsValue, hardTime: interview.plan.settings.hardTime,
                            followUpsPerQuestion: interview.plan.settings.followUpsPerQuestion)
        secondsUsed = summary.secondsUsed
        score = summary.score
        let tally = interview.tally
        questionCount = tally.total
        answered = tally.answered
        skipped = tally.skipped
        thingsToWorkOn = Feedback.thingsToWorkOn(interview).map(\.text)
        questions = zip(interview.plan.questions, interview.records).prefix(interview.askedCount).enumerated().map { position, pair in
            let (planned, record) = pair
            let star = record.scaffold == .star ? StarAnalysis(parts: record.starParts) : nil
            let rubric = planned.question.rubric
            let verdicts = record.judgement?.verdicts ?? []
            return QuestionEntry(
                position: position + 1, id: planned.question.id, hash: planned.question.hash, title: planned.question.title,
                kind: planned.kind, category: planned.categoryName, guide: planned.guideTitle, scaffold: record.scaffold,
                answerSeconds: planned.answerTime.secondsValue, answer: record.mainAnswer,
                starParts: record.scaffold == .star ? Dictionary(uniqueKeysWithValues: record.starParts.map { ($0.key.rawValue, $0.value) }) : nil,
                followUps: planned.followUps.indices.map {
                    FollowUp(question: planned.followUps[$0], answer: record.followUpAnswers[$0], seconds: record.followUpTimes[$0].secondsValue)
                },
                secondsUsed: record.totalTime.secondsValue, overtimeSeconds: record.overtime.secondsValue, pauses: record.pauses,
                skipped: record.skipped, submittedAtTimeUp: record.submittedAtTimeUp, reviewed: record.reviewed,
                score: Scoring.score(planned.question, record), rating: record.rating,
                detector: record.judgement?.detector.rawValue,
                rubric: rubric.enumerated().map { index, point in
                    Point(text: point.text, kind: point.kind, weight: point.weight, section: point.section, lead: point.lead,
                          ticked: record.ticks.contains(index), detected: verdicts[safe: index]?.detected ?? false,
                          evidence: verdicts[safe: index]?.evidence)
                },
                feedback: Feedback.lines(rubric, record),
                star: star, modelAnswer: planned.question.sections, attempt: stored.attempts[position].map(AttemptEntry.init))
        }
        timeline = stored.events
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Answers and guides may hold characters a terminal acts on unseen: escaped, visibly.
        return Data(JSONSafety.escapingInvisibles([UInt8](try encoder.encode(self))))
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
