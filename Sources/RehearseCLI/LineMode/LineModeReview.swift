import InterviewCore

/// Self-review in line mode: the model answer, then the points to tick (`rubric> `), asking
/// once whether to accept the points the text seems to make when none were ticked
/// (`accept> `), then the pitfalls the answer may have fallen into (`pitfalls> `); a question
/// with no rubric is rated 1–5 instead (`rating> `). The answer is judged once, here.
extension LineModeInterview {
    /// Reviews question `number`; false when the session ended during the review.
    mutating func selfReview(_ planned: PlannedQuestion, number: Int) -> Bool {
        if interview.records[number].judgement == nil, let judgement = judge(planned, interview.records[number]) {
            apply(.judged(judgement, at: now))
        }
        let record = interview.records[number]
        let rubric = planned.question.rubric
        LineModeReport.modelAnswer(planned).forEach(write)
        if let earlier = previous(planned) { write(LineModeReport.previousAttempt(earlier, to: planned)) }
        let outcome: ReviewReply
        if Scoring.totalWeight(rubric) == 0 {
            outcome = rate(hasModelAnswer: LineModeReport.hasModelAnswer(planned.question.sections))
        } else {
            outcome = tick(rubric, judgement: record.judgement)
        }
        switch outcome {
        case .ended:
            return false
        case .skipped:
            write("Not reviewed: this question counts 0 towards the session score.")
            apply(.skip(at: now))
        case .ticks(let ticks):
            apply(.review(ticks: ticks, at: now))
        case .rating(let rating):
            apply(.rate(rating, at: now))
        }
        LineModeReport.result(planned, interview.records[number]).forEach(write)
        return !interview.phase.isFinished
    }

    enum ReviewReply {
        case ticks(Set<Int>)
        case rating(Int)
        case skipped
        case ended
    }

    /// One reply at `prompt`; commands handled, nil for a line to read as a reply.
    private mutating func reply(_ prompt: String) -> Result<String, ReplyStop> {
        while true {
            write(prompt)
            switch nextLine(timed: false) {
            case .end: return .failure(.ended)
            case .movedOn: return .failure(.ended)
            case .line(let line):
                let command = Self.command(line)
                if command == ":grade" || command.hasPrefix(":grade ") {
                    chooseGrade(String(command.dropFirst(6)))
                    continue
                }
                switch command {
                case ":quit":
                    apply(.abandon(at: now))
                    return .failure(.ended)
                case ":skip":
                    return .failure(.skipped)
                case ":pause", ":resume":
                    write("(Self-review has no clock: nothing to pause.)")
                default:
                    return .success(line)
                }
            }
        }
    }

    enum ReplyStop: Error {
        case skipped, ended
    }

    private mutating func tick(_ rubric: [RubricPoint], judgement: AnswerJudgement?) -> ReviewReply {
        let points = rubric.indices.filter { rubric[$0].kind != .pitfall }
        let pitfalls = rubric.indices.filter { rubric[$0].kind == .pitfall }
        let detected = judgement?.covered(rubric) ?? []
        LineModeReport.points(rubric, points, judgement: judgement).forEach(write)
        var ticks: Set<Int>
        switch reply("rubric> ") {
        case .failure(let stop): return stop == .skipped ? .skipped : .ended
        case .success(let line):
            let (taken, ignored) = self.ticks(from: line, count: points.count)
            ticks = Set(taken.map { points[$0] })
            if !ignored.isEmpty { write("(Ignored, not point numbers: \(ignored.joined(separator: " ")).)") }
            if ticks.isEmpty, ignored.isEmpty, !detected.isEmpty {
                let numbers = points.indices.filter { detected.contains(points[$0]) }.map { String($0 + 1) }
                write("Nothing ticked, yet your text seems to make \(Wording.plural(numbers.count, "point")) (\(numbers.joined(separator: ", "))). "
                    + "Type y to tick \(numbers.count == 1 ? "it" : "them"), or an empty line to leave \(numbers.count == 1 ? "it" : "them") unticked.")
                switch reply("accept> ") {
                case .failure(let stop): return stop == .skipped ? .skipped : .ended
                case .success(let answer):
                    if ["y", "yes"].contains(answer.trimmingWhitespace().lowercased()) { ticks = detected }
                }
            }
            let shown = points.indices.filter { ticks.contains(points[$0]) }.map { String($0 + 1) }
            write(shown.isEmpty ? "Nothing ticked." : "Ticked: " + shown.joined(separator: ", ") + ".")
        }
        guard !pitfalls.isEmpty else { return .ticks(ticks) }
        LineModeReport.pitfalls(rubric, pitfalls, judgement: judgement).forEach(write)
        switch reply("pitfalls> ") {
        case .failure(let stop): return stop == .skipped ? .skipped : .ended
        case .success(let line):
            let (taken, ignored) = self.ticks(from: line, count: pitfalls.count)
            if !ignored.isEmpty { write("(Ignored, not pitfall numbers: \(ignored.joined(separator: " ")).)") }
            let fallen = taken.sorted()
            write(fallen.isEmpty ? "No pitfall." : "Fell into: " + fallen.map { String($0 + 1) }.joined(separator: ", ") + ".")
            return .ticks(ticks.union(taken.map { pitfalls[$0] }))
        }
    }

    private mutating func rate(hasModelAnswer: Bool) -> ReviewReply {
        write("This question has no rubric to tick: rate your answer from 1 (missed it) to 5 "
            + (hasModelAnswer ? "(as strong as the model answer)." : "(as strong as it could be)."))
        while true {
            switch reply("rating> ") {
            case .failure(let stop): return stop == .skipped ? .skipped : .ended
            case .success(let line):
                if let rating = Int(line.trimmingWhitespace()), (1...5).contains(rating) { return .rating(rating) }
                write("(A rating is a number from 1 to 5, or :skip.)")
            }
        }
    }
}
