import InterviewCore
import Testing

@Suite struct JSONSafetyTests {
    private func escaped(_ text: String) -> String {
        String(decoding: JSONSafety.escapingInvisibles(Array(text.utf8)), as: UTF8.self)
    }

    @Test func controlAndInvisibleCharactersBecomeEscapes() {
        #expect(escaped("{\"a\": \"x\u{9B}31m\u{9D}y\"}") == "{\"a\": \"x\\u009b31m\\u009dy\"}")
        #expect(escaped("\"\u{202E}evil\u{200B}\u{200D}\u{200F}\u{2066}\u{2069}\u{FEFF}\u{7F}\u{1B}\"")
            == "\"\\u202eevil\\u200b\\u200d\\u200f\\u2066\\u2069\\ufeff\\u007f\\u001b\"")
    }

    @Test func jsonWhiteSpaceAndVisibleTextStayAsTheyAre() {
        let text = "{\n\t\"title\": \"naïve “quotes” 你好 é\"\r\n}"
        #expect(escaped(text) == text)
        // Malformed UTF-8 is copied byte for byte rather than guessed at.
        #expect(JSONSafety.escapingInvisibles([0x22, 0xC2, 0x22]) == [0x22, 0xC2, 0x22])
    }
}
