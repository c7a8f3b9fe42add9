// Practice benchmark (run with `make bench`): what `rehearse progress` and `rehearse drill`
// read and compute, from a store of 10,000 sessions (50,000 attempts) against the same from a
// store of one session, measured alternately in one run; a review's save in each; and the
// one-time back-fill of attempts when a store of 10,000 sessions from before them is opened.
import Foundation
import GRDB
import GuideParser
import InterviewCore
import TranscriptStore

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let banks = repository.appendingPathComponent("QuestionBanks").path
// In-process runs are a few milliseconds each, so many of them; a whole process, fewer.
let runs = 31
let processRuns = 9
let largeCount = 10_000

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let sources: [SessionPlanner.Source] = try FileManager.default.contentsOfDirectory(atPath: banks).filter { $0.hasSuffix(".md") }.sorted()
    .map { name in SessionPlanner.Source(bank: String(name.dropLast(3)), guide: try GuideLoader.load(contentsOf: banks + "/" + name)) }

/// A five-question session of `sources`, answered and reviewed, ticks drawn from `seed`.
func playedSession(seed: UInt64) throws -> Interview {
    var settings = SessionSettings()
    settings.followUpsPerQuestion = 0
    settings.thinkTime = .zero
    var interview = Interview(plan: try SessionPlanner.plan(from: sources, count: 5, seed: seed, settings: settings))
    var generator = SeededGenerator(seed: seed)
    var now = Instant.seconds(1)
    _ = interview.handle(.begin(at: now))
    while !interview.phase.isFinished {
        now = now + .seconds(60)
        _ = interview.handle(.type(.free, "An answer written for the benchmark.", at: now))
        _ = interview.handle(.submit(at: now))
        let points = interview.current?.question.rubric.count ?? 0
        _ = interview.handle(.review(ticks: Set((0..<points).filter { _ in Bool.random(using: &generator) }), at: now))
    }
    return interview
}

/// A store of `count` sessions, one every ~58 minutes over the 400 days before `end`.
func fill(_ folder: String, sessions count: Int, end: Date) throws {
    let store = try TranscriptStore(folder: folder)
    let spacing = 400 * 86_400 / Double(count)
    for number in 0..<count {
        let date = end.addingTimeInterval(-Double(count - number) * spacing)
        let interview = try playedSession(seed: UInt64(number + 1))
        let id = try store.createSession(Interview(plan: interview.plan), at: date, pid: 1)
        try store.save(id, interview, event: .review(ticks: [], at: .seconds(300)), at: date.addingTimeInterval(300), pid: 1)
    }
}

let now = Date()
let endOfToday = Timestamp(secondsSince1970: now.timeIntervalSince1970 + 86_400)
let root = NSTemporaryDirectory() + "rehearse-practice-bench-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: root) }
let small = root + "/one"
let large = root + "/many"
let clock = ContinuousClock()
// Written in memory when /dev/shm is there (20,000 commits, each waiting for the disk,
// would take minutes), then copied to the disk, where everything is measured.
let shm = "/dev/shm/rehearse-practice-bench-\(getpid())"
let scratch = FileManager.default.isWritableFile(atPath: "/dev/shm") ? shm : root + "/scratch"
let filling = clock.measure {
    try! fill(scratch + "/one", sessions: 1, end: now)
    try! fill(scratch + "/many", sessions: largeCount, end: now)
    try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try! FileManager.default.copyItem(atPath: scratch + "/one", toPath: small)
    try! FileManager.default.copyItem(atPath: scratch + "/many", toPath: large)
    try? FileManager.default.removeItem(atPath: scratch)
}
let size = (try? FileManager.default.attributesOfItem(atPath: large + "/" + TranscriptStore.fileName)[.size] as? Int) ?? 0
print("Stores written in \(Int(milliseconds(filling) / 1000)) s: 1 session, and \(largeCount) sessions (\(largeCount * 5) attempts, \(size / 1_000_000) MB).")

/// What `rehearse progress` does past loading the guides: open the store for reading, read
/// every schedule, and build the report with a trend per guide, per kind and overall.
func progress(_ folder: String) throws -> ProgressReport {
    let store = try TranscriptStore(folder: folder, access: .readOnly)
    return try ProgressReport(sources: sources, practice: try store.practice(), endOfToday: endOfToday) { try store.trend($0) }
}

/// What `rehearse drill` does before the first question: open the store, read the schedules,
/// choose due, weak and new questions, and plan the session.
func drill(_ folder: String) throws -> SessionPlan {
    let store = try TranscriptStore(folder: folder, access: .readOnly)
    let ids = PracticePool(sources: sources).drill(try store.practice(), dueBy: endOfToday, count: 5, seed: 1)
    return try SessionPlanner.plan(questions: ids, from: sources, seed: 1)
}

