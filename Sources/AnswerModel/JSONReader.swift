import Foundation

/// A small JSON reader for the model's files. Foundation's JSONSerialization takes ~60 ms over
/// tokenizer.json's 30,522-entry vocabulary, a quarter of the budget for judging an answer;
/// this reader keeps objects as ordered member lists, with no hashing and no bridging, and
/// reads the same file in a few milliseconds.
enum JSONValue {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var string: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    var number: Double? {
        if case let .number(value) = self { return value }
        return nil
    }

    /// The number, when it is a whole number that fits an Int.
    var integer: Int? {
        guard let number, number == number.rounded(), abs(number) < 9e15 else { return nil }
        return Int(number)
    }

    /// An array of whole numbers.
    var integers: [Int]? {
        guard let values = array?.compactMap(\.integer), values.count == array?.count else { return nil }
        return values
    }

    var bool: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    var array: [JSONValue]? {
        if case let .array(values) = self { return values }
        return nil
    }

    var members: [JSONMember]? {
        if case let .object(members) = self { return members }
        return nil
    }
}

struct JSONMember {
    var key: String
    var value: JSONValue
}

extension JSONValue {
    /// The JSON document in the file at `path`.
    static func read(_ path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnswerModelError.unreadableFile(path: path, reason: "no such file")
        }
        do {
            return try data.withUnsafeBytes { try JSONReader.parse($0) }
        } catch let error as JSONReader.Malformed {
            throw AnswerModelError.unsupportedModel(reason: "\(path) is not JSON: \(error)")
        }
    }
}

struct JSONReader {
    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var reason: String
        var description: String { "\(reason) at byte \(offset)" }
    }

    /// Parses a whole document; anything but white space after the value is an error.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        var reader = JSONReader(bytes: bytes.bindMemory(to: UInt8.self))
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.position == reader.bytes.count else { throw reader.malformed("text after the value") }
        return value
    }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { try parse($0) }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private static let maxDepth = 64

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private func malformed(_ reason: String) -> Malformed { Malformed(offset: position, reason: reason) }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ literal: StaticString) throws {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count,
              (0..<count).allSatisfy({ bytes[position + $0] == literal.utf8Start[$0] })
        else { throw malformed("expected \(literal)") }
        position += count
    }

    private mutating func value(depth: Int) throws -> JSONValue {
        guard depth < Self.maxDepth else { throw malformed("nested too deeply") }
        skipSpace()
        guard position < bytes.count else { throw malformed("unexpected end") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object(try object(depth: depth))
        case UInt8(ascii: "["): return .array(try array(depth: depth))
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default: return .number(try number())
        }
    }

    private mutating func object(depth: Int) throws -> [JSONMember] {
        position += 1
        var members: [JSONMember] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return members
        }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw malformed("expected a key") }
            let key = try string()
            skipSpace()
            try expect(":")
            members.append(JSONMember(key: key, value: try value(depth: depth + 1)))
            skipSpace()
            guard position < bytes.count else { throw malformed("unterminated object") }
            position += 1
            if bytes[position - 1] == UInt8(ascii: "}") { return members }
            guard bytes[position - 1] == UInt8(ascii: ",") else { throw malformed("expected , or }") }
        }
    }

    private mutating func array(depth: Int) throws -> [JSONValue] {
        position += 1
        var values: [JSONValue] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return values
        }
        while true {
            values.append(try value(depth: depth + 1))
            skipSpace()
            guard position < bytes.count else { throw malformed("unterminated array") }
            position += 1
            if bytes[position - 1] == UInt8(ascii: "]") { return values }
            guard bytes[position - 1] == UInt8(ascii: ",") else { throw malformed("expected , or ]") }
        }
    }

    private mutating func string() throws -> String {
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
            position += 1
        }
        guard position < bytes.count else { throw malformed("unterminated string") }
        if bytes[position] == UInt8(ascii: "\"") {
            position += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)]), as: UTF8.self)
        }
        var scalars = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self).unicodeScalars
        var run = position
        while true {
            guard position < bytes.count else { throw malformed("unterminated string") }
            let byte = bytes[position]
            if byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                position += 1
                continue
            }
            scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<position]), as: UTF8.self).unicodeScalars)
            position += 1
            if byte == UInt8(ascii: "\"") { return String(scalars) }
            guard position < bytes.count else { throw malformed("unterminated escape") }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escape))
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), position + 1 < bytes.count,
                   bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                    position += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw malformed("unpaired surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: throw malformed("unknown escape")
            }
            run = position
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw malformed("short \\u escape") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw malformed("bad \\u escape")
            }
            code = code << 4 | UInt32(digit)
            position += 1
        }
        return code
    }

    private mutating func number() throws -> Double {
        let start = position
        var whole = 0
        var isWhole = true
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        while position < bytes.count {
            let byte = bytes[position]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                whole = whole &* 10 &+ Int(byte - UInt8(ascii: "0"))
                if position - start > 15 { isWhole = false }
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                        || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                isWhole = false
            } else {
                break
            }
            position += 1
        }
        let negative = bytes[start] == UInt8(ascii: "-")
        guard position > start + (negative ? 1 : 0) else { throw malformed("expected a value") }
        if isWhole { return Double(negative ? -whole : whole) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text) else { throw malformed("bad number \(text)") }
        return value
    }
}
