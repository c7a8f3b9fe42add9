import Foundation
import Testing
@testable import GuideParser

/// Files that cannot be guides are refused with one clear reason, never a crash.
@Suite struct GuideFileTests {
    private func loadError(_ path: String) -> GuideLoadError? {
        do {
            _ = try GuideLoader.load(contentsOf: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func aMissingFile() throws {
        let folder = try TemporaryFolder()
        #expect(loadError(folder.path + "/nope.md") == .notFound)
    }

    @Test func aFolder() throws {
        let folder = try TemporaryFolder()
        #expect(loadError(folder.path) == .isFolder)
    }

    @Test func anEmptyOrBlankFile() throws {
        let folder = try TemporaryFolder()
        #expect(loadError(try folder.write("empty.md", "")) == .empty)
        #expect(loadError(try folder.write("blank.md", "  \n\r\n\t\n")) == .empty)
    }

    @Test func aBinaryFile() throws {
        let folder = try TemporaryFolder()
        #expect(loadError(try folder.write("image.md", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]))) == .binary)
    }

    @Test func invalidUTF8NamesWhereTheBadByteIs() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("latin1.md", Data("---\nterm: x\n---\n\ncaf".utf8) + Data([0xE9]) + Data(" au lait\n".utf8))
        #expect(loadError(path) == .invalidUTF8(line: 5, column: 4))
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeReading() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("huge.md", "")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 50 * 1_048_576)
        try handle.close()
        #expect(loadError(path) == .tooLarge(bytes: 50 * 1_048_576))
        #expect(GuideLoadError.tooLarge(bytes: 50 * 1_048_576).description == "is 50.0 MB, larger than the 16.0 MB a guide may be")
    }

    @Test func anUnreadableFile() throws {
        guard getuid() != 0 else { return } // root reads everything
        let folder = try TemporaryFolder()
        let path = try folder.write("secret.md", "# x")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        guard case .unreadable = loadError(path) else {
            Issue.record("expected unreadable")
            return
        }
    }

    @Test func theBankNameIsTheFileStem() throws {
        #expect(GuideLoader.bankName(forPath: "/x/QuestionBanks/edge-ai-engineer.md") == "edge-ai-engineer")
        #expect(try GuideLoader.load(contentsOf: Fixtures.path("same-level")).questions.first?.id == "same-level/what-does-a-load-balancer-do")
    }
}
