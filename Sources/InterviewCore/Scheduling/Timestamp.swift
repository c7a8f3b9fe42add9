/// A moment on the calendar, as seconds since 1970-01-01 00:00 UTC. The core never reads a
/// clock: whoever schedules passes "now" in as one of these.
public struct Timestamp: Comparable, Hashable, Sendable, Codable {
    public static let secondsPerDay: Double = 86_400

    public var secondsSince1970: Double

    public init(secondsSince1970: Double) {
        self.secondsSince1970 = secondsSince1970
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    public func adding(days: Double) -> Timestamp {
        Timestamp(secondsSince1970: secondsSince1970 + days * Self.secondsPerDay)
    }

    public func adding(seconds: Double) -> Timestamp {
        Timestamp(secondsSince1970: secondsSince1970 + seconds)
    }

    /// Whole days from `earlier` to this moment, rounded down: 23 hours is 0 days, 25 is 1.
    public func wholeDays(since earlier: Timestamp) -> Int {
        Int(((secondsSince1970 - earlier.secondsSince1970) / Self.secondsPerDay).rounded(.down))
    }

    /// Days from `earlier` to this moment, with their fraction.
    public func days(since earlier: Timestamp) -> Double {
        (secondsSince1970 - earlier.secondsSince1970) / Self.secondsPerDay
    }

    /// `2025-03-01T09:00:00Z` (UTC, whole seconds).
    public var iso8601: String {
        let whole = Int64(secondsSince1970.rounded(.down))
        let date = CivilDate(daysSince1970: Int(whole.floorDivided(by: 86_400)))
        let second = Int(whole.floorModulo(86_400))
        return date.text + "T" + twoDigits(second / 3600) + ":" + twoDigits(second / 60 % 60) + ":" + twoDigits(second % 60) + "Z"
    }
}

/// A day of the proleptic Gregorian calendar (UTC), for writing dates without Foundation.
public struct CivilDate: Hashable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int

    /// From days since 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
    public init(daysSince1970 days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// `2025-03-01`.
    public var text: String {
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + twoDigits(month) + "-" + twoDigits(day)
    }
}

private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

private extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    func floorModulo(_ divisor: Int64) -> Int64 {
        self - floorDivided(by: divisor) * divisor
    }
}
