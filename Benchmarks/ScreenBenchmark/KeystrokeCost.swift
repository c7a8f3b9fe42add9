import Foundation
import GuideParser
import InterviewCore
import TerminalUI
import TranscriptStore

/// The full cost of typed characters on the question screen, with an answer of a given length
/// already written: what the interface's loop does for each key, timed on its own thread.
struct KeystrokeCost {
    var size: Size
    var words: Int
    /// Typing in the middle of the answer rather than at its end.
    var inTheMiddle = false
    var shape = Shape.paragraphs

    /// How the answer already written is laid out.
    enum Shape {
        /// Prose in paragraphs of 40 to 160 words.
        case paragraphs
        /// The same prose in one paragraph.
        case oneParagraph
        /// Ideographs, each a word, in one paragraph with no spaces: a line breaks anywhere,
        /// so an insertion moves every later break of the paragraph.
        case ideographs
    }

    static let keys = 1_000
    /// Keys start at least this far apart in wall time, so the writer has time to write, as
    /// it has between real keystrokes (the app's clock moves 0.2 s a key: 5 characters a second).
    static let pacing: Duration = .milliseconds(3)

    struct Result {
        /// Microseconds per key: all of them, and those that handed a save to the writer.
        var all: [Double]
        var withSave: [Double]
        /// The thread's CPU time per key, which leaves out time the thread waited for a core.
        var cpu: [Double]
        var meanUpdate: Double
        var meanRender: Double
        var meanDiff: Double
        var medianChangedCells: Double
        var saves: Int
        var medianWrite: Double
        var failures: Int
    }

    func measure(guide: Guide, folder: String) throws -> Result {
        var settings = SessionSettings()
        settings.thinkTime = .zero
        settings.answerTime = .seconds(600)
        let plan = try SessionPlanner.plan(from: [.init(bank: "edge-ai-engineer", guide: guide)], kinds: [.technical], count: 1,
                                           seed: 1, settings: settings)
        let home = HomeState(banks: [], choice: SessionChoice(banks: ["edge-ai-engineer"], kinds: [], questions: 1, settings: settings),
                             interrupted: nil)
        var state = AppState(size: size, now: Instant(.zero), home: home)
        let store = try TranscriptStore(folder: folder)
        var saves: SessionSaves?
        var handedOver = 0
        /// Carries out the app's commands as the interface does; true when a save was handed over.
        func perform(_ commands: [AppCommand]) throws -> Bool {
            var saved = false
            for command in commands {
                switch command {
                case .create(let interview):
                    saves = try SessionSaves(store: store, interview: interview)
                    _ = state.update(.created(id: saves!.id))
                case .save(let interview, let event, let effects, let question):
                    saves?.save(interview, event, effects, question)
                    handedOver += 1
                    saved = true
                default:
                    break
                }
            }
            return saved
        }
        _ = try perform(state.update(.planned(Interview(plan: plan), guides: [guide])))
        _ = try perform(state.update(.key(.enter)))
        var now = Duration.zero
        let answer = Self.answer(words: words, shape: shape)
        if words > 0 {
            _ = try perform(state.update(.text(answer)))
        }
        if inTheMiddle {
            // Page up to the middle of the answer.
            let width = QuestionLayout.textWidth(for: size)
            let lines = WordWrap.lines(Array(answer), width: width).count
            while let editor = state.session?.editors[.free], editor.cursorPlace(width: width).line > lines / 2 {
                _ = try perform(state.update(.key(.pageUp)))
            }
        }
        var previous = AppView.render(state)
        let clock = ContinuousClock()
        var all: [Double] = []
        var withSave: [Double] = []
        var cpu: [Double] = []
        var changedCells: [Double] = []
        var phases = [Double](repeating: 0, count: 3)
        let typed = Array("Then I would profile the delegate partitions and fall back to the CPU for unsupported operators. ")
        for round in 0..<Self.keys {
            now += .milliseconds(200)
            let character = typed[round % typed.count]
            let cpuStart = Self.threadCPUTime()
            let start = clock.now
            var saved = try perform(state.update(.tick(Instant(now))))
            saved = try perform(state.update(.key(.character(character)))) || saved
            let updated = clock.now
            let frame = AppView.render(state)
            let rendered = clock.now
            let changes = frame.changes(since: previous)
            let end = clock.now
            cpu.append(Self.threadCPUTime() - cpuStart)
            phases[0] += micros(updated - start)
            phases[1] += micros(rendered - updated)
            phases[2] += micros(end - rendered)
            previous = frame
            all.append(micros(end - start))
            if saved { withSave.append(micros(end - start)) }
            changedCells.append(Double(changes.reduce(0) { $0 + $1.cells.count }))
            let left = start + Self.pacing - clock.now
            if left > .zero { usleep(UInt32(micros(left))) }
        }
        saves?.finish()
        let writes = (saves?.writeTimes ?? []).map { $0 * 1e6 }
        let count = Double(Self.keys)
        return Result(all: all, withSave: withSave, cpu: cpu, meanUpdate: phases[0] / count, meanRender: phases[1] / count,
                      meanDiff: phases[2] / count, medianChangedCells: median(changedCells), saves: handedOver,
                      medianWrite: writes.isEmpty ? 0 : median(writes), failures: saves?.failures ?? 0)
    }

