import InterviewCore

/// What happens to the app: keys, time, and the answers to its commands.
public enum AppEvent: Sendable {
    case key(Key)
    /// Characters that arrived together (a paste, or fast typing): inserted as one edit.
    case text(String)
    case tick(Instant)
    case resize(Size)
    /// SIGINT, SIGTERM or SIGHUP: stop at once, keeping the session to resume.
    case terminated
    /// The plan asked for with `.plan`, and the guides it came from.
    case planned(Interview, guides: [Guide])
    /// The store row for the session begun with `.create`.
    case created(id: String)
    case historyLoaded([SessionListing])
    /// A stored session: to read (finished) or to go on with (interrupted).
    case transcriptLoaded(id: String, when: String, Interview)
    case resumable(id: String, Interview, guides: [Guide])
    /// The text `$EDITOR` gave back for a field (nil when the editor failed).
    case externalEditFinished(AnswerField, String?)
    /// A message for the status line (an export written, an error).
    case message(String)
    /// Saving the session started failing (the reason), or works again (nil).
    case saveProblem(String?)
}

/// What the app asks its runner to do: every side effect, as a value.
public enum AppCommand: Equatable, Sendable {
    /// Load the chosen guides and plan a session; answered with `.planned` or `.message`.
    case plan(SessionChoice)
    /// Store a new session; answered with `.created`.
    case create(Interview)
    /// Write the session (see `AutosavePolicy`): the event and effects that caused it, and the
    /// question (0-based) they happened at.
    case save(Interview, Interview.Event?, [Interview.Effect], question: Int)
    /// The session stops but stays resumable (Ctrl-C, a signal, "later").
    case interrupt
    case bell
    case editExternally(AnswerField, String)
    case loadHistory
    case openTranscript(id: String)
    case resume(id: String)
    case export(id: String, json: Bool)
    case exit
}
