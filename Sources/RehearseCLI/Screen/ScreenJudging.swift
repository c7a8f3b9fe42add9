import Dispatch
import Foundation
import InterviewCore
import Synchronization
import TerminalUI

/// Judges answers for the full-screen interface on a queue of its own, so that no key ever
/// waits for the answer model. The model is loaded when a session's first question appears
/// (never at start-up); while an answer is typed, its finished sentences are embedded as the
/// session saves them, so that judging it on submit embeds only its last sentence or two. What
/// the queue finds comes back as app events, which the runner takes between keys.
final class ScreenJudging: @unchecked Sendable {
    // Safe to share: `judges` is touched only on `queue`; everything else is behind a mutex.
    private let queue = DispatchQueue(label: "rehearse.judging", qos: .userInitiated)
    private let judges: SessionJudges
    private let outbox: Outbox
    /// Judgements asked for and not yet in the outbox.
    private let pending = Mutex(0)
    /// The newest text typed, waiting to be prepared; only the newest matters.
    private let typedText = Mutex<Typed?>(nil)

    private final class Outbox: Sendable {
        let events = Mutex<[AppEvent]>([])
    }

    private struct Typed: Sendable {
        var record: QuestionRecord
        var planned: PlannedQuestion
        var plan: SessionPlan
    }

    /// Set when the interface ends: work still queued is dropped.
    private let stopped = Mutex(false)

    /// Whether answers are read by words, said once per process.
    private static let announced = Mutex(false)

    init(dataDirectory: String, catalog: BankCatalog) {
        let outbox = Outbox()
        self.outbox = outbox
        judges = SessionJudges(choice: nil, dataDirectory: dataDirectory, catalog: catalog, sentenceBySentence: true) { _ in
            let first = Self.announced.withLock { already in
                defer { already = true }
                return !already
            }
            guard first else { return }
            let reason: String
            if case .failure(let error) = JudgeSetup.model, !(error is JudgeSetup.Failure) {
                reason = "the answer model could not be loaded (\(error))"
            } else {
                reason = "the answer model was not found (run make)"
            }
            outbox.events.withLock { $0.append(.message("Judging by words: \(reason).")) }
        }
    }

    /// A session's first question is up: load the model and its guides' judges, and embed the
    /// points of its questions (kept in the data folder's cache for the next time).
    func begin(_ plan: SessionPlan) {
        // A question at a time, so that `finish` never waits for more than one's points.
        for planned in plan.questions {
            queue.async {
                guard !self.isStopped else { return }
                self.judges.warmUp(planned, plan: plan)
            }
        }
    }

    /// The session saved: while an answer is being written, its finished sentences are embedded.
    func saved(_ interview: Interview) {
        guard interview.phase == .reading || interview.phase == .answering, let planned = interview.current,
              let record = interview.currentRecord, !planned.question.rubric.isEmpty else { return }
        let waiting = typedText.withLock { typed in
            defer { typed = Typed(record: record, planned: planned, plan: interview.plan) }
            return typed != nil
        }
        // One preparation is already queued: it takes the newest text when it runs.
        if waiting { return }
        queue.async {
            guard !self.isStopped, let typed = self.typedText.withLock({ typed in defer { typed = nil }; return typed }) else { return }
            // The text judged is put together here, away from the keys.
            let text = typed.record.judgedText
            guard !text.isEmpty else { return }
            self.judges.prepare(text, for: typed.planned, plan: typed.plan)
        }
    }

    /// Judges the main answer of `question` as `interview` holds it; the judgement comes back as
    /// `.judged`.
    func judge(_ interview: Interview, session: String?, question: Int) {
        guard interview.plan.questions.indices.contains(question) else { return }
        let planned = interview.plan.questions[question]
        let record = interview.records[question]
        pending.withLock { $0 += 1 }
        queue.async {
            let judgement = self.isStopped ? nil : self.judges.judge(planned, record, plan: interview.plan)
            self.outbox.events.withLock { $0.append(.judged(judgement, session: session, question: question)) }
            self.pending.withLock { $0 -= 1 }
        }
    }

    private var isStopped: Bool { stopped.withLock { $0 } }

    /// The interface is ending: drops what is queued and waits for what is running, so that
    /// the process never exits (unloading the BLAS library) while the model computes.
    func finish() {
        stopped.withLock { $0 = true }
        queue.sync {}
    }

    /// Whether a judgement is on its way: the runner then looks for it often.
    var isWaiting: Bool { pending.withLock { $0 > 0 } }

    /// What the queue found since the last call, in order.
    func takeEvents() -> [AppEvent] {
        outbox.events.withLock { events in
            defer { events = [] }
            return events
        }
    }
}
