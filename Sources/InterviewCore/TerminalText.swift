/// Text from guides, answers and files is untrusted: before it reaches a terminal, control
/// characters are made visible so that no escape sequence in a guide can drive the terminal.
public enum TerminalText {
    /// C0 controls and DEL in caret notation (`^[`), C1 controls and bidirectional overrides as
    /// U+FFFD. Tabs become a space; line breaks are kept only when `keepingNewlines`.
    public static func neutralized(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: needsNeutralizing) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingNewlines:
                result.append(scalar)
            case 0x09, 0x0A, 0x0D:
                result.append(" ")
            case 0x00...0x1F:
                result.append("^")
                result.append(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            case 0x7F:
                result.append(contentsOf: "^?".unicodeScalars)
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                result.append("\u{FFFD}")
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    public static func needsNeutralizing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
