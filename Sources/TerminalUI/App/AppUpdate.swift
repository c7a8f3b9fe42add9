import InterviewCore

extension AppState {
    /// The only place the app's state changes: an event in, the side effects to run out.
    public mutating func update(_ event: AppEvent) -> [AppCommand] {
        switch event {
        case .tick(let instant):
            now = max(now, instant)
            if let since = statusSince, now - since >= Self.statusLifetime { status = nil }
            return tickSession()
        case .resize(let newSize):
            size = newSize
            rescrollEditors()
            return []
        case .terminated:
            return leaveForLater()
        case .key(let key):
            return handle(key)
        case .text(let text):
            if keyContext == .answering, overlay == nil, !isTooSmall { return edit(.insert(text)) }
            return text.flatMap { handle(.character($0)) }
        case .planned(let interview, let guides):
            session = SessionScreenState(interview: interview, guides: guides)
            screen = .interview
            status = nil
            return []
        case .created(let id):
            session?.id = id
            return []
        case .historyLoaded(let sessions):
            // Loaded again (after a delete): the filters and the place stay.
            let picked = history.picked?.id
            history.sessions = sessions
            history.select(picked)
            if screen != .history, screen != .transcript { historyReturn = screen }
            screen = .history
            return []
        case .transcriptLoaded(let id, let when, let interview):
            transcript = TranscriptScreenState(id: id, when: when, interview: interview)
            if screen != .transcript { transcriptReturn = screen }
            screen = .transcript
            return []
        case .resumable(let id, let interview, let guides):
            session = SessionScreenState(interview: interview, guides: guides, id: id)
            if home.interrupted?.id == id { home.interrupted = nil }
            screen = .interview
            overlay = nil
            // A resumed session opens on its question, even one stopped before the first
            // began (the briefing has no guides to show here), and waits, paused, until the
            // user is ready to go on.
            var commands = interview.phase == .briefing ? apply(.begin(at: now)) : []
            let interview = self.session?.interview ?? interview
            commands += interview.phase.isTimed && !interview.isPaused ? apply(.pause(at: now)) : []
            let place = "Resumed at question \(interview.index + 1) of \(interview.plan.questions.count)"
            if let used = self.session?.interview.elapsed(at: now), interview.phase.isTimed {
                status = "\(place) with \(used.clockText) used, paused: ^P goes on."
            } else {
                status = "\(place)."
            }
            rescrollEditors()
            return commands + judgeUnjudgedAnswer()
        case .externalEditFinished(let field, let text):
            guard let text else { return [] }
            guard case .star = field, let record = session?.interview.currentRecord else { return replaceText(of: field, with: text) }
            // Back from a STAR document: each part that changed takes its new text.
            let parts = StarDocument.parse(text)
            return StarPart.allCases.filter { parts[$0] != record.text(of: .star($0)) }.flatMap { part in
                replaceText(of: .star(part), with: parts[part] ?? "")
            }
        case .message(let text):
            status = text
            return []
        case .exportFinished(let outcome):
            return exportFinished(outcome)
        case .historySearched(let text, let matches):
            let picked = history.picked?.id
            history.search = text.isEmpty ? nil : HistoryState.Search(text: text, matches: matches)
            history.select(picked)
            return []
        case .saveProblem(let problem):
            let was = saveProblem
            saveProblem = problem
            if was != nil, problem == nil { status = "Saved again: the session is in the store." }
            return []
        case .progressLoaded, .practiceLoaded, .previousAnswers, .transcriptPrevious:
            return practiceLoaded(event)
        case .judged(let judgement, let id, let question):
            return judged(judgement, session: id, question: question)
        }
    }

    private mutating func handle(_ key: Key) -> [AppCommand] {
        if key == .resize { return [] }
        let context = keyContext
        if context == .prompt { return promptKey(key) }
        if case .paste(let text) = key {
            // A paste is text for the field being written, and never keys anywhere else.
            guard context == .answering, !isTooSmall else { return [] }
            return edit(.paste(text))
        }
        // A terminal too small to draw in still takes the keys that stop or pause.
        if isTooSmall, overlay == nil {
            switch key {
            case .control("p") where context == .answering: return togglePause()
            case .control("c"): return context == .answering || context == .selfReview ? leaveForLater() : quit()
            case .control("q"): return context == .answering || context == .selfReview ? ask() : quit()
            case .character("q") where context != .answering && context != .selfReview: return quit()
            default: return []
            }
        }
        let action = KeyTable.action(for: key, in: context, state: self)
        switch context {
        case .help: return helpKey(action)
        case .quitDialog: return quitDialogKey(action)
        case .prompt: return []
        case .deleteDialog: return deleteDialogKey(action)
        case .home: return homeKey(action)
        case .briefing: return briefingKey(action)
        case .answering:
            if action == nil, case .character(let character) = key { return edit(.insert(String(character))) }
            return answeringKey(action)
        case .selfReview: return reviewKey(action)
        case .ticksDialog: return ticksDialogKey(action)
        case .summary: return summaryKey(action)
        case .history: return historyKey(action)
        case .transcript: return transcriptKey(action)
        case .progress: return progressKey(action)
        }
    }

