import InterviewCore

/// Progress: coverage, scores, trends and what is due, per guide and per kind, then every
/// practised question, most urgent first. One scrolling list of rows.
enum ProgressScreen {
    static func draw(_ state: AppState, _ progress: ProgressScreenState, in buffer: inout CellBuffer) {
        let report = progress.report
        let due = report.overall.dueToday > 0 ? "\(report.overall.dueToday) due today" : nextDueLabel(progress).map { "next due \($0)" }
        Chrome.header("Rehearse · Progress", right: due ?? "", in: &buffer)
        let width = buffer.size.width - 4
        Chrome.lines(lines(progress, width: width), x: 2, y: 2, width: width, rows: buffer.size.height - 5,
                     scroll: progress.scroll, in: &buffer)
        Chrome.status(state.status, fallback: "Trends: each session's mean score, oldest first.", in: &buffer)
        Chrome.hints(.progress, state, in: &buffer)
    }

    static func lines(_ progress: ProgressScreenState, width: Int) -> TextBlocks.Lines {
        let report = progress.report
        let overall = report.overall
        var lines: TextBlocks.Lines = []
        var summary = "\(overall.seen) of \(overall.total) questions seen · \(Wording.plural(overall.attempts, "attempt"))"
        if let mean = overall.meanLatestScore { summary += " · latest scores \(Wording.percent(mean)) on average" }
        summary += " · due \(overall.dueToday) today, \(overall.dueThisWeek) this week"
        lines += WordWrap.wrap(summary, width: width).map { ($0, .bold) }
        if !overall.trend.isEmpty {
            lines.append(("Trend " + Sparkline.draw(overall.trend.map(\.score), width: width - 6), .plain))
        }
        let trendWidth = max(4, min(ProgressReport.trendLength, width - 44))
        // The guides practised come first: with many guides, the ones in use stay on screen.
        let guides = report.guides.filter { $0.seen > 0 } + report.guides.filter { $0.seen == 0 }
        for (title, groups) in [("Guide", guides), ("Kind", report.kinds)] {
            lines.append(("", .plain))
            lines.append((row(title, ["Seen", "Tries", "Latest", "Due", "Trend"], width: width, trendWidth: trendWidth), .heading))
            for group in groups {
                let cells = ["\(group.seen)/\(group.total)", "\(group.attempts)", group.meanLatestScore.map(Wording.percent) ?? "–",
                             "\(group.dueToday)/\(group.dueThisWeek)", Sparkline.draw(group.trend.map(\.score), width: trendWidth)]
                lines.append((row(group.title, cells, width: width, trendWidth: trendWidth), group.seen == 0 ? .dim : .plain))
            }
        }
        lines.append(("", .plain))
        lines.append(("Due: today/this week · Latest: mean of latest scores", .dim))
        let practised = report.questions.filter { $0.practice != nil }
            .sorted { ($0.practice!.due, $0.id) < ($1.practice!.due, $1.id) }
        lines.append(("", .plain))
        guard !practised.isEmpty else {
            lines.append(("No question practised yet: answer one and review it, and it is scheduled here.", .dim))
            return lines
        }
        lines.append((questionRow("Due", "Tries", "Last", "Best", "Question", width: width), .heading))
        for entry in practised {
            let practice = entry.practice!
            let title = (entry.title ?? entry.id + " (no longer in a guide)")
            lines.append((questionRow(progress.dueLabels[entry.id] ?? "", "\(practice.attempts)", practice.lastScore.map(Wording.percent) ?? "–",
                                      practice.bestScore.map(Wording.percent) ?? "–", title, width: width),
                          entry.inGuide ? .plain : .dim))
        }
        return lines
    }

    /// A group's row: its name in the room the figures leave.
    private static func row(_ name: String, _ cells: [String], width: Int, trendWidth: Int) -> String {
        let widths = [7, 6, 7, 6, trendWidth]
        let nameWidth = max(8, width - widths.reduce(0, +) - widths.count)
        return fitted(name, nameWidth) + zip(cells, widths).map { " " + fitted($0, $1) }.joined()
    }

    private static func questionRow(_ due: String, _ tries: String, _ last: String, _ best: String, _ title: String, width: Int) -> String {
        fitted(due, 11) + " " + fitted(tries, 5) + " " + fitted(last, 6) + " " + fitted(best, 6) + " " + fitted(title, max(8, width - 32))
    }

    /// `text` in exactly `width` columns: padded, or cut with an ellipsis.
    static func fitted(_ text: String, _ width: Int) -> String {
        let text = TerminalText.neutralized(text)
        let shown = TextWidth.of(text)
        if shown <= width { return text + String(repeating: " ", count: width - shown) }
        var cut = ""
        var used = 0
        for character in text {
            let next = TextWidth.of(character)
            guard used + next <= width - 1 else { break }
            cut.append(character)
            used += next
        }
        return cut + "…" + String(repeating: " ", count: max(0, width - 1 - used))
    }

    private static func nextDueLabel(_ progress: ProgressScreenState) -> String? {
        let report = progress.report
        guard let next = report.nextDue else { return nil }
        return report.questions.first { $0.practice?.due == next }.flatMap { progress.dueLabels[$0.id] }
    }
}
