import InterviewCore

/// The interview screens' part of `update`: keys and time become the interview's events, and
/// its effects become saves, a bell and messages.
extension AppState {
    /// While a clock runs, the session is written at least this often even with no typing, so
    /// that a crash keeps the time spent thinking.
    static let heartbeat: Duration = .seconds(1)

    mutating func briefingKey(_ action: Action?) -> [AppCommand] {
        guard let session else { return [] }
        let page = pageRows
        switch action {
        case .begin:
            var commands: [AppCommand] = []
            if session.id == nil { commands.append(.create(session.interview)) }
            return commands + apply(.begin(at: now))
        case .up: self.session?.briefingScroll = max(0, session.briefingScroll - 1)
        case .down: self.session?.briefingScroll = session.briefingScroll + 1
        case .pageUp: self.session?.briefingScroll = max(0, session.briefingScroll - page)
        case .pageDown: self.session?.briefingScroll = session.briefingScroll + page
        case .back:
            // Nothing is stored before the first question: going back just drops the plan.
            if session.id == nil {
                self.session = nil
                screen = .home
            }
        case .help: return showHelp()
        case .quit: return session.id == nil ? quit() : ask()
        default: break
        }
        return []
    }

    mutating func answeringKey(_ action: Action?) -> [AppCommand] {
        guard let session else { return [] }
        switch action {
        case .edit(let edit): return self.edit(edit)
        case .submit:
            if session.interview.isPaused {
                status = "Paused: ^P resumes the clock first."
                return []
            }
            return apply(.submit(at: now))
        case .pause: return togglePause()
        case .skip: return apply(.skip(at: now))
        case .nextField, .previousField:
            guard case .star(let part)? = session.focusedField else { return [] }
            let parts = StarPart.allCases
            let index = parts.firstIndex(of: part)! + (action == .nextField ? 1 : parts.count - 1)
            self.session?.starFocus = parts[index % parts.count]
            rescrollEditors()
            return []
        case .toggleStar:
            guard let planned = session.interview.current, planned.offersStar, let record = session.interview.currentRecord else {
                status = "STAR form is offered for situational questions; behavioral ones always use it."
                return []
            }
            let target: Scaffold = record.scaffold == .star ? .free : .star
            var commands = apply(.useScaffold(target, at: now))
            if target == .star, !record.freeText.isEmpty, record.text(of: .star(.situation)).isEmpty {
                // What was typed so far becomes the situation, to keep or add to.
                commands += replaceText(of: .star(.situation), with: record.freeText)
            } else if target == .free, record.freeText.isEmpty, !record.mainAnswer.isEmpty {
                // And back: the parts, in order, become the free answer, so nothing seems lost.
                commands += replaceText(of: .free, with: record.mainAnswer)
            }
            self.session?.starFocus = .situation
            status = target == .star ? "STAR form: Tab moves between the parts." : "Free form."
            return commands
        case .externalEditor:
            guard let field = session.focusedField, let record = session.interview.currentRecord else { return [] }
            // A STAR answer goes whole, a heading per part, so the parts can be written together.
            if case .star = field { return [.editExternally(field, StarDocument.render(record.starParts))] }
            return [.editExternally(field, record.text(of: field))]
        case .help: return showHelp()
        case .quit: return ask()
        case .leaveForLater: return leaveForLater()
        default: return []
        }
    }

    mutating func togglePause() -> [AppCommand] {
        guard let session, session.interview.phase.isTimed else { return [] }
        if session.interview.isPaused {
            status = nil
            return apply(.resume(at: now))
        }
        status = nil
        return apply(.pause(at: now))
    }

    /// An editing key on the focused field; text changes go to the interview as `.type`.
    mutating func edit(_ edit: TextEditor.Edit) -> [AppCommand] {
        guard let field = session?.focusedField, let paused = session?.interview.isPaused else { return [] }
        let changes: Bool = switch edit {
        case .insert, .paste, .newline, .deleteBackward, .deleteForward, .deleteWordBackward, .deleteWordForward, .undo, .redo: true
        default: false
        }
        if changes, paused {
            status = "Paused: the clock is stopped and typing is not taken. ^P resumes."
            return []
        }
        guard let layout = session.map(questionLayout) else { return [] }
        if session?.editors[field] == nil {
            let text = session?.interview.currentRecord?.text(of: field) ?? ""
            session?.editors[field] = TextEditor(text)
        }
        // Edited where it lies: a copy of the editor, next to the one in the state, would have
        // to copy the whole text to change it.
        let changed = session?.editors[field]?.apply(edit, width: layout.editorWidth(for: field), height: layout.editorHeight(for: field))
        if session?.editors[field]?.cutAtLimit == true {
            if case .paste = edit {
                status = "The paste was cut: an answer holds at most \(TextEditor.maximumLengthText) characters."
            } else {
                status = "The answer is at its limit of \(TextEditor.maximumLengthText) characters."
            }
        }
        // The interview takes the editor's string as it is: no copy of the text.
        guard changed == true, let text = session?.editors[field]?.text else { return [] }
        return apply(.type(field, text, at: now))
    }

