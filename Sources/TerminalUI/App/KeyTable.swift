/// What a key asks the app to do.
public enum Action: Hashable, Sendable {
    case help, quit, back, confirm
    case up, down, pageUp, pageDown, top, bottom, left, right, toggle, nextPane, previousPane
    // Home
    case start, resumeInterrupted, history
    // The interview
    case begin, submit, pause, skip, toggleStar, nextField, previousField, externalEditor, leaveForLater
    case edit(TextEditor.Edit)
    // Self-review
    case finishReview, skipReview, cycleGrade, togglePrevious, acceptDetected
    /// A rating, 1–5, for a question with no rubric to tick.
    case rate(Int)
    // Summary, history, transcripts
    case newSession, openTranscript, previousQuestion, nextQuestion, exportMarkdown, exportJSON, retry
    // History
    case deleteSession, search, filterByGuide, filterByKind, clearFilters, confirmDelete
    // Practice
    case progress, drill
    // The quit dialog
    case endNow
    /// Ctrl-C in an overlay: stop the interview now (kept to resume), or quit.
    case stopNow
    /// A key for the prompt's text field (typing, moving, deleting).
    case editField
}

/// Where the user is: each context has its own keys.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    case home, briefing, answering, selfReview, summary, history, transcript, help, quitDialog, prompt, deleteDialog, progress
    case ticksDialog

    public var title: String {
        switch self {
        case .home: "Home"
        case .briefing: "Briefing"
        case .answering: "Answering"
        case .selfReview: "Self-review"
        case .summary: "Summary"
        case .history: "History"
        case .transcript: "Transcript"
        case .help: "Help"
        case .quitDialog: "Leaving the interview"
        case .prompt: "Typing a path or a search"
        case .deleteDialog: "Deleting a session"
        case .progress: "Progress"
        case .ticksDialog: "Nothing ticked"
        }
    }
}

/// One line of the key table: the keys, what they do, and how the help screen and the hint
/// bar describe it.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let action: Action
    public let summary: String
    /// The word shown in the hint bar; nil keeps the binding to the help screen.
    public let hint: String?
    /// How many of the keys the hint bar names ("Tab/Shift-Tab").
    public let hintKeys: Int
    /// When the binding does something; nil for always.
    public let condition: KeyCondition?

    /// How the hint bar names the keys when naming them one by one would not do ("1-5").
    private let label: String?

    init(_ keys: [Key], _ action: Action, _ summary: String, hint: String? = nil, hintKeys: Int = 1, label: String? = nil,
         when condition: KeyCondition? = nil) {
        self.keys = keys
        self.action = action
        self.summary = summary
        self.hint = hint
        self.hintKeys = hintKeys
        self.label = label
        self.condition = condition
    }

    /// The keys as the hint bar names them.
    public var hintLabel: String { label ?? keys.prefix(hintKeys).map(\.shortLabel).joined(separator: "/") }
}

