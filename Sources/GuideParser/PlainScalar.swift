import InterviewCore

/// The type of a plain (unquoted) YAML scalar, by the YAML 1.1 rules Yams' default resolver
/// applies (null, bool, int, float; anything else, dates included, is a string). Written out
/// by hand because Yams builds its rules as regular expressions on first use, which cost more
/// than reading a large guide's front matter many times over.
enum PlainScalar {
    static func value(_ text: String) -> MetadataValue {
        switch text {
        case "", "~", "null", "Null", "NULL":
            return .null
        case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
            return .bool(true)
        case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
            return .bool(false)
        default:
            // Infinities and NaN (`.inf`, `.nan`) have no JSON form: they stay text.
            if let number = integer(text) ?? float(text), number.isFinite { return .number(number) }
            return .string(text)
        }
    }

    /// `12`, `-1_000`, `0x1F`, `0o17` or `017`, `0b101`, and base 60 (`4:30` is 270).
    static func integer(_ text: String) -> Double? {
        var body = Substring(text)
        var sign = 1.0
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        func digits(_ part: Substring, radix: Int) -> Double? {
            let cleaned = part.filter { $0 != "_" }
            guard !cleaned.isEmpty, let value = Int64(cleaned, radix: radix) else { return nil }
            return Double(value)
        }
        if body.hasPrefix("0b") { return digits(body.dropFirst(2), radix: 2).map { sign * $0 } }
        if body.hasPrefix("0x") { return digits(body.dropFirst(2), radix: 16).map { sign * $0 } }
        if body.hasPrefix("0o") { return digits(body.dropFirst(2), radix: 8).map { sign * $0 } }
        if body == "0" { return 0 }
        if body.hasPrefix("0") { return digits(body.dropFirst(), radix: 8).map { sign * $0 } }
        guard body.first.map({ ("1"..."9").contains($0) }) == true else { return nil }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count > 1 {
            guard var total = digits(parts[0], radix: 10) else { return nil }
            for part in parts.dropFirst() {
                guard (1...2).contains(part.count), part.allSatisfy(\.isASCII), let value = Int(part), value < 60 else { return nil }
                total = total * 60 + Double(value)
            }
            return sign * total
        }
        guard body.allSatisfy({ ("0"..."9").contains($0) || $0 == "_" }) else { return nil }
        return digits(body, radix: 10).map { sign * $0 }
    }

    /// `1.5`, `-2.`, `1e3`, `.5`, `6.02e+23`.
    static func float(_ text: String) -> Double? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func skipDigits() -> Int {
            let start = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) || scalars[index] == "_" { index += 1 }
            return index - start
        }
        if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" { index += 1 }
        let whole = skipDigits()
        var fraction = 0
        if index < scalars.count, scalars[index] == "." {
            index += 1
            fraction = skipDigits()
        }
        guard whole > 0 || fraction > 0 else { return nil }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            index += 1
            if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" { index += 1 }
            let start = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            guard index > start else { return nil }
        }
        guard index == scalars.count else { return nil }
        return Double(text.filter { $0 != "_" })
    }
}
