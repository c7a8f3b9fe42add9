import InterviewCore
import Testing
@testable import GuideParser

/// A large guide is read a piece at a time; the pieces must read exactly as the whole does.
@Suite struct GuidePiecesTests {
    /// Every fixture's body after one front matter, with the constructs a cut must not split.
    static let longGuide: String = {
        var text = "---\nterm: \"Long\"\n---\n\n"
        for name in Fixtures.all {
            guard let fixture = try? Fixtures.text(name) else { continue }
            let parts = fixture.components(separatedBy: "\n---\n")
            text += (parts.count > 2 ? parts.dropFirst(2).joined(separator: "\n---\n") : fixture) + "\n\n"
            text += "```\n# not a heading\n## nor this\n```\n\n<!--\n\n### hidden in a comment\n\n-->\n\n"
            text += "<details><summary>Answer</summary>\n\n### Answer: B\n\nStill inside.\n\n</details>\n\n"
        }
        return text
    }()

    @Test(arguments: [64, 300, 2_000])
    func piecesReadAsTheWholeGuide(pieceBytes: Int) {
        let bytes = Array(Self.longGuide.utf8)
        let whole = GuideLoader.parse(bytes, bank: "long", pieceBytes: Int.max)
        let pieces = GuideLoader.parse(bytes, bank: "long", pieceBytes: pieceBytes)
        #expect(whole.questions.count > 50)
        #expect(pieces == whole)
    }

    @Test func cutsFallOnlyBeforeTopLevelHeadingsOutsideFencesAndRawHTML() {
        let body = Array("intro\n\n### One\n\n```\n### fenced\n```\n\n<!--\n### comment\n-->\n\n#### Four\n\n## Two\n".utf8)
        let starts = body.withUnsafeBufferPointer { buffer in
            GuidePieces.split(buffer, target: 1).map { String(decoding: body[$0.range].prefix(7), as: UTF8.self) }
        }
        #expect(starts == ["intro\n\n", "### One", "## Two\n"])
        let withReference = Array("text\n\n### One\n\n[ref]: https://example.com\n\n### Two\n".utf8)
        #expect(withReference.withUnsafeBufferPointer { GuidePieces.split($0, target: 1).count } == 1)
    }
}
