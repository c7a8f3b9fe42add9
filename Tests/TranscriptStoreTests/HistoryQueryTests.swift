import Foundation
import InterviewCore
import Testing
@testable import TranscriptStore

/// The queries behind history's filter by kind and its search of the answers.
@Suite struct HistoryQueryTests {
    let folder = NSTemporaryDirectory() + "rehearse-history-" + UUID().uuidString

    @Test func kindsAndAnswersOfEachSession() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try TranscriptStore(folder: folder)
        let played = TranscriptStoreTests.playedInterview()
        let full = try store.createSession(Interview(plan: played.plan))
        try store.save(full, played)
        // Another session, stopped at its first question with one line written.
        var started = Interview(plan: played.plan)
        _ = started.handle(.begin(at: .seconds(1)))
        _ = started.handle(.type(.free, "Só isto: a WARM cache.", at: .seconds(2)))
        let partial = try store.createSession(started)
        try store.save(partial, started)

        let kinds = try store.sessionKinds()
        #expect(kinds[full] == Set(played.plan.questions.map(\.kind)))
        #expect(kinds[partial] == Set(played.plan.questions.map(\.kind)), "the kinds planned")

        #expect(try store.sessions(withAnswersHolding: "power meter") == [full], "a follow-up answer")
        #expect(try store.sessions(withAnswersHolding: "LEAK") == [full], "a STAR part, in any case")
        #expect(try store.sessions(withAnswersHolding: "so isto") == [partial], "the question in progress, with or without accents")
        #expect(try store.sessions(withAnswersHolding: "measure on the device") == [full])
        #expect(try store.sessions(withAnswersHolding: "nowhere to be found").isEmpty)
        #expect(try store.sessions(withAnswersHolding: "").isEmpty)
    }
}
