import InterviewCore
import Testing
@testable import GuideParser

/// Nesting as deep as a file can make it never recurses as deep: it is read, cut at a documented
/// depth with a warning, or refused with an error at its line.
@Suite struct DeepNestingTests {
    private func guide(_ name: String) throws -> Guide {
        let text = try #require(HostileGuides.all.first { $0.name == name }?.text)
        return GuideLoader.parse(text, bank: "deep")
    }

    @Test func fiftyThousandListMarkersOnOneLineAreCutWithAWarning() throws {
        let guide = try guide("list markers 50000")
        let question = try #require(guide.questions.first)
        #expect(question.title == "What is deep?")
        var depth = 0
        var item = question.sections.first?.items.first
        while let current = item { depth += 1; item = current.children.first }
        #expect(depth == SectionItem.maximumDepth)
        #expect(guide.warnings.contains { $0.message.contains("nest more than \(SectionItem.maximumDepth) levels") && $0.line == 10 })
    }

    @Test func anIndentedListNestedTwoHundredFiftyFiveDeepKeepsItsDeepestWords() throws {
        let guide = try guide("indented list 255")
        var item = guide.questions.first?.sections.first?.items.first
        while let current = item, let child = current.children.first { item = child }
        let deepest = try #require(item)
        #expect(deepest.text.hasPrefix("point \(SectionItem.maximumDepth - 1) point \(SectionItem.maximumDepth)"))
        #expect(deepest.text.hasSuffix("point 254"))
    }

    @Test(arguments: ["quotes 100000", "images 300000", "emphasis 50000"])
    func deepInlineAndQuoteNestingIsReadAsText(name: String) throws {
        let guide = try guide(name)
        #expect(guide.questions.map(\.title) == ["What is deep?"])
        let text = try #require(guide.questions.first?.sections.first?.items.first?.text)
        #expect(text.hasSuffix("x") || text.contains("word"))
    }

    @Test func aDeepFlowSequenceIsRefusedAtItsLine() throws {
        let guide = try guide("flow sequence 1000")
        #expect(guide.errors.map(\.message) == ["front matter nests more than 64 levels deep"])
        #expect(guide.errors.first?.line == 3)
        #expect(guide.metadata.isEmpty)
        #expect(guide.questions.count == 1)
    }

    @Test func anAliasBombIsRefusedBeforeItExpands() throws {
        let guide = try guide("alias key bomb")
        #expect(guide.errors.count == 1)
        #expect(guide.errors.first?.message.hasPrefix("front matter holds more than 10000 values") == true)
        #expect(guide.errors.first?.line == 5)
    }

    @Test func anAliasUsedAsAKeyIsRefused() throws {
        let guide = try guide("alias key")
        #expect(guide.errors.map(\.message) == ["front matter uses the alias *a as a key: write the key out"])
        #expect(guide.errors.first.map { [$0.line, $0.column] } == [4, 5])
    }

    @Test func aliasesWithinTheLimitStillWork() {
        let guide = GuideLoader.parse("---\nterm: \"Aliases\"\nbase: &base [edge, latency]\ntags: *base\n---\n" + HostileGuides.oneQuestion, bank: "a")
        #expect(guide.metadata["tags"] == .array([.string("edge"), .string("latency")]))
        #expect(guide.errors.isEmpty)
    }
}
