// Session-store benchmark (run with `make bench`, after the release build of `rehearse`):
// 1. Bytes on disk per 5-question session.
// 2. Bytes written to disk per second of typing, saves as the app makes them.
// 3. `rehearse history` and `history --json`, whole processes, on a store of 10,000 sessions
//    against the same store with one session, alternating, with peak memory.
// 4. What the home screen asks of the store before its first frame (open, interrupted
//    sessions), at 10,000 sessions against an empty store.
// 5. The history screen's search through every answer, at 10,000 sessions against one.
import Foundation
import GRDB
import GuideParser
import InterviewCore
import TranscriptStore

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let binary = repository.appendingPathComponent(".build/release/rehearse").path
let scratch = NSTemporaryDirectory() + "rehearse-store-bench-" + UUID().uuidString
defer { try? FileManager.default.removeItem(atPath: scratch) }

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func milliseconds(_ elapsed: Duration) -> Double {
    Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}
/// A Markdown table of stores and their times in milliseconds, and a blank line.
func printTimes(_ rows: [(store: String, time: String)]) {
    print("| store | time |\n|---|---|")
    for row in rows { print("| \(row.store) | \(row.time) ms |") }
    print("")
}
func spread(_ values: [Double], _ format: String) -> String {
    "\(String(format: format, median(values))) (\(String(format: format, values.min()!))–\(String(format: format, values.max()!)))"
}

/// A 5-question plan from the shipped Edge AI guide's shape, with answers of about 880
/// characters each (4.4 KB typed per session, the figure measured on real sessions) typed
/// from `TypedProse`.
func plan(seed: UInt64) -> SessionPlan {
    var categories: [InterviewCore.Category] = []
    for kind in [CategoryKind.technical, .problemSolving] {
        let questions = (0..<5).map { number in
            let sections = ["Definition and Context", "Reasoning and Best Practices", "Alternative Considerations", "Pitfalls to Avoid"].map { label in
                AnswerSection(label: label, items: (0..<4).map {
                    SectionItem(text: "Point \($0) of \(label.lowercased()) for question \(number): a sentence or two of model answer that explains the idea, why it matters on a device, and what a strong candidate says about it.",
                                lead: "Point \($0) lead")
                })
            }
            let title = "\(kind.displayName) question \(number): how would you approach the problem on a constrained device?"
            return Question(id: "bench/" + QuestionIdentity.slug(title), title: title, line: 1, hash: QuestionIdentity.hash(title),
                            scaffold: .free, sections: sections, followUps: ["What would you measure first?", "What would change at scale?"],
                            rubric: RubricBuilder.rubric(for: sections, kind: kind))
        }
        categories.append(InterviewCore.Category(name: kind.displayName, kind: kind, questions: questions))
    }
    return try! SessionPlanner.plan(from: [.init(bank: "bench", guide: Guide(title: "Bench Guide", categories: categories))],
                                    count: 5, seed: seed, settings: SessionSettings())
}

/// What the benchmark types: the project's labelled answers (prose written for the judging
/// set), taken in turn, so that each answer is different text, as a user's are. Repeated text
/// would flatter a store that compresses what it keeps.
enum TypedProse {
    static let corpus: [Character] = {
        let text = (try? String(contentsOf: repository.appendingPathComponent("Tests/Fixtures/judging/answers.md"), encoding: .utf8)) ?? ""
        var prose: [Substring] = []
        var inAnswer = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { inAnswer = false } else if line.hasPrefix("commits:") { inAnswer = true } else if inAnswer { prose.append(line) }
        }
        let joined = prose.joined(separator: " ").split(separator: " ").joined(separator: " ")
        precondition(joined.count > 20_000, "the labelled answers are missing")
        return Array(joined)
    }()
    nonisolated(unsafe) static var offset = 0

    /// The next `count` characters of the prose, wrapping round at its end.
    static func next(_ count: Int) -> [Character] {
        defer { offset = (offset + count) % corpus.count }
        return (0..<count).map { corpus[(offset + $0) % corpus.count] }
    }
}

/// Plays a session through the store as the app does: typing at 5 characters a second, saved
/// by the autosave policy, a heartbeat each second, and every phase change.
@discardableResult
func play(_ store: TranscriptStore, seed: UInt64, charactersPerAnswer: Int = 880) throws -> String {
    try play(store, plan(seed: seed), charactersPerAnswer: charactersPerAnswer)
}

