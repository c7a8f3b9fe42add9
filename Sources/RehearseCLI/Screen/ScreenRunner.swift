import Foundation
import GuideParser
import InterviewCore
import TerminalUI
import TranscriptStore

/// Runs the full-screen interface: reads keys with a timeout (the clock ticks without input),
/// feeds them and the time to `AppState.update`, carries out the commands it returns, and
/// draws each frame. It is the only place that does input and output for the screens.
final class ScreenRunner {
    /// How the run ended, for the exit status and the closing line.
    enum Ending: Equatable {
        case quit
        /// The session stopped and stays resumable (Ctrl-C, "later", a signal).
        case interrupted(signal: Int32?)
    }

    private var terminal: any Terminal
    private(set) var state: AppState
    private let store: TranscriptStore
    private let catalog: BankCatalog
    /// The guide files the home screen lists, by the name it gives them.
    private let listed: [String: BankLocation]
    private let pendingSignal: () -> Int32?
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant
    /// Added to this process's clock so that a resumed session's time goes on from where it
    /// stopped (its saved instants come from an earlier process).
    private var offset: Duration = .zero
    private(set) var sessionID: String?
    /// A session was begun and, having nothing in it, removed.
    private(set) var discarded = false
    private(set) var ending: Ending = .quit
    /// Writes the running session in the background: a key never waits for the store.
    private var writer: SessionWriter?
    /// The writer's status as the app last heard it.
    private var reportedProblem: String?
    /// The newest state handed to the writer, to finish it with.
    private var lastSaved: Interview?
    /// How the writer finished, once it has.
    private var writingOutcome: SessionWriter.Outcome?
    /// The signal that ended the run, if one did.
    private(set) var signal: Int32?
    /// Judges answers away from the keys.
    private let judging: ScreenJudging

    init(terminal: any Terminal, store: TranscriptStore, catalog: BankCatalog, listed: [String: BankLocation], home: HomeState,
         pendingSignal: @escaping () -> Int32?) {
        self.terminal = terminal
        self.store = store
        self.catalog = catalog
        self.listed = listed
        self.pendingSignal = pendingSignal
        origin = clock.now
        state = AppState(size: terminal.size, now: Instant(.zero), home: home)
        judging = ScreenJudging(dataDirectory: store.folder, catalog: catalog)
    }

    private var now: Instant { Instant(offset + (clock.now - origin)) }

    /// Most keys a paste can bring in one frame; the rest come in the next.
    private static let keysPerFrame = 65_536

    /// Waits for a key that end at once, in a row, before the terminal is taken to be gone
    /// (a closed terminal can give end of input without SIGHUP): stop rather than spin.
    private static let emptyWaitsBeforeGivingUp = 100

    /// Where the interface opens.
    enum Start: Equatable {
        case home
        /// Straight into an interrupted session.
        case resuming(String)
        /// A stored session's transcript, with history behind it (`rehearse review`).
        case transcript(String)
        /// A session planned on the command line (`--question`, `drill`): it opens at once,
        /// past the home screen, with the notes on what was chosen on the status line.
        case session(plan: SessionPlan, guides: [Guide], notes: [String])
    }

    func run(from start: Start = .home) {
        switch start {
        case .home: break
        case .resuming(let id): perform([.resume(id: id)])
        case .transcript(let id): perform([.loadHistory, .openTranscript(id: id)])
        case .session(let plan, let guides, let notes):
            perform(state.update(.planned(Interview(plan: plan), guides: guides)))
            if !notes.isEmpty { perform(state.update(.message(notes.joined(separator: " ")))) }
        }
        var emptyWaits = 0
        while !state.finished {
            if let signal = pendingSignal() {
                self.signal = signal
                perform(state.update(.terminated))
                break
            }
            reportSaveStatus()
            perform(state.update(.tick(now)))
            for event in judging.takeEvents() { perform(state.update(event)) }
            terminal.draw(AppView.render(state))
            let waitStarted = clock.now
            // While a judgement is on its way, keys are waited for briefly, so that it shows
            // as soon as it comes.
            guard let key = terminal.nextKey(timeout: judging.isWaiting ? .milliseconds(10) : .milliseconds(200)) else {
                emptyWaits = clock.now - waitStarted < .milliseconds(5) ? emptyWaits + 1 : 0
                if emptyWaits >= Self.emptyWaitsBeforeGivingUp {
                    self.signal = SIGHUP
                    perform(state.update(.terminated))
                    break
                }
                continue
            }
            emptyWaits = 0
            handle(key)
        }
        judging.finish()
    }

