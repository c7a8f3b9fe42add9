import Foundation
import InterviewCore
import TranscriptStore

/// Writes a running session to the store, and never lets a failure pass as "saved".
///
/// A failed save is sticky: the status says NOT SAVED, with the reason, until a later save
/// succeeds (every save retries with the newest state). When the program ends with work the
/// store could not take, `finish` writes it to a recovery file and says where.
///
/// The full-screen interface writes in the background, so a keystroke never waits for SQLite:
/// saves queue up, and typing that a newer state replaces is not written twice. Line mode
/// writes as it goes.
final class SessionWriter: @unchecked Sendable {
    enum Status: Equatable {
        /// The last save committed.
        case saved
        /// A save is queued or being written.
        case writing
        /// The last save failed; the reason, for the user.
        case failing(String)
    }

    /// How a session ended up, for the closing line.
    enum Outcome: Equatable {
        case saved
        /// The store could not take it; it is in the recovery file at this path.
        case recovered(path: String, reason: String)
        /// Neither the store nor any recovery file could take it.
        case lost(reason: String)
    }

    private struct Save {
        var interview: Interview
        var event: Interview.Event?
        var effects: [Interview.Effect]
        var position: Int

        /// Typing and ticks: a newer state says all they say.
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
    let startedAt: Date
    private let background: Bool
    private let condition = NSCondition()
    private var queue: [Save] = []
    private var busy = false
    private var stopping = false
    private var failure: String?
    private var worker: Thread?
    /// Told (on the writing thread) when saving starts failing or works again.
    private let report: (Status) -> Void

    init(store: TranscriptStore, id: String, startedAt: Date = Date(), background: Bool, report: @escaping (Status) -> Void = { _ in }) {
        self.store = store
        self.id = id
        self.startedAt = startedAt
        self.background = background
        self.report = report
        if background {
            let thread = Thread { [weak self] in self?.run() }
            thread.name = "rehearse.session-writer"
            worker = thread
            thread.start()
        }
    }

    var status: Status {
        condition.lock()
        defer { condition.unlock() }
        if let failure { return .failing(failure) }
        return queue.isEmpty && !busy ? .saved : .writing
    }

    func save(_ interview: Interview, _ event: Interview.Event?, _ effects: [Interview.Effect], _ position: Int) {
        let save = Save(interview: interview, event: event, effects: effects, position: position)
        guard background else { return write(save) }
        condition.lock()
        if save.isReplaceable, let last = queue.last, last.isReplaceable { queue.removeLast() }
        queue.append(save)
        condition.signal()
        condition.unlock()
    }

    /// Writes what is queued, retries a failed save once more with the newest state, and, if
    /// the store still cannot take it, writes the session to a recovery file.
    func finish(_ interview: Interview) -> Outcome {
        if background {
            condition.lock()
            stopping = true
            condition.signal()
            while busy || !queue.isEmpty { condition.wait() }
            condition.unlock()
        }
        condition.lock()
        let failed = failure != nil
        condition.unlock()
        if failed { write(Save(interview: interview, event: nil, effects: [], position: interview.index)) }
        condition.lock()
        let reason = failure
        condition.unlock()
        guard let reason else { return .saved }
        switch SessionRecovery.write(id: id, startedAt: startedAt, interview: interview, dataFolder: store.folder) {
        case .success(let path): return .recovered(path: path, reason: reason)
        case .failure(let error): return .lost(reason: "\(reason); \(error.description)")
        }
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
            write(next)
            condition.lock()
            busy = false
            condition.broadcast()
            condition.unlock()
        }
    }

    private func write(_ save: Save) {
        let outcome: String?
        do {
            try store.save(id, save.interview, event: save.event, effects: save.effects, position: save.position, startedAt: startedAt)
            outcome = nil
        } catch {
            outcome = StoreError.wrapping(error, path: store.path).description
        }
        condition.lock()
        let before = failure
        failure = outcome
        condition.unlock()
        if before != outcome { report(outcome.map(Status.failing) ?? .saved) }
    }
}
