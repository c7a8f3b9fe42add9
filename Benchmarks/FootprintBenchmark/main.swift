// Memory and start-up of the full-screen app (run with `make bench`, after the release build of
// `rehearse`), against nano measured in the same run:
// 1. Start-up: from exec to the home screen's first frame on a 100x30 pseudo-terminal, with an
//    empty data folder; nano to its first frame. Runs alternate.
// 2. Memory: Rehearse under tmux (100x30) on the home screen, during a question with 150 words
//    typed, and in self-review; nano idle and with the same words typed. Peak (VmHWM) and
//    resident set at each step, split into anonymous and file-backed pages, and where the
//    resident set lies in the last run; with the programs' files dropped from the page cache
//    before each run, then read whole before each run (see PageCache.swift). Then the home
//    screen and history with 10,000 sessions in the store.
//
// `rehearse-footprint-bench [--start-up | --memory] [path/to/rehearse]` measures one part, or
// another build of the program.
import Foundation

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let options = CommandLine.arguments.dropFirst().filter { $0.hasPrefix("--") }
let rehearse = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("--") }
    .map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    ?? repository.appendingPathComponent(".build/release/rehearse").resolvingSymlinksInPath().path
let nano = ["/usr/bin/nano", "/bin/nano", "/usr/local/bin/nano"].first { FileManager.default.isExecutableFile(atPath: $0) }
let startupRuns = 11
let memoryRuns = 5

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func spread(_ values: [Double], _ format: String) -> String {
    guard !values.isEmpty else { return "no runs" }
    return "\(String(format: format, median(values))) (\(String(format: format, values.min()!))–\(String(format: format, values.max()!)))"
}

/// A fresh HOME with an empty data folder, removed afterwards.
func withScratchHome<T>(_ body: (String, [String: String]) throws -> T) rethrows -> T {
    let home = NSTemporaryDirectory() + "rehearse-footprint-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: home + "/data", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: home) }
    let environment = ["HOME": home, "REHEARSE_HOME": home + "/data", "LANG": "C.UTF-8", "TERM": "xterm-256color", "PATH": "/usr/bin:/bin"]
    return try body(home, environment)
}

/// About 150 words of an answer, typed into both programs.
let answer = String(repeating: "I would quantize the model with calibration data from the field, then measure latency and accuracy on the device itself before shipping. ", count: 6)
    + "Done."

// MARK: 1. Start-up

func startup() {
    var rehearseFrames: [FirstFrame] = []
    var nanoFrames: [FirstFrame] = []
    for _ in 0..<startupRuns {
        withScratchHome { _, environment in
            if let frame = firstFrame(rehearse, [], environment: environment, marker: "Start the interview") { rehearseFrames.append(frame) }
        }
        if let nano {
            withScratchHome { home, environment in
                if let frame = firstFrame(nano, ["-I", home + "/answer.txt"], environment: environment, marker: "GNU nano") { nanoFrames.append(frame) }
            }
        }
    }
    func line(_ frames: [FirstFrame]) -> String {
        "\(spread(frames.map { $0.wall * 1000 }, "%.1f")) ms, CPU \(spread(frames.map { $0.cpu * 1000 }, "%.1f")) ms"
    }
    print("Start-up to the first frame, whole process, 100x30 pseudo-terminal, empty data folder, \(startupRuns) runs each, alternating; median (range):")
    print("  rehearse (home screen, 8 guides listed): \(line(rehearseFrames))")
    if nano != nil { print("  nano:                                    \(line(nanoFrames))") }
}

// MARK: 2. Memory

struct Step {
    var name: String
    var samples: [ProcessMemory] = []
}

func mebibytes(_ values: [Int]) -> String {
    spread(values.map { Double($0) / 1024 }, "%.1f")
}

func report(_ steps: [Step]) {
    for step in steps where !step.samples.isEmpty {
        print("  \(step.name)")
        print("    peak \(mebibytes(step.samples.map(\.peak))) · resident \(mebibytes(step.samples.map(\.resident)))")
        print("    of which anonymous \(mebibytes(step.samples.map(\.anonymous))) · file-backed \(mebibytes(step.samples.map(\.file)))"
              + " · this process's alone \(mebibytes(step.samples.map(\.unshared))) · proportional share \(mebibytes(step.samples.map(\.proportional)))")
    }
}

let rehearseArguments = ["practice", "--questions", "1", "--category", "technical", "--think-time", "0", "--no-follow-ups", "--seed", "1"]

/// One run of Rehearse: home, a question with the answer typed, self-review. Nil if a screen
/// never came; the resident set's groups at self-review otherwise.
func measureRehearse(into steps: inout [Step]) -> MappingGroups? {
    withScratchHome { home, environment in
        guard let window = try? TmuxWindow([rehearse] + rehearseArguments, folder: home, environment: environment),
              window.waitFor("[ Start the interview ]"), let pid = window.pid(of: rehearse) else { return nil }
        func settle() -> ProcessMemory? {
            sleep(1)
            return ProcessMemory(pid: pid)
        }
        guard let atHome = settle() else { return nil }
        steps[0].samples.append(atHome)
        window.press("Enter")
        guard window.waitFor("How this session runs") else { return nil }
        window.press("Enter")
        guard window.waitFor("Your answer") else { return nil }
        window.type(answer)
        guard window.waitFor("Done."), let answering = settle() else { return nil }
        steps[1].samples.append(answering)
        window.press("C-s")
        guard window.waitFor("Rubric: Space ticks what your answer made"), let reviewing = settle() else { return nil }
        steps[2].samples.append(reviewing)
        return MappingGroups(pid: pid, program: rehearse)
    }
}