    /// A key, and every key already waiting behind it: typed or pasted characters arrive as one
    /// text, so a paste is one edit and one save.
    private func handle(_ first: Key) {
        var pending: Key? = first
        var text = ""
        var count = 0
        while let key = pending, count < Self.keysPerFrame {
            count += 1
            if case .character(let character) = key {
                text.append(character)
            } else {
                flush(&text)
                dispatch(key)
                if state.finished { return }
            }
            pending = terminal.nextKey(timeout: .zero)
        }
        flush(&text)
        if let pending { dispatch(pending) }
    }

    private func flush(_ text: inout String) {
        guard !text.isEmpty else { return }
        perform(state.update(.tick(now)))
        perform(state.update(text.count == 1 ? .key(.character(text.first!)) : .text(text)))
        text = ""
    }

    private func dispatch(_ key: Key) {
        perform(state.update(.tick(now)))
        if key == .resize {
            perform(state.update(.resize(terminal.size)))
        } else {
            perform(state.update(.key(key)))
        }
    }

    // MARK: Commands

    private func perform(_ commands: [AppCommand]) {
        for command in commands {
            perform(command)
        }
    }

    private func perform(_ command: AppCommand) {
        switch command {
        case .plan(let choice):
            perform(state.update(plan(choice)))
        case .create(let interview):
            // The session has an id from the start, even when the store cannot take it yet:
            // the writer keeps trying, and a recovery file keeps it if the store never can.
            let startedAt = Date()
            let id = (try? store.createSession(interview, at: startedAt)) ?? String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16)
            retireWriter()
            sessionID = id
            writer = SessionWriter(store: store, id: id, startedAt: startedAt, background: true)
            writer?.save(interview, nil, [], interview.index)
            lastSaved = interview
            judging.begin(interview.plan)
            perform(state.update(.created(id: id)))
            perform(state.update(.previousAnswers(previousAnswers(interview, excluding: id))))
        case .save(let interview, let event, let effects, let question):
            writer?.save(interview, event, effects, question)
            lastSaved = interview
            judging.saved(interview)
        case .judge(let interview, let session, let question):
            judging.judge(interview, session: session, question: question)
        case .interrupt:
            // Written out first: a save still queued would mark the session active again.
            _ = finishWriting()
            if let sessionID { try? store.markInterrupted(sessionID) }
            ending = .interrupted(signal: signal)
        case .discard(let id):
            if sessionID == id {
                // Written out first, so that no save still queued brings it back; then forgotten.
                _ = finishWriting()
                writer = nil
                lastSaved = nil
                writingOutcome = nil
                sessionID = nil
                discarded = true
            }
            try? store.delete(id)
            if state.finished { ending = .interrupted(signal: signal) }
        case .bell:
            terminal.bell()
        case .editExternally(let field, let text):
            terminal.suspend()
            let edited = ExternalEditor.edit(text)
            terminal.resume()
            perform(state.update(.tick(now)))
            switch edited {
            case .success(let newText): perform(state.update(.externalEditFinished(field, newText)))
            case .failure(let reason): perform(state.update(.message(reason.text)))
            }
        case .loadHistory:
            loadHistory()
        case .delete(let id):
            do {
                try store.markInterrupted()
                // Looked at again: it may have been resumed elsewhere since the list was read.
                if try store.sessions().first(where: { $0.id == id })?.state == .active {
                    perform(state.update(.message("Session \(id) is running in another Rehearse: end it there first.")))
                } else {
                    try store.delete(id)
                    loadHistory()
                    perform(state.update(.message("Deleted session \(id).")))
                }
            } catch {
                perform(state.update(.message("Cannot delete session \(id): \(error)")))
            }
        case .searchHistory(let text):
            do {
                perform(state.update(.historySearched(text, matches: try store.sessions(withAnswersHolding: text))))
            } catch {
                perform(state.update(.message("Cannot search the sessions: \(error)")))
            }
        case .openTranscript(let id):
            do {
                let stored = try store.session(id)
                perform(state.update(.transcriptLoaded(id: id, when: StoredSessions.date(stored.summary.startedAt), stored.interview)))
                perform(state.update(.transcriptPrevious(previousAnswers(stored))))
            } catch {
                perform(state.update(.message("Cannot read session \(id): \(error)")))
            }
        case .resume(let id):
            resume(id)
        case .export(let id, let json, let path, let replacing):
            perform(state.update(.exportFinished(export(id, json: json, to: path, replacing: replacing))))
        case .loadProgress:
            do {
                let report = try PracticeViews.report(store, sources: readGuides(state.home.banks.map(\.name)).map(\.source), onlyTheirs: false)
                perform(state.update(.progressLoaded(PracticeViews.progressScreen(report))))
            } catch {
                perform(state.update(.message("Cannot read progress: \(error)")))
            }
        case .refreshPractice:
            if let overview = try? PracticeViews.overview(store, guides: readGuides(state.home.banks.map(\.name))) {
                perform(state.update(.practiceLoaded(overview)))
            }
        case .exit:
            break
        }
    }

    /// Reads the sessions and their questions' kinds (for history's filter by kind).
    private func loadHistory() {
        do {
            StoredSessions.settleStale(store)
            let kinds = try store.sessionKinds()
            perform(state.update(.historyLoaded(try store.sessions().map { Self.listing($0, kinds: kinds[$0.id] ?? []) })))
        } catch {
            perform(state.update(.message("Cannot read the sessions: \(error)")))
        }
    }

    /// Tells the app when saving starts failing or works again.
    private func reportSaveStatus() {
        guard let writer else { return }
        var problem: String?
        if case .failing(let reason) = writer.status { problem = reason }
        guard problem != reportedProblem else { return }
        reportedProblem = problem
        perform(state.update(.saveProblem(problem)))
    }

    /// Waits for the last saves; the session's fate, for the closing line. Nil with no session.
    func finishWriting() -> SessionWriter.Outcome? {
        guard let writer, let lastSaved else { return nil }
        if writingOutcome == nil { writingOutcome = writer.finish(lastSaved) }
        return writingOutcome
    }

    /// Another session begins: the one before is written out first (to a recovery file, if the
    /// store cannot take it).
    private func retireWriter() {
        guard let outcome = finishWriting() else { return }
        writer = nil
        writingOutcome = nil
        reportedProblem = nil
        perform(state.update(.saveProblem(nil)))
        switch outcome {
        case .saved: break
        case .recovered(let path, _): perform(state.update(.message("The last session is kept in \(path).")))
        case .lost(let reason): perform(state.update(.message("The last session could not be saved: \(reason)")))
        }
    }

    private func plan(_ choice: SessionChoice) -> AppEvent {
        if let focus = choice.drill { return drill(focus, choice) }
        var sources: [SessionPlanner.Source] = []
        var guides: [Guide] = []
        for bank in choice.banks {
            let loading = listed[bank].map(LoadedGuide.loading) ?? LoadedGuide.loading(bank, catalog: catalog)
            switch loading {
            case .success(let loaded):
                sources.append(SessionPlanner.Source(bank: loaded.location.name, guide: loaded.guide))
                guides.append(loaded.guide)
            case .failure(let reason):
                return .message(reason.text)
            }
        }
        do {
            let plan = try SessionPlanner.plan(from: sources, kinds: choice.kinds, count: choice.questions,
                                               seed: choice.seed ?? UInt64.random(in: 1...999_999), settings: choice.settings)
            return .planned(Interview(plan: plan), guides: guides)
        } catch {
            return .message("\(choice.banks.joined(separator: ", ")): \(error.description)")
        }
    }

    private func resume(_ id: String) {
        do {
            try store.markInterrupted()
            let stored = try store.session(id)
            guard stored.summary.state == .interrupted else {
                perform(state.update(.message(stored.summary.state == .active
                    ? "Session \(id) is still running in another Rehearse."
                    : "Session \(id) is \(stored.summary.state.rawValue): only an interrupted session can be resumed.")))
                return
            }
            // The saved instants came from another process: go on from the last of them (and
            // let the app see the new time before anything it shows is stamped with it).
            if let latest = stored.interview.latest, latest > now { offset += latest - now }
            perform(state.update(.tick(now)))
            sessionID = id
            // Saving claims the session for this process (it is active again).
            try store.save(id, stored.interview)
            retireWriter()
            writer = SessionWriter(store: store, id: id, startedAt: stored.summary.startedAt, background: true)
            lastSaved = stored.interview
            judging.begin(stored.interview.plan)
            perform(state.update(.resumable(id: id, stored.interview, guides: [])))
            perform(state.update(.previousAnswers(previousAnswers(stored.interview, excluding: id))))
        } catch {
            perform(state.update(.message("Cannot resume session \(id): \(error)")))
        }
    }

    /// A drill of the home screen's chosen guides and kinds.
    private func drill(_ focus: PracticePool.Focus, _ choice: SessionChoice) -> AppEvent {
        let read = readGuides(choice.banks)
        let sources = read.map(\.source)
        do {
            let chosen = try PracticeRequest(drill: true, focus: focus)
                .plan(sources: sources, kinds: choice.kinds, practice: try store.practice(banks: sources.map(\.bank)), count: choice.questions,
                      seed: choice.seed ?? UInt64.random(in: 1...999_999), settings: choice.settings)
            let banks = Set(chosen.plan.questions.map(\.bank))
            return .planned(Interview(plan: chosen.plan), guides: sources.filter { banks.contains($0.bank) }.map(\.guide))
        } catch let error as PracticeSelectionError {
            return .message(error.localDescription.prefix(1).uppercased() + error.localDescription.dropFirst())
        } catch {
            return .message("Cannot read what is due: \(error)")
        }
    }

    /// Each question's latest attempt in another session than `id`.
    private func previousAnswers(_ interview: Interview, excluding id: String) -> [String: PastAnswer] {
        var answers: [String: PastAnswer] = [:]
        for planned in interview.plan.questions where answers[planned.question.id] == nil {
            answers[planned.question.id] = (try? store.previousAnswer(to: planned.question.id, excludingSession: id)) ?? nil
        }
        return answers
    }

    /// For a stored session: the attempt before each of its questions' (or before the session
    /// began, for a question it did not review).
    private func previousAnswers(_ stored: StoredSession) -> [Int: PastAnswer] {
        var answers: [Int: PastAnswer] = [:]
        let started = LocalDay.timestamp(stored.summary.startedAt)
        for (position, planned) in stored.interview.plan.questions.enumerated() {
            let before = stored.attempts[position]?.reviewedAt ?? started
            answers[position] = (try? store.previousAnswer(to: planned.question.id, before: before, excludingSession: stored.summary.id)) ?? nil
        }
        return answers
    }

    /// The listed guides named, read again from their files (the home screen keeps only their
    /// counts), in the order given; one that can no longer be read is left out.
    private func readGuides(_ names: [String]) -> [(name: String, source: SessionPlanner.Source)] {
        names.compactMap { name in
            guard let location = listed[name], case .success(let loaded) = LoadedGuide.loading(location) else { return nil }
            return (name, SessionPlanner.Source(bank: loaded.location.name, guide: loaded.guide))
        }
    }

    private func export(_ id: String, json: Bool, to typed: String, replacing: Bool) -> ExportOutcome {
        do {
            let document = TranscriptDocument(try store.session(id))
            let data = json ? try document.json() + Data("\n".utf8) : Data(MarkdownTranscript.render(document).utf8)
            let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            let path = TranscriptFile.resolve(typed, id: id, json: json, home: home,
                                              workingFolder: FileManager.default.currentDirectoryPath)
            return TranscriptFile.write(data, to: path, replacing: replacing)
        } catch {
            return .failed("Cannot export session \(id): \(error)")
        }
    }

    static func listing(_ summary: SessionSummary, kinds: Set<CategoryKind> = []) -> SessionListing {
        SessionListing(id: summary.id, when: StoredSessions.date(summary.startedAt), guides: summary.guides.joined(separator: ", "),
                       answered: summary.answered, questionCount: summary.questionCount,
                       state: SessionListing.State(rawValue: summary.state.rawValue) ?? .interrupted, score: summary.score,
                       guideTitles: summary.guides, kinds: kinds)
    }
}