    // MARK: Overlays

    private mutating func helpKey(_ action: Action?) -> [AppCommand] {
        guard case .help(let context, let scroll) = overlay else { return [] }
        switch action {
        case .back, .help: overlay = nil
        case .pause: return togglePause()
        case .stopNow:
            overlay = nil
            return stopNow()
        case .up: overlay = .help(context: context, scroll: max(0, scroll - 1))
        case .down: overlay = .help(context: context, scroll: scroll + 1)
        case .pageUp: overlay = .help(context: context, scroll: max(0, scroll - size.height / 2))
        case .pageDown: overlay = .help(context: context, scroll: scroll + size.height / 2)
        default: break
        }
        return []
    }

    mutating func showHelp() -> [AppCommand] {
        overlay = .help(context: keyContext, scroll: 0)
        return []
    }

    private mutating func quitDialogKey(_ action: Action?) -> [AppCommand] {
        switch action {
        case .back: overlay = nil
        case .pause: return togglePause()
        case .leaveForLater:
            overlay = nil
            leftForLater = true
            return leaveForLater()
        case .stopNow:
            overlay = nil
            return leaveForLater()
        case .endNow:
            overlay = nil
            return apply(.abandon(at: now))
        default: break
        }
        return []
    }

    mutating func ask() -> [AppCommand] {
        overlay = .confirmQuit
        return []
    }

    mutating func quit() -> [AppCommand] {
        finished = true
        return [.exit]
    }

    /// Ctrl-C wherever it comes: in an interview, stop now and keep the session to resume;
    /// anywhere else, quit.
    mutating func stopNow() -> [AppCommand] {
        guard screen == .interview, let session, !session.interview.phase.isFinished, session.id != nil else { return quit() }
        return leaveForLater()
    }

    /// Stops now and keeps the session resumable; outside a session, just quits. A session
    /// with nothing in it is not kept.
    mutating func leaveForLater() -> [AppCommand] {
        finished = true
        guard let session, !session.interview.phase.isFinished, let id = session.id else { return [.exit] }
        guard session.interview.holdsUserWork else { return [.discard(id: id), .exit] }
        return [.save(session.interview, nil, [], question: session.interview.index), .interrupt, .exit]
    }

    // MARK: The prompt

    /// Where an export goes unless the user says otherwise: their home folder, never the
    /// folder Rehearse happened to start in.
    static func defaultExportPath(id: String, json: Bool) -> String {
        "~/rehearse-\(id).\(json ? "json" : "md")"
    }

    private mutating func promptKey(_ key: Key) -> [AppCommand] {
        guard case .prompt(var prompt) = overlay else { return [] }
        switch KeyTable.action(for: key, in: .prompt) {
        case .back:
            overlay = nil
            return []
        case .stopNow:
            overlay = nil
            return stopNow()
        case .confirm:
            switch prompt.purpose {
            case .export(let id, let json):
                return [.export(id: id, json: json, path: prompt.field.text, replacing: prompt.replacing)]
            case .search:
                overlay = nil
                let text = prompt.field.text.trimmingWhitespace()
                return [.searchHistory(text)]
            }
        default:
            if prompt.field.apply(key) {
                // A changed path is a new question: no more replacing what the old one named.
                prompt.message = nil
                prompt.replacing = false
            }
            overlay = .prompt(prompt)
            return []
        }
    }

    private mutating func exportFinished(_ outcome: ExportOutcome) -> [AppCommand] {
        guard case .prompt(var prompt) = overlay else {
            if case .written(let path) = outcome { status = "Exported to \(path)" }
            return []
        }
        switch outcome {
        case .written(let path):
            overlay = nil
            status = "Exported to \(path)"
        case .exists(let path):
            prompt.message = "\(path) exists: Enter replaces it, or change the path."
            prompt.replacing = true
            overlay = .prompt(prompt)
        case .failed(let reason):
            prompt.message = reason
            prompt.replacing = false
            overlay = .prompt(prompt)
        }
        return []
    }

