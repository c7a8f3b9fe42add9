import InterviewCore

/// A guide the home screen offers.
public struct BankListing: Equatable, Sendable {
    public var name: String
    public var title: String
    public var questionCount: Int
    public var kinds: [CategoryKind: Int]

    public init(name: String, title: String, questionCount: Int, kinds: [CategoryKind: Int]) {
        self.name = name
        self.title = title
        self.questionCount = questionCount
        self.kinds = kinds
    }
}

/// A stored session, as the history and home screens list it (dates already written out).
public struct SessionListing: Equatable, Sendable {
    public enum State: String, Sendable {
        case active, finished, abandoned, interrupted
    }

    public var id: String
    public var when: String
    public var guides: String
    public var answered: Int
    public var questionCount: Int
    public var state: State
    public var score: Double?
    /// Each guide's title on its own, for filtering (`guides` is them joined).
    public var guideTitles: [String]
    /// The kinds of the questions asked.
    public var kinds: Set<CategoryKind>

    public init(id: String, when: String, guides: String, answered: Int, questionCount: Int, state: State, score: Double?,
                guideTitles: [String]? = nil, kinds: Set<CategoryKind> = []) {
        self.id = id
        self.when = when
        self.guides = guides
        self.answered = answered
        self.questionCount = questionCount
        self.state = state
        self.score = score
        self.guideTitles = guideTitles ?? [guides]
        self.kinds = kinds
    }
}

/// What the home screen asks for: the session's guides, kinds and timing.
public struct SessionChoice: Equatable, Sendable {
    public var banks: [String]
    public var kinds: [CategoryKind]
    public var questions: Int
    public var settings: SessionSettings
    /// A fixed plan (`--seed`), or nil for a new one each time.
    public var seed: UInt64?
    /// A drill of what is due, weak or new, rather than questions drawn at random.
    public var drill: PracticePool.Focus?

    public init(banks: [String], kinds: [CategoryKind], questions: Int, settings: SessionSettings, seed: UInt64? = nil) {
        self.banks = banks
        self.kinds = kinds
        self.questions = questions
        self.settings = settings
        self.seed = seed
    }
}

/// The home screen: a form of rows, in focus order.
public struct HomeState: Equatable, Sendable {
    public enum Row: Hashable, Sendable {
        case bank(Int), kind(CategoryKind), questions, answerTime, thinkTime, followUps, hardTime, start, resume, drill
    }

    public var banks: [BankListing]
    public var chosenBanks: Set<String>
    public var kinds: Set<CategoryKind>
    public var questions: Int
    /// nil: each kind's default.
    public var answerSeconds: Int?
    /// nil: the guide's or the default.
    public var thinkSeconds: Int?
    public var followUps: Int
    public var hardTime: Bool
    /// Kept from the command line: what the form does not show.
    public var seed: UInt64?
    public var followUpSeconds: Int?
    public var focus: Row = .start
    /// The newest interrupted session, offered for resumption.
    public var interrupted: SessionListing?
    /// What practice has waiting, once the store has been read.
    public var practice: PracticeOverview?
    /// What the drill row asks for.
    public var drillFocus: PracticePool.Focus = .due

    public static let answerChoices = [60, 90, 120, 180, 240, 300, 420, 600]
    public static let thinkChoices = [0, 5, 10, 15, 20, 30, 45, 60]

    public init(banks: [BankListing], choice: SessionChoice, interrupted: SessionListing?) {
        self.banks = banks
        chosenBanks = Set(choice.banks)
        kinds = choice.kinds.isEmpty ? Set(CategoryKind.allCases) : Set(choice.kinds)
        questions = choice.questions
        answerSeconds = choice.settings.answerTime.map { Int($0.wholeSeconds) }
        thinkSeconds = choice.settings.thinkTime.map { Int($0.wholeSeconds) }
        followUps = choice.settings.followUpsPerQuestion
        hardTime = choice.settings.hardTime
        seed = choice.seed
        followUpSeconds = choice.settings.followUpTime.map { Int($0.wholeSeconds) }
        self.interrupted = interrupted
    }

    public var rows: [Row] {
        banks.indices.map(Row.bank) + CategoryKind.allCases.map(Row.kind)
            + [.questions, .answerTime, .thinkTime, .followUps, .hardTime, .start] + (practice == nil ? [] : [.drill])
            + (interrupted == nil ? [] : [.resume])
    }

