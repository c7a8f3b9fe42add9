import Foundation
import InterviewCore

/// The whole interview in line mode (README, "Line mode"): prompts on lines of their own, an
/// answer is the lines up to one holding only `.`, commands at the start of a line. It drives
/// `Interview` with the real clock; the machine decides everything about time.
struct LineModeInterview {
    private(set) var interview: Interview
    private let input: LineInput
    let write: (String) -> Void
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant
    /// Where this process's clock starts on the session's timeline: zero for a new session,
    /// the last saved instant for a resumed one, so that time goes on from where it stopped.
    private let timelineStart: Duration
    /// While a clock runs, the session is written at least this often even with no typing, so
    /// that a crash keeps the time spent thinking.
    private static let heartbeat: Duration = .seconds(1)
    private var lastHeartbeat: Instant?
    /// The question a resumed session starts at, until it has been asked.
    private var resumedQuestion: Int?
    /// The signal (Ctrl-C's SIGINT, SIGTERM, SIGHUP) that stopped the session; it stays resumable.
    private(set) var stopSignal: Int32?
    var wasInterrupted: Bool { stopSignal != nil }

    /// Each bank's guide, for its briefing.
    private let briefings: [String: Guide]
    /// Called whenever the session should be written (see `AutosavePolicy`).
    /// The interview, the event (if any) and the question (0-based) it happened at.
    private let save: (Interview, Interview.Event?, [Interview.Effect], Int) -> Void
    private var autosave = AutosavePolicy()
    /// Judges a submitted answer, once, when its review begins; nil when it cannot be judged.
    let judge: (PlannedQuestion, QuestionRecord) -> AnswerJudgement?
    /// The question's latest attempt before this session, if it had one.
    let previous: (PlannedQuestion) -> PastAnswer?

    /// A new session from `plan`, or a saved one (`resuming`) that goes on where it stopped.
    init(plan: SessionPlan, resuming saved: Interview? = nil, briefings: [String: Guide] = [:], input: LineInput,
         write: @escaping (String) -> Void, save: @escaping (Interview, Interview.Event?, [Interview.Effect], Int) -> Void = { _, _, _, _ in },
         judge: @escaping (PlannedQuestion, QuestionRecord) -> AnswerJudgement? = { _, _ in nil },
         previous: @escaping (PlannedQuestion) -> PastAnswer? = { _ in nil }) {
        interview = saved ?? Interview(plan: plan)
        self.judge = judge
        self.briefings = briefings
        self.save = save
        self.previous = previous
        self.input = input
        self.write = write
        origin = clock.now
        timelineStart = saved?.latest?.sinceOrigin ?? .zero
        resumedQuestion = saved.map { $0.index }
    }

    var now: Instant { Instant(timelineStart + (clock.now - origin)) }

    /// What stopped a wait for input.
    enum Stop {
        case line(String)
        /// The machine moved on by itself (hard time ran out).
        case movedOn
        case end
    }

    mutating func run() {
        let plan = interview.plan
        if interview.phase == .briefing {
            writeBriefing()
            apply(.begin(at: now))
        } else {
            write("Resuming at question \(interview.index + 1) of \(plan.questions.count); the clock goes on from where it stopped"
                + (interview.remaining(at: now).map { ": \($0.countdownText) left." } ?? "."))
            if interview.isPaused { write("The session is paused: type :resume to go on.") }
        }
        while !interview.phase.isFinished {
            guard askQuestion() else { break }
        }
        if wasInterrupted {
            // Ctrl-C: no abandon, so the session can be resumed.
            save(interview, nil, [], interview.index)
            return
        }
        if !interview.phase.isFinished { apply(.abandon(at: now)) }
        // A session with nothing in it is not kept, and has nothing to sum up.
        if interview.holdsUserWork { LineModeReport.summary(interview).forEach(write) }
    }

    private func writeBriefing() {
        let plan = interview.plan
        let titles = Set(plan.questions.map(\.guideTitle)).sorted().map { TerminalText.neutralized($0) }
        write("Rehearse · \(titles.joined(separator: ", ")) · \(Wording.plural(plan.questions.count, "question")) · seed \(plan.seed)")
        if plan.questions.count < plan.requestedCount {
            write("You asked for \(plan.requestedCount) questions; only \(Wording.plural(plan.questions.count, "question")) match, so that is the session.")
        }
        write(plan.thinkTime > .zero
            ? "Think time \(plan.thinkTime.clockText): the answer clock starts with your first line, or when think time runs out. End an answer with a line holding only \".\"."
            : "No think time: the answer clock starts when each question appears. End an answer with a line holding only \".\".")
        let star = plan.questions.contains { $0.offersStar } ? ", :star (situational questions)" : ""
        write("Commands, alone on a line: :skip, :pause, :resume, :quit\(star)" + (plan.settings.hardTime ? ". Hard time: answers are submitted when the clock runs out." : "."))
        // The briefing of each guide in the session, once.
        var briefed: Set<String> = []
        for planned in plan.questions where briefed.insert(planned.bank).inserted {
            guard let guide = briefings[planned.bank], !(guide.introduction.isEmpty && guide.briefing.isEmpty) else { continue }
            LineModeReport.briefing(guide).forEach(write)
        }
    }