    private func micros(_ duration: Duration) -> Double {
        Double(duration.components.attoseconds) / 1e12 + Double(duration.components.seconds) * 1e6
    }

    /// This thread's CPU time so far, in microseconds.
    private static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e6 + Double(time.tv_nsec) / 1e3
    }

    /// `words` words of a plausible technical answer, laid out as `shape` says.
    static func answer(words: Int, shape: Shape) -> String {
        switch shape {
        case .paragraphs: prose(words: words)
        case .oneParagraph: prose(words: words).replacingOccurrences(of: ".\n\n", with: ". ")
        case .ideographs: String((0..<words).map { Array("模型量化延迟设备测试精度内存带宽算子加速器")[$0 % 20] })
        }
    }

    /// `words` words of prose in paragraphs of 40 to 160 words.
    static func prose(words: Int) -> String {
        let vocabulary = """
            the model is quantized with calibration data and measured on the device under thermal load so that \
            latency stays inside the budget while accuracy drops less than one point on the held out set we profile \
            each operator find the slow ones and move them to the accelerator or fuse them with their neighbours \
            memory bandwidth matters more than arithmetic here because activations are large and the cache is small
            """.split(separator: " ")
        var random: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        var text = ""
        var paragraph = 0
        var paragraphLength = 40 + next(121)
        for index in 0..<words {
            if paragraph == paragraphLength {
                text += ".\n\n"
                paragraph = 0
                paragraphLength = 40 + next(121)
            } else if index > 0 {
                text += " "
            }
            text += vocabulary[next(vocabulary.count)]
            paragraph += 1
        }
        return text
    }
}

func keystrokeCosts(bankPath: String) throws {
    let guide = try GuideLoader.load(contentsOf: bankPath)
    let small = Size(width: 80, height: 24)
    let runs = [small, Size(width: 200, height: 60)].flatMap { size in
        [0, 500, 5_000].map { KeystrokeCost(size: size, words: $0) } + [KeystrokeCost(size: size, words: 5_000, inTheMiddle: true)]
    } + [KeystrokeCost(size: small, words: 5_000, inTheMiddle: true, shape: .oneParagraph),
         KeystrokeCost(size: small, words: 5_000, inTheMiddle: true, shape: .ideographs)]
    print("A typed character on the question screen: the key's events, the update, handing saves to a background writer on a")
    print("real store, rendering and the diff; \(KeystrokeCost.keys.formatted()) keys per row, 0.2 s apart on the app's clock (a save a second):")
    print("  size     answer                       wall µs: p50    p99    max   CPU µs: p50    p99   with a save: p50 / max µs"
        + "   mean update / render / diff µs   cells   saves   write p50 µs")
    var results: [(KeystrokeCost, KeystrokeCost.Result)] = []
    for run in runs {
        let folder = NSTemporaryDirectory() + "rehearse-keys-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try run.measure(guide: guide, folder: folder)
        let shape = switch run.shape {
        case .paragraphs: ""
        case .oneParagraph: " in one paragraph"
        case .ideographs: " (ideographs, one paragraph)"
        }
        let answer = "\(run.words.formatted()) words" + shape + (run.inTheMiddle ? ", middle" : "")
        let place = "\(run.size.width)x\(run.size.height)".padding(toLength: 8, withPad: " ", startingAt: 0)
        print("  " + place + " " + answer.padding(toLength: 41, withPad: " ", startingAt: 0) + String(
            format: "%6.0f %6.0f %6.0f       %6.0f %6.0f     %9.0f / %-9.0f        %8.0f / %6.0f / %4.0f        %5.0f   %5d   %8.0f",
            median(result.all), percentile(result.all, 0.99), result.all.max()!, median(result.cpu), percentile(result.cpu, 0.99),
            result.withSave.isEmpty ? 0 : median(result.withSave), result.withSave.max() ?? 0,
            result.meanUpdate, result.meanRender, result.meanDiff, result.medianChangedCells, result.saves, result.medianWrite)
            + (result.failures > 0 ? " (\(result.failures) writes failed)" : ""))
        results.append((run, result))
    }
    // The reference, measured in the same run: the same key with nothing written yet.
    for size in Set(runs.map(\.size)).sorted(by: { $0.width < $1.width }) {
        guard let empty = results.first(where: { $0.0.size == size && $0.0.words == 0 })?.1,
              let long = results.first(where: { $0.0.size == size && $0.0.words == 5_000 && !$0.0.inTheMiddle })?.1 else { continue }
        print(String(format: "  at %dx%d, 5,000 words against none: wall p50 %.2fx, p99 %.2fx; CPU p50 %.2fx, p99 %.2fx", size.width, size.height,
                     median(long.all) / median(empty.all), percentile(long.all, 0.99) / percentile(empty.all, 0.99),
                     median(long.cpu) / median(empty.cpu), percentile(long.cpu, 0.99) / percentile(empty.cpu, 0.99)))
    }
}
