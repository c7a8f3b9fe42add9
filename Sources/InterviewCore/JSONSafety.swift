/// JSON that Rehearse prints or exports carries text from guides and answers, which may hold
/// characters a terminal or an editor acts on without showing them. Standard encoders escape
/// only what JSON requires (C0 controls, quotes, backslashes); this escapes the rest as `\uXXXX`
/// so that the JSON stays the same value but shows every such character visibly.
public enum JSONSafety {
    /// `json` (UTF-8 text of valid JSON) with these escaped wherever they occur, which in valid
    /// JSON is only inside strings:
    /// - C0 controls other than the tab, line feed and carriage return JSON uses between tokens,
    ///   and DEL;
    /// - C1 controls, U+0080–U+009F (U+009B is a terminal's CSI);
    /// - the Arabic letter mark U+061C, zero-width and directional marks U+200B–U+200F, the line
    ///   and paragraph separators U+2028–U+2029, bidirectional embeddings and overrides
    ///   U+202A–U+202E, invisible operators U+2060–U+2064, bidirectional isolates
    ///   U+2066–U+2069, and the zero-width no-break space U+FEFF.
    public static func escapingInvisibles(_ json: [UInt8]) -> [UInt8] {
        guard json.contains(where: { $0 >= 0x7F || ($0 < 0x20 && isInvisible(UInt32($0))) }) else { return json }
        var output: [UInt8] = []
        output.reserveCapacity(json.count + 64)
        var index = 0
        while index < json.count {
            let (scalar, length) = decode(json, at: index)
            if let scalar, isInvisible(scalar) {
                appendEscape(scalar, to: &output)
            } else {
                output.append(contentsOf: json[index..<min(json.count, index + length)])
            }
            index += length
        }
        return output
    }

    /// Whether `scalar` is one of the characters `escapingInvisibles` escapes.
    public static func isInvisible(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064,
             0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// The scalar at `index` and its length in bytes; nil (length 1) for a byte that does not
    /// start a well-formed sequence, which is copied as it is.
    private static func decode(_ bytes: [UInt8], at index: Int) -> (UInt32?, Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00...0x7F: return (UInt32(lead), 1)
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return (nil, 1)
        }
        guard index + length <= bytes.count else { return (nil, 1) }
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        return (value, length)
    }

    private static func appendEscape(_ scalar: UInt32, to output: inout [UInt8]) {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        output += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
        for shift in stride(from: 12, through: 0, by: -4) {
            output.append(digits[Int(scalar >> UInt32(shift) & 0xF)])
        }
    }
}