    /// Asks the current question through to its review; false when the session ended.
    private mutating func askQuestion() -> Bool {
        let number = interview.index
        LineModeReport.heading(interview).forEach(write)
        guard let planned = interview.current else { return false }
        if interview.currentRecord?.scaffold == .star {
            write("Answer in STAR form: situation, task, action, result, then an optional lesson (an empty line skips it).")
        } else if planned.offersStar {
            write("Type :star to answer in STAR form instead.")
        }
        // The main answer, field by field, until the machine leaves the answer phases.
        while interview.index == number, interview.phase == .reading || interview.phase == .answering {
            guard let record = interview.currentRecord else { return false }
            var fields = record.scaffold == .free ? [AnswerField.free] : StarPart.allCases.map(AnswerField.star)
            if resumedQuestion == number, let inProgress = fields.lastIndex(where: { !record.text(of: $0).isEmpty }) {
                // A resumed STAR answer goes on at the part that was being written.
                fields = Array(fields[inProgress...])
            }
            resumedQuestion = nil
            var switched = false
            fields: for field in fields {
                switch readAnswer(into: field) {
                case .finished: return false
                case .done: continue fields
                case .movedOn: break fields
                case .switchedScaffold:
                    switched = true
                    break fields
                }
            }
            if switched { continue }
            if interview.index == number, interview.phase == .reading || interview.phase == .answering {
                apply(.submit(at: now))
            }
        }
        // Follow-ups.
        while interview.index == number, case .followUp(let which) = interview.phase {
            write("Follow-up: \(TerminalText.neutralized(planned.followUps[which])) · \(planned.followUpTime.clockText)")
            let outcome = readAnswer(into: .followUp(which))
            if outcome == .finished { return false }
            if outcome == .done, interview.phase == .followUp(which) { apply(.submit(at: now)) }
        }
        // Self-review.
        if interview.index == number, interview.phase == .selfReview {
            guard selfReview(planned, number: number) else { return false }
        } else if interview.records.indices.contains(number), interview.records[number].skipped {
            write("Skipped: this question counts 0 towards the session score.")
            LineModeReport.result(planned, interview.records[number]).forEach(write)
        }
        return !interview.phase.isFinished
    }

    /// `:grade easy` in self-review: the grade the question is scheduled with, over the one its
    /// score gives; `:grade` alone goes back to the score's.
    mutating func chooseGrade(_ word: String) {
        let word = word.trimmingWhitespace()
        if word.isEmpty {
            apply(.chooseGrade(nil, at: now))
            write("Grade: from the score, as the rubric gives it.")
        } else if let grade = Grade(argument: word) {
            apply(.chooseGrade(grade, at: now))
            write("Grade: \(grade.name), whatever the score.")
        } else {
            write("(Grades are again, hard, good and easy: :grade good, say.)")
        }
    }

    private enum AnswerOutcome: Equatable {
        case done, movedOn, switchedScaffold, finished
    }

