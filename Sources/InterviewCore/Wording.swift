/// How counts and shares are written, the same in line mode, on screen and in exports.
public enum Wording {
    /// "1 question", "3 questions"; `pluralForm` for irregular nouns ("categories").
    public static func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : pluralForm ?? singular + "s")"
    }

    /// A share (0...1) as a whole percentage: "63 %".
    public static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }
}