    public var choice: SessionChoice {
        var settings = SessionSettings()
        settings.answerTime = answerSeconds.map { .seconds($0) }
        settings.thinkTime = thinkSeconds.map { .seconds($0) }
        settings.hardTime = hardTime
        settings.followUpsPerQuestion = followUps
        settings.followUpTime = followUpSeconds.map { .seconds($0) }
        let kinds = CategoryKind.allCases.filter(self.kinds.contains)
        return SessionChoice(banks: banks.map(\.name).filter(chosenBanks.contains), kinds: kinds.count == CategoryKind.allCases.count ? [] : kinds,
                             questions: questions, settings: settings, seed: seed)
    }

    /// Questions the chosen guides hold of the chosen kinds.
    public var available: Int {
        banks.filter { chosenBanks.contains($0.name) }.reduce(0) { total, bank in
            total + bank.kinds.filter { kinds.contains($0.key) }.reduce(0) { $0 + $1.value }
        }
    }
}

/// A session under way (or just finished) and what the screens need beside the interview.
public struct SessionScreenState: Equatable, Sendable {
    public var id: String?
    public var interview: Interview
    /// Each guide of the session, for the briefing.
    public var guides: [Guide]
    public var editors: [AnswerField: TextEditor] = [:]
    /// The STAR part being written.
    public var starFocus: StarPart = .situation
    public var briefingScroll = 0
    // Self-review
    public var ticks: Set<Int> = []
    public var rubricSelection = 0
    public var reviewPane = 0
    public var answerScroll = 0
    public var modelScroll = 0
    /// The main answer went to be judged and its judgement has not come back.
    public var awaitingJudgement = false
    /// The rating (1–5) given to a question with no rubric to tick, before Enter records it.
    public var rating: Int?
    /// Enter with nothing ticked already asked about the points the text seems to make.
    public var askedAboutTicks = false
    public var autosave = AutosavePolicy()
    public var lastHeartbeat: Instant?
    /// Each question's latest attempt before this session, by question id.
    public var previous: [String: PastAnswer] = [:]
    /// Self-review shows the previous attempt in place of the model answer.
    public var showsPrevious = false
    /// The question the summary has selected (for `r`, retry).
    public var summarySelection = 0

    public init(interview: Interview, guides: [Guide], id: String? = nil) {
        self.interview = interview
        self.guides = guides
        self.id = id
        // A resumed answer opens with its text, at the STAR part in progress.
        guard let record = interview.currentRecord else { return }
        for field in [AnswerField.free] + StarPart.allCases.map(AnswerField.star) + (0..<record.followUpAnswers.count).map(AnswerField.followUp) {
            let text = record.text(of: field)
            if !text.isEmpty { editors[field] = TextEditor(text) }
        }
        if record.scaffold == .star, let inProgress = StarPart.allCases.last(where: { !record.text(of: .star($0)).isEmpty }) {
            starFocus = inProgress
        }
    }

    /// The field typing goes into now, if any.
    public var focusedField: AnswerField? {
        let fields = interview.editableFields
        guard !fields.isEmpty else { return nil }
        if fields.first == .star(.situation) { return .star(starFocus) }
        return fields.first
    }
}

/// A stored session opened for reading.
public struct TranscriptScreenState: Equatable, Sendable {
    public var id: String
    public var when: String
    public var interview: Interview
    public var question = 0
    public var scroll = 0
    /// The attempt before each of the session's questions, by position.
    public var previous: [Int: PastAnswer] = [:]
    public var showsPrevious = false

    public init(id: String, when: String, interview: Interview) {
        self.id = id
        self.when = when
        self.interview = interview
    }
}

/// A small line-edit prompt over the screen.
public struct PromptState: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        /// Where to write a session's transcript.
        case export(id: String, json: Bool)
        /// What to look for in history's answers.
        case search
    }

    public var purpose: Purpose
    public var field: LineEditor
    /// What went wrong with the last try, or what the next Enter will do; shown under the field.
    public var message: String?
    /// The file named exists and the user was told: the next Enter replaces it.
    public var replacing = false

    public init(purpose: Purpose, text: String) {
        self.purpose = purpose
        field = LineEditor(text)
    }

    public var title: String {
        switch purpose {
        case .export(_, let json): json ? "Export as JSON" : "Export as Markdown"
        case .search: "Search the answers"
        }
    }
}

/// How writing an export ended, as the runner tells it.
public enum ExportOutcome: Equatable, Sendable {
    /// Written to this full path.
    case written(String)
    /// This full path exists already: nothing was written.
    case exists(String)
    /// Nothing was written, for this reason.
    case failed(String)
}

/// Past sessions, and which of them are shown: filters by guide and by kind, and a search
/// of the answers' text (whose matches the runner finds).
public struct HistoryState: Equatable, Sendable {
    /// Every session, newest first.
    public var sessions: [SessionListing]
    /// Index into `shown`.
    public var selection = 0
    public var guide: String?
    public var kind: CategoryKind?
    public var search: Search?