    mutating func replaceText(of field: AnswerField, with text: String) -> [AppCommand] {
        guard var session, session.interview.editableFields.contains(field) else {
            status = "The clock ran out meanwhile: the answer was submitted as it stood."
            return []
        }
        let layout = questionLayout(for: session)
        var editor = session.editors[field] ?? TextEditor(session.interview.currentRecord?.text(of: field) ?? "")
        editor.replace(with: text, width: layout.editorWidth(for: field), height: layout.editorHeight(for: field))
        session.editors[field] = editor
        self.session = session
        return apply(.type(field, editor.text, at: now))
    }

    /// Hands `event` to the interview and turns its effects into commands.
    mutating func apply(_ event: Interview.Event) -> [AppCommand] {
        guard var session else { return [] }
        let phase = session.interview.phase
        let index = session.interview.index
        let effects = session.interview.handle(event)
        let moved = phase != session.interview.phase || index != session.interview.index
        var commands: [AppCommand] = []
        if session.id != nil || isBeginning(event),
           session.autosave.shouldSave(after: event, effects: effects, phaseChanged: moved) {
            commands.append(.save(session.interview, event, effects, question: index))
        }
        if index != session.interview.index {
            // A new question: fresh fields and a fresh review.
            session.editors = [:]
            session.starFocus = .situation
            session.awaitingJudgement = false
        }
        if moved, session.interview.phase.isFinished {
            session.summarySelection = Self.weakestQuestion(session.interview)
        }
        if moved, session.interview.phase == .selfReview {
            session.ticks = []
            session.rubricSelection = 0
            session.reviewPane = 0
            session.answerScroll = 0
            session.modelScroll = 0
            session.rating = nil
            session.askedAboutTicks = false
        }
        self.session = session
        if moved { commands += judgeSubmittedAnswer(from: phase, question: index) }
        for effect in effects {
            switch effect {
            case .warning(let percent) where percent < 100:
                status = "\(percent) % of the time used: \((session.interview.remaining(at: now) ?? .zero).countdownText) left."
            case .warning:
                status = session.interview.plan.settings.hardTime ? "Time is up." : "Time is up: overtime is counting."
            case .bell:
                commands.append(.bell)
            case .timeUp:
                status = "Time ran out: the answer was submitted as it stood; nothing you typed is lost."
            case .save, .finished:
                break
            }
        }
        if moved, case .tick = event, phase == .reading, session.interview.phase == .answering, session.interview.plan.thinkTime > .zero {
            status = "Think time is over: the answer clock is running."
        } else if moved, !(phase == .reading && session.interview.phase == .answering), status?.hasPrefix("Time ran out") != true {
            status = nil
        }
        // Ended with nothing in it: not kept.
        if moved, session.interview.phase.isFinished, let id = session.id, !session.interview.holdsUserWork {
            self.session?.id = nil
            commands.append(.discard(id: id))
            status = "Nothing was written, so this session is not kept."
        }
        return commands
    }

    private func isBeginning(_ event: Interview.Event) -> Bool {
        if case .begin = event { return true }
        return false
    }

    /// Time passed: deadlines, the heartbeat save, and typing waiting to be written.
    mutating func tickSession() -> [AppCommand] {
        guard var session, session.id != nil, !session.interview.phase.isFinished else { return [] }
        var commands: [AppCommand] = []
        if session.autosave.flushIfDue(at: now) {
            commands.append(.save(session.interview, nil, [], question: session.interview.index))
        }
        let running = session.interview.phase.isTimed && !session.interview.isPaused
        // A save of any kind in the last second already recorded the clock: typing saves once a
        // second, not twice.
        let lastWrite = [session.lastHeartbeat, session.autosave.lastSave].compactMap { $0 }.max()
        let heartbeatDue = running && lastWrite.map { now - $0 >= Self.heartbeat } ?? running
        if heartbeatDue { session.lastHeartbeat = now }
        self.session = session
        commands += apply(.tick(at: now))
        if heartbeatDue, let session = self.session, !commands.contains(where: { if case .save = $0 { true } else { false } }) {
            commands.append(.save(session.interview, nil, [], question: session.interview.index))
        }
        return commands
    }

    func questionLayout(for session: SessionScreenState) -> QuestionLayout {
        QuestionLayout(size: size, questionLines: QuestionScreen.questionLines(session, width: QuestionLayout.textWidth(for: size)).count)
    }

    /// After a resize or a change of field, keeps each insertion point in view.
    mutating func rescrollEditors() {
        guard var session else { return }
        let layout = questionLayout(for: session)
        for (field, var editor) in session.editors {
            editor.scrollToCursor(width: layout.editorWidth(for: field), height: layout.editorHeight(for: field))
            session.editors[field] = editor
        }
        self.session = session
    }
}