/// The one table of keys: key handling looks actions up here, and the help screen and the hint
/// bar are written from it, so they cannot disagree.
public enum KeyTable {
    public static func bindings(_ context: KeyContext) -> [KeyBinding] {
        switch context {
        case .home:
            return [
                KeyBinding([.enter], .confirm, "Start the interview, or choose the row", hint: "start"),
                KeyBinding([.character(" ")], .toggle, "Tick or untick a guide or a category; switch hard time", hint: "choose"),
                KeyBinding([.left, .right], .right, "Change a setting (← less, → more)"),
                KeyBinding([.up, .down, .character("k"), .character("j")], .down, "Move between rows"),
                KeyBinding([.tab, .backTab], .nextPane, "Jump between the guides and the kinds of question"),
                KeyBinding([.character("r")], .resumeInterrupted, "Resume the interrupted session", hint: "resume", when: .interruptedOffered),
                KeyBinding([.character("h")], .history, "Past sessions", hint: "history"),
                KeyBinding([.character("d")], .drill, "Drill: what is due, weak or new, as the drill row chooses"),
                KeyBinding([.character("p")], .progress, "Progress: coverage, scores, trends and what is due"),
            ] + common(quitHint: "quit")
        case .briefing:
            return [
                KeyBinding([.enter], .begin, "Begin: the first question and its think time", hint: "begin"),
                KeyBinding([.up, .down, .pageUp, .pageDown], .down, "Scroll"),
                KeyBinding([.escape], .back, "Back to choosing the session", hint: "back"),
            ] + common(quitHint: "quit")
        case .answering:
            return [
                KeyBinding([.control("s")], .submit, "Submit the answer (or the follow-up answer)", hint: "submit", when: .clockRunning),
                KeyBinding([.control("p")], .pause, "Pause the clock (typing waits too)", hint: "pause", when: .clockRunning),
                KeyBinding([.control("p")], .pause, "Resume the clock", hint: "resume", when: .clockPaused),
                KeyBinding([.control("n")], .skip, "Skip: move on, keeping what you wrote", hint: "skip"),
                KeyBinding([.tab, .backTab], .nextField, "Next or previous STAR part", hint: "part", hintKeys: 2, when: .starForm),
                KeyBinding([.control("t")], .toggleStar, "Answer in STAR form, or back in free form", hint: "STAR", when: .starOffered),
                KeyBinding([.control("e")], .externalEditor, "Edit the answer in $EDITOR", hint: "$EDITOR"),
                KeyBinding([.function(1), .control("g")], .help, "This help", hint: "help"),
                KeyBinding([.control("q")], .quit, "Leave the interview (asks first)", hint: "quit"),
                KeyBinding([.control("c")], .leaveForLater, "Stop now and keep the session to resume later"),
                KeyBinding([.control("z")], .edit(.undo), "Undo: typing comes back a word at a time, a paste at once", hint: "undo"),
                KeyBinding([.control("y")], .edit(.redo), "Redo what was undone"),
                KeyBinding([.enter], .edit(.newline), "New line"),
                KeyBinding([.left, .right], .edit(.left), "Move by character"),
                KeyBinding([.wordLeft, .wordRight], .edit(.wordLeft), "Move by word (also Alt-b, Alt-f)"),
                KeyBinding([.up, .down], .edit(.up), "Move by line"),
                KeyBinding([.home, .end], .edit(.lineStart), "Start or end of the line"),
                KeyBinding([.pageUp, .pageDown], .edit(.pageUp), "Scroll the answer"),
                KeyBinding([.backspace, .delete], .edit(.deleteBackward), "Delete a character"),
                KeyBinding([.deleteWordBackward, .deleteWordForward], .edit(.deleteWordBackward), "Delete a word (Ctrl-W back, Alt-D forward)"),
            ]
        case .selfReview:
            return [
                KeyBinding([.character(" ")], .toggle, "Tick or untick the point: did your answer make it? For a pitfall: did it fall into it?",
                           hint: "tick", when: .rubricToTick),
                KeyBinding([.character("a")], .acceptDetected, "Tick every point your text seems to make (✓); pitfalls stay yours to confirm",
                           hint: "accept ✓", when: .detectedToAccept),
                KeyBinding((1...5).map { .character(Character(String($0))) }, .rate(1),
                           "Rate your answer: 1 missed it, 5 as strong as a model answer (the question has no rubric)",
                           hint: "rate", label: "1-5", when: .selfRated),
                KeyBinding([.enter, .control("s")], .finishReview, "Done: score the question and go on", hint: "done"),
                KeyBinding([.up, .down, .character("k"), .character("j")], .down, "Move between points, or scroll"),
                KeyBinding([.tab, .backTab], .nextPane, "Rubric, your answer, model answer: which one scrolls", hint: "pane", hintKeys: 2),
                KeyBinding([.pageUp, .pageDown], .pageDown, "Scroll a page"),
                KeyBinding([.control("n")], .skipReview, "Go on without reviewing (not scored)", hint: "skip"),
                KeyBinding([.character("g")], .cycleGrade, "Change the grade the question is scheduled with: the score's, Again, Hard, Good, Easy"),
                KeyBinding([.character("l")], .togglePrevious, "Your last attempt in place of the model answer, or back", when: .previousAttempt),
                KeyBinding([.character("?"), .function(1)], .help, "This help", hint: "help"),
                KeyBinding([.control("q")], .quit, "Leave the interview (asks first)", hint: "quit"),
                KeyBinding([.control("c")], .leaveForLater, "Stop now and keep the session to resume later"),
            ]
        case .summary:
            return [
                KeyBinding([.enter], .openTranscript, "Read this session question by question", hint: "transcript", when: .sessionKept),
                KeyBinding([.character("n")], .newSession, "Another session", hint: "new"),
                KeyBinding([.character("h")], .history, "Past sessions", hint: "history"),
                KeyBinding([.character("r")], .retry, "Retry the selected question at once", hint: "retry"),
                KeyBinding([.up, .down, .character("k"), .character("j")], .down, "Select a question"),
            ] + common(quitHint: "quit")
        case .history:
            return [
                KeyBinding([.enter], .openTranscript, "Read the session", hint: "open", when: .historyListed),
                KeyBinding([.character("r")], .resumeInterrupted, "Resume the session: it was interrupted", hint: "resume", when: .pickedInterrupted),
                KeyBinding([.character("d"), .delete], .deleteSession, "Delete the session (asks first)", hint: "delete", when: .pickedDeletable),
                KeyBinding([.character("/")], .search, "Search: show only sessions whose answers hold some text", hint: "find"),
                KeyBinding([.character("g"), .character("t")], .filterByGuide, "Show one guide's sessions (g), or one kind's (t); again for the next",
                           hint: "filter", hintKeys: 2),
                KeyBinding([.up, .down, .character("k"), .character("j")], .down, "Move between sessions"),
                KeyBinding([.escape], .clearFilters, "Show every session again", hint: "all", when: .historyFiltered),
                KeyBinding([.escape], .back, "Back", hint: "back", when: .historyUnfiltered),
            ] + common(quitHint: "quit")
        case .transcript:
            return [
                KeyBinding([.right, .character("n")], .nextQuestion, "Next question", hint: "next"),
                KeyBinding([.left, .character("p")], .previousQuestion, "Previous question", hint: "prev"),
                KeyBinding([.up, .down, .pageUp, .pageDown], .down, "Scroll"),
                KeyBinding([.character("m")], .exportMarkdown, "Export as Markdown: asks where (your home folder first)", hint: "export .md"),
                KeyBinding([.character("J")], .exportJSON, "Export as JSON: asks where (your home folder first)", hint: "export .json"),
                KeyBinding([.character("l")], .togglePrevious, "Show the previous attempt at this question, or hide it", when: .previousAttempt),
                KeyBinding([.escape], .back, "Back", hint: "back"),
            ] + common(quitHint: "quit")
        case .help:
            return [
                KeyBinding([.escape, .character("?"), .function(1), .character("q")], .back, "Close the help", hint: "close"),
                KeyBinding([.up, .down, .pageUp, .pageDown], .down, "Scroll"),
                KeyBinding([.control("p")], .pause, "Pause or resume the interview's clock", when: .timed),
                KeyBinding([.control("c")], .stopNow, "Stop now: an interview is kept to resume later; elsewhere, quit"),
            ]
        case .deleteDialog:
            return [
                KeyBinding([.character("y")], .confirmDelete, "Delete it: this cannot be undone", hint: "delete"),
                KeyBinding([.escape, .character("n")], .back, "Keep it", hint: "keep"),
                KeyBinding([.control("c")], .stopNow, "Quit Rehearse"),
            ]
        case .prompt:
            return [
                KeyBinding([.enter], .confirm, "Go ahead: write the file, or search", hint: "ok"),
                KeyBinding([.escape], .back, "Cancel", hint: "cancel"),
                KeyBinding([.left, .right, .home, .end, .wordLeft, .wordRight], .editField, "Move in the text"),
                KeyBinding([.backspace, .delete, .deleteWordBackward, .deleteWordForward], .editField, "Delete a character or a word"),
                KeyBinding([.control("u")], .editField, "Clear the text", hint: "clear"),
                KeyBinding([.control("c")], .stopNow, "Stop now: an interview is kept to resume later; elsewhere, quit"),
            ]
        case .progress:
            return [
                KeyBinding([.up, .down, .pageUp, .pageDown], .down, "Scroll"),
                KeyBinding([.character("d")], .drill, "Drill what is due, weak or new", hint: "drill"),
                KeyBinding([.escape], .back, "Back", hint: "back"),
            ] + common(quitHint: "quit")
        case .ticksDialog:
            return [
                KeyBinding([.character("a"), .character("y")], .acceptDetected, "Tick the points your text seems to make, and score", hint: "tick them"),
                KeyBinding([.enter, .character("n")], .finishReview, "Score with nothing ticked", hint: "score as is"),
                KeyBinding([.escape], .back, "Back to the rubric", hint: "back"),
                KeyBinding([.control("c")], .stopNow, "Stop now and keep the session to resume later"),
            ]
        case .quitDialog:
            return [
                KeyBinding([.character("l")], .leaveForLater, "Stop now and keep the session to resume later", hint: "later"),
                KeyBinding([.character("e")], .endNow, "End the interview here: what you wrote is kept; reviewed questions count", hint: "end"),
                KeyBinding([.escape, .character("n")], .back, "Carry on with the interview", hint: "carry on"),
                KeyBinding([.control("p")], .pause, "Pause or resume the clock", when: .timed),
                KeyBinding([.control("c")], .stopNow, "Stop now and keep the session to resume later"),
            ]
        }
    }

