import TerminalUI

/// Turns the bytes a terminal sends into keys. Escape sequences are read by their grammar
/// (ECMA-48: `ESC [` parameters, intermediates and a final byte; `ESC O` and a byte; strings
/// up to their terminator), so that a sequence is always consumed whole: one that names a key
/// becomes it (the terminfo entry's own strings first, then `EscapeSequences`), and one that
/// names nothing is dropped, never typed. A bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`)
/// becomes one `.paste` whose control characters are text, not keys.
///
/// No ncurses and no clock here: the caller appends what it read and asks for the next key;
/// when the buffer may hold the start of something longer, it is told how long to wait for
/// the rest, and then asks again with `final`, meaning nothing more came.
struct InputDecoder: Sendable {
    /// The sequences the terminal's terminfo entry names, by their bytes.
    let namedSequences: [[UInt8]: Key]

    private var bytes: [UInt8] = []
    /// The first byte not yet decoded.
    private var start = 0
    private var mode = Mode.keys

    private enum Mode: Sendable {
        case keys
        /// Inside a bracketed paste: the text so far, and whether some was dropped.
        case paste([UInt8])
        /// Inside a control string (OSC, DCS, APC, PM, SOS) longer than the buffer held: dropped.
        case controlString
    }

    /// Most bytes a paste keeps (the editor takes far fewer): a runaway paste cannot exhaust memory.
    static let pasteLimit = 8 << 20
    /// A sequence longer than this is no key: it is dropped whole.
    static let longestSequence = 64
    private static let pasteEnd: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]

    enum Step: Equatable, Sendable {
        case key(Key)
        /// Bytes that mean nothing here were dropped (an unknown sequence, a stray control byte).
        case skipped
        /// The buffer ends in the middle of something: wait for the rest, then ask again with
        /// `final` if nothing came.
        case incomplete(Wait)
        case empty
    }

    /// What the decoder is waiting for, which says how long to wait.
    enum Wait: Equatable, Sendable {
        /// A lone Esc, which may be the start of a sequence: the Esc delay.
        case escape
        /// The rest of a sequence, or of a character's UTF-8 bytes.
        case sequence
        /// The end of a paste (or of a control string).
        case paste
    }

    init(namedSequences: [[UInt8]: Key] = [:]) {
        self.namedSequences = namedSequences
    }

    /// Bytes buffered and not yet decoded.
    var bufferedCount: Int { bytes.count - start }

    mutating func append(_ new: some Collection<UInt8>) {
        if start > 4096, start * 2 > bytes.count {
            bytes.removeFirst(start)
            start = 0
        }
        bytes.append(contentsOf: new)
    }

    /// The next key from what is buffered. With `final`, nothing more is coming soon, so
    /// whatever is incomplete is decided now (a lone Esc is Esc).
    mutating func next(final: Bool = false) -> Step {
        switch mode {
        case .paste: return pasteStep(final: final)
        case .controlString: return controlStringStep(final: final)
        case .keys: break
        }
        guard start < bytes.count else { return .empty }
        let byte = bytes[start]
        switch byte {
        case 0x1B:
            return escape(final: final)
        case 0x20...0x7E:
            start += 1
            return .key(.character(Character(Unicode.Scalar(byte))))
        case 0..<0x80:
            start += 1
            return Key.fromControlCode(UInt32(byte)).map(Step.key) ?? .skipped
        default:
            switch utf8(at: start, final: final) {
            case .incomplete: return .incomplete(.sequence)
            case .scalar(let scalar, let length):
                start += length
                // C1 controls are never text; a terminal sends none for a key.
                return (0x80...0x9F).contains(scalar.value) ? .skipped : .key(.character(Character(scalar)))
            }
        }
    }

    // MARK: Escape sequences

    private mutating func escape(final: Bool) -> Step {
        let at = start
        guard at + 1 < bytes.count else { return final ? consume(1, .escape) : .incomplete(.escape) }
        let next = bytes[at + 1]
        switch next {
        case 0x5B, 0x4F: // [ O
            switch sequence(at: at) {
            case .incomplete:
                guard final else { return .incomplete(.sequence) }
                // A sequence cut short, or Alt-[ and Alt-O on their own.
                return bytes.count - at == 2 ? consume(2, .alt(Character(Unicode.Scalar(next)))) : consume(bytes.count - at, nil)
            case .complete(let length, let key):
                if key == nil, isPasteStart(at: at, length: length) {
                    start += length
                    mode = .paste([])
                    return .skipped
                }
                return consume(length, key)
            }
        case 0x5D, 0x50, 0x5F, 0x5E, 0x58: // ] P _ ^ X: a control string (a terminal's reply)
            guard at + 2 < bytes.count else {
                return final ? consume(2, EscapeSequences.alt(Character(Unicode.Scalar(next)))) : .incomplete(.sequence)
            }
            start += 2
            mode = .controlString
            return controlStringStep(final: final)
        case 0x1B:
            // Esc and a sequence: Alt and that key (rxvt); otherwise two Escs.
            guard at + 2 < bytes.count else { return final ? consume(1, .escape) : .incomplete(.escape) }
            guard bytes[at + 2] == 0x5B || bytes[at + 2] == 0x4F else { return consume(1, .escape) }
            switch sequence(at: at + 1) {
            case .incomplete: return final ? consume(bytes.count - at, nil) : .incomplete(.sequence)
            case .complete(let length, let key): return consume(length + 1, key.map(EscapeSequences.alt))
            }
        case 0x7F, 0x08:
            return consume(2, .deleteWordBackward)
        case 0..<0x20:
            // Esc and then a key of its own (Enter, ^Q…): both count.
            return consume(1, .escape)
        case 0x20...0x7E:
            return consume(2, EscapeSequences.alt(Character(Unicode.Scalar(next))))
        default:
            switch utf8(at: at + 1, final: final) {
            case .incomplete: return .incomplete(.sequence)
            case .scalar(let scalar, let length):
                return consume(1 + length, (0x80...0x9F).contains(scalar.value) ? nil : .alt(Character(scalar)))
            }
        }
    }

    private enum Parsed {
        case incomplete
        /// The sequence's length in bytes and the key it names, if any.
        case complete(Int, Key?)
    }

    /// The CSI or SS3 sequence starting at `at` (an Esc).
    private func sequence(at: Int) -> Parsed {
        let isCSI = bytes[at + 1] == 0x5B
        var index = at + 2
        let end = bytes.count
        // The Linux console's F1–F5: `ESC [ [` and a letter.
        if isCSI, index < bytes.count, bytes[index] == 0x5B {
            guard index + 1 < bytes.count else { return .incomplete }
            let letter = bytes[index + 1]
            return .complete(4, named(at, 4) ?? ((0x41...0x45).contains(letter) ? .function(Int(letter) - 0x40) : nil))
        }
        let parametersStart = index
        while index < end, (0x30...0x3F).contains(bytes[index]) { index += 1 }
        let parameters = bytes[parametersStart..<index]
        let intermediatesStart = index
        while index < end, (0x20...0x2F).contains(bytes[index]) {
            // rxvt ends Shift-keys with `$` (`ESC [ 3 $`): after a plain number it is final.
            if isCSI, bytes[index] == 0x24, !parameters.isEmpty, parameters.allSatisfy({ (0x30...0x39).contains($0) }) {
                let length = index + 1 - at
                return .complete(length, named(at, length) ?? EscapeSequences.csi(parameters: parameters, intermediates: [0x24], final: 0x24))
            }
            index += 1
        }
        guard index < bytes.count else { return .incomplete }
        let final = bytes[index]
        guard (0x40...0x7E).contains(final) else {
            // A byte that cannot be in a sequence ends it, unread: it is decoded on its own.
            return .complete(index - at, nil)
        }
        let length = index + 1 - at
        // Too long to be any key: dropped whole all the same.
        guard length <= Self.longestSequence else { return .complete(length, nil) }
        if let key = named(at, length) { return .complete(length, key) }
        let key = isCSI
            ? EscapeSequences.csi(parameters: parameters, intermediates: bytes[intermediatesStart..<index], final: final)
            : EscapeSequences.ss3(parameters: parameters, final: final)
        return .complete(length, key)
    }

    private func named(_ at: Int, _ length: Int) -> Key? {
        namedSequences.isEmpty ? nil : namedSequences[Array(bytes[at..<(at + length)])]
    }

    private func isPasteStart(at: Int, length: Int) -> Bool {
        length == 6 && bytes[at + 1] == 0x5B && bytes[at + 2] == 0x32 && bytes[at + 3] == 0x30 && bytes[at + 4] == 0x30 && bytes[at + 5] == 0x7E
    }

    private mutating func consume(_ count: Int, _ key: Key?) -> Step {
        start += count
        return key.map(Step.key) ?? .skipped
    }

    // MARK: Strings and pastes

    /// Skips a control string up to BEL or ST (`ESC \`); an Esc that starts anything else
    /// ends it too, so that a key after a reply cut short is not lost.
    private mutating func controlStringStep(final: Bool) -> Step {
        while start < bytes.count {
            let byte = bytes[start]
            if byte == 0x07 {
                start += 1
                mode = .keys
                return .skipped
            }
            if byte == 0x1B {
                guard start + 1 < bytes.count else { break }
                if bytes[start + 1] == 0x5C { start += 2 }
                mode = .keys
                return .skipped
            }
            start += 1
        }
        if final {
            mode = .keys
            return .skipped
        }
        return .incomplete(.paste)
    }

    /// Gathers a paste's bytes up to `ESC [ 201 ~`; then it is one key. Ended early (`final`)
    /// when the terminal never sends the end: what came is the paste.
    private mutating func pasteStep(final: Bool) -> Step {
        var text = takePasteText()
        let found: Int? = bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while index < buffer.count {
                guard buffer[index] == 0x1B else {
                    index += 1
                    continue
                }
                if buffer.count - index >= Self.pasteEnd.count {
                    if Array(buffer[index..<(index + Self.pasteEnd.count)]) == Self.pasteEnd { return index }
                } else if Array(buffer[index...]) == Array(Self.pasteEnd.prefix(buffer.count - index)) {
                    return nil // maybe the end, cut in two: wait for the rest
                }
                index += 1
            }
            return nil
        }
        if let found {
            append(&text, bytes[start..<found])
            start = found + Self.pasteEnd.count
            return .key(.paste(String(decoding: text, as: UTF8.self)))
        }
        // Keep back a tail that may be the start of the end marker.
        var keep = bytes.count
        if let escape = bytes[start...].lastIndex(of: 0x1B), bytes.count - escape < Self.pasteEnd.count { keep = escape }
        if final {
            append(&text, bytes[start...])
            start = bytes.count
            return .key(.paste(String(decoding: text, as: UTF8.self)))
        }
        append(&text, bytes[start..<keep])
        start = keep
        mode = .paste(text)
        return .incomplete(.paste)
    }

    /// The paste's text so far, out of `mode` (which is left `.keys`), so that appending to
    /// it does not copy it.
    private mutating func takePasteText() -> [UInt8] {
        guard case .paste(let text) = mode else { return [] }
        mode = .keys
        return text
    }

    private func append(_ text: inout [UInt8], _ more: ArraySlice<UInt8>) {
        let room = Self.pasteLimit - text.count
        if room > 0 { text.append(contentsOf: more.prefix(room)) }
    }

    // MARK: UTF-8

    private enum Decoded {
        case incomplete
        /// A scalar (U+FFFD for malformed bytes) and the bytes it took.
        case scalar(Unicode.Scalar, Int)
    }

    private func utf8(at index: Int, final: Bool) -> Decoded {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return .scalar("\u{FFFD}", 1)
        }
        for offset in 1..<length {
            guard index + offset < bytes.count else { return final ? .scalar("\u{FFFD}", offset) : .incomplete }
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return .scalar("\u{FFFD}", offset) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= shortest, let scalar = Unicode.Scalar(value) else { return .scalar("\u{FFFD}", length) }
        return .scalar(scalar, length)
    }
}
