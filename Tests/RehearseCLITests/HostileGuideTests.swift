import Foundation
import Testing

/// Hostile guides through the built binary: `lint`, `inspect --json` and `banks --json` (with the
/// guide in the data folder's banks/) each finish, exit below 128, and print JSON or a clear error.
@Suite struct HostileGuideTests {
    static let names = HostileGuides.all.map(\.name)

    private func write(_ name: String, into folder: TemporaryFolder, at relative: String = "hostile.md") throws -> String {
        let text = try #require(HostileGuides.all.first { $0.name == name }?.text)
        return try folder.write(relative, text)
    }

    @Test(arguments: names)
    func lintReportsWithoutCrashing(name: String) throws {
        let folder = try TemporaryFolder()
        let result = try RehearseBinary.run(["lint", "--json", try write(name, into: folder)])
        #expect(result.status < 2)
        let diagnostics = try #require(try RehearseBinary.json(result.stdout) as? [[String: Any]])
        #expect(diagnostics.allSatisfy { ($0["line"] as? Int ?? 0) >= 1 })
    }

    @Test(arguments: names)
    func inspectJSONIsNeverEmpty(name: String) throws {
        let folder = try TemporaryFolder()
        let result = try RehearseBinary.run(["inspect", "--json", try write(name, into: folder)])
        #expect(result.status < 2)
        let guide = try #require(try RehearseBinary.json(result.stdout) as? [String: Any])
        #expect((guide["categories"] as? [Any])?.count == 1)
        let questions = ((guide["categories"] as? [[String: Any]])?.first?["questions"] as? [Any])?.count
        #expect(questions == (name == "table rows 20000" ? 20_000 : 1))
        if result.status == 1 { #expect(result.stderr.contains("error: front matter")) }
    }

    @Test(arguments: names)
    func banksListsTheGuide(name: String) throws {
        let folder = try TemporaryFolder()
        _ = try write(name, into: folder, at: "home/data/banks/hostile.md")
        let result = try RehearseBinary.run(["banks", "--json"], home: folder.path + "/home")
        #expect(result.status == 0)
        let banks = try #require(try RehearseBinary.json(result.stdout) as? [[String: Any]])
        let entry = try #require(banks.first { $0["name"] as? String == "hostile" })
        #expect(entry["questions"] as? Int == (name == "table rows 20000" ? 20_000 : 1))
    }

    @Test func jsonEscapesControlAndInvisibleCharacters() throws {
        let folder = try TemporaryFolder()
        // libyaml refuses C1 controls in the front matter, so those go in the body.
        let path = try folder.write("sneaky.md", "---\nterm: \"A \u{202E}B\u{200B}\"\n---\n\n### Technical Questions\n\n#### What is \u{2066}this\u{9B}31m\u{2069}?\n\nText\u{9D}.\n")
        for arguments in [["inspect", "--json", path], ["lint", "--json", path]] {
            let result = try RehearseBinary.run(arguments)
            for raw in ["\u{9B}", "\u{9D}", "\u{202E}", "\u{200B}", "\u{2066}", "\u{2069}"] {
                #expect(!result.stdout.contains(raw), "\(arguments[0]) printed U+\(String(raw.unicodeScalars.first!.value, radix: 16))")
            }
            _ = try RehearseBinary.json(result.stdout)
        }
        let inspected = try RehearseBinary.run(["inspect", "--json", path])
        #expect(inspected.stdout.contains("\"A \\u202eB\\u200b\""))
        #expect(inspected.stdout.contains("What is \\u2066this\\u009b31m\\u2069?"))
        let guide = try #require(try RehearseBinary.json(inspected.stdout) as? [String: Any])
        #expect(guide["title"] as? String == "A \u{202E}B\u{200B}")
    }
}
