import Yams

/// The type of an untagged, unquoted YAML scalar, decided as Yams' default resolver decides it
/// (its bool, int, float and null rules, in that order; anything else is a string), without
/// its regular expressions: those are NSRegularExpressions, whose first use loads ICU's regex
/// engine and Unicode tables, about 2 MB of a process's resident memory, for a few short
/// lines of front matter.
enum PlainScalarTag {
    static func resolve(_ text: String) -> Tag.Name {
        let bytes = Array(text.utf8)
        if isBool(bytes) { return .bool }
        if isInt(bytes) { return .int }
        if isFloat(bytes) { return .float }
        if isNull(bytes) { return .null }
        return .str
    }

    private static let bools: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nulls: Set<String> = ["~", "null", "Null", "NULL", ""]

    private static func isBool(_ bytes: [UInt8]) -> Bool { bools.contains(String(decoding: bytes, as: UTF8.self)) }

    private static func isNull(_ bytes: [UInt8]) -> Bool { nulls.contains(String(decoding: bytes, as: UTF8.self)) }

    /// `[-+]?` then one of: `0b[01_]+`, `0o?[0-7_]+`, `0`, `[1-9][0-9_]*`, `0x[0-9a-fA-F_]+`,
    /// `[1-9][0-9_]*(:[0-5]?[0-9])+`.
    private static func isInt(_ bytes: [UInt8]) -> Bool {
        var scan = Scanner(bytes)
        scan.sign()
        let rest = scan.position
        if scan.take("0b"), scan.many(binary), scan.atEnd { return true }
        scan.position = rest
        if scan.take("0x"), scan.many(hexadecimal), scan.atEnd { return true }
        scan.position = rest
        if scan.take("0") {
            let afterZero = scan.position
            if scan.atEnd { return true }
            _ = scan.take("o")
            if scan.many(octal), scan.atEnd { return true }
            scan.position = afterZero
            return scan.many(octal) && scan.atEnd
        }
        guard scan.one(nonZeroDigit) else { return false }
        _ = scan.many(digitOrUnderscore)
        if scan.atEnd { return true }
        return scan.sexagesimalGroups() && scan.atEnd
    }

    /// `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?`, `\.[0-9_]+([eE][-+][0-9]+)?`,
    /// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        var scan = Scanner(bytes)
        if scan.take("."), scan.many(digitOrUnderscore) {
            if scan.atEnd { return true }
            if scan.one({ $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }), scan.one(sign), scan.many(digit), scan.atEnd { return true }
        }
        scan.position = 0
        if scan.take(".nan") || scan.take(".NaN") || scan.take(".NAN"), scan.atEnd { return true }
        scan.position = 0
        scan.sign()
        let rest = scan.position
        if scan.take(".inf") || scan.take(".Inf") || scan.take(".INF"), scan.atEnd { return true }
        scan.position = rest
        guard scan.one(digit) else { return false }
        _ = scan.many(digitOrUnderscore)
        let integerEnd = scan.position
        // Decimal, with an optional exponent.
        if scan.take(".") { _ = scan.many(digitOrUnderscore) }
        if scan.atEnd { return true }
        if scan.one({ $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            _ = scan.one(sign)
            if scan.many(digit), scan.atEnd { return true }
        }
        // Sexagesimal, with a fraction.
        scan.position = integerEnd
        guard scan.sexagesimalGroups(), scan.take(".") else { return false }
        _ = scan.many(digitOrUnderscore)
        return scan.atEnd
    }

    private static func digit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func nonZeroDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") }
    private static func digitOrUnderscore(_ byte: UInt8) -> Bool { digit(byte) || byte == UInt8(ascii: "_") }
    private static func binary(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "0") || byte == UInt8(ascii: "1") || byte == UInt8(ascii: "_") }
    private static func octal(_ byte: UInt8) -> Bool { (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7")) || byte == UInt8(ascii: "_") }
    private static func sign(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") }
    private static func hexadecimal(_ byte: UInt8) -> Bool {
        digitOrUnderscore(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    /// A cursor over the bytes, for the patterns above.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { position == bytes.count }

        mutating func sign() { _ = one(PlainScalarTag.sign) }

        /// One byte that matches.
        mutating func one(_ matches: (UInt8) -> Bool) -> Bool {
            guard position < bytes.count, matches(bytes[position]) else { return false }
            position += 1
            return true
        }

        /// One or more bytes that match.
        mutating func many(_ matches: (UInt8) -> Bool) -> Bool {
            let start = position
            while position < bytes.count, matches(bytes[position]) { position += 1 }
            return position > start
        }

        mutating func take(_ literal: String) -> Bool {
            let literal = Array(literal.utf8)
            guard bytes.count - position >= literal.count, Array(bytes[position..<position + literal.count]) == literal else { return false }
            position += literal.count
            return true
        }

        /// `(:[0-5]?[0-9])+`
        mutating func sexagesimalGroups() -> Bool {
            var groups = 0
            while position < bytes.count, bytes[position] == UInt8(ascii: ":") {
                let start = position
                position += 1
                let isSixtieth: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "5") }
                if position + 1 < bytes.count, isSixtieth(bytes[position]), PlainScalarTag.digit(bytes[position + 1]) {
                    position += 2
                } else if one(PlainScalarTag.digit) {
                    // one digit
                } else {
                    position = start
                    break
                }
                groups += 1
            }
            return groups > 0
        }
    }
}