/// A reviewed question's save: its row, its attempt and its schedule.
func review(_ store: TranscriptStore, _ seed: UInt64) throws -> Duration {
    let interview = try playedSession(seed: seed)
    let id = try store.createSession(Interview(plan: interview.plan), at: now, pid: 1)
    return try clock.measure {
        try store.save(id, interview, event: .review(ticks: [], at: .seconds(300)), at: now.addingTimeInterval(300), pid: 1)
    }
}

var timings: [String: [Double]] = [:]
let smallStore = try TranscriptStore(folder: small)
let largeStore = try TranscriptStore(folder: large)
for run in 0..<runs {
    for (name, folder, store) in [("1", small, smallStore), ("10k", large, largeStore)] {
        var report: ProgressReport?
        timings["progress " + name, default: []].append(milliseconds(try clock.measure { report = try progress(folder) }))
        precondition(report?.overall.attempts ?? 0 > 0)
        var plan: SessionPlan?
        timings["drill " + name, default: []].append(milliseconds(try clock.measure { plan = try drill(folder) }))
        precondition(plan?.questions.count == 5)
        timings["review " + name, default: []].append(milliseconds(try review(store, UInt64(1_000_000 + run))))
    }
}

/// The whole `rehearse progress --json` process, guides loaded and JSON written, if the
/// release binary is there.
let binary = repository.appendingPathComponent(".build/release/rehearse").path
if FileManager.default.isExecutableFile(atPath: binary) {
    for _ in 0..<processRuns {
        for (name, folder) in [("1", small), ("10k", large)] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["progress", "--json", "--data-dir", folder]
            process.environment = ["HOME": root, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "REHEARSE_BANKS": banks]
            process.standardOutput = FileHandle.nullDevice
            let elapsed = try clock.measure {
                try process.run()
                process.waitUntilExit()
            }
            precondition(process.terminationStatus == 0)
            timings["process " + name, default: []].append(milliseconds(elapsed))
        }
    }
}

/// The same 10,000 sessions as a store of schema v3 (question rows, no attempts), opened and so
/// migrated: every reviewed question becomes an attempt, every schedule is replayed (v4), and
/// each session's question rows are moved beside its plan (v5).
let v3Store = root + "/v3"
try FileManager.default.copyItem(atPath: large, toPath: v3Store)
try SchemaV4Rewrite.rewrite(storeAt: v3Store + "/" + TranscriptStore.fileName)
let queue = try DatabaseQueue(path: v3Store + "/" + TranscriptStore.fileName)
try queue.write { db in
    try db.execute(sql: "DROP TABLE attempt; DROP TABLE schedule")
    try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4 attempts and schedules'")
}
try queue.close()
func megabytes(_ folder: String) -> Double {
    Double((try? FileManager.default.attributesOfItem(atPath: folder + "/" + TranscriptStore.fileName)[.size] as? Int) ?? 0) / 1_048_576
}
var backfills: [Double] = []
var sizes = (before: megabytes(v3Store), after: 0.0)
for run in 0..<3 {
    let old = root + "/old-\(run)"
    try FileManager.default.copyItem(atPath: v3Store, toPath: old)
    backfills.append(milliseconds(try clock.measure { _ = try TranscriptStore(folder: old) }))
    sizes.after = megabytes(old)
    let attempts = try TranscriptStore(folder: old, access: .readOnly).practice().values.reduce(0) { $0 + $1.attempts }
    precondition(attempts >= largeCount * 5)
    try FileManager.default.removeItem(atPath: old)
}

print("Medians of \(runs) runs (\(processRuns) for the whole process), alternating, range in brackets:")
print("| | 1 session | \(largeCount) sessions | ratio |")
print("|---|---|---|---|")
for (label, key) in [("progress: read and report", "progress"), ("drill: read, choose and plan", "drill"),
                     ("a review's save (row, attempt, schedule)", "review"), ("`rehearse progress --json`, whole process", "process")] {
    guard let one = timings[key + " 1"], let many = timings[key + " 10k"] else { continue }
    func cell(_ values: [Double]) -> String {
        String(format: "%.2f ms (%.2f–%.2f)", median(values), values.min()!, values.max()!)
    }
    print("| \(label) | \(cell(one)) | \(cell(many)) | \(String(format: "%.2fx", median(many) / median(one))) |")
}
print(String(format: "Opening a store of %d sessions of schema v3 (the back-fill and the move of the answers, once): median %.1f s of 3 (%.1f–%.1f); the file %.0f MB before, %.0f MB after",
             largeCount, median(backfills) / 1000, backfills.min()! / 1000, backfills.max()! / 1000, sizes.before, sizes.after))
