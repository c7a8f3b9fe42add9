import TerminalUI

/// What the escape sequences terminals send for keys mean, read by their ECMA-48 grammar
/// rather than from one terminal's terminfo entry, so that a key works whatever TERM says:
/// xterm's `CSI 1 ; 5 D`, rxvt's `CSI 7 ~` and `ESC O d`, the Linux console's `CSI [ A`,
/// vt100's `ESC O P`. A sequence that names no key here means nothing (nil) and is dropped.
enum EscapeSequences {
    /// Modifier bits of xterm's parameter (the parameter less one).
    struct Modifiers: OptionSet {
        let rawValue: Int
        static let shift = Modifiers(rawValue: 1)
        static let alt = Modifiers(rawValue: 2)
        static let control = Modifiers(rawValue: 4)
        static let meta = Modifiers(rawValue: 8)

        /// From a sequence's modifier parameter (1 or absent: none).
        init(parameter: Int?) {
            rawValue = max(0, (parameter ?? 1) - 1) & 0xF
        }

        init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// Alt, Ctrl or Meta: what turns a move by character into a move by word.
        var movesByWord: Bool { !intersection([.alt, .control, .meta]).isEmpty }
    }

    /// A control sequence: `ESC [`, parameter bytes, intermediate bytes, a final byte.
    static func csi(parameters: ArraySlice<UInt8>, intermediates: ArraySlice<UInt8>, final: UInt8) -> Key? {
        // Private parameters (`?`, `<`, `=`, `>` first) are replies and mouse reports, not keys.
        if let first = parameters.first, first >= 0x3C { return nil }
        let numbers = Self.numbers(parameters)
        let first = numbers.first ?? nil
        if intermediates == [0x24] { return tilde(first, Modifiers.shift) } // rxvt: Shift
        guard intermediates.isEmpty else { return nil }
        switch final {
        case 0x41...0x44: // A B C D
            return arrow(final, Modifiers(parameter: numbers.count > 1 ? numbers[1] : nil))
        case 0x61...0x64: // rxvt's Shift-arrows: a b c d
            return arrow(final - 0x20, .shift)
        case 0x48: return .home // H
        case 0x46: return .end // F
        case 0x5A: return .backTab // Z
        case 0x50...0x53: // P Q R S: F1–F4 with modifiers (`CSI 1 ; 5 P`); with another first
            // number it is a report (a cursor position ends in R), not a key.
            return first == nil || first == 1 ? .function(Int(final) - 0x50 + 1) : nil
        case 0x7E: // ~
            if first == 27, numbers.count >= 3 { return character(code: numbers[2], Modifiers(parameter: numbers[1])) }
            return tilde(first, Modifiers(parameter: numbers.count > 1 ? numbers[1] : nil))
        case 0x5E: return tilde(first, .control) // rxvt's ^
        case 0x40: return tilde(first, [.control, .shift]) // rxvt's @
        case 0x75: // u: a key by its code point (CSI u)
            return character(code: first, Modifiers(parameter: numbers.count > 1 ? numbers[1] : nil))
        default: return nil
        }
    }

    /// `ESC O` and a final byte (SS3), optionally with a modifier parameter before it.
    static func ss3(parameters: ArraySlice<UInt8>, final: UInt8) -> Key? {
        let numbers = Self.numbers(parameters)
        let modifiers = Modifiers(parameter: numbers.last ?? nil)
        switch final {
        case 0x41...0x44: return arrow(final, modifiers)
        case 0x61...0x64: return arrow(final - 0x20, .control) // rxvt's Ctrl-arrows: a b c d
        case 0x48: return .home
        case 0x46: return .end
        case 0x50...0x53: return .function(Int(final) - 0x50 + 1)
        case 0x4D: return .enter // the keypad's Enter
        case 0x6A...0x79: // the keypad in application mode: * + , - . / 0–9
            return .character(Character(Unicode.Scalar(final - 0x40)))
        case 0x58: return .character("=")
        default: return nil
        }
    }

