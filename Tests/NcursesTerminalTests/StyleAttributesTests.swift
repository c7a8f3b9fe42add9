import Testing
import TerminalUI
@testable import NcursesTerminal

@Suite struct StyleAttributesTests {
    @Test func plainHasNoAttributesAndTheDefaultPair() {
        for color in [true, false] {
            let drawn = NcursesScreen.attributes(for: .plain, color: color)
            #expect(drawn.attributes == [])
            #expect(drawn.pair == 0)
        }
    }

    @Test func ownAttributesAreKept() {
        let style = Style(bold: true, dim: true, reverse: true, underline: true)
        #expect(NcursesScreen.attributes(for: style, color: true).attributes == [.bold, .dim, .reverse, .underline])
        #expect(NcursesScreen.attributes(for: style, color: false).attributes == [.bold, .dim, .reverse, .underline])
    }

    @Test func withColourEachMeaningHasItsOwnPair() {
        let pairs = Style.Color.allCases.map { NcursesScreen.attributes(for: Style(color: $0), color: true).pair }
        #expect(pairs == [1, 2, 3, 4])
        #expect(NcursesScreen.attributes(for: Style(color: .accent), color: true).attributes == [])
        #expect(NcursesScreen.attributes(for: .danger, color: true) == (attributes: [.bold], pair: 4))
    }

    @Test func withoutColourMeaningsBecomeAttributes() {
        func drawn(_ color: Style.Color) -> TextAttributes {
            let result = NcursesScreen.attributes(for: Style(color: color), color: false)
            #expect(result.pair == 0)
            return result.attributes
        }
        #expect(drawn(.accent) == [.bold])
        #expect(drawn(.good) == [])
        #expect(drawn(.warning) == [.bold, .underline])
        #expect(drawn(.danger) == [.bold, .reverse])
        // Warning, danger and accent stay apart from each other and from plain text.
        #expect(Set([drawn(.accent), drawn(.warning), drawn(.danger), []]).count == 4)
    }

    @Test func attributeBitsAreDistinct() {
        let all: [TextAttributes] = [.bold, .dim, .reverse, .underline]
        #expect(Set(all.map(\.rawValue)).count == 4)
        #expect(all.allSatisfy { $0.rawValue != 0 })
    }
}
