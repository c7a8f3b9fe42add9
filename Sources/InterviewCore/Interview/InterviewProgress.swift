extension Interview {
    /// Everything about an interview but its plan: what changes as the session goes on. A saved
    /// session keeps its plan once and this as it changes, so a save never rewrites the guide's
    /// questions and model answers.
    public struct Progress: Codable, Sendable, Equatable {
        public var phase: Phase
        public var index: Int
        /// The records kept with the progress, by position (0-based); a position left out is
        /// given back separately, or is a question not asked yet.
        public var records: [Int: QuestionRecord]
        public var pausedAt: Instant?
        public var clockStartedAt: Instant?
        public var pausedInPhase: Duration
        public var warningsFired: Set<Int>
        public var latest: Instant?
    }

    /// The progress, with the records at `positions` (those outside the plan are ignored).
    public func progress(keepingRecords positions: some Sequence<Int>) -> Progress {
        var kept: [Int: QuestionRecord] = [:]
        for position in positions where records.indices.contains(position) { kept[position] = records[position] }
        return Progress(phase: phase, index: index, records: kept, pausedAt: pausedAt, clockStartedAt: clockStartedAt,
                        pausedInPhase: pausedInPhase, warningsFired: warningsFired, latest: latest)
    }

    /// The records of positions the interview has moved past: they no longer change.
    public var settledPositions: Range<Int> {
        0..<(phase.isFinished ? records.count : min(index, records.count))
    }
}
