import Foundation
import InterviewCore

public enum SessionState: String, Codable, Sendable {
    /// Being written by a running Rehearse.
    case active
    case finished
    /// Ended early on purpose (`:quit`, end of input).
    case abandoned
    /// Its process ended without finishing it (a crash, a closed terminal, `kill -9`).
    case interrupted
}

/// One row of `rehearse history`.
public struct SessionSummary: Codable, Sendable, Equatable {
    public var id: String
    public var startedAt: Date
    public var updatedAt: Date
    public var state: SessionState
    public var guides: [String]
    public var banks: [String]
    public var seed: UInt64
    public var questionCount: Int
    /// Questions answered (reviewed) so far: `Interview.tally`'s count.
    public var answered: Int
    public var secondsUsed: Double
    /// The session's score (0...1): the mean over all planned questions, those not answered
    /// counting 0 (`Scoring.sessionScore`).
    public var score: Double?

    public init(id: String, startedAt: Date, updatedAt: Date, state: SessionState, guides: [String], banks: [String],
                seed: UInt64, questionCount: Int, answered: Int, secondsUsed: Double, score: Double?) {
        self.id = id
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.state = state
        self.guides = guides
        self.banks = banks
        self.seed = seed
        self.questionCount = questionCount
        self.answered = answered
        self.secondsUsed = secondsUsed
        self.score = score
    }
}

/// One moment of a session's timeline.
public struct TimelineEvent: Codable, Sendable, Equatable {
    public var sequence: Int
    /// The question (0-based) it happened at.
    public var position: Int
    /// On the session's own clock, in seconds.
    public var atSeconds: Double
    public var kind: String
    public var detail: String
}

/// A session as stored: its summary, the interview to resume or review, its timeline, and
/// the attempts its reviewed questions made (by position, 0-based).
public struct StoredSession: Sendable {
    public var summary: SessionSummary
    public var interview: Interview
    public var events: [TimelineEvent]
    public var attempts: [Int: Attempt] = [:]
}
