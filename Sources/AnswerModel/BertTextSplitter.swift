/// BERT's normalizer and pre-tokenizer in one pass: cleans the text, isolates CJK ideographs,
/// strips accents, lower-cases, and splits on white space and punctuation. Every character
/// of a word keeps the UTF-8 byte range of the character of the original text it came from.
struct BertTextSplitter: Sendable {
    struct Options: Sendable, Equatable {
        /// Drop NUL, U+FFFD and control characters; treat all white space as a space.
        var cleanText = true
        /// Make every CJK ideograph a word of its own.
        var splitCJK = true
        /// Decompose (NFD) and drop non-spacing marks.
        var stripAccents = true
        var lowercase = true
    }

    /// A word after normalization, and where each of its characters came from.
    struct Word {
        var scalars: [Unicode.Scalar] = []
        var origins: [Range<Int>] = []
    }

    var options: Options

    /// The words of `text`, in order, each handed to `body` as it is found.
    func forEachWord(in text: String, _ body: (Word) -> Void) {
        var word = Word()
        var offset = 0
        func endWord() {
            if !word.scalars.isEmpty {
                body(word)
                word.scalars.removeAll(keepingCapacity: true)
                word.origins.removeAll(keepingCapacity: true)
            }
        }
        func add(_ scalar: Unicode.Scalar, from origin: Range<Int>) {
            if Self.isWhitespace(scalar) {
                endWord()
            } else if Self.isPunctuation(scalar) {
                endWord()
                body(Word(scalars: [scalar], origins: [origin]))
            } else {
                word.scalars.append(scalar)
                word.origins.append(origin)
            }
        }
        for scalar in text.unicodeScalars {
            let origin = offset..<(offset + UTF8.width(scalar))
            offset = origin.upperBound
            if options.cleanText {
                if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
                if Self.isWhitespace(scalar) { endWord(); continue }
            }
            if scalar.isASCII {
                // Most text: no decomposition, and ASCII lower-casing.
                let folded = options.lowercase && scalar.value >= 65 && scalar.value <= 90
                    ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar
                add(folded, from: origin)
                continue
            }
            let isolate = options.splitCJK && Self.isCJK(scalar)
            if isolate { endWord() }
            for folded in fold(scalar) { add(folded, from: origin) }
            if isolate { endWord() }
        }
        endWord()
    }

    /// A non-ASCII character after accent stripping and lower-casing: zero, one or more characters.
    private func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var scalars = [scalar]
        if options.stripAccents {
            scalars = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { $0.properties.generalCategory != .nonspacingMark }
        }
        if options.lowercase {
            scalars = scalars.flatMap { $0.properties.changesWhenLowercased ? Array($0.properties.lowercaseMapping.unicodeScalars) : [$0] }
        }
        return scalars
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Unicode's "other" categories, less the three white-space controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x20..<0x7F: return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .unassigned, .privateUse, .surrogate: return true
            default: return false
            }
        }
    }

    /// ASCII punctuation (which includes `$`, `+`, `<`, `^`, `|`) and Unicode's punctuation categories.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 33...47, 58...64, 91...96, 123...126: return true
        case 0..<0x80: return false
        default:
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return true
            default: return false
            }
        }
    }

    /// The CJK Unified Ideographs blocks and their extensions and compatibility forms (not kana or hangul).
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default: return false
        }
    }
}
