import Foundation
import InterviewCore
import TranscriptStore

/// What the user asked to practise, from the command line (`--question`, `--topic`, `--new`,
/// `--weak`, `drill`) or the home screen (a drill of due, weak or new questions), and the
/// session it makes.
struct PracticeRequest: Equatable {
    /// Question ids or unique prefixes of them, asked in this order.
    var questions: [String] = []
    var topic: String?
    var onlyNew = false
    var weak = false
    /// A drill: due, then weak, then new; or only one of them.
    var drill = false
    var focus: PracticePool.Focus?

    /// Nothing asked for: a session drawn at random, as before practice existed.
    var isEmpty: Bool { questions.isEmpty && topic == nil && !onlyNew && !weak && !drill }

    /// A line for the user about what was chosen, and why.
    struct Plan {
        var plan: SessionPlan
        var notes: [String]
    }

    /// The session this request makes from `sources`, given what the store knows of each
    /// question. `count` applies to everything but questions asked for by id.
    func plan(sources: [SessionPlanner.Source], kinds: [CategoryKind], practice: [String: QuestionPractice], count: Int, seed: UInt64,
              settings: SessionSettings, now: Date = Date()) throws(PracticeSelectionError) -> Plan {
        var notes: [String] = []
        let ids: [String]
        if !questions.isEmpty {
            ids = try PracticePool(sources: sources).resolve(questions)
        } else {
            var pool = PracticePool(sources: sources, kinds: kinds)
            var ranked: [String]?
            if let topic {
                let matching = pool.matching(topic: topic)
                guard !matching.isEmpty else { throw .noTopicMatch(topic) }
                pool = PracticePool(sources: sources, kinds: kinds, only: Set(matching))
                ranked = matching
            }
            if drill {
                let endOfToday = LocalDay.endOfToday(now)
                ids = pool.drill(practice, dueBy: endOfToday, count: count, seed: seed, focus: focus)
                let due = pool.due(practice, by: endOfToday)
                if ids.isEmpty {
                    throw focus == .new ? .nothingNew : .nothingToDrill(nextDue: pool.nextDue(practice))
                }
                if due.isEmpty, focus == nil || focus == .due, let next = pool.nextDue(practice) {
                    notes.append("Nothing is due today; the next question falls due \(LocalDay.when(next, now: now)).")
                }
            } else if onlyNew {
                let new = pool.new(practice, seed: seed)
                guard !new.isEmpty else { throw .nothingNew }
                ids = ranked.map { $0.filter(Set(new).contains) } ?? new
            } else if weak {
                let weakest = pool.weakest(practice)
                guard !weakest.isEmpty else { throw .nothingAttempted }
                ids = weakest
            } else {
                ids = ranked ?? []
            }
        }
        let chosen = questions.isEmpty ? Array(ids.prefix(count)) : ids
        // Every id came from these guides, so a plan is found unless none was chosen.
        guard !chosen.isEmpty, let plan = try? SessionPlanner.plan(questions: chosen, from: sources, seed: seed, settings: settings) else {
            throw onlyNew ? .nothingNew : weak ? .nothingAttempted : .noTopicMatch(topic ?? "")
        }
        return Plan(plan: plan, notes: notes)
    }
}

extension PracticeSelectionError {
    /// The message for the user, with dates in their time zone.
    var localDescription: String {
        if case .nothingToDrill(let next) = self {
            return "nothing to drill: no question is due, weak or new" + (next.map { "; the next falls due \(LocalDay.when($0))" } ?? "")
        }
        return description
    }
}
