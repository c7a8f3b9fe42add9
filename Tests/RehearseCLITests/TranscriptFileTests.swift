import Foundation
import Testing
import TerminalUI
@testable import RehearseCLI

/// Where the transcript screen's export goes, and how it is written, on real folders.
@Suite struct TranscriptFileTests {
    @Test func pathsAreMadeWhole() throws {
        let folder = try TemporaryFolder()
        let home = folder.path + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        func resolve(_ typed: String, json: Bool = false) -> String {
            TranscriptFile.resolve(typed, id: "0a1b2c3d", json: json, home: home, workingFolder: folder.path + "/work")
        }
        #expect(resolve("~/rehearse-0a1b2c3d.md") == home + "/rehearse-0a1b2c3d.md")
        #expect(resolve("  ") == home + "/rehearse-0a1b2c3d.md", "nothing typed: the home folder")
        #expect(resolve("~", json: true) == home + "/rehearse-0a1b2c3d.json")
        #expect(resolve("~/") == home + "/rehearse-0a1b2c3d.md", "a folder gets the usual name")
        #expect(resolve("out/x.md") == folder.path + "/work/out/x.md", "relative to the working folder, in full")
        #expect(resolve("/a/../b/c.md") == "/b/c.md")
    }

    @Test func writesPrivatelyAndReplacesOnlyWhenAsked() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/t.md"
        #expect(TranscriptFile.write(Data("one".utf8), to: path, replacing: false) == .written(path))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(TranscriptFile.write(Data("two".utf8), to: path, replacing: false) == .exists(path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one")
        #expect(TranscriptFile.write(Data("two".utf8), to: path, replacing: true) == .written(path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
    }

    @Test func problemsAreSaidNotThrown() throws {
        let folder = try TemporaryFolder()
        guard case .failed(let missing) = TranscriptFile.write(Data(), to: folder.path + "/none/t.md", replacing: false) else {
            Issue.record("a missing folder was not refused")
            return
        }
        #expect(missing == "There is no folder \(folder.path)/none: create it first, or choose another place.")
        guard case .failed(let isFolder) = TranscriptFile.write(Data(), to: folder.path, replacing: true) else {
            Issue.record("a folder was not refused")
            return
        }
        #expect(isFolder.hasSuffix("is a folder."))
        // A folder the user cannot write to (root can write anywhere, so only as another user).
        if getuid() != 0 {
            let locked = folder.path + "/locked"
            try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o500])
            defer { chmod(locked, 0o700) }
            #expect(TranscriptFile.write(Data(), to: locked + "/t.md", replacing: false) == .failed("Cannot write \(locked)/t.md: permission denied."))
        }
    }
}
