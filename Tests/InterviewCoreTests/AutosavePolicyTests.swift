import InterviewCore
import Testing

/// The autosave cadence, with a manual clock.
@Suite struct AutosavePolicyTests {
    @Test func phaseChangesSaveAtOnceAndTypingAtMostOnceASecond() {
        var policy = AutosavePolicy()
        var clock = ManualClock()
        let begun = policy.shouldSave(after: .begin(at: clock.now), effects: [.save], phaseChanged: true)
        #expect(begun)
        // A keystroke 100 ms after a save waits.
        let early = policy.shouldSave(after: .type(.free, "a", at: clock.advance(0.1)), effects: [.save], phaseChanged: false)
        #expect(!early)
        #expect(policy.flushDeadline == clock.now + .milliseconds(900))
        // Three seconds of keystrokes 100 ms apart: about one save a second, never more.
        var saves: [Instant] = []
        for step in 0..<30 {
            if policy.shouldSave(after: .type(.free, String(repeating: "a", count: step), at: clock.advance(0.1)), effects: [.save], phaseChanged: false) {
                saves.append(clock.now)
            }
            if policy.flushIfDue(at: clock.now) { saves.append(clock.now) }
        }
        #expect((2...4).contains(saves.count))
        #expect(zip(saves, saves.dropFirst()).allSatisfy { $1 - $0 >= .seconds(1) })
        // Typing stops: what is waiting is written within a second, and only once.
        let tooSoon = policy.flushIfDue(at: clock.advance(0.05))
        let due = policy.flushIfDue(at: clock.advance(1))
        let again = policy.flushIfDue(at: clock.advance(1))
        #expect(!tooSoon && due && !again)
        #expect(policy.flushDeadline == nil)
        // A phase change saves at once, however recent the last save.
        let submitted = policy.shouldSave(after: .submit(at: clock.advance(0.01)), effects: [.save], phaseChanged: true)
        #expect(submitted)
    }

    @Test func noSaveEffectNoSave() {
        var policy = AutosavePolicy()
        let quiet = policy.shouldSave(after: .tick(at: Instant.seconds(1)), effects: [], phaseChanged: false)
        let warning = policy.shouldSave(after: .tick(at: Instant.seconds(1)), effects: [.warning(percent: 50)], phaseChanged: false)
        let thinkOver = policy.shouldSave(after: .tick(at: Instant.seconds(2)), effects: [.save], phaseChanged: true)
        let quit = policy.shouldSave(after: .abandon(at: Instant.seconds(2.1)), effects: [.save, .finished], phaseChanged: true)
        #expect(!quiet && !warning && thinkOver && quit)
    }
}