    public struct Search: Equatable, Sendable {
        public var text: String
        /// The sessions whose answers hold it.
        public var matches: Set<String>

        public init(text: String, matches: Set<String>) {
            self.text = text
            self.matches = matches
        }
    }

    public init(sessions: [SessionListing]) {
        self.sessions = sessions
    }

    public var isFiltered: Bool { guide != nil || kind != nil || search != nil }

    /// The sessions the filters let through, newest first.
    public var shown: [SessionListing] {
        guard isFiltered else { return sessions }
        return sessions.filter { session in
            (guide.map { session.guideTitles.contains($0) } ?? true)
                && (kind.map { session.kinds.contains($0) } ?? true)
                && (search.map { $0.matches.contains(session.id) } ?? true)
        }
    }

    /// The session under the selection, if any.
    public var picked: SessionListing? {
        let shown = shown
        return shown.indices.contains(selection) ? shown[selection] : nil
    }

    /// Puts the selection on the session `id` if it is shown, else keeps it in range.
    public mutating func select(_ id: String?) {
        let shown = shown
        if let id, let index = shown.firstIndex(where: { $0.id == id }) {
            selection = index
        } else {
            selection = max(0, min(selection, shown.count - 1))
        }
    }

    /// The guides and kinds there are to filter by, in the order `g` and `t` step through them.
    public var guides: [String] { Array(Set(sessions.flatMap(\.guideTitles))).sorted() }
    public var kinds: [CategoryKind] { CategoryKind.allCases.filter { kind in sessions.contains { $0.kinds.contains(kind) } } }
}

/// Everything the screens show: the model of the app. `update` is the only place it changes,
/// and every screen is a function of it and the terminal's size.
public struct AppState: Equatable, Sendable {
    public enum Screen: Equatable, Sendable {
        case home, interview, history, transcript, progress
    }

    public enum Overlay: Equatable, Sendable {
        case help(context: KeyContext, scroll: Int)
        case confirmQuit
        /// A line to type: where to export, what to search for.
        case prompt(PromptState)
        /// Asks before deleting a session.
        case confirmDelete(SessionListing)
        /// Enter in self-review with nothing ticked, while the text seems to make some points.
        case confirmNoTicks
    }

    public var size: Size
    public var now: Instant
    public var screen: Screen = .home
    public var overlay: Overlay?
    public var home: HomeState
    public var session: SessionScreenState?
    public var history = HistoryState(sessions: [])
    public var transcript: TranscriptScreenState?
    public var progress: ProgressScreenState?
    /// Where Back goes from history, and from a transcript.
    public var historyReturn: Screen = .home
    public var transcriptReturn: Screen = .home
    /// A one-line message for the user: saved, exported, an error. It stays a few seconds.
    public var status: String? {
        didSet { statusSince = status == nil ? nil : now }
    }
    /// When the message appeared.
    public private(set) var statusSince: Instant?
    /// Why the session is not saved, while saves fail: shown until one succeeds, so nothing
    /// says "saved" unless the last save committed.
    public var saveProblem: String?
    public static let statusLifetime: Duration = .seconds(6)
    /// Set when the app should end, after its last commands ran.
    public var finished = false
    /// Set when the user chose "later" in the quit question: a deliberate stop, not Ctrl-C,
    /// so the program ends with success rather than Ctrl-C's status.
    public var leftForLater = false

    public static let minimumSize = Size(width: 60, height: 18)

    /// The status line while saves fail.
    static func notSavedLine(_ reason: String) -> String {
        "NOT SAVED: \(reason). Your text is kept; Rehearse keeps trying."
    }

    public init(size: Size, now: Instant, home: HomeState) {
        self.size = size
        self.now = now
        self.home = home
    }

    /// How far PgUp and PgDn move in lists and scrolling text.
    var pageRows: Int { max(1, size.height - 6) }

    public var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

    /// Whose keys apply now.
    public var keyContext: KeyContext {
        switch overlay {
        case .help: return .help
        case .confirmQuit: return .quitDialog
        case .prompt: return .prompt
        case .confirmDelete: return .deleteDialog
        case .confirmNoTicks: return .ticksDialog
        case nil: break
        }
        switch screen {
        case .home: return .home
        case .history: return .history
        case .transcript: return .transcript
        case .progress: return .progress
        case .interview:
            guard let session else { return .home }
            switch session.interview.phase {
            case .briefing: return .briefing
            case .reading, .answering, .followUp: return .answering
            case .selfReview: return .selfReview
            case .summary, .abandoned: return .summary
            }
        }
    }
}
