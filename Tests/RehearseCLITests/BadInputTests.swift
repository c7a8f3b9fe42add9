import Foundation
import Testing

/// Every kind of bad guide gives one clear line on standard error and a non-zero exit.
@Suite struct BadInputTests {
    static let names = ["missing", "folder", "empty", "binary", "invalid UTF-8", "invalid YAML",
                        "front matter only", "no questions", "50 MB"]

    static let goodQuestion = "### Technical Questions\n\n#### What is a mutex?\n\n**Answer:**\n- **Reasoning and Best Practices**:\n  - **Exclusion**: One holder.\n- **Follow-up Points**:\n  - Why not a spin lock?\n"

    /// Writes the bad guide called `name` into `folder`: its path and the words its error must hold.
    static func make(_ name: String, in folder: TemporaryFolder) throws -> (path: String, message: String) {
        switch name {
        case "missing": return (folder.path + "/missing.md", "no such file")
        case "folder":
            try folder.write("sub/placeholder.md", "x")
            return (folder.path + "/sub", "is a folder")
        case "empty": return (try folder.write("empty.md", ""), "is empty")
        case "binary": return (try folder.write("binary.md", Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00])), "is a binary file")
        case "invalid UTF-8":
            return (try folder.write("latin1.md", Data([0x63, 0x61, 0x66, 0xE9, 0x0A])), "is not UTF-8 text (first bad byte at line 1, column 4)")
        case "invalid YAML":
            return (try folder.write("yaml.md", "---\nterm: \"x\nkey: [\n---\n\n" + Self.goodQuestion), "front matter is not valid YAML")
        case "front matter only": return (try folder.write("only.md", "---\nterm: \"Only\"\n---\n"), "the guide has no body after its front matter")
        case "no questions": return (try folder.write("prose.md", "---\nterm: Notes\n---\n\n# Notes\n\nNothing to ask here.\n"), "no questions found")
        default:
            let huge = try folder.write("huge.md", "")
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
            try handle.truncate(atOffset: 50 * 1_048_576) // sparse: no 50 MB written
            try handle.close()
            return (huge, "is 50.0 MB, larger than the 16.0 MB a guide may be")
        }
    }

    @Test(arguments: names)
    func inspectRefusesWithOneLine(name: String) throws {
        let folder = try TemporaryFolder()
        let entry = try Self.make(name, in: folder)
        let result = try RehearseBinary.run(["inspect", entry.path])
        #expect(result.status != 0)
        #expect(result.stderrLines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(entry.message), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(!result.stderr.contains("Stack dump"))
    }

    @Test(arguments: names)
    func lintRefusesWithOneLine(name: String) throws {
        let folder = try TemporaryFolder()
        let entry = try Self.make(name, in: folder)
        let result = try RehearseBinary.run(["lint", entry.path])
        #expect(result.status == 1 || result.status == 2)
        #expect(result.stderrLines.count + result.stdoutLines.count == 1, "out: \(result.stdout) err: \(result.stderr)")
        #expect((result.stderr + result.stdout).contains(entry.message))
    }

    @Test func anUnknownBankName() throws {
        let result = try RehearseBinary.run(["inspect", "no-such-bank"])
        #expect(result.status == 2)
        #expect(result.stderrLines == ["rehearse: no guide named \"no-such-bank\" (`rehearse banks` lists the guides it can find)"])
    }
}

@Suite struct VersionTests {
    @Test func versionAnswersLikeEveryCommandLineTool() throws {
        let result = try RehearseBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdoutLines.count == 1)
        #expect(result.stdoutLines.first?.split(separator: ".").count == 3, "a release number: \(result.stdout)")
    }
}
