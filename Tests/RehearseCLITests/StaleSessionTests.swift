import Foundation
import InterviewCore
import Testing
import TranscriptStore
@testable import RehearseCLI

/// Sessions left active by a process that is gone (killed, a closed pipe before the signal
/// handlers were set): what `practice` does with them when it starts.
@Suite struct StaleSessionTests {
    /// Proves a session whose process died before its first question began, with nothing in
    /// it, is removed rather than offered for resume, while one whose question had begun (time
    /// spent thinking) and one with text in it stay, interrupted, to resume.
    @Test func onlyASessionThatNeverBeganIsRemoved() throws {
        let folder = try TemporaryFolder()
        let store = try TranscriptStore(folder: folder.path)
        let plan = SessionWriterTests.plan()
        let neverBegan = try store.createSession(Interview(plan: plan))
        var thinking = Interview(plan: plan)
        _ = thinking.handle(.begin(at: .seconds(0)))
        _ = thinking.handle(.tick(at: .seconds(3)))
        let thought = try store.createSession(thinking)
        var writing = thinking
        _ = writing.handle(.type(.free, "A first thought.", at: .seconds(4)))
        let written = try store.createSession(writing)

        StoredSessions.settleStale(store, isAlive: { _ in false })
        let left = Dictionary(uniqueKeysWithValues: try store.sessions().map { ($0.id, $0.state) })
        #expect(left[neverBegan] == nil)
        #expect(left[thought] == .interrupted)
        #expect(left[written] == .interrupted)
    }
}
