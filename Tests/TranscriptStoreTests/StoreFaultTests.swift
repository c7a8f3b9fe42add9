import Foundation
import GRDB
import InterviewCore
import Testing
@testable import TranscriptStore

/// What the world does to a store: damaged pages, a file deleted under a running session.
@Suite struct StoreFaultTests {
    let folder = NSTemporaryDirectory() + "rehearse-faults-" + UUID().uuidString

    /// A closed store holding a few played sessions.
    func storeWithSessions(_ count: Int) throws -> String {
        let store = try TranscriptStore(folder: folder)
        for _ in 0..<count {
            let id = try store.createSession(Interview(plan: TranscriptStoreTests.plan()))
            _ = try StoreLayoutTests.play(store, id: id)
        }
        return store.path
    }

    @Test func aStoreWithADamagedPageIsRefusedAndLeftUntouched() throws {
        let path = try storeWithSessions(4)
        let pristine = try Data(contentsOf: URL(fileURLWithPath: path))
        let pageSize = 4096
        var refused = 0
        // Every page but the header's, damaged in turn: either the store is refused with its
        // bytes unchanged, or the damage is in a page nothing uses and the store is whole.
        for page in 1..<(pristine.count / pageSize) {
            var damaged = pristine
            for offset in stride(from: page * pageSize + 8, to: page * pageSize + 200, by: 7) { damaged[offset] ^= 0x5A }
            try damaged.write(to: URL(fileURLWithPath: path))
            do {
                let store = try TranscriptStore(folder: folder)
                _ = try store.sessions()
                let check = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
                #expect(check == ["ok"], "page \(page): opened, so it must be whole")
            } catch let error as StoreError {
                refused += 1
                switch error {
                case .damaged(let reported, _), .notADatabase(let reported): #expect(reported == path)
                default: Issue.record("page \(page): \(error)")
                }
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == damaged, "page \(page): a refused store keeps its bytes")
            }
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        #expect(refused > 0)
    }

    @Test func oddThingsInPlaceOfTheStoreAreNamedPlainly() throws {
        try FileManager.default.createDirectory(atPath: folder + "/rehearse.sqlite", withIntermediateDirectories: true)
        #expect(throws: StoreError.notAFile(path: folder + "/rehearse.sqlite")) { try TranscriptStore(folder: folder) }
        #expect(throws: StoreError.notAFile(path: folder + "/rehearse.sqlite")) { try TranscriptStore(folder: folder, access: .readOnly) }
        let link = folder + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder + "/nowhere")
        defer { try? FileManager.default.removeItem(atPath: link) }
        #expect(throws: StoreError.folderNotWritable(path: link, reason: "it is a link to \(folder)/nowhere, which does not exist")) {
            try TranscriptStore(folder: link)
        }
    }

    @Test func aStoreDeletedUnderARunningSessionIsWrittenAgainWhole() throws {
        let store = try TranscriptStore(folder: folder)
        var interview = Interview(plan: TranscriptStoreTests.plan())
        let id = try store.createSession(interview)
        _ = interview.handle(.begin(at: .seconds(1)))
        _ = interview.handle(.type(.free, "before the deletion", at: .seconds(2)))
        try store.save(id, interview, event: .type(.free, "before the deletion", at: .seconds(2)))
        try FileManager.default.removeItem(atPath: folder)
        _ = interview.handle(.type(.free, "before the deletion, and after it", at: .seconds(3)))
        try store.save(id, interview, event: .type(.free, "before the deletion, and after it", at: .seconds(3)))
        let reread = try TranscriptStore(folder: folder, access: .readOnly).session(id)
        #expect(reread.interview.records[0].freeText == "before the deletion, and after it")
        #expect(reread.interview.plan == interview.plan)
    }

    @Test func aStoreReplacedUnderARunningSessionGetsTheSessionBack() throws {
        let store = try TranscriptStore(folder: folder)
        var interview = Interview(plan: TranscriptStoreTests.plan())
        let id = try store.createSession(interview)
        _ = interview.handle(.begin(at: .seconds(1)))
        // Another store takes the file's place (restored from a backup, say).
        let elsewhere = folder + "-other"
        _ = try TranscriptStore(folder: elsewhere).createSession(Interview(plan: TranscriptStoreTests.plan()))
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.path + suffix) }
        try FileManager.default.copyItem(atPath: elsewhere + "/rehearse.sqlite", toPath: store.path)
        _ = interview.handle(.type(.free, "typed after the swap", at: .seconds(2)))
        try store.save(id, interview, event: .type(.free, "typed after the swap", at: .seconds(2)))
        let reader = try TranscriptStore(folder: folder, access: .readOnly)
        #expect(try reader.sessions().count == 2)
        #expect(try reader.session(id).interview.records[0].freeText == "typed after the swap")
    }
}

/// Opening a large store stays quick: the full page check runs only when the file changed
/// since Rehearse last closed it.
@Suite struct IntegrityStampTests {
    let folder = NSTemporaryDirectory() + "rehearse-stamp-" + UUID().uuidString

    @Test func aStoreClosedCleanlyIsNotedAndAnyChangeUndoesTheNote() throws {
        let path: String
        do {
            let store = try TranscriptStore(folder: folder)
            path = store.path
            _ = try store.createSession(Interview(plan: TranscriptStoreTests.plan()))
            #expect(!IntegrityStamp.matches(folder: folder, path: path), "no note while the store is open")
        }
        #expect(IntegrityStamp.matches(folder: folder, path: path))
        // Another program changes one byte: the note no longer matches, so the next open checks.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 2000)
        try handle.write(contentsOf: Data([0x42]))
        try handle.close()
        #expect(!IntegrityStamp.matches(folder: folder, path: path))
    }
}