func nanoCommand(_ nano: String, home: String) -> [String] { [nano, "-I", home + "/answer.txt"] }

/// One run of nano: idle on a new file, then with the answer typed.
func measureNano(_ nano: String, into steps: inout [Step]) {
    withScratchHome { home, environment in
        guard let window = try? TmuxWindow(nanoCommand(nano, home: home), folder: home, environment: environment),
              window.waitFor("GNU nano"), let pid = window.pid(of: nano) else { return }
        sleep(1)
        guard let idle = ProcessMemory(pid: pid) else { return }
        steps[0].samples.append(idle)
        window.type(answer)
        guard window.waitFor("Done.") else { return }
        sleep(1)
        if let typed = ProcessMemory(pid: pid) { steps[1].samples.append(typed) }
    }
}

/// One run of Rehearse on a copy of a large store: the home screen, then history listing it.
func measureLargeStore(_ store: String, sessions: Int, into steps: inout [Step]) {
    withScratchHome { home, environment in
        guard (try? FileManager.default.removeItem(atPath: home + "/data")) != nil,
              (try? FileManager.default.copyItem(atPath: store, toPath: home + "/data")) != nil,
              let window = try? TmuxWindow([rehearse], folder: home, environment: environment),
              window.waitFor("[ Start the interview ]"), let pid = window.pid(of: rehearse) else { return }
        sleep(1)
        guard let atHome = ProcessMemory(pid: pid) else { return }
        steps[0].samples.append(atHome)
        window.press("h")
        guard window.waitFor("\(sessions) sessions") else { return }
        sleep(1)
        if let listing = ProcessMemory(pid: pid) { steps[1].samples.append(listing) }
    }
}

/// Rehearse with 10,000 sessions in its store, its files dropped from the page cache first.
/// A copy of the store is another file than the one Rehearse noted as whole when it last
/// closed it, so each run checks every page of it first, as after a crash.
func memoryWithLargeStore() {
    let sessions = 10_000
    guard let store = largeStore(sessions: sessions) else { return print("Footprint: the store of \(sessions) sessions could not be made") }
    defer { try? FileManager.default.removeItem(atPath: store) }
    let files = filesMapped(by: [rehearse] + rehearseArguments, marker: "[ Start the interview ]")
    var steps = [Step(name: "rehearse on the home screen"), Step(name: "rehearse listing every session in history")]
    for _ in 0..<memoryRuns {
        PageCacheState.cold.prepare(files)
        measureLargeStore(store, sessions: sessions, into: &steps)
    }
    print("Memory with \(sessions) sessions in the store (grown by copying a real session's rows), under tmux (100x30), "
          + "\(PageCacheState.cold.description); \(memoryRuns) runs; MiB, median (range):")
    report(steps)
}

func memory() {
    let rehearseFiles = filesMapped(by: [rehearse] + rehearseArguments, marker: "[ Start the interview ]")
    let nanoFiles = nano.map { filesMapped(by: nanoCommand($0, home: NSTemporaryDirectory()), marker: "GNU nano") } ?? []
    for state in PageCacheState.allCases {
        var rehearseSteps = [Step(name: "rehearse on the home screen (8 guides listed)"), Step(name: "rehearse during a question, 150 words typed"),
                             Step(name: "rehearse in self-review")]
        var nanoSteps = [Step(name: "nano on a new file"), Step(name: "nano with the same 150 words typed")]
        var groups: MappingGroups?
        for _ in 0..<memoryRuns {
            state.prepare(rehearseFiles)
            groups = measureRehearse(into: &rehearseSteps) ?? groups
            guard let nano else { continue }
            state.prepare(nanoFiles)
            measureNano(nano, into: &nanoSteps)
        }
        print("Memory under tmux (100x30), empty data folder, each program with \(state.description); \(memoryRuns) runs each, alternating; MiB, median (range):")
        report(rehearseSteps)
        report(nanoSteps)
        if let groups {
            print("  where rehearse's resident set lies in self-review (last run; MiB resident, of which written to):")
            for (name, amount) in groups.groups where amount.resident >= 64 {
                print(String(format: "    %5.1f  %5.1f  ", Double(amount.resident) / 1024, Double(amount.dirty) / 1024) + name)
            }
        }
    }
}

guard FileManager.default.isExecutableFile(atPath: rehearse) else {
    print("Footprint: build the release binary first (make bench does): no \(rehearse)")
    exit(1)
}
if nano == nil { print("Footprint: nano is not installed, so there is no reference (make bench installs it)") }
if !options.contains("--memory") { startup() }
if !options.contains("--start-up") {
    memory()
    memoryWithLargeStore()
}
