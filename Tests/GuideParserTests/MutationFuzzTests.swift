import Foundation
import InterviewCore
import Testing
@testable import GuideParser

/// Thousands of damaged guides, made by seeded random edits of the fixtures: the parser must
/// read each without trapping, and keep its own promises about what it returns.
@Suite struct MutationFuzzTests {
    /// Fragments that matter to the grammar: markers, labels, fences, YAML and control bytes.
    static let fragments: [[UInt8]] = [
        "---\n", "#", "####", "\n", "\r\n", "**", "**Answer:**", "- ", "  - ", "1. ", "```", "~~~", "> ",
        ":", "[ ] ", "- **Follow-up Points**:\n", "**Rubric:**\n", "&", "*", "[", "]", "{", "\t", "<div>",
        "Question 7", "\u{1B}[31m", "“", "你好", "\u{202E}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0x00], [0x7F]]

    static func mutate(_ source: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = source
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: // delete a run
                let end = min(bytes.count, position + Int.random(in: 1...40, using: &generator))
                bytes.removeSubrange(position..<end)
            case 1: // insert a fragment
                bytes.insert(contentsOf: fragments.randomElement(using: &generator)!, at: position)
            case 2: // duplicate a run elsewhere
                let end = min(bytes.count, position + Int.random(in: 1...200, using: &generator))
                let run = Array(bytes[position..<end])
                bytes.insert(contentsOf: run, at: Int.random(in: 0...bytes.count, using: &generator))
            case 3: // flip a byte
                if position < bytes.count { bytes[position] = UInt8.random(in: 0...255, using: &generator) }
            case 4: // truncate
                bytes.removeSubrange(position..<bytes.count)
            default: // swap two lines' worth of bytes
                let other = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
                if position < bytes.count, other < bytes.count { bytes.swapAt(position, other) }
            }
        }
        return bytes
    }

    @Test(arguments: Fixtures.all)
    func mutatedGuidesParseWithoutCrashing(fixture: String) throws {
        let source = Array(try Fixtures.text(fixture).utf8)
        var generator = SeededGenerator(seed: fixture.hashValueStable)
        for round in 0..<600 {
            let bytes = Self.mutate(source, using: &generator)
            let guide = GuideLoader.parse(bytes, bank: "fuzz")
            if round % 10 == 0 {
                // Read in small pieces, a damaged guide still reads as it does whole.
                #expect(GuideLoader.parse(bytes, bank: "fuzz", pieceBytes: 128) == guide)
            }
            let ids = guide.questions.map(\.id)
            #expect(Set(ids).count == ids.count, "question ids must stay unique")
            #expect(guide.questions.allSatisfy { !$0.title.isEmpty && $0.line >= 1 })
            #expect(guide.diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 })
            #expect(guide.questions.allSatisfy { $0.rubric.allSatisfy { (1...2).contains($0.weight) } })
        }
    }

    /// Openers that nest in Markdown or YAML, repeated thousands of times and mixed.
    static let nestingOpeners = ["- ", "> ", "* ", "1. ", "![", "[", "*", "_", "**", "<", "`", "  - ", "- > "]

    /// A guide whose answer (or front matter) nests as deep as a seeded generator chooses.
    static func deeplyNested(using generator: inout SeededGenerator) -> [UInt8] {
        var body = ""
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            let opener = nestingOpeners.randomElement(using: &generator)!
            body += String(repeating: opener, count: Int.random(in: 1...20_000, using: &generator))
        }
        body += "x\n"
        if Bool.random(using: &generator) {
            let depth = Int.random(in: 1...2_000, using: &generator)
            let yaml = Bool.random(using: &generator)
                ? String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                : String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)
            return Array(("---\nterm: \"Deep\"\nkey: " + yaml + "\n---\n\n### Technical Questions\n\n#### What?\n\n" + body).utf8)
        }
        return Array(("### Technical Questions\n\n#### What?\n\n**Answer:**\n" + body).utf8)
    }

    @Test func deeplyNestedGuidesParseWithinTheDepthLimits() {
        var generator = SeededGenerator(seed: 0x5eed_dee9)
        for _ in 0..<60 {
            let guide = GuideLoader.parse(Self.deeplyNested(using: &generator), bank: "deep")
            #expect(guide.questions.count == 1)
            #expect(guide.questions.allSatisfy { $0.sections.allSatisfy { $0.items.allSatisfy { Self.depth(of: $0) <= SectionItem.maximumDepth } } })
            #expect(guide.diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 })
        }
    }

    static func depth(of item: SectionItem) -> Int {
        1 + (item.children.map(depth(of:)).max() ?? 0)
    }

    @Test func pathologicalNestingAndSizesDoNotCrash() {
        let deepYaml = "---\nkey: " + String(repeating: "[", count: 50_000) + "\n---\n# x\n"
        #expect(GuideLoader.parse(deepYaml, bank: "deep").errors.contains { $0.message.contains("nests more than") })
        let deepDashes = "---\nkey:\n" + String(repeating: "- ", count: 20_000) + "x\n---\n"
        #expect(!GuideLoader.parse(deepDashes, bank: "deep").errors.isEmpty)
        let aliasBomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n"
        _ = GuideLoader.parse(aliasBomb, bank: "bomb")
        let deepLists = String(repeating: "- ", count: 5_000) + "x\n"
        _ = GuideLoader.parse(deepLists, bank: "deep")
        let deepQuotes = String(repeating: "> ", count: 5_000) + "x\n"
        _ = GuideLoader.parse(deepQuotes, bank: "deep")
    }
}

extension String {
    /// A hash that is the same in every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: UInt64 {
        utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }
}