/// As `play(_:seed:)`, for any plan; with `judge`, each main answer is judged once it is in, as
/// the app does, so its verdicts are saved with it.
@discardableResult
func play(_ store: TranscriptStore, _ plan: SessionPlan, charactersPerAnswer: Int = 880, judge: AnswerJudge? = nil) throws -> String {
    var interview = Interview(plan: plan)
    let id = try store.createSession(interview)
    var autosave = AutosavePolicy()
    var now = Instant(.zero)
    var lastHeartbeat = now
    func apply(_ event: Interview.Event) throws {
        let before = (interview.phase, interview.index)
        let effects = interview.handle(event)
        if autosave.shouldSave(after: event, effects: effects, phaseChanged: before != (interview.phase, interview.index)) {
            try store.save(id, interview, event: event, effects: effects, position: before.1)
        }
        if autosave.flushIfDue(at: event.instant) { try store.save(id, interview, position: interview.index) }
        let lastWrite = max(lastHeartbeat, autosave.lastSave ?? lastHeartbeat)
        if interview.phase.isTimed, event.instant - lastWrite >= .seconds(1) {
            lastHeartbeat = event.instant
            _ = interview.handle(.tick(at: event.instant))
            try store.save(id, interview, event: .tick(at: event.instant), position: interview.index)
        }
    }
    try apply(.begin(at: now))
    while !interview.phase.isFinished {
        guard let field = interview.editableFields.first else {
            try apply(.review(ticks: [0, 2], at: now))
            continue
        }
        var text = ""
        for character in TypedProse.next(field == .free ? charactersPerAnswer : 60) {
            text.append(character)
            now = now + .milliseconds(200)
            try apply(.type(field, text, at: now))
        }
        try apply(.submit(at: now))
        if let judge, field != .followUp(0), let planned = interview.current {
            try apply(.judged(try judge.judge(planned.question, interview.records[interview.index]), at: now))
        }
    }
    return id
}

func fileBytes(_ folder: String) -> Int {
    ["rehearse.sqlite", "rehearse.sqlite-wal"].compactMap {
        (try? FileManager.default.attributesOfItem(atPath: folder + "/" + $0)[.size] as? Int) ?? nil
    }.reduce(0, +)
}

/// Bytes this process has passed to write(2) and friends so far, and how many calls.
func writtenSoFar() -> (bytes: Int, calls: Int) {
    let text = (try? String(contentsOfFile: "/proc/self/io", encoding: .utf8)) ?? ""
    var fields: [String: Int] = [:]
    for line in text.split(separator: "\n") {
        let parts = line.split(separator: ":")
        if parts.count == 2 { fields[String(parts[0])] = Int(parts[1].trimmingCharacters(in: .whitespaces)) }
    }
    return (fields["wchar"] ?? 0, fields["syscw"] ?? 0)
}

// MARK: 1. Bytes per session

/// One shipped guide, where the store finds the questions it keeps by reference.
struct ShippedGuide: QuestionSource {
    let questions: [Question]
    func question(bank: String, id: String) -> Question? {
        bank == "edge-ai-engineer" ? questions.first { $0.id == id } : nil
    }
}