    // MARK: Home

    private mutating func homeKey(_ action: Action?) -> [AppCommand] {
        let rows = home.rows
        let index = rows.firstIndex(of: home.focus) ?? 0
        switch action {
        case .up: home.focus = rows[max(0, index - 1)]
        case .down: home.focus = rows[min(rows.count - 1, index + 1)]
        case .top: home.focus = rows[0]
        case .bottom: home.focus = rows[rows.count - 1]
        case .nextPane, .previousPane:
            if case .bank = home.focus { home.focus = .kind(CategoryKind.allCases[0]) } else { home.focus = home.banks.isEmpty ? .start : .bank(0) }
        case .toggle: toggleHomeRow()
        case .left: adjustHomeRow(by: -1)
        case .right: adjustHomeRow(by: 1)
        case .progress: return [.loadProgress]
        case .drill: return startDrill()
        case .confirm:
            switch home.focus {
            case .start: return startSession()
            case .drill: return startDrill()
            case .resume: return resumeInterrupted()
            case .bank, .kind, .hardTime: toggleHomeRow()
            default: adjustHomeRow(by: 1)
            }
        case .resumeInterrupted: return resumeInterrupted()
        case .history: return [.loadHistory]
        case .help: return showHelp()
        case .quit: return quit()
        default: break
        }
        return []
    }

    private mutating func toggleHomeRow() {
        switch home.focus {
        case .bank(let number):
            let name = home.banks[number].name
            if home.chosenBanks.contains(name) { home.chosenBanks.remove(name) } else { home.chosenBanks.insert(name) }
        case .kind(let kind):
            if home.kinds.contains(kind) { home.kinds.remove(kind) } else { home.kinds.insert(kind) }
        case .hardTime:
            home.hardTime.toggle()
        default:
            break
        }
    }

    private mutating func adjustHomeRow(by step: Int) {
        /// Right is more and Left less, from the default too (nil), which stands for the times
        /// in `unset`: Right goes past them, Left below them; Left from the least is the default.
        func stepped(_ value: Int?, _ choices: [Int], unset: ClosedRange<Int>) -> Int? {
            guard let value else {
                return step > 0 ? choices.first { $0 > unset.upperBound } ?? choices.last : choices.last { $0 < unset.lowerBound }
            }
            let all = choices.contains(value) ? choices : (choices + [value]).sorted()
            guard let index = all.firstIndex(of: value) else { return nil }
            let next = index + step
            return next < 0 ? nil : all[min(all.count - 1, next)]
        }
        let kindAnswerTimes = CategoryKind.allCases.map { Int(SessionSettings.defaultAnswerTime(for: $0).wholeSeconds) }
        let thinkTime = Int(SessionSettings.defaultThinkTime.wholeSeconds)
        switch home.focus {
        case .questions: home.questions = max(1, min(50, home.questions + step))
        case .answerTime:
            home.answerSeconds = stepped(home.answerSeconds, HomeState.answerChoices,
                                         unset: (kindAnswerTimes.min() ?? 0)...(kindAnswerTimes.max() ?? 0))
        case .thinkTime: home.thinkSeconds = stepped(home.thinkSeconds, HomeState.thinkChoices, unset: thinkTime...thinkTime)
        case .followUps: home.followUps = max(0, min(3, home.followUps + step))
        case .hardTime, .bank, .kind: toggleHomeRow()
        case .drill: home.drillFocus = Self.cycled(home.drillFocus, by: step)
        default: break
        }
    }

    mutating func startSession(drill: PracticePool.Focus? = nil) -> [AppCommand] {
        var choice = home.choice
        choice.drill = drill
        if choice.banks.isEmpty {
            status = "Choose at least one guide (Space ticks it)."
            return []
        }
        if home.kinds.isEmpty {
            status = "Choose at least one kind of question (Space ticks it)."
            return []
        }
        if home.available == 0 {
            status = "The chosen guides have no questions of the chosen kinds."
            return []
        }
        status = nil
        return [.plan(choice)]
    }

    private mutating func resumeInterrupted() -> [AppCommand] {
        guard let interrupted = home.interrupted else {
            status = "No interrupted session to resume."
            return []
        }
        return [.resume(id: interrupted.id)]
    }

