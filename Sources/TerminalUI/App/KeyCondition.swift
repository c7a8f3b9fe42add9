import InterviewCore

/// When a line of the key table does something. Key handling looks every line up (a key that
/// does nothing now can still say why), but the hint bar and the help show only the lines
/// whose condition holds, so they never offer what would not work.
public enum KeyCondition: Hashable, Sendable {
    /// The answer is in STAR form: Tab moves between its parts.
    case starForm
    /// The question offers STAR form as a choice (situational questions).
    case starOffered
    /// A clock is running.
    case clockRunning
    /// The clock is paused.
    case clockPaused
    /// The interview has a clock (running or paused).
    case timed
    /// The home screen offers an interrupted session.
    case interruptedOffered
    /// The session picked in history is interrupted.
    case pickedInterrupted
    /// History lists at least one session.
    case historyListed
    /// The session picked in history can be deleted (it is not running).
    case pickedDeletable
    /// History shows only some sessions (a guide, a kind, a search), or all of them.
    case historyFiltered, historyUnfiltered
    /// The session just ended was kept, so it has a transcript.
    case sessionKept
    /// Self-review of a question with a rubric to tick, or of one to rate 1–5 instead.
    case rubricToTick, selfRated
    /// The text seems to make points that are not ticked yet.
    case detectedToAccept
    /// The question under review, or read in a transcript, has an earlier attempt to show.
    case previousAttempt
}

extension AppState {
    public func holds(_ condition: KeyCondition) -> Bool {
        let interview = session?.interview
        switch condition {
        case .starForm:
            if case .star? = session?.focusedField { return true }
            return false
        case .starOffered:
            return interview?.current?.offersStar == true && interview?.editableFields.isEmpty == false
        case .clockRunning:
            return interview?.phase.isTimed == true && interview?.isPaused == false
        case .clockPaused:
            return interview?.phase.isTimed == true && interview?.isPaused == true
        case .timed:
            return interview?.phase.isTimed == true
        case .interruptedOffered:
            return home.interrupted != nil
        case .pickedInterrupted:
            return history.picked?.state == .interrupted
        case .historyListed:
            return history.picked != nil
        case .pickedDeletable:
            return history.picked.map { $0.state != .active } ?? false
        case .historyFiltered:
            return history.isFiltered
        case .historyUnfiltered:
            return !history.isFiltered
        case .sessionKept:
            return session?.id != nil
        case .rubricToTick, .selfRated, .detectedToAccept:
            return holdsInReview(condition)
        case .previousAttempt:
            if screen == .transcript, let transcript { return transcript.previous[transcript.question] != nil }
            guard let session, let planned = session.interview.current else { return false }
            return session.previous[planned.question.id] != nil
        }
    }
}
