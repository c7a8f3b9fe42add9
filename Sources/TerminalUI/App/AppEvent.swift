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
    /// The text `$EDITOR` gave back for a field (nil when the editor failed); a STAR document
    /// for a STAR part.
    case externalEditFinished(AnswerField, String?)
    /// A message for the status line (an error).
    case message(String)
    /// The answer to `.export`.
    case exportFinished(ExportOutcome)
    /// The answer to `.searchHistory`: the sessions whose answers hold the text.
    case historySearched(String, matches: Set<String>)
    /// Saving the session started failing (the reason), or works again (nil).
    case saveProblem(String?)
    /// The progress screen's report, asked for with `.loadProgress`.
    case progressLoaded(ProgressScreenState)
    /// What practice has waiting, for the home screen.
    case practiceLoaded(PracticeOverview)
    /// The session's questions' previous attempts, by question id.
    case previousAnswers([String: PastAnswer])
    /// The open transcript's questions' previous attempts, by position.
    case transcriptPrevious([Int: PastAnswer])
    /// The answer to `.judge`: what the main answer of `question` in session `session` was
    /// judged to cover (nil when it could not be judged).
    case judged(AnswerJudgement?, session: String?, question: Int)
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
    /// The session ended with nothing in it: remove it from the store.
    case discard(id: String)
    case bell
    /// Hand `field`'s text to `$EDITOR` (for a STAR part, the whole answer as a `StarDocument`).
    case editExternally(AnswerField, String)
    case loadHistory
    case openTranscript(id: String)
    case resume(id: String)
    /// Write a session's transcript to `path` as the user typed it (`~` is the home folder,
    /// a folder gets the file's usual name); an existing file only when `replacing`.
    case export(id: String, json: Bool, path: String, replacing: Bool)
    /// Delete a stored session (the user said yes); answered with `.historyLoaded` and a message.
    case delete(id: String)
    /// Find the sessions whose answers hold the text; answered with `.historySearched`.
    case searchHistory(String)
    /// Read the progress report; answered with `.progressLoaded`.
    case loadProgress
    /// Count what practice has waiting again (a session ended); answered with `.practiceLoaded`.
    case refreshPractice
    /// Judge the main answer of `question` (just submitted), away from the keys; answered with
    /// `.judged`.
    case judge(Interview, session: String?, question: Int)
    case exit
}