    /// Arrow `final` (A up, B down, C right, D left) with modifiers: Ctrl, Alt or Meta on ← →
    /// moves by word; Shift (there is no selection) and modifiers on ↑ ↓ move as plain arrows.
    static func arrow(_ final: UInt8, _ modifiers: Modifiers) -> Key? {
        switch final {
        case 0x41: .up
        case 0x42: .down
        case 0x43: modifiers.movesByWord ? .wordRight : .right
        case 0x44: modifiers.movesByWord ? .wordLeft : .left
        default: nil
        }
    }

    /// The vt220 keys `CSI n ~` (and rxvt's `CSI n ^`, `CSI n $`, `CSI n @`).
    static func tilde(_ number: Int?, _ modifiers: Modifiers) -> Key? {
        guard let number else { return nil }
        switch number {
        case 1, 7: return .home // Find (vt220), Home (rxvt)
        case 4, 8: return .end // Select (vt220), End (rxvt)
        case 2: return .insert
        case 3: return modifiers.movesByWord ? .deleteWordForward : .delete
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(number - 10)
        case 17...21: return .function(number - 11)
        case 23...26: return .function(number - 12)
        case 28, 29: return .function(number - 13)
        case 31...34: return .function(number - 14)
        default: return nil // 200 and 201 (paste) are read before this; the rest name no key
        }
    }

    /// A key sent by its code point with modifiers (`CSI code ; mods u`, or xterm's
    /// `CSI 27 ; mods ; code ~`), as the plain key it stands for.
    static func character(code: Int?, _ modifiers: Modifiers) -> Key? {
        guard let code, let scalar = Unicode.Scalar(UInt32(clamping: code)) else { return nil }
        let altered = modifiers.contains(.alt) || modifiers.contains(.meta)
        switch code {
        case 9: return modifiers.contains(.shift) ? .backTab : .tab
        case 13: return .enter
        case 27: return .escape
        case 8, 127: return altered || modifiers.contains(.control) ? .deleteWordBackward : .backspace
        case 0x20...0x7E where modifiers.contains(.control):
            let letter = Character(scalar).lowercased()
            guard let first = letter.unicodeScalars.first, (0x61...0x7A).contains(first.value) else { return nil }
            return .control(Character(letter))
        case 0x20...0x10FFFF:
            guard !(0x7F...0x9F).contains(code), !(0xD800...0xDFFF).contains(code) else { return nil }
            var character = Character(scalar)
            if modifiers.contains(.shift), code < 0x80 { character = Character(character.uppercased()) }
            return altered ? alt(character) : .character(character)
        default:
            return nil
        }
    }

    /// Alt (or Esc) and a character: Alt-b, Alt-f and Alt-d move and delete by word, as in
    /// readline; any other stays Alt and the character.
    static func alt(_ character: Character) -> Key {
        switch character {
        case "b": .wordLeft
        case "f": .wordRight
        case "d": .deleteWordForward
        default: .alt(character)
        }
    }

    /// Alt on a key sent as a sequence of its own (rxvt sends `ESC` before the sequence).
    static func alt(_ key: Key) -> Key {
        switch key {
        case .left: .wordLeft
        case .right: .wordRight
        case .backspace: .deleteWordBackward
        case .delete: .deleteWordForward
        default: key
        }
    }

    /// The numeric parameters: `;` separates them, `:` sub-parameters are ignored, an empty
    /// one is nil. More than a few are not a key; they are cut to keep the work bounded.
    static func numbers(_ parameters: ArraySlice<UInt8>) -> [Int?] {
        guard !parameters.isEmpty else { return [] }
        var numbers: [Int?] = []
        var current: Int?
        var inSubparameter = false
        for byte in parameters {
            switch byte {
            case 0x30...0x39 where !inSubparameter:
                current = min(99_999, (current ?? 0) * 10 + Int(byte - 0x30))
            case 0x3B:
                numbers.append(current)
                current = nil
                inSubparameter = false
                if numbers.count > 8 { return numbers }
            case 0x3A:
                inSubparameter = true
            default:
                break
            }
        }
        numbers.append(current)
        return numbers
    }
}