func bytesPerSession() throws {
    print("## Bytes on disk per 5-question session (880 characters typed per answer)\n")
    for (label, seeds) in [("the same 5 questions each time", Array(repeating: UInt64(7), count: 5)),
                           ("5 different draws from 10 questions", [1, 2, 3, 4, 5] as [UInt64])] {
        let folder = scratch + "/size-\(seeds.first!)-\(seeds.last!)"
        do {
            let store = try TranscriptStore(folder: folder)
            for seed in seeds { try play(store, seed: seed) }
        }
        let bytes = fileBytes(folder)
        print("- \(label): \(bytes) bytes for 5 sessions, **\(String(format: "%.1f", Double(bytes) / 5 / 1024)) KB per session**")
    }
    // The shipped Edge AI guide's own questions (model answers of real length), each answer
    // judged by its words as the app judges it, its verdicts saved.
    let guide = try GuideLoader.load(contentsOf: repository.appendingPathComponent("QuestionBanks/edge-ai-engineer.md").path)
    let judge = AnswerJudge(weights: TermWeights(rubrics: guide.categories.flatMap { $0.questions.map(\.rubric) }))
    // As the app opens the store: the shipped guide's questions are kept by reference to it.
    let shipped = ShippedGuide(questions: guide.categories.flatMap(\.questions))
    // A guide of the user's own is not a source: its questions are stored whole.
    for (label, seeds, source) in [("the Edge AI guide, the same 5 questions each time", Array(repeating: UInt64(7), count: 5), shipped),
                                   ("the Edge AI guide, 5 different draws", [1, 2, 3, 4, 5] as [UInt64], shipped),
                                   ("the same guide as a user's own file (questions stored whole), 5 different draws",
                                    [1, 2, 3, 4, 5] as [UInt64], nil)] as [(String, [UInt64], ShippedGuide?)] {
        let folder = scratch + "/guide-\(seeds.first!)-\(seeds.last!)-\(source == nil ? "whole" : "shipped")"
        do {
            let store = try TranscriptStore(folder: folder, questionSource: source)
            for seed in seeds {
                try play(store, try SessionPlanner.plan(from: [.init(bank: "edge-ai-engineer", guide: guide)], count: 5, seed: seed,
                                                        settings: SessionSettings()), judge: judge)
            }
        }
        let bytes = fileBytes(folder)
        print("- \(label), answers judged: \(bytes) bytes for 5 sessions, **\(String(format: "%.1f", Double(bytes) / 5 / 1024)) KB per session**")
    }
    print("")
}

// MARK: 2. Writes while typing

func writesWhileTyping() throws {
    let folder = scratch + "/typing"
    let store = try TranscriptStore(folder: folder)
    try play(store, seed: 7) // the store exists and holds a session, as on any later day
    let before = writtenSoFar()
    let started = ContinuousClock.now
    // One answer of 3,000 characters at 5 a second: 600 seconds of typing, simulated.
    try play(store, seed: 8, charactersPerAnswer: 3_000)
    let cpu = ContinuousClock.now - started
    let after = writtenSoFar()
    let typingSeconds = Double(5 * (3_000 + 60 * 2)) / 5.0
    print("## Writes while typing\n")
    print("A session of five 3,000-character answers typed at 5 characters a second (\(Int(typingSeconds)) s simulated),")
    print("saved as the app saves (autosave, heartbeat, phase changes), measured by /proc/self/io:\n")
    print("- \(String(format: "%.1f", Double(after.bytes - before.bytes) / typingSeconds / 1024)) KB/s written, "
        + "\(String(format: "%.2f", Double(after.calls - before.calls) / typingSeconds)) write calls/s "
        + "(all saves took \(cpu) of real time)\n")
}

// MARK: 3. history at 10,000 sessions

/// Copies the one session in `folder` until the store holds `count`, as a user's store grows.
func grow(_ folder: String, to count: Int) throws {
    let queue = try DatabaseQueue(path: folder + "/rehearse.sqlite")
    try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        try db.inTransaction {
            let source = try String.fetchOne(db, sql: "SELECT id FROM session LIMIT 1")!
            let tables = ["session": "id", "event": "sessionId", "sessionPlan": "sessionId", "sessionState": "sessionId"]
            var columns: [String: [String]] = [:]
            for table in tables.keys {
                columns[table] = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
            }
            var generator = SeededGenerator(seed: 42)
            for copy in 1..<count {
                let id = String(format: "%08x", UInt32(truncatingIfNeeded: generator.next()))
                for (table, key) in tables {
                    let names = columns[table]!
                    let select = names.map { $0 == key ? "?" : $0 == "startedAt" ? "startedAt + \(copy)" : $0 }.joined(separator: ", ")
                    try db.execute(sql: "INSERT INTO \(table) (\(names.joined(separator: ", "))) SELECT \(select) FROM \(table) WHERE \(key) = ?",
                                   arguments: [id, source])
                }
            }
            return .commit
        }
    }
}

/// Runs the release binary; its wall time and peak resident memory.
func runBinary(_ arguments: [String], dataFolder: String) -> (seconds: Double, peakKB: Int) {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv = ([binary] + arguments + ["--data-dir", dataFolder]).map { strdup($0) } + [nil]
    let started = ContinuousClock.now
    guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { fatalError("cannot run \(binary): run `make bench`") }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let elapsed = ContinuousClock.now - started
    argv.forEach { free($0) }
    return (Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds), usage.ru_maxrss)
}

