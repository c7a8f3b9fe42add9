/// Stable names for banks and questions, so history survives edits elsewhere in a guide.
public enum QuestionIdentity {
    /// `bank-slug/question-slug`.
    public static func id(bank: String, title: String) -> String {
        let questionSlug = slug(title)
        return slug(bank) + "/" + (questionSlug.isEmpty ? "q-" + String(hash(title).prefix(8)) : questionSlug)
    }

    /// Lower-case ASCII letters and digits joined by single hyphens, accents folded, at most
    /// `maxLength` characters cut at a word boundary.
    public static func slug(_ text: String, maxLength: Int = 64) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(min(text.utf8.count, maxLength * 2))
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            var folded: UInt8 = 0
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A: folded = UInt8(scalar.value)
            case 0x41...0x5A: folded = UInt8(scalar.value + 0x20)
            case 0x27, 0x2019, 0x0300...0x036F: continue // apostrophes and combining accents join words
            case 0...0x7F: break
            default:
                if let latin = asciiFold(Character(scalar)) {
                    if pendingHyphen { slug.append(0x2D) }
                    pendingHyphen = false
                    slug += latin.utf8
                    continue
                }
            }
            guard folded != 0 else {
                pendingHyphen = !slug.isEmpty
                continue
            }
            if pendingHyphen { slug.append(0x2D) }
            pendingHyphen = false
            slug.append(folded)
        }
        guard slug.count > maxLength else { return String(decoding: slug, as: UTF8.self) }
        let cut = slug[..<maxLength]
        if let lastHyphen = cut.lastIndex(of: 0x2D), lastHyphen > maxLength / 2 {
            return String(decoding: cut[..<lastHyphen], as: UTF8.self)
        }
        return String(decoding: cut, as: UTF8.self)
    }

    /// A 64-bit FNV-1a hash of the text with white space folded, as 16 hex digits.
    public static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        var collapsed = text.collapsingWhitespace()
        // The string's own bytes: through `String.UTF8View` each byte cost about ten
        // instructions more, for every question of a guide.
        collapsed.withUTF8 { bytes in
            for byte in bytes {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A letter or digit as ASCII, Latin accents dropped ("é" -> "e"); nil for the rest.
    private static func asciiFold(_ character: Character) -> String? {
        let lower = Character(character.lowercased())
        for (letters, base) in latinFolds where letters.contains(lower) { return base }
        return nil
    }

    private static let latinFolds: [(String, String)] = [
        ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćčĉċ", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"),
        ("ğĝġģ", "g"), ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"), ("œ", "oe"), ("ŕŗř", "r"), ("śŝşšș", "s"), ("ß", "ss"),
        ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"), ("þ", "th"), ("ð", "d"),
    ]
}
