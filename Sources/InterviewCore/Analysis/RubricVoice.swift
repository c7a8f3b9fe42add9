/// Words of a point's explanation that speak of the answer rather than of its subject: "A strong
/// answer shows the candidate stopped the spread" asks for stopping the spread; no answer says
/// "strong answer" or "candidate". They weigh nothing when a point is matched.
enum RubricVoice {
    /// Words that are always the rubric's voice.
    static let words: Set<String> = ["candidate", "candidate's", "candidates", "interviewer", "interviewer's", "interviewers", "story"]
    /// Instructions that open a sentence of an explanation ("Explain what you did at once").
    static let instructions: Set<String> = ["explain", "describe", "say", "mention"]
    /// Verbs that follow "a strong answer".
    static let verbs: Set<String> = ["shows", "names", "explains", "describes", "mentions", "gives", "says", "brings", "offers"]

    /// The text with its voice words blanked out, byte for byte, so that offsets into it are
    /// offsets into the text.
    static func masked(_ text: String) -> String {
        let spans = Words.spans(text)
        var blanked: [Range<Int>] = []
        var index = 0
        while index < spans.count {
            let word = spans[index].word
            let opensSentence = index == 0 || text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: spans[index - 1].range.upperBound)...]
                .prefix(spans[index].range.lowerBound - spans[index - 1].range.upperBound).contains { $0 == 0x2E || $0 == 0x3A }
            if words.contains(word) || opensSentence && instructions.contains(word) {
                blanked.append(spans[index].range)
            } else if word == "strong", index + 1 < spans.count, spans[index + 1].word == "answer" {
                let verb = index + 2 < spans.count && verbs.contains(spans[index + 2].word)
                blanked.append(spans[index].range.lowerBound..<spans[index + (verb ? 2 : 1)].range.upperBound)
                index += verb ? 2 : 1
            }
            index += 1
        }
        guard !blanked.isEmpty else { return text }
        var bytes = Array(text.utf8)
        for range in blanked { bytes.replaceSubrange(range, with: repeatElement(0x20, count: range.count)) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
