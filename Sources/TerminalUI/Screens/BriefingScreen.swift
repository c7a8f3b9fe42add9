import InterviewCore

/// Before the first question: how the session runs, and each guide's overview.
enum BriefingScreen {
    static func lines(_ session: SessionScreenState, width: Int) -> TextBlocks.Lines {
        let plan = session.interview.plan
        var lines: TextBlocks.Lines = [("How this session runs", .heading)]
        var facts = ["\(Wording.plural(plan.questions.count, "question")), seed \(plan.seed)."]
        if plan.questions.count < plan.requestedCount {
            facts.append("You asked for \(plan.requestedCount); only \(plan.questions.count) match, so that is the session.")
        }
        facts.append(plan.thinkTime > .zero
            ? "Each question starts with \(plan.thinkTime.clockText) of think time; typing starts the answer clock early."
            : "No think time: the answer clock starts when each question appears.")
        facts.append("Answer time \(answerTimes(plan)); \(plan.settings.hardTime ? "hard time: the answer is submitted at 0:00." : "soft time: overtime counts on and is recorded.")")
        let followUps = plan.questions.map(\.followUps.count).max() ?? 0
        if followUps > 0 { facts.append("Up to \(Wording.plural(followUps, "follow-up question")) after each answer.") }
        if plan.questions.contains(where: { $0.question.scaffold == .star }) {
            facts.append("Behavioral questions are answered in STAR form: Situation, Task, Action, Result.")
        }
        let rated = plan.questions.filter { AppState.isSelfRated($0.question) }.count
        if rated == plan.questions.count {
            facts.append("After each answer, rate it from 1 to 5: \(rated == 1 ? "this question has" : "these questions have") no rubric to tick.")
        } else if rated > 0 {
            facts.append("After each answer, tick the rubric points you made; your score is what you ticked. "
                + "A question with no model answer is rated 1 to 5 instead.")
        } else {
            facts.append("After each answer, tick the rubric points you made; your score is what you ticked.")
        }
        facts.append("Everything is saved as you type.")
        for fact in facts { lines += WordWrap.wrap(fact, width: width, prefix: "• ").map { ($0, .plain) } }
        for guide in session.guides {
            lines.append(("", .plain))
            lines += WordWrap.wrap(guide.title, width: width).map { ($0, .heading) }
            if !guide.description.isEmpty { lines += TextBlocks.paragraphs(guide.description, width: width, style: .dim) }
            for paragraph in guide.introduction {
                lines.append(("", .plain))
                lines += TextBlocks.paragraphs(paragraph, width: width)
            }
            for section in guide.briefing {
                lines.append(("", .plain))
                lines += WordWrap.wrap(section.heading, width: width).map { ($0, .bold) }
                for item in section.items { lines += WordWrap.wrap(item, width: width, prefix: "• ").map { ($0, .plain) } }
            }
        }
        return lines
    }

    static func draw(_ state: AppState, _ session: SessionScreenState, in buffer: inout CellBuffer) {
        let titles = session.guides.map(\.title)
        let room = buffer.size.width - TextWidth.of("Rehearse · Briefing") - 4
        Chrome.header("Rehearse · Briefing", right: titles.count == 1 ? GuideTitle.fitted(titles[0], width: room) : Wording.plural(titles.count, "guide"),
                      in: &buffer)
        let width = buffer.size.width - 4
        let rows = buffer.size.height - 5
        Chrome.lines(lines(session, width: width), x: 2, y: 2, width: width, rows: rows, scroll: session.briefingScroll, in: &buffer)
        Chrome.status(state.status, fallback: "Press Enter when you are ready: the first question and its think time begin.", in: &buffer)
        Chrome.hints(.briefing, state, in: &buffer)
    }

    /// "3:00", or each time with the kinds of question it is for when they differ:
    /// "3:00 (behavioral, situational), 4:00 (technical)".
    static func answerTimes(_ plan: SessionPlan) -> String {
        let times = Set(plan.questions.map(\.answerTime)).sorted()
        guard times.count > 1 else { return times.first?.clockText ?? "" }
        return times.map { time in
            let kinds = CategoryKind.allCases.filter { kind in plan.questions.contains { $0.answerTime == time && $0.kind == kind } }
            return "\(time.clockText) (\(kinds.map { $0.displayName.lowercased() }.joined(separator: ", ")))"
        }.joined(separator: ", ")
    }
}
