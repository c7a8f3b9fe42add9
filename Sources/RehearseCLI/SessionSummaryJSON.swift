import Foundation
import InterviewCore
import TranscriptStore

/// A session summary as `history --json` writes it: the same text `JSONEncoder` gives (sorted
/// keys, pretty-printed, ISO 8601 dates), written by hand because encoding each of thousands
/// of rows through `JSONEncoder` was most of a long history's cost. Strings escape C0 and C1
/// controls and the invisible format characters (bidi overrides, zero-width marks) as `\uXXXX`.
struct SessionSummaryJSON {
    /// Guide and bank lists as written: most rows of a history name one of a few.
    private var lists: [[String]: [UInt8]] = [:]

    /// The object, indented to sit in a top-level array.
    mutating func write(_ summary: SessionSummary, into output: inout [UInt8]) {
        output.append(contentsOf: "  {\n    \"answered\" : ".utf8)
        output.appendDecimal(summary.answered)
        output.append(contentsOf: ",\n    \"banks\" : ".utf8)
        output.append(contentsOf: list(summary.banks))
        output.append(contentsOf: ",\n    \"guides\" : ".utf8)
        output.append(contentsOf: list(summary.guides))
        output.append(contentsOf: ",\n    \"id\" : ".utf8)
        Self.string(summary.id, into: &output)
        output.append(contentsOf: ",\n    \"questionCount\" : ".utf8)
        output.appendDecimal(summary.questionCount)
        output.append(contentsOf: ",\n".utf8)
        if let score = summary.score {
            output.append(contentsOf: "    \"score\" : ".utf8)
            output.append(contentsOf: Self.number(score).utf8)
            output.append(contentsOf: ",\n".utf8)
        }
        output.append(contentsOf: "    \"secondsUsed\" : ".utf8)
        output.append(contentsOf: Self.number(summary.secondsUsed).utf8)
        output.append(contentsOf: ",\n    \"seed\" : ".utf8)
        output.appendDecimal(summary.seed)
        output.append(contentsOf: ",\n    \"startedAt\" : \"".utf8)
        Self.timestamp(summary.startedAt, into: &output)
        output.append(contentsOf: "\",\n    \"state\" : \"".utf8)
        output.append(contentsOf: summary.state.rawValue.utf8)
        output.append(contentsOf: "\",\n    \"updatedAt\" : \"".utf8)
        Self.timestamp(summary.updatedAt, into: &output)
        output.append(contentsOf: "\"\n  }".utf8)
    }

    private mutating func list(_ items: [String]) -> [UInt8] {
        if let known = lists[items] { return known }
        var text = ""
        Self.list(items, into: &text)
        lists[items] = Array(text.utf8)
        return lists[items]!
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

    /// As `string(_:into:)` for a string, into bytes.
    static func string(_ text: String, into output: inout [UInt8]) {
        // Most strings (ids, most titles) are printable ASCII with nothing to escape.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        var escaped = ""
        string(text, into: &escaped)
        output.append(contentsOf: escaped.utf8)
    }

    static func string(_ text: String, into output: inout String) {
        output += "\""
        // Most strings (ids, most titles) are printable ASCII with nothing to escape.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x08: output += "\\b"
            case 0x0C: output += "\\f"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case let value where JSONSafety.isInvisible(value):
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
    static func timestamp(_ date: Date, into output: inout [UInt8]) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) {
            output.append(UInt8(ascii: "0") + UInt8(value / 10))
            output.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        let year = Int(parts.tm_year) + 1900
        for divisor in [1000, 100, 10, 1] { output.append(UInt8(ascii: "0") + UInt8(year / divisor % 10)) }
        output.append(UInt8(ascii: "-"))
        two(parts.tm_mon + 1)
        output.append(UInt8(ascii: "-"))
        two(parts.tm_mday)
        output.append(UInt8(ascii: "T"))
        two(parts.tm_hour)
        output.append(UInt8(ascii: ":"))
        two(parts.tm_min)
        output.append(UInt8(ascii: ":"))
        two(parts.tm_sec)
        output.append(UInt8(ascii: "Z"))
    }
}
