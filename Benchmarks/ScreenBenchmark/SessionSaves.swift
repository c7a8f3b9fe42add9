import Foundation
import InterviewCore
import TranscriptStore

/// The app's saves written the way the full-screen interface writes them: each `.save`
/// command's interview is handed, as a value, to a queue that a background thread writes to a
/// real store, and typing that a newer state replaces is not written twice. It does what
/// RehearseCLI's `SessionWriter` does in the background (the same copying, queueing and
/// store calls) without bringing the command-line library into the benchmark.
final class SessionSaves: @unchecked Sendable {
    private struct Save {
        var interview: Interview
        var event: Interview.Event?
        var effects: [Interview.Effect]
        var position: Int

        var isReplaceable: Bool {
            switch event {
            case nil, .type: true
            case .tick: !effects.contains { if case .warning = $0 { true } else { $0 == .timeUp } }
            default: false
            }
        }
    }

    let store: TranscriptStore
    let id: String
    private let startedAt = Date()
    private let condition = NSCondition()
    private var queue: [Save] = []
    private var busy = false
    private var stopping = false
    /// Seconds each write took on the writing thread.
    private(set) var writeTimes: [Double] = []
    private(set) var failures = 0

    init(store: TranscriptStore, interview: Interview) throws {
        self.store = store
        id = try store.createSession(interview, at: startedAt)
        let thread = Thread { [self] in run() }
        thread.name = "bench.session-writer"
        thread.start()
    }

    func save(_ interview: Interview, _ event: Interview.Event?, _ effects: [Interview.Effect], _ position: Int) {
        let save = Save(interview: interview, event: event, effects: effects, position: position)
        condition.lock()
        if save.isReplaceable, let last = queue.last, last.isReplaceable { queue.removeLast() }
        queue.append(save)
        condition.signal()
        condition.unlock()
    }

    /// Waits for the queue to be written and stops the thread.
    func finish() {
        condition.lock()
        stopping = true
        condition.signal()
        while busy || !queue.isEmpty { condition.wait() }
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while queue.isEmpty && !stopping { condition.wait() }
            if queue.isEmpty && stopping {
                condition.unlock()
                return
            }
            let next = queue.removeFirst()
            busy = true
            condition.unlock()
            let start = Date()
            do {
                try store.save(id, next.interview, event: next.event, effects: next.effects, position: next.position, startedAt: startedAt)
            } catch {
                failures += 1
            }
            let took = Date().timeIntervalSince(start)
            condition.lock()
            writeTimes.append(took)
            busy = false
            condition.broadcast()
            condition.unlock()
        }
    }
}
