import InterviewCore

/// The practice loop's part of `update`: the drill and progress from home, retrying a
/// question from the summary, the grade in self-review, and earlier attempts beside this one.
extension AppState {
    mutating func practiceLoaded(_ event: AppEvent) -> [AppCommand] {
        switch event {
        case .progressLoaded(let loaded):
            progress = loaded
            screen = .progress
            status = nil
        case .practiceLoaded(let overview):
            home.practice = overview
        case .previousAnswers(let answers):
            session?.previous = answers
        case .transcriptPrevious(let answers):
            transcript?.previous = answers
        default:
            break
        }
        return []
    }

    mutating func progressKey(_ action: Action?) -> [AppCommand] {
        guard var progress else { return [] }
        defer { self.progress = progress }
        switch action {
        case .up: progress.scroll = max(0, progress.scroll - 1)
        case .down: progress.scroll += 1
        case .pageUp: progress.scroll = max(0, progress.scroll - pageRows)
        case .pageDown: progress.scroll += pageRows
        case .top: progress.scroll = 0
        case .drill:
            screen = .home
            return startDrill()
        case .back:
            screen = .home
            status = nil
        case .help: return showHelp()
        case .quit: return quit()
        default: break
        }
        return []
    }

    /// A drill of what the home screen's drill row chooses, from the chosen guides and kinds.
    mutating func startDrill() -> [AppCommand] {
        guard let counts = home.practiceCounts else {
            status = "Practice is not available: the session store cannot be read."
            return []
        }
        let waiting = switch home.drillFocus {
        case .due: counts.due
        case .weak: counts.weak
        case .new: counts.new
        }
        guard waiting > 0 else {
            status = switch home.drillFocus {
            case .due: "Nothing is due" + (home.practice?.nextDue.map { "; the next question falls due \($0)." } ?? ".")
                + " The drill row's ←→ chooses weak or new."
            case .weak: "No weak questions among the chosen guides and kinds: the drill row's ←→ chooses due or new."
            case .new: "Every question of the chosen guides and kinds has been attempted: the drill row's ←→ chooses due or weak."
            }
            return []
        }
        return startSession(drill: home.drillFocus)
    }

    static func cycled(_ focus: PracticePool.Focus, by step: Int) -> PracticePool.Focus {
        let all = PracticePool.Focus.allCases
        return all[((all.firstIndex(of: focus) ?? 0) + step + all.count) % all.count]
    }

    // MARK: Summary

    mutating func moveSummarySelection(_ action: Action?) {
        guard let count = session?.interview.askedCount, count > 0 else { return }
        let current = session?.summarySelection ?? 0
        session?.summarySelection = switch action {
        case .up: max(0, current - 1)
        case .down: min(count - 1, current + 1)
        case .top: 0
        default: count - 1
        }
    }

    /// The selected question again, at once, as a session of its own with the same timing.
    mutating func retrySelected() -> [AppCommand] {
        guard let finished = session, finished.interview.plan.questions.indices.contains(finished.summarySelection),
              finished.summarySelection < finished.interview.askedCount else { return [] }
        let planned = finished.interview.plan.questions[finished.summarySelection]
        let old = finished.interview.plan
        let plan = SessionPlan(questions: [planned], settings: old.settings, thinkTime: old.thinkTime, seed: old.seed, requestedCount: 1)
        session = SessionScreenState(interview: Interview(plan: plan), guides: finished.guides)
        screen = .interview
        status = "Retrying: \(planned.question.title)"
        return [.create(session!.interview)] + apply(.begin(at: now))
    }

    // MARK: Self-review

    /// The grade the question is scheduled with: the score's, then Again, Hard, Good, Easy.
    mutating func cycleGrade() -> [AppCommand] {
        guard let record = session?.interview.currentRecord else { return [] }
        let order: [Grade?] = [nil] + Grade.allCases
        let next = order[((order.firstIndex(of: record.chosenGrade) ?? 0) + 1) % order.count]
        return apply(.chooseGrade(next, at: now))
    }

    /// Shows or hides an earlier attempt, saying so when there is none.
    static func togglePrevious(_ showing: Bool, has previous: Bool, status: inout String?) -> Bool {
        guard previous else {
            status = "This question has no earlier attempt."
            return false
        }
        return !showing
    }
}

extension AppState {
    /// The question the summary selects first: the lowest score among those reviewed.
    static func weakestQuestion(_ interview: Interview) -> Int {
        let scored = zip(interview.plan.questions, interview.records).prefix(interview.askedCount).enumerated()
            .compactMap { number, pair in
                pair.1.reviewed ? PracticeGrading.score(pair.0, pair.1).map { (number, $0) } : nil
            }
        return scored.min { $0.1 < $1.1 }?.0 ?? 0
    }
}
