import Foundation
import Testing
import TranscriptStore
@testable import RehearseCLI

/// `history` writes its rows as bytes: they must read as the columns the header names.
@Suite struct HistoryRowTests {
    static func row(_ summary: SessionSummary, guides: String = "Edge AI Engineer Interview Guide") -> String {
        var bytes: [UInt8] = []
        HistoryRow.append(summary, guides: guides, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func summary(answered: Int, of count: Int, seconds: Double, score: Double?, state: SessionState) -> SessionSummary {
        SessionSummary(id: "5e551011", startedAt: Date(timeIntervalSince1970: 1_790_000_000), updatedAt: Date(timeIntervalSince1970: 1_790_000_600),
                       state: state, guides: ["Edge AI Engineer Interview Guide"], banks: ["edge-ai-engineer"], seed: 1,
                       questionCount: count, answered: answered, secondsUsed: seconds, score: score)
    }

    @Test func columnsLineUpUnderTheHeader() {
        let date = StoredSessions.date(Date(timeIntervalSince1970: 1_790_000_000))
        #expect(Self.row(Self.summary(answered: 5, of: 5, seconds: 612.9, score: 0.1282, state: .finished))
            == "5e551011  \(date)  5/5        10:12   13 %   finished     Edge AI Engineer Interview Guide\n")
        #expect(Self.row(Self.summary(answered: 0, of: 12, seconds: 7, score: nil, state: .interrupted), guides: "A, B")
            == "5e551011  \(date)  0/12       0:07    —      interrupted  A, B\n")
        #expect(Self.row(Self.summary(answered: 10, of: 10, seconds: 6_000, score: 1, state: .abandoned))
            == "5e551011  \(date)  10/10      100:00  100 %  abandoned    Edge AI Engineer Interview Guide\n")
    }
}