    private static func common(quitHint: String) -> [KeyBinding] {
        [
            KeyBinding([.character("?"), .function(1)], .help, "This help", hint: "help"),
            KeyBinding([.character("q"), .control("q"), .control("c")], .quit, "Quit Rehearse", hint: quitHint),
        ]
    }

    /// The action a key stands for in `context`. Movement keys that share a line of the table
    /// (← and →, ↑ and ↓) map to their own direction.
    /// With `state`, a line whose condition holds comes first (Esc in a filtered history
    /// clears the filters); without one holding, the first line with the key still answers,
    /// so that a key that does nothing now can say why.
    public static func action(for key: Key, in context: KeyContext, state: AppState? = nil) -> Action? {
        if let direction = direction(of: key, in: context) { return direction }
        let lines = bindings(context).filter { $0.keys.contains(key) }
        if let state, let holding = lines.first(where: { $0.condition.map(state.holds) ?? true }) { return holding.action }
        return lines.first?.action
    }

    private static func direction(of key: Key, in context: KeyContext) -> Action? {
        // In a text field the arrows move in the text.
        if context == .prompt { return nil }
        if context == .answering {
            let edit: TextEditor.Edit? = switch key {
            case .left: .left
            case .right: .right
            case .up: .up
            case .down: .down
            case .wordLeft: .wordLeft
            case .wordRight: .wordRight
            case .home: .lineStart
            case .end: .lineEnd
            case .pageUp: .pageUp
            case .pageDown: .pageDown
            case .backspace: .deleteBackward
            case .delete: .deleteForward
            case .deleteWordBackward: .deleteWordBackward
            case .deleteWordForward: .deleteWordForward
            case .enter: .newline
            default: nil
            }
            if let edit { return .edit(edit) }
            if key == .backTab { return .previousField }
            return nil
        }
        switch key {
        // j and k move too, except in a transcript, where they are not keys of their own.
        case .up: return .up
        case .down: return .down
        case .character("k") where context != .transcript: return .up
        case .character("j") where context != .transcript: return .down
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .home: return .top
        case .end: return .bottom
        case .left where context == .home: return .left
        case .right where context == .home: return .right
        // Shift-Tab goes back wherever Tab cycles.
        case .backTab where context == .home || context == .selfReview: return .previousPane
        // g and t share a line of history's table.
        case .character("t") where context == .history: return .filterByKind
        // 1 to 5 share a line of self-review's table.
        case .character(let digit) where context == .selfReview && ("1"..."5").contains(digit): return .rate(Int(String(digit)) ?? 1)
        default: return nil
        }
    }

    /// The lines of `context` that do something in `state`: what the help shows.
    public static func bindings(_ context: KeyContext, in state: AppState) -> [KeyBinding] {
        bindings(context).filter { $0.condition.map(state.holds) ?? true }
    }

    /// The hint bar's entries for a context in `state`: key label and word.
    public static func hints(_ context: KeyContext, in state: AppState) -> [(key: String, word: String)] {
        bindings(context, in: state).compactMap { binding in binding.hint.map { (binding.hintLabel, $0) } }
    }
}
