import Foundation
import InterviewCore
import Testing
@testable import TranscriptStore

/// Both export formats against golden files. To re-record after a deliberate change:
/// `REHEARSE_RECORD_GOLDEN=1 swift test --filter ExportGoldenTests`, then read the diff.
@Suite struct ExportGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden")

    static func document() -> TranscriptDocument {
        let interview = TranscriptStoreTests.playedInterview()
        let summary = SessionSummary(
            id: "5e551011", startedAt: Date(timeIntervalSince1970: 1_790_000_000), updatedAt: Date(timeIntervalSince1970: 1_790_000_400),
            state: .finished, guides: ["Store Guide"], banks: ["store"], seed: 77, questionCount: 2, answered: 2,
            secondsUsed: interview.records.reduce(Duration.zero) { $0 + $1.totalTime }.secondsValue,
            score: Scoring.sessionScore(interview))
        let events = [
            TimelineEvent(sequence: 0, position: 0, atSeconds: 10, kind: "begin", detail: ""),
            TimelineEvent(sequence: 1, position: 0, atSeconds: 15, kind: "type", detail: "answer 64 characters"),
        ]
        var attempts: [Int: Attempt] = [:]
        for position in interview.records.indices {
            attempts[position] = Attempt(sessionId: "5e551011", position: position, interview.plan.questions[position], interview.records[position],
                                         at: Timestamp(secondsSince1970: 1_790_000_100 + Double(position) * 100))
        }
        return TranscriptDocument(StoredSession(summary: summary, interview: interview, events: events, attempts: attempts))
    }

    static func check(_ actual: String, against name: String) throws {
        let file = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["REHEARSE_RECORD_GOLDEN"] == "1" {
            try actual.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file")
    }

    @Test func markdown() throws {
        let markdown = MarkdownTranscript.render(Self.document())
        try Self.check(markdown, against: "transcript.md")
        #expect(!markdown.contains("\u{1B}"))
    }

    @Test func answersCannotOpenBlocksInMarkdown() {
        let lines = MarkdownTranscript.quoted("Heading?\n===\nSub\n---\n- item\n+ plus\n1) one\n2. two\n    code\n~~~\n# hash\n<script>")
        #expect(lines == [
            "> Heading?  ", "> \\===  ", "> Sub  ", "> \\---  ", "> \\- item  ", "> \\+ plus  ", "> 1\\) one  ", "> 2\\. two  ",
            "> &nbsp;&nbsp;&nbsp;&nbsp;code  ", "> \\~~~  ", "> \\# hash  ", "> &lt;script&gt;  ",
        ])
    }

    @Test func json() throws {
        let json = String(decoding: try Self.document().json(), as: UTF8.self) + "\n"
        try Self.check(json, against: "transcript.json")
        #expect(json.contains("\\u001b[2J"))
    }
}

/// Exported JSON shows invisible characters as escapes, never raw.
@Suite struct ExportEscapeTests {
    @Test func controlAndDirectionCharactersAreEscaped() throws {
        var document = ExportGoldenTests.document()
        document.guides = ["Guide\u{9B}31m \u{202E}reversed\u{200B}"]
        let json = String(decoding: try document.json(), as: UTF8.self)
        #expect(json.contains("Guide\\u009b31m \\u202ereversed\\u200b"))
        #expect(!json.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x202E || $0.value == 0x200B })
    }
}
