import Foundation
import InterviewCore

/// The whole interview in line mode (README, "Line mode"): prompts on lines of their own, an
/// answer is the lines up to one holding only `.`, commands at the start of a line. It drives
/// `Interview` with the real clock; the machine decides everything about time.
struct LineModeInterview {
    private(set) var interview: Interview
    private let input: LineInput
    private let write: (String) -> Void
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    /// Each bank's guide, for its briefing.
    private let briefings: [String: Guide]
    /// Called whenever the session should be written (see `AutosavePolicy`).
    private let save: (Interview, Interview.Event?, [Interview.Effect]) -> Void
    private var autosave = AutosavePolicy()

    /// A new session from `plan`, or a saved one (`resuming`) that goes on where it stopped.
    init(plan: SessionPlan, resuming saved: Interview? = nil, briefings: [String: Guide] = [:], input: LineInput,
         write: @escaping (String) -> Void, save: @escaping (Interview, Interview.Event?, [Interview.Effect]) -> Void = { _, _, _ in }) {
        interview = saved ?? Interview(plan: plan)
        self.briefings = briefings
        self.save = save
        self.input = input
        self.write = write
        origin = clock.now
        if saved != nil { interview.continueSaved(at: Instant(.zero)) }
    }

    private var now: Instant { Instant(clock.now - origin) }

    /// What stopped a wait for input.
    private enum Stop {
        case line(String)
        /// The machine moved on by itself (hard time ran out).
        case movedOn
        case end
    }

    mutating func run() {
        let plan = interview.plan
        if interview.phase == .briefing {
            if plan.questions.count < plan.requestedCount {
                write("Only \(plan.questions.count) questions match; the session has \(plan.questions.count).")
            }
            writeBriefing()
            apply(.begin(at: now))
        } else {
            write("Resuming at question \(interview.index + 1) of \(plan.questions.count); the clock goes on from where it stopped.")
        }
        while !interview.phase.isFinished {
            guard askQuestion() else { break }
        }
        if !interview.phase.isFinished { apply(.abandon(at: now)) }
        LineModeReport.summary(interview).forEach(write)
    }

    private func writeBriefing() {
        let plan = interview.plan
        let titles = Set(plan.questions.map(\.guideTitle)).sorted().map { TerminalText.neutralized($0) }
        write("Rehearse · \(titles.joined(separator: ", ")) · \(GuideOutline.plural(plan.questions.count, "question")) · seed \(plan.seed)")
        write("Think time \(plan.thinkTime.clockText): the answer clock starts with your first line. End an answer with a line holding only \".\".")
        write("Commands, alone on a line: :skip, :pause, :resume, :quit" + (plan.settings.hardTime ? ". Hard time: answers are submitted when the clock runs out." : "."))
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
            let fields = record.scaffold == .free ? [AnswerField.free] : StarPart.allCases.map(AnswerField.star)
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
            let record = interview.records[number]
            let star = record.scaffold == .star ? StarAnalysis(parts: record.starParts) : nil
            let detected = PointDetection.detected(rubric: planned.question.rubric, answer: record.mainAnswer, star: star)
            LineModeReport.modelAnswer(planned).forEach(write)
            LineModeReport.rubric(planned, detected: detected).forEach(write)
            write("rubric> ")
            switch nextLine(timed: false) {
            case .end:
                return false
            case .movedOn:
                break
            case .line(let line):
                switch line.trimmingWhitespace() {
                case ":quit":
                    apply(.abandon(at: now))
                    return false
                case ":skip":
                    apply(.skip(at: now))
                default:
                    apply(.review(ticks: ticks(from: line, count: planned.question.rubric.count), at: now))
                }
            }
            LineModeReport.result(planned, interview.records[number], detected: detected).forEach(write)
        } else if interview.records.indices.contains(number), interview.records[number].skipped {
            write("Skipped.")
        }
        return !interview.phase.isFinished
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
        var lines: [String] = []
        let written = interview.currentRecord?.text(of: field) ?? ""
        if !written.isEmpty {
            write("Written so far (type more lines, or \".\" to keep it as it is):")
            lines = written.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines.forEach { write("  " + TerminalText.neutralized($0)) }
        }
        write(Self.prompt(for: field))
        while true {
            let stop = nextLine(timed: true)
            // Hard time, a skip or the end moved the machine on: stop reading this field.
            if interview.phase.isFinished { return .finished }
            if interview.index != number || (interview.phase != phase && !(phase == .reading && interview.phase == .answering)) {
                return .movedOn
            }
            switch stop {
            case .end:
                apply(.abandon(at: now))
                return .finished
            case .movedOn:
                return .movedOn
            case .line(let line):
                switch line.trimmingWhitespace() {
                case ".":
                    return .done
                case ":skip":
                    apply(.skip(at: now))
                    return .movedOn
                case ":quit":
                    apply(.abandon(at: now))
                    return .finished
                case ":pause":
                    if interview.isPaused { continue }
                    apply(.pause(at: now))
                    write("Paused: the clock is stopped. Type :resume to go on.")
                    continue
                case ":resume":
                    if interview.isPaused {
                        apply(.resume(at: now))
                        write("Resumed: \((interview.remaining(at: now) ?? .zero).countdownText) left.")
                    }
                    continue
                case ":star" where interview.current?.offersStar == true && field == .free:
                    apply(.useScaffold(.star, at: now))
                    write("STAR form: situation, task, action, result, then an optional lesson.")
                    return .switchedScaffold
                case "" where field == .star(.lesson) && lines.isEmpty:
                    return .done
                default:
                    lines.append(line)
                    apply(.type(field, lines.joined(separator: "\n"), at: now))
                }
            }
        }
    }

    /// The next line. Before waiting, the machine is ticked whenever one of its deadlines has
    /// passed (end of think time, a warning, hard time); `.movedOn` when that moved it on by
    /// itself. A line already received is never dropped: it is returned, or left for the next
    /// prompt when hard time has just submitted the answer.
    private mutating func nextLine(timed: Bool) -> Stop {
        while true {
            if autosave.flushIfDue(at: now) { save(interview, nil, []) }
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
            let deadlines = [timed ? nextDeadline() : nil, autosave.flushDeadline].compactMap { $0 }
            let wait = deadlines.min().map { max(.zero, $0 - now) }
            switch input.next(timeout: wait) {
            case .line(let line): return .line(line)
            case .end: return .end
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

    private mutating func apply(_ event: Interview.Event) {
        let before = interview.phase
        let beforeIndex = interview.index
        // Which answer each time-up closes: a late tick can close the answer and then a follow-up.
        var closing = before
        let effects = interview.handle(event)
        if autosave.shouldSave(after: event, effects: effects, phaseChanged: before != interview.phase || beforeIndex != interview.index) {
            save(interview, event, effects)
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
                switch closing {
                case .followUp(let number):
                    text = record.followUpAnswers[number]
                    closing = .followUp(number + 1)
                default:
                    text = record.mainAnswer
                    closing = .followUp(0)
                }
                write("Time ran out: your answer (\(GuideOutline.plural(Words.split(text).count, "word"))) was submitted as it stood.")
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

    /// `1 3 4` (or `1,3,4`) as rubric indices; numbers out of range are ignored.
    func ticks(from line: String, count: Int) -> Set<Int> {
        Set(line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
            .compactMap { Int($0) }
            .filter { (1...max(1, count)).contains($0) }
            .map { $0 - 1 })
    }
}