func historyAtScale() throws {
    let one = scratch + "/history-1"
    let many = scratch + "/history-10000"
    do {
        let store = try TranscriptStore(folder: one)
        try play(store, seed: 7)
    }
    try FileManager.default.copyItem(atPath: one, toPath: many)
    try grow(many, to: 10_000)
    print("## `rehearse history` at 10,000 sessions\n")
    print("Whole processes of the release binary, output to /dev/null, 9 runs of each side alternating;")
    print("the store grown by copying a real session's rows. Store: \(fileBytes(many) / 1_048_576) MB.\n")
    print("| command | 1 session | 10,000 sessions | ratio | peak memory (1 / 10,000) |")
    print("|---|---|---|---|---|")
    for arguments in [["history"], ["history", "--json"]] {
        var small: [Double] = []
        var large: [Double] = []
        var memory = (0, 0)
        _ = runBinary(arguments, dataFolder: one)
        _ = runBinary(arguments, dataFolder: many)
        for _ in 0..<9 {
            let a = runBinary(arguments, dataFolder: one)
            let b = runBinary(arguments, dataFolder: many)
            small.append(a.seconds * 1000)
            large.append(b.seconds * 1000)
            memory = (max(memory.0, a.peakKB), max(memory.1, b.peakKB))
        }
        print("| `\(arguments.joined(separator: " "))` | \(spread(small, "%.0f")) ms | \(spread(large, "%.0f")) ms | "
            + "\(String(format: "%.1f", median(large) / median(small)))x | \(memory.0 / 1024) / \(memory.1 / 1024) MB |")
    }
    print("")
    homeAtScale(empty: scratch + "/home-empty", many: many)
    try searchAtScale(one: one, many: many)
}

// MARK: 5. Searching the answers

/// The history screen's search: every session's answers read (and inflated) once.
func searchAtScale(one: String, many: String) throws {
    func search(_ folder: String) throws -> (milliseconds: Double, found: Int) {
        let store = try TranscriptStore(folder: folder, access: .readOnly)
        let started = ContinuousClock.now
        let found = try store.sessions(withAnswersHolding: "zeppelin").count
        return (milliseconds(ContinuousClock.now - started), found)
    }
    var small: [Double] = []
    var large: [Double] = []
    var found = 0
    for _ in 0..<5 {
        small.append(try search(one).milliseconds)
        let result = try search(many)
        large.append(result.milliseconds)
        found = result.found
    }
    print("## Searching the answers from the history screen\n")
    print("`sessions(withAnswersHolding:)` for a word no answer holds (\(found) found), so every answer is read;")
    print("in process, 5 runs alternating:\n")
    printTimes([("1 session", spread(small, "%.1f")), ("10,000 sessions", spread(large, "%.0f"))])
}

// MARK: 4. The home screen's store work

func homeAtScale(empty: String, many: String) {
    func openAndAsk(_ folder: String) -> Double {
        let started = ContinuousClock.now
        let store = try! TranscriptStore(folder: folder)
        _ = try! store.markInterrupted()
        _ = try! store.newestInterrupted()
        return milliseconds(ContinuousClock.now - started)
    }
    _ = openAndAsk(empty)
    _ = openAndAsk(many)
    var small: [Double] = []
    var large: [Double] = []
    for _ in 0..<15 {
        small.append(openAndAsk(empty))
        large.append(openAndAsk(many))
    }
    // The same store changed behind Rehearse's back (its note gone): every page is checked.
    var checked: [Double] = []
    for _ in 0..<3 {
        unlink(many + "/.rehearse-verified")
        checked.append(openAndAsk(many))
    }
    print("## What the home screen asks of the store before its first frame\n")
    print("Opening the store for writing (with its checks), marking dead sessions interrupted and finding the newest")
    print("interrupted one, in process, 15 runs alternating:\n")
    printTimes([("empty", spread(small, "%.1f")), ("10,000 sessions", spread(large, "%.1f")),
                ("10,000 sessions changed since Rehearse last closed it (full `quick_check`)", spread(checked, "%.0f"))])
}

try bytesPerSession()
try writesWhileTyping()
try historyAtScale()
