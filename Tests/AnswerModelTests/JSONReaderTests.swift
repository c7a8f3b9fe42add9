@testable import AnswerModel
import Foundation
import Testing

@Suite struct JSONReaderTests {
    func parse(_ text: String) throws -> JSONValue { try JSONReader.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2.5e3, true, false, null, 0.5], "b": {"c": "d"}, "e": 12345678901} "#)
        #expect(value["a"]?.array?.count == 6)
        #expect(value["a"]?.array?[0].integer == 1)
        #expect(value["a"]?.array?[1].number == -2500)
        #expect(value["a"]?.array?[2].bool == true)
        #expect(value["b"]?["c"]?.string == "d")
        #expect(value["e"]?.integer == 12_345_678_901)
        #expect(value["a"]?.array?[5].integer == nil)
        #expect(value["missing"] == nil)
    }

    @Test func decodesEscapes() throws {
        let value = try parse(###"["a\"b\\c\/d\n\t", "\u00e9\u4e2d", "\ud83d\ude00", "##\u0301x", "plain ünïcode"]"###)
        #expect(value.array?.map(\.string) == ["a\"b\\c/d\n\t", "é中", "😀", "##\u{301}x", "plain ünïcode"])
    }

    @Test func agreesWithFoundationOnTheRealTokenizer() throws {
        let path = try ModelFixtures.folder() + "/tokenizer.json"
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let mine = try JSONReader.parse(Array(data))["model"]?["vocab"]?.members ?? []
        let foundation = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["model"] as? [String: Any]
        let vocab = foundation?["vocab"] as? [String: Int] ?? [:]
        #expect(mine.count == vocab.count && mine.count == 30522)
        #expect(mine.allSatisfy { vocab[$0.key] == $0.value.integer })
    }

    @Test func rejectsMalformedText() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "[1] 2", "\"open", "tru", "[\"\\x\"]", "[\"\\u12\"]", "-", "{1: 2}",
                     String(repeating: "[", count: 100) + String(repeating: "]", count: 100)] {
            #expect(throws: JSONReader.Malformed.self, "\(text)") { try parse(text) }
        }
    }
}
