import Foundation
import InterviewCore
import Testing
import TranscriptStore
@testable import RehearseCLI

/// The writer that stands between a running session and the store: saves off the interface's
/// thread, failures that stay said, and a recovery file when the store cannot take the session.
@Suite struct SessionWriterTests {
    static func plan() -> SessionPlan {
        let sections = [AnswerSection(label: "Reasoning and Best Practices", items: [SectionItem(text: "Measure: always.", lead: "Measure")])]
        let question = Question(id: "w/q", title: "Why measure?", line: 1, hash: "h", scaffold: .free, sections: sections,
                                followUps: [], rubric: RubricBuilder.rubric(for: sections, kind: .technical))
        let guide = Guide(title: "Writer Guide", categories: [Category(name: "Technical", kind: .technical, questions: [question])])
        return try! SessionPlanner.plan(from: [.init(bank: "writer", guide: guide)], count: 1, seed: 1)
    }

    @Test func backgroundSavesLandInOrderAndFinishSaysSaved() throws {
        let folder = try TemporaryFolder()
        let store = try TranscriptStore(folder: folder.path)
        var interview = Interview(plan: Self.plan())
        let id = try store.createSession(interview)
        let writer = SessionWriter(store: store, id: id, background: true)
        _ = interview.handle(.begin(at: .seconds(1)))
        writer.save(interview, .begin(at: .seconds(1)), [.save], 0)
        for second in 2..<50 {
            let text = String(repeating: "word ", count: second)
            _ = interview.handle(.type(.free, text, at: .seconds(Double(second))))
            writer.save(interview, .type(.free, text, at: .seconds(Double(second))), [.save], 0)
        }
        #expect(writer.finish(interview) == .saved)
        #expect(writer.status == .saved)
        let stored = try store.session(id)
        #expect(stored.interview.records[0].freeText == String(repeating: "word ", count: 49))
        #expect(stored.events.map(\.kind) == ["begin", "type"])
    }

    @Test func aStoreThatFailsIsNeverCalledSavedAndTheSessionGoesToARecoveryFile() throws {
        let folder = try TemporaryFolder()
        let store = try TranscriptStore(folder: folder.path)
        var interview = Interview(plan: Self.plan())
        let id = try store.createSession(interview)
        var reports: [SessionWriter.Status] = []
        let writer = SessionWriter(store: store, id: id, background: false) { reports.append($0) }
        // Something else takes the store's place: a folder cannot be opened as a database.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.path + suffix) }
        try FileManager.default.createDirectory(atPath: store.path, withIntermediateDirectories: false)
        _ = interview.handle(.begin(at: .seconds(1)))
        _ = interview.handle(.type(.free, "kept however the store fails", at: .seconds(2)))
        writer.save(interview, .type(.free, "kept however the store fails", at: .seconds(2)), [.save], 0)
        guard case .failing(let reason) = writer.status else {
            Issue.record("a failed save must be reported, got \(writer.status)")
            return
        }
        #expect(reason.contains(store.path))
        #expect(reports.count == 1, "said once, not at every retry")
        writer.save(interview, nil, [], 0)
        #expect(reports.count == 1)
        guard case .recovered(let path, _) = writer.finish(interview) else {
            Issue.record("the session must go to a recovery file")
            return
        }
        #expect(path == folder.path + "/recovery/rehearse-session-\(id).json")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try SessionRecovery.read(path).interview == interview)
    }

    @Test func practiceBringsASessionBackFromItsRecoveryFile() throws {
        let home = try TemporaryFolder()
        var interview = Interview(plan: Self.plan())
        _ = interview.handle(.begin(at: .seconds(1)))
        _ = interview.handle(.type(.free, "Written while the disk was full.", at: .seconds(2)))
        let written = SessionRecovery.write(id: "abcd1234", startedAt: Date(timeIntervalSince1970: 1_790_000_000),
                                            interview: interview, dataFolder: home.path + "/data")
        guard case .success(let path) = written else {
            Issue.record("\(written)")
            return
        }
        let back = try RehearseBinary.run(["practice", "--resume", path, "--plain"], home: home.path)
        #expect(back.stdout.contains("Session abcd1234 is back in the store from "))
        #expect(back.stdout.contains("Written so far (type more lines, or \".\" to keep it as it is):\n  Written while the disk was full."))
        #expect(!FileManager.default.fileExists(atPath: path))
        let export = try RehearseBinary.run(["export", "abcd1234", "--format", "json"], home: home.path)
        #expect(export.stdout.contains("Written while the disk was full."))
        let junk = home.path + "/junk.json"
        try Data("{}".utf8).write(to: URL(fileURLWithPath: junk))
        let refused = try RehearseBinary.run(["practice", "--resume", junk, "--plain"], home: home.path)
        #expect(refused.status == 2)
        #expect(refused.stderrLines == ["rehearse: \(junk) is not a Rehearse recovery file"])
    }
}
