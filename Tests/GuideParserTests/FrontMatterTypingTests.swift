import InterviewCore
import Testing
import Yams
@testable import GuideParser

/// Front matter's plain scalars are typed without Yams' regular expressions; these tests hold
/// the result to what Yams' default resolver decides.
@Suite struct FrontMatterTypingTests {
    /// Texts near every edge of the default resolver's bool, int, float and null rules.
    static let scalars = [
        // null
        "", "~", "null", "Null", "NULL", "nULL", "none", "~~",
        // bool
        "yes", "Yes", "YES", "yEs", "no", "No", "NO", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "y", "n", "t", "f", "yes!", " yes",
        // int
        "0", "+0", "-0", "00", "07", "08", "0_", "0o7", "0o", "0o8", "0o_", "-0o17", "0b", "0b101", "-0b1_0", "0b2",
        "0x", "0x1F", "+0xdead_BEEF", "0xg", "1", "-12", "+3", "1_000", "1__", "12a", "+", "-", "_1", "0x_",
        "1:30", "190:20:30", "1:60", "1:5", "1:05", "1:5:", "1:591", ":30", "0:30", "-1:30", "1::30",
        // float
        "1.", "1.5", "-1.5", "+1.5", ".5", "-.5", "+.5", "._", "._5", "1e5", "1E5", "1e+5", "1e-5", "1e", "1e+",
        "1.e5", "1.5e3", "1_0.5_", ".5e-3", ".5e3", ".5E+3", "1:30.5", "1:30.", "0:30.5", "1.5:30", "1:30.5e3",
        ".inf", "+.inf", "-.inf", ".Inf", ".INF", ".iNF", "-.Inf", ".nan", ".NaN", ".NAN", "-.nan", "+.nan", ".nAn",
        "inf", "nan", "1.2.3", "1,5", "٣", "１",
        // strings and the other default rules
        "<<", "=", "2026-03-02", "2001-12-14t21:59:43.10-05:00", "Robotics", "ROS 2", "v1.2", "12 monkeys",
    ]

    @Test func plainScalarsAreTypedAsYamsDefaultResolverTypesThem() {
        for text in Self.scalars {
            let expected = Resolver.default.resolveTag(of: Node(text, Yams.Tag(.implicit), .plain))
            let typed = PlainScalarTag.resolve(text)
            // The rules this reader does not use (merge, timestamp, value) all read as strings.
            let comparable: Yams.Tag.Name = [.bool, .int, .float, .null].contains(expected) ? expected : .str
            #expect(typed == comparable, "\"\(text)\": \(typed.rawValue), Yams \(expected.rawValue)")
        }
    }

    static func metadata(_ frontMatter: String) -> (metadata: [String: MetadataValue], errors: [String]) {
        let guide = GuideLoader.parse("---\n" + frontMatter + "\n---\n\n# Guide\n\n### Technical Questions\n\n#### Why?\n\nBecause.\n", bank: "typing")
        return (guide.metadata, guide.diagnostics.filter { $0.severity == .error }.map(\.message))
    }

    @Test func valuesKeepTheirTypesQuotedOrTaggedOrPlain() {
        let (metadata, errors) = Self.metadata("""
            term: "Typing"
            count: 12
            octal: 0o17
            hex: 0x1F
            sexagesimal: 1:30
            ratio: 0.75
            exponent: 1e3
            infinite: -.inf
            draft: off
            quoted: "12"
            single: 'true'
            tagged: !!str 3
            forced: !!int "7"
            nothing: ~
            empty:
            date: 2026-03-02
            list: [1, two, 3.5, yes, null]
            nested: {inner: 4, flag: True}
            merge: <<
            """)
        #expect(errors.isEmpty)
        #expect(metadata["count"] == .number(12))
        #expect(metadata["octal"] == .number(15))
        #expect(metadata["hex"] == .number(31))
        #expect(metadata["sexagesimal"] == .number(90))
        #expect(metadata["ratio"] == .number(0.75))
        #expect(metadata["exponent"] == .number(1000))
        #expect(metadata["infinite"] == .string("-.inf"), "JSON has no infinity: it stays text")
        #expect(metadata["draft"] == .bool(false))
        #expect(metadata["quoted"] == .string("12"))
        #expect(metadata["single"] == .string("true"))
        #expect(metadata["tagged"] == .string("3"))
        #expect(metadata["forced"] == .string("7")) // a quoted int is not constructed as one, as before
        #expect(metadata["nothing"] == .null)
        #expect(metadata["empty"] == .null)
        #expect(metadata["date"] == .string("2026-03-02"))
        #expect(metadata["list"] == .array([.number(1), .string("two"), .number(3.5), .bool(true), .null]))
        #expect(metadata["nested"] == .object(["inner": .number(4), "flag": .bool(true)]))
        #expect(metadata["merge"] == .string("<<"))
    }

    /// `1` and `"1"` are two keys to YAML's typed reading; untyped they would clash.
    @Test func keysThatDifferOnlyInTypeAreStillTwoKeys() {
        let (metadata, errors) = Self.metadata("term: Keys\n1: number\n\"1\": text")
        #expect(errors.isEmpty)
        #expect(metadata["1"] != nil)
        #expect(metadata["term"] == .string("Keys"))
    }

    @Test func aRepeatedKeyIsStillRefused() {
        let (_, errors) = Self.metadata("term: Keys\nlevel: 1\nlevel: 2")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("front matter is not valid YAML") == true)
    }

    /// An alias shares its anchor's node; an anchored key used as a value keeps its type, in
    /// block and in flow style.
    @Test func anAnchoredKeyUsedAgainAsAValueKeepsItsType() {
        let (metadata, errors) = Self.metadata("term: Anchors\n&level 3: three\ncopy: *level")
        #expect(errors.isEmpty)
        #expect(metadata["copy"] == .number(3))
        let (flow, flowErrors) = Self.metadata("term: R&D\ngrid: {&on yes: lit, state: *on}")
        #expect(flowErrors.isEmpty)
        #expect(flow["term"] == .string("R&D"))
        #expect(flow["grid"] == .object(["yes": .string("lit"), "state": .bool(true)]))
    }
}
