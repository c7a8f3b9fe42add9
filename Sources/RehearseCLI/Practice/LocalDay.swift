import Foundation
import InterviewCore

/// The user's day, in their time zone: where "today" ends, and dates as the user reads them.
enum LocalDay {
    static func timestamp(_ date: Date) -> Timestamp {
        Timestamp(secondsSince1970: date.timeIntervalSince1970)
    }

    static func date(_ timestamp: Timestamp) -> Date {
        Date(timeIntervalSince1970: timestamp.secondsSince1970)
    }

    /// The next local midnight after `now`.
    static func endOfToday(_ now: Date = Date()) -> Timestamp {
        let calendar = Calendar.current
        let tomorrow = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now)) ?? now.addingTimeInterval(86_400)
        return timestamp(tomorrow)
    }

    /// `2026-03-02`, in the local time zone.
    static func day(_ timestamp: Timestamp) -> String {
        String(StoredSessions.date(date(timestamp)).prefix(10))
    }

    /// When something falls due, in a column: "overdue", "today", "tomorrow", "in 5 days", or
    /// the date when it is more than a month away.
    static func shortWhen(_ due: Timestamp, now: Date = Date()) -> String {
        let days = daysFromToday(due, now: now)
        switch days {
        case ..<0: return "overdue"
        case 0: return "today"
        case 1: return "tomorrow"
        case 2...31: return "in \(days) days"
        default: return day(due)
        }
    }

    /// When something falls due, as a person says it: "today", "tomorrow", "on 2026-03-09 (in 7 days)".
    static func when(_ due: Timestamp, now: Date = Date()) -> String {
        let days = daysFromToday(due, now: now)
        switch days {
        case ..<1: return "today"
        case 1: return "tomorrow (\(day(due)))"
        default: return "on \(day(due)) (in \(days) days)"
        }
    }

    /// Calendar days from today to the day of `moment`: 0 today, 1 tomorrow, -1 yesterday.
    private static func daysFromToday(_ moment: Timestamp, now: Date) -> Int {
        let calendar = Calendar.current
        return calendar.dateComponents([.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: date(moment))).day ?? 0
    }
}
