import InterviewCore

/// The rubric as self-review lists it: the points to tick, then the pitfalls the answer may have
/// fallen into, each list in the rubric's order. A selection counts along `order`.
struct ReviewList: Equatable {
    let points: [Int]
    let pitfalls: [Int]

    init(_ rubric: [RubricPoint]) {
        points = rubric.indices.filter { rubric[$0].kind != .pitfall }
        pitfalls = rubric.indices.filter { rubric[$0].kind == .pitfall }
    }

    /// Rubric indices in the order they are listed.
    var order: [Int] { points + pitfalls }
}

/// Self-review's part of `update`: ticking, accepting what the text seems to make, the question
/// asked when nothing is ticked, rating a question with no rubric, and the judgement arriving
/// from the runner.
extension AppState {
    /// Whether the question must be rated 1–5 rather than ticked (its rubric has nothing to
    /// score against).
    static func isSelfRated(_ question: Question) -> Bool {
        Scoring.totalWeight(question.rubric) == 0
    }

    /// Points the recorded judgement found that are not ticked yet (pitfalls aside).
    var untickedDetected: Set<Int> {
        guard let session, let planned = session.interview.current, let record = session.interview.currentRecord else { return [] }
        return record.detectedPoints(planned.question.rubric).subtracting(session.ticks)
    }

    func holdsInReview(_ condition: KeyCondition) -> Bool {
        guard let planned = session?.interview.current, session?.interview.phase == .selfReview else { return false }
        switch condition {
        case .rubricToTick: return !Self.isSelfRated(planned.question)
        case .selfRated: return Self.isSelfRated(planned.question)
        case .detectedToAccept: return !Self.isSelfRated(planned.question) && !untickedDetected.isEmpty
        default: return false
        }
    }

    mutating func reviewKey(_ action: Action?) -> [AppCommand] {
        guard var session, let planned = session.interview.current else { return [] }
        let order = ReviewList(planned.question.rubric).order
        let rated = Self.isSelfRated(planned.question)
        let page = max(1, size.height / 3)
        switch action {
        case .toggle:
            guard !rated, order.indices.contains(session.rubricSelection) else { return [] }
            let point = order[session.rubricSelection]
            if session.ticks.contains(point) { session.ticks.remove(point) } else { session.ticks.insert(point) }
        case .acceptDetected:
            self.session = session
            return acceptDetected()
        case .rate(let rating):
            guard rated else {
                status = "This question has a rubric: Space ticks the points your answer made."
                return []
            }
            session.rating = rating
            status = nil
        case .up, .down, .pageUp, .pageDown:
            let step = switch action {
            case .up: -1
            case .down: 1
            case .pageUp: -page
            default: page
            }
            switch session.reviewPane {
            case 0: session.rubricSelection = max(0, min(order.count - 1, session.rubricSelection + step))
            case 1: session.answerScroll = max(0, session.answerScroll + step)
            default: session.modelScroll = max(0, session.modelScroll + step)
            }
        case .nextPane:
            session.reviewPane = (session.reviewPane + 1) % 3
        case .previousPane:
            session.reviewPane = (session.reviewPane + 2) % 3
        case .finishReview:
            self.session = session
            return finishReview()
        case .skipReview:
            self.session = session
            return apply(.skip(at: now))
        case .cycleGrade:
            self.session = session
            return cycleGrade()
        case .togglePrevious:
            session.showsPrevious = Self.togglePrevious(session.showsPrevious, has: session.previous[planned.question.id] != nil, status: &status)
        case .help:
            self.session = session
            return showHelp()
        case .quit:
            self.session = session
            return ask()
        case .leaveForLater:
            self.session = session
            return leaveForLater()
        default: break
        }
        self.session = session
        return []
    }

    /// Enter: the rating, or the ticks, go to the interview. With nothing ticked while the text
    /// seems to make some points, it asks once first.
    private mutating func finishReview() -> [AppCommand] {
        guard let session, let planned = session.interview.current else { return [] }
        if Self.isSelfRated(planned.question) {
            guard let rating = session.rating else {
                status = "Rate your answer first: 1 (missed it) to 5 (as strong as a model answer); ^N goes on without."
                return []
            }
            return apply(.rate(rating, at: now))
        }
        if session.ticks.isEmpty, !session.askedAboutTicks, !untickedDetected.isEmpty {
            self.session?.askedAboutTicks = true
            overlay = .confirmNoTicks
            return []
        }
        return apply(.review(ticks: session.ticks, at: now))
    }

    /// Ticks every point the text seems to make (pitfalls are never ticked for the user).
    private mutating func acceptDetected() -> [AppCommand] {
        guard let planned = session?.interview.current, !Self.isSelfRated(planned.question) else { return [] }
        let detected = untickedDetected
        guard !detected.isEmpty else {
            status = session?.awaitingJudgement == true ? "Your answer is still being judged: a moment." : "No detected point is left to tick."
            return []
        }
        session?.ticks.formUnion(detected)
        status = "Ticked \(Wording.plural(detected.count, "point")) your text seems to make: Space unticks any it did not."
        return []
    }

    mutating func ticksDialogKey(_ action: Action?) -> [AppCommand] {
        switch action {
        case .acceptDetected:
            overlay = nil
            _ = acceptDetected()
            status = nil
            return finishReview()
        case .finishReview:
            overlay = nil
            return finishReview()
        case .back:
            overlay = nil
        case .stopNow:
            overlay = nil
            return stopNow()
        default: break
        }
        return []
    }

    // MARK: Judging

    /// After a phase change from question `question`: when its main answer was just submitted,
    /// it goes to be judged.
    mutating func judgeSubmittedAnswer(from phase: Interview.Phase, question: Int) -> [AppCommand] {
        guard phase == .reading || phase == .answering, session?.interview.index == question else { return [] }
        return judgeUnjudgedAnswer()
    }

    /// Asks the runner to judge the current main answer, when it is in (the question is at its
    /// follow-ups or review), has text and a rubric, and is neither judged nor being judged.
    mutating func judgeUnjudgedAnswer() -> [AppCommand] {
        guard let session, let planned = session.interview.current, let record = session.interview.currentRecord,
              record.judgement == nil, !session.awaitingJudgement, !record.skipped, !planned.question.rubric.isEmpty,
              !record.mainAnswer.trimmingWhitespace().isEmpty else { return [] }
        switch session.interview.phase {
        case .followUp, .selfReview: break
        default: return []
        }
        self.session?.awaitingJudgement = true
        return [.judge(session.interview, session: session.id, question: session.interview.index)]
    }

    /// The runner's answer to `.judge`: recorded when it is still about the question under way.
    mutating func judged(_ judgement: AnswerJudgement?, session id: String?, question: Int) -> [AppCommand] {
        guard let session, session.id == id, session.interview.index == question, !session.interview.phase.isFinished else { return [] }
        self.session?.awaitingJudgement = false
        guard let judgement, session.interview.currentRecord?.judgement == nil else { return [] }
        return apply(.judged(judgement, at: now))
    }
}
