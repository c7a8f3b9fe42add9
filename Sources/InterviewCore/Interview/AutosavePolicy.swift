/// When to write the session: every phase change at once, typing at most once a second, and
/// typing not yet written at most a second late, so that a crash loses at most the last second.
public struct AutosavePolicy: Sendable, Equatable {
    public var interval: Duration
    public private(set) var lastSave: Instant?
    /// Set while typing waits to be written.
    public private(set) var pending = false

    public init(interval: Duration = .seconds(1)) {
        self.interval = interval
    }

    /// After the interview handled `event`: whether to write now.
    public mutating func shouldSave(after event: Interview.Event, effects: [Interview.Effect], phaseChanged: Bool) -> Bool {
        guard effects.contains(.save) || effects.contains(.finished) else { return false }
        let now = event.instant
        let typing: Bool
        if case .type = event { typing = true } else { typing = false }
        if !typing || phaseChanged || lastSave.map({ now - $0 >= interval }) ?? true {
            saved(at: now)
            return true
        }
        pending = true
        return false
    }

    /// When typing not yet written must be written, if any is waiting.
    public var flushDeadline: Instant? {
        guard pending, let lastSave else { return nil }
        return lastSave + interval
    }

    /// Whether waiting typing is due at `now` (and, if so, counts it as written).
    public mutating func flushIfDue(at now: Instant) -> Bool {
        guard let deadline = flushDeadline, now >= deadline else { return false }
        saved(at: now)
        return true
    }

    private mutating func saved(at now: Instant) {
        lastSave = now
        pending = false
    }
}
