import InterviewCore
import Testing

@Suite struct QuestionIdentityTests {
    @Test(arguments: [
        ("What are the key differences between edge and cloud?", "what-are-the-key-differences-between-edge-and-cloud"),
        ("Qu’est-ce qu’un « circuit breaker » ?", "quest-ce-quun-circuit-breaker"),
        ("Naïve Bayes vs. Straße", "naive-bayes-vs-strasse"),
        ("  C++ / Rust: which?  ", "c-rust-which"),
        ("你好", ""),
    ])
    func slugs(text: String, expected: String) {
        #expect(QuestionIdentity.slug(text) == expected)
    }

    @Test func longSlugsAreCutAtAWordBoundary() {
        let slug = QuestionIdentity.slug(String(repeating: "quantization aware ", count: 10))
        #expect(slug.count <= 64)
        #expect(!slug.hasSuffix("-"))
        #expect(slug.hasSuffix("aware") || slug.hasSuffix("quantization"))
    }

    @Test func idsJoinBankAndQuestionAndNeverComeOutEmpty() {
        #expect(QuestionIdentity.id(bank: "Edge AI Engineer", title: "What is INT8?") == "edge-ai-engineer/what-is-int8")
        let nonLatin = QuestionIdentity.id(bank: "zh", title: "你好吗？")
        #expect(nonLatin.hasPrefix("zh/q-"))
        #expect(nonLatin.count == "zh/q-".count + 8)
    }

    @Test func theHashIgnoresSpacingButNotWording() {
        let hash = QuestionIdentity.hash("What is   INT8?\n")
        #expect(hash == QuestionIdentity.hash("What is INT8?"))
        #expect(hash != QuestionIdentity.hash("What is INT4?"))
        #expect(hash.count == 16)
        #expect(hash.allSatisfy { $0.isHexDigit })
    }
}
