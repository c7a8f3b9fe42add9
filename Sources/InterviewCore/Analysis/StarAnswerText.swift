/// A STAR answer as one text and back: the parts under their labels ("Situation: ..."), as
/// `rehearse assess` reads them from a file and as the judge reads a STAR record.
public enum StarAnswerText {
    /// The parts of a text whose lines open with STAR labels (`Situation:`, `**Task:**`,
    /// `Action -`, in any case); nil when no line does. Text before the first label is
    /// the situation.
    public static func parts(of text: String) -> [StarPart: String]? {
        var parts: [StarPart: [Substring]] = [:]
        var current: StarPart?
        var found = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "*" || $0 == "#" || $0 == "-" && line.count > 1 }
            if let (part, length) = label(in: Array(trimmed.utf8.prefix(14))) {
                found = true
                current = part
                let rest = trimmed.utf8.dropFirst(length)
                parts[part, default: []].append(Substring(String(decoding: rest, as: UTF8.self))
                    .drop { $0 == " " || $0 == "*" || $0 == ":" || $0 == "-" })
            } else {
                parts[current ?? .situation, default: []].append(line)
            }
        }
        guard found else { return nil }
        return parts.mapValues { $0.joined(separator: "\n").trimmingWhitespace() }.filter { !$0.value.isEmpty }
    }

    /// The parts as one text, each under its label on a paragraph of its own.
    public static func text(of parts: [StarPart: String]) -> String {
        StarPart.allCases.compactMap { part in
            guard let text = parts[part], !text.isEmpty else { return nil }
            return part.label + ": " + text
        }.joined(separator: "\n\n")
    }

    /// A STAR label at the start of `bytes` ("situation", "task", ... in any case, then `:`,
    /// `*` or ` -`), with the number of bytes it takes.
    static func label(in bytes: some Collection<UInt8>) -> (StarPart, Int)? {
        let lowered = bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        for part in StarPart.allCases {
            let name = Array(part.rawValue.utf8)
            guard lowered.count > name.count, Array(lowered.prefix(name.count)) == name else { continue }
            let after = lowered[name.count]
            if after == 0x3A || after == 0x2A { return (part, name.count + 1) }
            if after == 0x20, lowered.count > name.count + 1, lowered[name.count + 1] == 0x2D { return (part, name.count + 2) }
        }
        return nil
    }
}

extension StarPart {
    /// "Situation", "Task", ...
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
