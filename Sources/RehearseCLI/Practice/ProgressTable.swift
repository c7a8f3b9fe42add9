import Foundation
import InterviewCore

/// `rehearse progress` as text: the same report as the JSON, as tables a pipe or a screen
/// reader can take line by line.
enum ProgressTable {
    static func lines(_ report: ProgressReport, now: Date = Date()) -> [String] {
        let overall = report.overall
        var head = "Progress: \(overall.seen) of \(Wording.plural(overall.total, "question")) seen, \(Wording.plural(overall.attempts, "attempt"))"
        if let mean = overall.meanLatestScore { head += ", latest scores \(Wording.percent(mean)) on average" }
        var due = "Due: \(overall.dueToday) today, \(overall.dueThisWeek) within a week"
        if let next = report.nextDue { due += "; the next falls due \(LocalDay.when(next, now: now))" }
        var lines = [head, due]
        if !overall.trend.isEmpty { lines.append("Trend of session scores, oldest first: " + Sparkline.draw(overall.trend.map(\.score), width: ProgressReport.trendLength)) }
        for (title, groups) in [("GUIDE", report.guides), ("KIND", report.kinds)] {
            lines.append("")
            lines.append(row("SEEN", "ATTEMPTS", "LATEST", "TODAY", "WEEK", "TREND", title))
            for group in groups {
                lines.append(row("\(group.seen)/\(group.total)", "\(group.attempts)", group.meanLatestScore.map(Wording.percent) ?? "—",
                                 "\(group.dueToday)", "\(group.dueThisWeek)", Sparkline.draw(group.trend.map(\.score), width: ProgressReport.trendLength),
                                 TerminalText.neutralized(group.name)))
            }
        }
        let practised = report.questions.filter { $0.practice != nil }.sorted { ($0.practice!.due, $0.id) < ($1.practice!.due, $1.id) }
        lines.append("")
        if practised.isEmpty {
            lines.append("No question practised yet: a reviewed answer schedules its question.")
        } else {
            lines.append("DUE         PRACTISED   TRIES  LAST   BEST   KIND             QUESTION")
            for entry in practised {
                let practice = entry.practice!
                lines.append(pad(LocalDay.day(practice.due), 11) + " " + pad(LocalDay.day(practice.lastPracticed), 11) + " "
                    + pad("\(practice.attempts)", 6) + " " + pad(practice.lastScore.map(Wording.percent) ?? "—", 6) + " "
                    + pad(practice.bestScore.map(Wording.percent) ?? "—", 6) + " " + pad(entry.kind.rawValue, 16) + " "
                    + TerminalText.neutralized(entry.id) + (entry.inGuide ? "" : " (no longer in a guide)"))
            }
        }
        let unseen = overall.total - overall.seen
        if unseen > 0 { lines.append("\(Wording.plural(unseen, "question")) never attempted: `rehearse practice --new` asks them.") }
        return lines
    }

    private static func row(_ seen: String, _ attempts: String, _ latest: String, _ today: String, _ week: String, _ trend: String, _ name: String) -> String {
        pad(seen, 8) + " " + pad(attempts, 9) + " " + pad(latest, 7) + " " + pad(today, 6) + " " + pad(week, 5) + " "
            + pad(trend, ProgressReport.trendLength) + " " + name
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