    // MARK: History and transcripts

    private mutating func historyKey(_ action: Action?) -> [AppCommand] {
        let count = history.shown.count
        switch action {
        case .up: history.selection = max(0, history.selection - 1)
        case .down: history.selection = max(0, min(count - 1, history.selection + 1))
        case .pageUp: history.selection = max(0, history.selection - pageRows)
        case .pageDown: history.selection = max(0, min(count - 1, history.selection + pageRows))
        case .top: history.selection = 0
        case .bottom: history.selection = max(0, count - 1)
        case .openTranscript:
            guard let picked = history.picked else { return [] }
            return [.openTranscript(id: picked.id)]
        case .deleteSession:
            guard let picked = history.picked else { return [] }
            guard picked.state != .active else {
                status = "Session \(picked.id) is running in another Rehearse: end it there first."
                return []
            }
            overlay = .confirmDelete(picked)
        case .search:
            overlay = .prompt(PromptState(purpose: .search, text: history.search?.text ?? ""))
        case .filterByGuide:
            history.guide = Self.next(after: history.guide, in: history.guides)
            history.selection = 0
        case .filterByKind:
            history.kind = Self.next(after: history.kind, in: history.kinds)
            history.selection = 0
        case .clearFilters:
            let picked = history.picked?.id
            history.guide = nil
            history.kind = nil
            history.search = nil
            history.select(picked)
        case .resumeInterrupted:
            guard let listing = history.picked else { return [] }
            guard listing.state == .interrupted else {
                status = listing.state == .active ? "Session \(listing.id) is running in another Rehearse." : "Only an interrupted session can be resumed."
                return []
            }
            if let session, !session.interview.phase.isFinished {
                status = "Finish or leave the current session first."
                return []
            }
            return [.resume(id: listing.id)]
        case .back:
            screen = historyReturn
            status = nil
        case .help: return showHelp()
        case .quit: return quit()
        default: break
        }
        return []
    }

    /// The value after `current` in `values`, then none (every session) again.
    private static func next<T: Equatable>(after current: T?, in values: [T]) -> T? {
        guard let current, let index = values.firstIndex(of: current) else { return values.first }
        return index + 1 < values.count ? values[index + 1] : nil
    }

    private mutating func deleteDialogKey(_ action: Action?) -> [AppCommand] {
        guard case .confirmDelete(let listing) = overlay else { return [] }
        switch action {
        case .confirmDelete:
            overlay = nil
            return [.delete(id: listing.id)]
        case .back: overlay = nil
        case .stopNow:
            overlay = nil
            return quit()
        default: break
        }
        return []
    }

    private mutating func transcriptKey(_ action: Action?) -> [AppCommand] {
        guard var transcript else { return [] }
        defer { self.transcript = transcript }
        let count = transcript.interview.plan.questions.count
        switch action {
        case .nextQuestion:
            transcript.question = min(count - 1, transcript.question + 1)
            transcript.scroll = 0
        case .previousQuestion:
            transcript.question = max(0, transcript.question - 1)
            transcript.scroll = 0
        case .up: transcript.scroll = max(0, transcript.scroll - 1)
        case .down: transcript.scroll += 1
        case .pageUp: transcript.scroll = max(0, transcript.scroll - pageRows)
        case .pageDown: transcript.scroll += pageRows
        case .top: transcript.scroll = 0
        case .togglePrevious: transcript.showsPrevious = Self.togglePrevious(transcript.showsPrevious, has: !transcript.previous.isEmpty, status: &status)
        case .exportMarkdown, .exportJSON:
            let json = action == .exportJSON
            overlay = .prompt(PromptState(purpose: .export(id: transcript.id, json: json),
                                          text: Self.defaultExportPath(id: transcript.id, json: json)))
        case .back:
            screen = transcriptReturn
            status = nil
        case .help: return showHelp()
        case .quit: return quit()
        default: break
        }
        return []
    }

    private mutating func summaryKey(_ action: Action?) -> [AppCommand] {
        switch action {
        case .openTranscript:
            guard let session, let id = session.id else { return [] }
            return [.openTranscript(id: id)]
        case .newSession:
            session = nil
            screen = .home
            status = nil
            return home.practice == nil ? [] : [.refreshPractice]
        case .up, .down, .top, .bottom: moveSummarySelection(action)
        case .retry: return retrySelected()
        case .history: return [.loadHistory]
        case .help: return showHelp()
        case .quit: return quit()
        default: break
        }
        return []
    }
}
