import Foundation
import InterviewCore
import TranscriptStore

/// A session summary as `history --json` writes it: the same text `JSONEncoder` gives (sorted
/// keys, pretty-printed, ISO 8601 dates), written by hand because encoding each of thousands
/// of rows through `JSONEncoder` was most of a long history's cost. Strings escape C0 and C1
/// controls and the invisible format characters (bidi overrides, zero-width marks) as `\uXXXX`.
struct SessionSummaryJSON {
    /// Guide and bank lists as written: most rows of a history name one of a few.
    private var lists: [[String]: String] = [:]

    /// The object, indented to sit in a top-level array.
    mutating func write(_ summary: SessionSummary, into output: inout String) {
        output += "  {\n    \"answered\" : "
        output += String(summary.answered)
        output += ",\n    \"banks\" : "
        output += list(summary.banks)
        output += ",\n    \"guides\" : "
        output += list(summary.guides)
        output += ",\n    \"id\" : "
        Self.string(summary.id, into: &output)
        output += ",\n    \"questionCount\" : "
        output += String(summary.questionCount)
        output += ",\n"
        if let score = summary.score {
            output += "    \"score\" : "
            output += Self.number(score)
            output += ",\n"
        }
        output += "    \"secondsUsed\" : "
        output += Self.number(summary.secondsUsed)
        output += ",\n    \"seed\" : "
        output += String(summary.seed)
        output += ",\n    \"startedAt\" : \""
        Self.timestamp(summary.startedAt, into: &output)
        output += "\",\n    \"state\" : \""
        output += summary.state.rawValue
        output += "\",\n    \"updatedAt\" : \""
        Self.timestamp(summary.updatedAt, into: &output)
        output += "\"\n  }"
    }

    private mutating func list(_ items: [String]) -> String {
        if let known = lists[items] { return known }
        var text = ""
        Self.list(items, into: &text)
        lists[items] = text
        return text
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
    static func timestamp(_ date: Date, into output: inout String) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { text in
            func put(_ value: Int32, digits: Int, at start: Int) {
                var value = Int(value)
                for index in (start..<(start + digits)).reversed() {
                    text[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(parts.tm_year + 1900, digits: 4, at: 0)
            put(parts.tm_mon + 1, digits: 2, at: 5)
            put(parts.tm_mday, digits: 2, at: 8)
            put(parts.tm_hour, digits: 2, at: 11)
            put(parts.tm_min, digits: 2, at: 14)
            put(parts.tm_sec, digits: 2, at: 17)
            for (index, separator) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")] as [(Int, Unicode.Scalar)] {
                text[index] = UInt8(ascii: separator)
            }
            text[19] = UInt8(ascii: "Z")
            output += String(decoding: UnsafeBufferPointer(text), as: UTF8.self)
        }
    }
}
