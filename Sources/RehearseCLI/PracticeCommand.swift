import ArgumentParser
import Foundation
import InterviewCore
import TerminalUI
import TranscriptStore

struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Run a timed mock interview.",
        discussion: """
            Questions come one at a time with think time, an answer clock and follow-up \
            questions, then a rubric to check your answer against. Behavioral questions are \
            answered in STAR form. On a terminal the interview is full-screen: it opens on the \
            home screen with these options filled in, and ? or F1 lists the keys. With --plain, \
            or when input or output is not a terminal, it runs in line mode: prompts on lines \
            of their own, an answer ends with a line holding only ".", and :skip, :pause, \
            :resume, :quit alone on a line are commands; :star switches a situational question \
            to STAR form; Ctrl-C stops the session, which stays resumable (see the README).
            """
    )

    @Option(name: .customLong("bank"), help: ArgumentHelp("A guide to draw questions from: a bank name or a path (repeatable; default \(PracticeCommand.defaultBank), or every guide found for --question, --topic, --new, --weak and drill).", valueName: "name|path"))
    var banks: [String] = []

    @Option(name: .customLong("category"), help: ArgumentHelp("Only this kind: technical, behavioral, situational, problem-solving, general (repeatable).", valueName: "kind"))
    var categories: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("How many questions.", valueName: "n"))
    var questions = 5

    @Option(name: .customLong("answer-time"), parsing: .unconditional, help: ArgumentHelp("Answer time for every question, in seconds (default by kind: technical 240, behavioral 180, situational 180, problem-solving 300, general 180).", valueName: "seconds"))
    var answerTime: Int?

    @Option(name: .customLong("think-time"), parsing: .unconditional, help: ArgumentHelp("Think time before each answer clock starts, in seconds (default 15).", valueName: "seconds"))
    var thinkTime: Int?

    @Option(name: .customLong("follow-up-time"), parsing: .unconditional, help: ArgumentHelp("Time for each follow-up answer, in seconds (default 90).", valueName: "seconds"))
    var followUpTime: Int?

    @Flag(name: .customLong("hard-time"), help: "Submit the answer as it stands when the clock runs out (default: overtime counts on).")
    var hardTime = false

    @Option(name: .customLong("follow-ups"), parsing: .unconditional, help: ArgumentHelp("Follow-up questions after each answer, at most (default 1).", valueName: "n"))
    var followUps: Int?

    @Flag(name: .customLong("no-follow-ups"), help: "Ask no follow-up questions.")
    var noFollowUps = false

    @Option(help: ArgumentHelp("Seed for the question plan: the same seed gives the same session.", valueName: "n"))
    var seed: UInt64?

    @Flag(help: "Line mode, for screen readers, pipes and scripts (the default when input or output is not a terminal).")
    var plain = false

    @Option(help: ArgumentHelp("Go on with an interrupted session: latest, or its id (see `rehearse history`).", valueName: "latest|id"))
    var resume: String?

    @Option(name: .customLong("question"), help: ArgumentHelp("Ask this question: its id from `rehearse inspect --json` (with or without the guide's part), a unique start of one, or its exact title (repeatable; asked in this order).", valueName: "id"))
    var questionIds: [String] = []

    @Option(help: ArgumentHelp("Questions whose text or model answer mention all these words.", valueName: "words"))
    var topic: String?

    @Flag(name: .customLong("new"), help: "Questions never attempted.")
    var onlyNew = false

    @Flag(help: "Questions attempted before, lowest latest score first.")
    var weak = false

    @Option(parsing: .unconditional, help: ArgumentHelp("The chance of recalling a question when it falls due, from 0.7 to 0.99 (default 0.9): higher asks again sooner.", valueName: "share"))
    var retention: Double?

    /// Set by `rehearse drill`: due questions, then weak, then new.
    @Flag(help: .hidden)
    var drill = false
    @Option(help: ArgumentHelp("How line mode reads your answers for the rubric: by meaning with the answer model (the default when it is found), or by their words.",
                               valueName: "lexical|embedding"))
    var detector: DetectorChoice?

    @OptionGroup var global: GlobalOptions

    /// Longer than a day is a mistake, and would overflow the clock's arithmetic.
    static let longestTime = 86_400

    func validate() throws {
        if questions < 1 { throw ValidationError("--questions must be at least 1 (got \(questions))") }
        for (name, value, least) in [("--answer-time", answerTime, 1), ("--think-time", thinkTime, 0), ("--follow-up-time", followUpTime, 1)] {
            guard let value else { continue }
            if value < least { throw ValidationError("\(name) must be at least \(least) second\(least == 1 ? "" : "s") (got \(value))") }
            if value > Self.longestTime { throw ValidationError("\(name) must be at most \(Self.longestTime) seconds, one day (got \(value))") }
        }
        if let followUps, followUps < 0 { throw ValidationError("--follow-ups cannot be negative (got \(followUps))") }
        if followUps != nil, noFollowUps { throw ValidationError("--follow-ups and --no-follow-ups contradict each other: give one") }
        for category in categories where CategoryKind(argument: category) == nil {
            throw ValidationError("unknown category \"\(category)\": use technical, behavioral, situational, problem-solving or general")
        }
        if onlyNew, weak { throw ValidationError("--new and --weak contradict each other: give one") }
        if !questionIds.isEmpty, topic != nil || onlyNew || weak {
            throw ValidationError("--question names the questions itself: give it without --topic, --new or --weak")
        }
        if let topic, Words.split(topic).isEmpty { throw ValidationError("--topic needs words to look for") }
        if let retention, !(0.7...0.99).contains(retention) {
            throw ValidationError("--retention must be from 0.7 to 0.99 (got \(retention))")
        }
    }

    /// What to practise, when the options choose it rather than chance. In a drill, --new and
    /// --weak keep to that part of it; questions named with --question are asked as named.
    var request: PracticeRequest {
        guard drill, questionIds.isEmpty else {
            return PracticeRequest(questions: questionIds, topic: topic, onlyNew: onlyNew, weak: weak)
        }
        return PracticeRequest(topic: topic, drill: true, focus: onlyNew ? .new : weak ? .weak : nil)
    }

    var scheduler: FSRS { FSRS(desiredRetention: retention ?? FSRS.defaultRetention) }

    func run() throws {
        // The store first: a folder that cannot be written is refused before any question.
        let store = try StoredSessions.openForWriting(global, scheduler: scheduler)
        StoredSessions.settleStale(store)
        var resume = self.resume
        if let file = resume, SessionRecovery.isFileArgument(file) { resume = try Self.bringBack(file, into: store) }
        if !plain, ScreenPractice.isAvailable {
            var reference = resume
            if let resume {
                guard let stored = Self.resumable(resume, in: store) else { throw ExitCode(ExitStatus.badInput) }
                reference = stored.summary.id
            }
            // Questions chosen on the command line start at once, past the home screen.
            let chosen = resume == nil && !request.isEmpty ? try makePlan(store: store) : nil
            let start: ScreenRunner.Start = chosen.map { plan, guides, notes in
                let banks = Set(plan.questions.map(\.bank))
                return .session(plan: plan, guides: guides.filter { banks.contains($0.key) }.map(\.value), notes: notes)
            } ?? reference.map { .resuming($0) } ?? .home
            let status = ScreenPractice.run(store: store, catalog: global.catalog, choice: choice,
                                            extraBanks: banks, from: start)
            if status != 0 { throw ExitCode(status) }
            return
        }
        // Offer the newest interrupted session, however it was found to be interrupted.
        let interrupted = try? store.newestInterrupted()
        let writer: SessionWriter
        let judges = SessionJudges(choice: detector, dataDirectory: global.dataDirectoryPath, catalog: global.catalog)
        var session: LineModeInterview
        // A failed save is said at once and again when saving works again: never silently.
        let report: (SessionWriter.Status) -> Void = { status in
            switch status {
            case .failing(let reason): Console.error("NOT SAVED: \(reason). Your answers are kept; Rehearse keeps trying.")
            case .saved: Console.error("Saved again: the session is in the store.")
            case .writing: break
            }
        }
        if let resume {
            guard let stored = Self.resumable(resume, in: store) else { throw ExitCode(ExitStatus.badInput) }
            if !ignoredWhenResuming.isEmpty {
                Console.error("note: a resumed session keeps its own plan and timing; ignoring \(ignoredWhenResuming.joined(separator: ", "))")
            }
            writer = SessionWriter(store: store, id: stored.summary.id, startedAt: stored.summary.startedAt, background: false, report: report)
            let plan = stored.interview.plan
            session = LineModeInterview(plan: plan, resuming: stored.interview, input: LineInput(),
                                        write: Console.out, save: writer.save, judge: { judges.judge($0, $1, plan: plan) },
                                        previous: Self.previousAnswers(in: store, session: stored.summary.id))
        } else {
            let (plan, briefings, notes) = try makePlan(store: store)
            notes.forEach(Console.out)
            if let latest = interrupted {
                Console.out("Session \(latest.id) was interrupted after \(latest.answered) of \(latest.questionCount) questions: go on with it with `rehearse practice --resume \(latest.id)`.")
            }
            let interview = Interview(plan: plan)
            let startedAt = Date()
            let id: String
            do {
                id = try store.createSession(interview, at: startedAt)
            } catch {
                throw StoredSessions.fail(error, path: store.path)
            }
            writer = SessionWriter(store: store, id: id, startedAt: startedAt, background: false, report: report)
            session = LineModeInterview(plan: plan, briefings: briefings, input: LineInput(), write: Console.out, save: writer.save,
                                        judge: { judges.judge($0, $1, plan: plan) },
                                        previous: Self.previousAnswers(in: store, session: id))
        }
        LineInput.catchStopSignals()
        session.run()
        if session.wasInterrupted { try? store.markInterrupted(writer.id) }
        let signalStatus = session.stopSignal.map { 128 + $0 }
        switch writer.finish(session.interview) {
        case .saved:
            // A session with nothing in it (a pipe that ended, an early :quit) is not kept.
            if !session.interview.holdsUserWork {
                try? store.delete(writer.id)
                Console.out("Nothing was written, so the session was not kept.")
                if session.wasInterrupted { throw ExitCode(signalStatus ?? 130) }
                return
            }
            if session.wasInterrupted {
                Console.out("Session \(writer.id) is saved: go on with it with `rehearse practice --resume \(writer.id)`.")
                throw ExitCode(signalStatus ?? 130)
            }
            Console.out("Saved as session \(writer.id): `rehearse review \(writer.id)`, `rehearse export \(writer.id)`.")
        case .recovered(let path, let reason):
            Console.error("NOT SAVED in the store: \(reason).")
            Console.out("Session \(writer.id) is kept in \(Console.display(path)): `rehearse practice --resume \(path)` brings it back.")
            throw ExitCode(signalStatus ?? ExitStatus.storeUnusable)
        case .lost(let reason):
            Console.error("NOT SAVED: \(reason). The answers are on the screen above; copy what you need.")
            throw ExitCode(signalStatus ?? ExitStatus.storeUnusable)
        }
    }

    /// The planning options given along with --resume, which the saved plan overrides.
    private var ignoredWhenResuming: [String] {
        var given: [String] = []
        if !banks.isEmpty { given.append("--bank") }
        if !categories.isEmpty { given.append("--category") }
        if questions != 5 { given.append("--questions") }
        if answerTime != nil { given.append("--answer-time") }
        if thinkTime != nil { given.append("--think-time") }
        if followUpTime != nil { given.append("--follow-up-time") }
        if hardTime { given.append("--hard-time") }
        if followUps != nil || noFollowUps { given.append(followUps != nil ? "--follow-ups" : "--no-follow-ups") }
        if seed != nil { given.append("--seed") }
        if !questionIds.isEmpty { given.append("--question") }
        if topic != nil { given.append("--topic") }
        if onlyNew { given.append("--new") }
        if weak { given.append("--weak") }
        return given
    }

    /// The guide a session draws from when none is named.
    static let defaultBank = "edge-ai-engineer"

    /// The home screen's starting choice when no option is given.
    static let defaultChoice = SessionChoice(banks: [defaultBank], kinds: [], questions: 5, settings: SessionSettings())

    /// The options as the home screen's starting choice.
    private var choice: SessionChoice {
        SessionChoice(banks: banks.isEmpty ? [Self.defaultBank] : banks,
                      kinds: categories.compactMap(CategoryKind.init(argument:)), questions: questions,
                      settings: settings, seed: seed)
    }

    private var settings: SessionSettings {
        var settings = SessionSettings()
        settings.answerTime = answerTime.map { .seconds($0) }
        settings.thinkTime = thinkTime.map { .seconds($0) }
        settings.followUpTime = followUpTime.map { .seconds($0) }
        settings.hardTime = hardTime
        settings.followUpsPerQuestion = noFollowUps ? 0 : followUps ?? 1
        return settings
    }

    /// The session's plan, its guides by bank (for the briefing), and notes on what was chosen.
    private func makePlan(store: TranscriptStore) throws -> (SessionPlan, [String: Guide], [String]) {
        guard !request.isEmpty else {
            let (plan, briefings) = try makeRandomPlan()
            return (plan, briefings, [])
        }
        guard let guides = PracticeGuides.load(banks, catalog: global.catalog) else { throw ExitCode(ExitStatus.badInput) }
        let sources = PracticeGuides.sources(guides)
        do {
            let chosen = try request.plan(sources: sources, kinds: categories.compactMap(CategoryKind.init(argument:)),
                                          practice: try store.practice(banks: sources.map(\.bank)), count: questions,
                                          seed: seed ?? UInt64.random(in: 1...999_999), settings: settings)
            return (chosen.plan, Dictionary(guides.map { ($0.location.name, $0.guide) }) { first, _ in first }, chosen.notes)
        } catch let error as PracticeSelectionError {
            Console.error(error.localDescription)
            throw ExitCode(ExitStatus.badInput)
        } catch {
            throw StoredSessions.fail(error, path: store.path)
        }
    }

    /// The earlier answer to each question, from sessions other than this one.
    static func previousAnswers(in store: TranscriptStore, session: String) -> (PlannedQuestion) -> PastAnswer? {
        { planned in (try? store.previousAnswer(to: planned.question.id, excludingSession: session)) ?? nil }
    }

    private func makeRandomPlan() throws -> (SessionPlan, [String: Guide]) {
        let catalog = global.catalog
        var sources: [SessionPlanner.Source] = []
        var briefings: [String: Guide] = [:]
        for argument in banks.isEmpty ? [Self.defaultBank] : banks {
            guard let loaded = LoadedGuide.load(argument, catalog: catalog) else { throw ExitCode(ExitStatus.badInput) }
            let errors = loaded.guide.diagnostics.filter { $0.severity == .error }.count
            if errors > 0 {
                Console.error("warning: \(Console.display(loaded.location.path)) has \(Wording.plural(errors, "error")), so some questions may be incomplete (`rehearse lint \(argument)` lists them)")
            }
            sources.append(SessionPlanner.Source(bank: loaded.location.name, guide: loaded.guide))
            briefings[loaded.location.name] = loaded.guide
        }
        do {
            let plan = try SessionPlanner.plan(
                from: sources,
                kinds: categories.compactMap(CategoryKind.init(argument:)),
                count: questions,
                seed: seed ?? UInt64.random(in: 1...999_999),
                settings: settings)
            return (plan, briefings)
        } catch {
            Console.error("\(sources.map(\.bank).joined(separator: ", ")): \(error.description)")
            throw ExitCode(ExitStatus.badInput)
        }
    }

    /// Puts a session kept in a recovery file back in the store; returns its id to go on with.
    /// The file is removed once the store holds the session.
    private static func bringBack(_ file: String, into store: TranscriptStore) throws -> String {
        let document: SessionRecovery.Document
        do {
            document = try SessionRecovery.read(file)
        } catch {
            Console.error(error.description)
            throw ExitCode(ExitStatus.badInput)
        }
        do {
            try store.save(document.session, document.interview, startedAt: document.startedAt)
            if !document.interview.phase.isFinished { try store.markInterrupted(document.session) }
        } catch {
            throw StoredSessions.fail(error, path: store.path)
        }
        try? FileManager.default.removeItem(atPath: file)
        Console.out("Session \(document.session) is back in the store from \(Console.display(file)).")
        if document.interview.phase.isFinished {
            Console.out("It is finished: `rehearse review \(document.session)` shows it.")
            throw ExitCode.success
        }
        return document.session
    }

    /// The stored session to go on with, or nil with the reason written.
    private static func resumable(_ reference: String, in store: TranscriptStore) -> StoredSession? {
        do {
            // `latest` is the newest session there is to go on with.
            let id: String
            if reference.lowercased() == "latest" {
                guard let newest = try store.newestInterrupted() else {
                    Console.error("no interrupted session to go on with (`rehearse history` lists sessions)")
                    return nil
                }
                id = newest.id
            } else {
                id = try store.resolve(reference)
            }
            let stored = try store.session(id)
            switch stored.summary.state {
            case .interrupted:
                return stored
            case .active:
                Console.error("session \(stored.summary.id) is still running in another Rehearse")
            case .finished:
                Console.error("session \(stored.summary.id) is finished: `rehearse review \(stored.summary.id)` shows it")
            case .abandoned:
                Console.error("session \(stored.summary.id) was ended early on purpose; start a new one")
            }
        } catch {
            Console.error("\(error)")
        }
        return nil
    }
}
