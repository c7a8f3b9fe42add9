import Foundation
import InterviewCore
import Testing
@testable import GuideParser

/// The same guide must read the same whatever its line endings and byte-order mark.
@Suite struct LineEndingTests {
    @Test func crlfGivesTheSameGuideWithTheSameLines() throws {
        let text = try Fixtures.text("standard")
        let unix = GuideLoader.parse(text, bank: "standard")
        let windows = GuideLoader.parse(text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n"), bank: "standard")
        #expect(windows == unix)
        #expect(windows.questions.first?.line == 37)
    }

    @Test func aByteOrderMarkAndNoFinalNewlineChangeNothing() throws {
        let text = try Fixtures.text("standard")
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        while bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        #expect(GuideLoader.parse(bytes, bank: "standard") == GuideLoader.parse(text, bank: "standard"))
    }

    @Test func oldMacLineBreaksAreLineBreaks() throws {
        let text = try Fixtures.text("same-level")
        let guide = GuideLoader.parse(text.replacingOccurrences(of: "\n", with: "\r"), bank: "same-level")
        #expect(guide.questions.count == 3)
        #expect(guide.questions.map(\.line) == [7, 15, 25])
    }
}
