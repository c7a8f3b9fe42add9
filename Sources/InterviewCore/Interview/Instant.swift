/// A point in time as the caller measured it: an offset from an origin the caller chose. The
/// interview never reads a clock; every event carries one of these.
public struct Instant: Comparable, Hashable, Sendable, Codable {
    public let sinceOrigin: Duration

    public init(_ sinceOrigin: Duration) {
        self.sinceOrigin = sinceOrigin
    }

    public static func seconds(_ seconds: Double) -> Instant {
        Instant(.milliseconds(Int64((seconds * 1000).rounded())))
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.sinceOrigin < rhs.sinceOrigin }
    public static func + (lhs: Instant, rhs: Duration) -> Instant { Instant(lhs.sinceOrigin + rhs) }
    public static func - (lhs: Instant, rhs: Instant) -> Duration { lhs.sinceOrigin - rhs.sinceOrigin }
}

extension Duration {
    /// Whole seconds, rounded down (a clock shows 2:59 until three minutes have passed).
    public var wholeSeconds: Int64 { components.seconds }

    public var secondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// Time left as a countdown shows it: rounded up, so that 0:00 means the time is up.
    public var countdownText: String {
        guard self > .zero else { return clockText }
        let rounded = components.attoseconds > 0 ? Duration.seconds(components.seconds + 1) : self
        return rounded.clockText
    }

    /// `m:ss`, with a leading minus for negative spans.
    public var clockText: String {
        let total = wholeSeconds
        let magnitude = abs(total)
        let seconds = magnitude % 60
        return (total < 0 ? "-" : "") + "\(magnitude / 60):" + (seconds < 10 ? "0" : "") + "\(seconds)"
    }
}