    /// Reads the lines of one field up to a `.` line, handling commands and the clock.
    private mutating func readAnswer(into field: AnswerField) -> AnswerOutcome {
        let phase = interview.phase
        let number = interview.index
        if case .star(let part) = field {
            write("\(part.rawValue.prefix(1).uppercased() + part.rawValue.dropFirst()): \(part.prompt)")
        }
        // A resumed answer goes on from what was written before.
        var text = interview.currentRecord?.text(of: field) ?? ""
        var lineCount = 0
        if !text.isEmpty {
            write("Written so far (type more lines, or \".\" to keep it as it is):")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                write("  " + TerminalText.neutralized(String(line)))
                lineCount += 1
            }
        }
        /// The lines of a paste are typed into the interview together (typing each would copy
        /// the whole answer once per line), but always before a command, and before the clock
        /// can move the interview on.
        var typed = text
        func typePending() {
            guard text != typed else { return }
            typed = text
            apply(.type(field, text, at: now))
        }
        // Every wait for input follows its prompt: after a command's reply too.
        let (write, prompt) = (self.write, Self.prompt(for: field))
        let ask = { write(prompt) }
        ask()
        while true {
            if !input.hasWaitingLine || nextDeadline().map({ $0 <= now }) == true { typePending() }
            let stop = nextLine(timed: true)
            if case .line(let line) = stop, Self.isText(line, lineCount: lineCount, field: field), !interview.isPaused {
                // Text: typed with the lines after it, unless the clock moved the interview on.
                if !interview.phase.isFinished, interview.index == number,
                   interview.phase == phase || (phase == .reading && interview.phase == .answering) {
                    text += (lineCount == 0 ? "" : "\n") + line
                    lineCount += 1
                    continue
                }
            }
            if interview.index == number, !interview.phase.isFinished { typePending() }
            // Hard time, a skip or the end moved the machine on: stop reading this field.
            if interview.phase.isFinished { return .finished }
            if interview.index != number || (interview.phase != phase && !(phase == .reading && interview.phase == .answering)) {
                return .movedOn
            }
            switch stop {
            case .end:
                if !wasInterrupted { apply(.abandon(at: now)) }
                return .finished
            case .movedOn:
                return .movedOn
            case .line(let line):
                let command = Self.command(line)
                if interview.isPaused, command != ":resume", command != ":quit", command != ":skip" {
                    write(command == "." || command.hasPrefix(":") || line.trimmingWhitespace().isEmpty
                        ? "(Paused: type :resume first.)"
                        : "(Paused: that line was not added. Type :resume to go on.)")
                    ask()
                    continue
                }
                switch command {
                case ".":
                    return .done
                case ":skip":
                    apply(.skip(at: now))
                    return .movedOn
                case ":quit":
                    apply(.abandon(at: now))
                    return .finished
                case ":pause":
                    if !interview.isPaused { apply(.pause(at: now)) }
                    write("Paused: the clock is stopped. Type :resume to go on.")
                    ask()
                    continue
                case ":resume":
                    if interview.isPaused { apply(.resume(at: now)) }
                    let left = (interview.remaining(at: now) ?? .zero).countdownText
                    write(interview.phase == .reading ? "Resumed: \(left) of think time left." : "Resumed: \(left) left.")
                    ask()
                    continue
                case ":star" where interview.current?.offersStar == true && field == .free && interview.isPaused == false:
                    apply(.useScaffold(.star, at: now))
                    write("STAR form: situation, task, action, result, then an optional lesson.")
                    // What was typed so far becomes the situation, to keep or add to.
                    if let record = interview.currentRecord, !record.freeText.isEmpty, record.text(of: .star(.situation)).isEmpty {
                        apply(.type(.star(.situation), record.freeText, at: now))
                    }
                    return .switchedScaffold
                case "" where field == .star(.lesson) && lineCount == 0:
                    return .done
                case let word where Self.isCommandLike(word):
                    write("(Not a command here: \(word). Commands are :skip, :pause, :resume, :quit"
                        + (interview.current?.offersStar == true ? ", :star" : "") + "; that line was not added.)")
                    ask()
                default:
                    // Text handled above; here only when the clock moved on at the same moment.
                    break
                }
            }
        }
    }

    /// The next line. Before waiting, the machine is ticked whenever one of its deadlines has
    /// passed (end of think time, a warning, hard time); `.movedOn` when that moved it on by
    /// itself. A line already received is never dropped: it is returned, or left for the next
    /// prompt when hard time has just submitted the answer.
    mutating func nextLine(timed: Bool) -> Stop {
        while true {
            if autosave.flushIfDue(at: now) { save(interview, nil, [], interview.index) }
            // A save in the last second already recorded the clock.
            let lastWrite = [lastHeartbeat, autosave.lastSave].compactMap { $0 }.max()
            if interview.phase.isTimed, !interview.isPaused, lastWrite.map({ now - $0 >= Self.heartbeat }) ?? true {
                // Record that time passed, so that a resumed clock does not give it back.
                lastHeartbeat = now
                let phase = interview.phase
                let index = interview.index
                apply(.tick(at: now))
                save(interview, nil, [], interview.index)
                if timed, interview.phase != phase || interview.index != index,
                   !(phase == .reading && interview.phase == .answering) {
                    return .movedOn
                }
            }
            if timed, let deadline = nextDeadline(), deadline <= now {
                let phase = interview.phase
                let index = interview.index
                apply(.tick(at: now))
                if interview.phase != phase || interview.index != index,
                   !(phase == .reading && interview.phase == .answering) {
                    return .movedOn
                }
                continue
            }
            let heartbeatDue = interview.phase.isTimed && !interview.isPaused
                ? [lastHeartbeat, autosave.lastSave].compactMap { $0 }.max().map { $0 + Self.heartbeat } : nil
            let deadlines = [timed ? nextDeadline() : nil, autosave.flushDeadline, heartbeatDue].compactMap { $0 }
            let wait = deadlines.min().map { max(.zero, $0 - now) }
            if Console.outputClosed {
                // No one reads the prompts any more: stop as SIGPIPE would, saved as it stands.
                stopSignal = SIGPIPE
                return .end
            }
            switch input.next(timeout: wait) {
            case .line(let line): return .line(line)
            case .end: return .end
            case .interrupted(let signal):
                write("")
                write(signal == SIGINT ? "Interrupted: the session stops here, saved as it stands."
                    : "Stopped by \(signal == SIGTERM ? "SIGTERM" : signal == SIGHUP ? "SIGHUP" : "signal \(signal)"): the session stops here, saved as it stands.")
                stopSignal = signal
                return .end
            case .timedOut: continue
            }
        }
    }

    /// The next instant at which the machine has something to do on its own.
    private func nextDeadline() -> Instant? {
        guard !interview.isPaused, let limit = interview.limit else { return nil }
        let used = interview.elapsed(at: now)
        if interview.phase == .reading { return now + (limit - used) }
        let pending = Interview.warningPercents.filter { !interview.warningsFired.contains($0) }
            .map { limit * $0 / 100 - used }
        return pending.min().map { now + max(.zero, $0) }
    }

    mutating func apply(_ event: Interview.Event) {
        let before = interview.phase
        let beforeIndex = interview.index
        // Which answer each time-up closes: a late tick can close the answer and then a follow-up.
        var closing = before
        let effects = interview.handle(event)
        if autosave.shouldSave(after: event, effects: effects, phaseChanged: before != interview.phase || beforeIndex != interview.index) {
            save(interview, event, effects, beforeIndex)
        }
        for effect in effects {
            switch effect {
            case .warning(let percent) where percent < 100:
                write("(\((interview.remaining(at: now) ?? .zero).countdownText) left)")
            case .warning:
                write(interview.plan.settings.hardTime ? "(Time is up.)" : "(Time is up: overtime is counting.)")
            case .timeUp:
                let record = interview.records[interview.index]
                let text: String
                let what: String
                switch closing {
                case .followUp(let number):
                    text = record.followUpAnswers[number]
                    what = "follow-up answer"
                    closing = .followUp(number + 1)
                default:
                    text = record.mainAnswer
                    what = "answer"
                    closing = .followUp(0)
                }
                write("Time ran out: your \(what) (\(Wording.plural(Words.split(text).count, "word"))) was submitted as it stood.")
            case .save, .bell, .finished:
                break
            }
        }
        if before == .reading, interview.phase == .answering, case .tick = event, interview.plan.thinkTime > .zero {
            write("(Think time is over: the answer clock is running, \((interview.limit ?? .zero).clockText).)")
        }
    }

    static func prompt(for field: AnswerField) -> String {
        switch field {
        case .free: "answer> "
        case .star(let part): "\(part.rawValue)> "
        case .followUp: "follow-up> "
        }
    }

    /// `1 3 4` (or `1,3,4`) as rubric indices, and the words that were not point numbers.
    func ticks(from line: String, count: Int) -> (taken: Set<Int>, ignored: [String]) {
        var taken: Set<Int> = []
        var ignored: [String] = []
        for word in line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            if let number = Int(word), (1...max(1, count)).contains(number) {
                taken.insert(number - 1)
            } else {
                ignored.append(TerminalText.neutralized(String(word)))
            }
        }
        return (taken, ignored)
    }

    /// A line as a command: trimmed, and lower-cased when it starts with `:`.
    static func command(_ line: String) -> String {
        let trimmed = line.trimmingWhitespace()
        return trimmed.hasPrefix(":") ? trimmed.lowercased() : trimmed
    }

    /// Whether a line is answer text rather than a command (`.`, `:word`, or the empty line
    /// that skips the STAR lesson).
    static func isText(_ line: String, lineCount: Int, field: AnswerField) -> Bool {
        let command = command(line)
        if command == "." || isCommandLike(command) { return false }
        return !(command.isEmpty && field == .star(.lesson) && lineCount == 0)
    }

    /// `:word` alone on a line: meant as a command, never as answer text.
    static func isCommandLike(_ text: String) -> Bool {
        text.count > 1 && text.hasPrefix(":") && text.dropFirst().allSatisfy { $0.isLetter || $0 == "-" }
    }
}
