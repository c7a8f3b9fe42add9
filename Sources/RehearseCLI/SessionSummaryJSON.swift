import Foundation
import TranscriptStore

/// A session summary as `history --json` writes it: the same text `JSONEncoder` gives (sorted
/// keys, pretty-printed, ISO 8601 dates), written by hand because encoding each of thousands
/// of rows through `JSONEncoder` was most of a long history's cost. Strings escape C0 and C1
/// controls and the invisible format characters (bidi overrides, zero-width marks) as `\uXXXX`.
enum SessionSummaryJSON {
    /// The object, indented to sit in a top-level array.
    static func write(_ summary: SessionSummary, into output: inout String) {
        output += "  {\n"
        output += "    \"answered\" : \(summary.answered),\n"
        output += "    \"banks\" : "
        list(summary.banks, into: &output)
        output += ",\n    \"guides\" : "
        list(summary.guides, into: &output)
        output += ",\n    \"id\" : "
        string(summary.id, into: &output)
        output += ",\n    \"questionCount\" : \(summary.questionCount),\n"
        if let score = summary.score { output += "    \"score\" : \(number(score)),\n" }
        output += "    \"secondsUsed\" : \(number(summary.secondsUsed)),\n"
        output += "    \"seed\" : \(summary.seed),\n"
        output += "    \"startedAt\" : \"\(timestamp(summary.startedAt))\",\n"
        output += "    \"state\" : \"\(summary.state.rawValue)\",\n"
        output += "    \"updatedAt\" : \"\(timestamp(summary.updatedAt))\"\n"
        output += "  }"
    }

    private static func list(_ items: [String], into output: inout String) {
        guard !items.isEmpty else {
            output += "[\n\n    ]"
            return
        }
        output += "[\n"
        for (index, item) in items.enumerated() {
            output += "      "
            string(item, into: &output)
            output += index == items.count - 1 ? "\n" : ",\n"
        }
        output += "    ]"
    }

    static func string(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x08: output += "\\b"
            case 0x0C: output += "\\f"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case 0..<0x20, 0x7F...0x9F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// As `JSONEncoder` writes a Double: whole numbers without a fraction, the rest in their
    /// shortest exact form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// ISO 8601 in UTC to the second, as `JSONEncoder`'s `.iso8601` strategy writes it.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
