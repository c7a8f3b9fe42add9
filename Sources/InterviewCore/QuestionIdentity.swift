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
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character == "'" || character == "’" { continue }
            guard let ascii = asciiFold(character) else {
                pendingHyphen = !slug.isEmpty
                continue
            }
            if pendingHyphen { slug.append("-") }
            pendingHyphen = false
            slug += ascii
        }
        guard slug.count > maxLength else { return slug }
        let cut = slug.prefix(maxLength)
        if let lastHyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: lastHyphen) > maxLength / 2 {
            return String(cut[..<lastHyphen])
        }
        return String(cut)
    }

    /// A 64-bit FNV-1a hash of the text with white space folded, as 16 hex digits.
    public static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.collapsingWhitespace().utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A letter or digit as ASCII, Latin accents dropped ("é" -> "e"); nil for the rest.
    private static func asciiFold(_ character: Character) -> String? {
        if character.isASCII {
            return character.isLetter || character.isNumber ? String(character) : nil
        }
        for (letters, base) in latinFolds where letters.contains(character) { return base }
        return nil
    }

    private static let latinFolds: [(String, String)] = [
        ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćčĉċ", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"),
        ("ğĝġģ", "g"), ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"), ("œ", "oe"), ("ŕŗř", "r"), ("śŝşšș", "s"), ("ß", "ss"),
        ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"), ("þ", "th"), ("ð", "d"),
    ]
}
