import InterviewCore

/// A STAR answer as one Markdown file for `$EDITOR`: a heading per part with its text under
/// it, and back. Text above the first heading belongs to the Situation; a part whose heading
/// is gone comes back empty (its text, if kept, went to the part above).
public enum StarDocument {
    public static func render(_ parts: [StarPart: String]) -> String {
        StarPart.allCases.map { part in
            let text = parts[part] ?? ""
            return "## \(part.title)\n" + (text.isEmpty ? "" : text + "\n")
        }.joined(separator: "\n")
    }

    public static func parse(_ document: String) -> [StarPart: String] {
        var lines: [StarPart: [Substring]] = [:]
        var current = StarPart.situation
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if let part = heading(line) {
                current = part
                continue
            }
            lines[current, default: []].append(line)
        }
        var parts: [StarPart: String] = [:]
        for part in StarPart.allCases {
            var kept = lines[part] ?? []
            // The blank lines around a part are the file's layout, not the answer.
            while let first = kept.first, first.allSatisfy(\.isWhitespace) { kept.removeFirst() }
            while let last = kept.last, last.allSatisfy(\.isWhitespace) { kept.removeLast() }
            parts[part] = kept.joined(separator: "\n")
        }
        return parts
    }

    /// The part a line heads: `#` to `######`, then the part's name, alone or before a colon
    /// or a bracket ("## Action (what I did)").
    static func heading(_ line: Substring) -> StarPart? {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix("#") else { return nil }
        let afterHashes = trimmed.drop { $0 == "#" }
        guard trimmed.count - afterHashes.count <= 6 else { return nil }
        let words = afterHashes.trimmingPrefix(while: { $0 == " " }).lowercased()
        return StarPart.allCases.first { part in
            guard words.hasPrefix(part.rawValue) else { return false }
            let rest = words.dropFirst(part.rawValue.count)
            return rest.isEmpty || rest.first == ":" || rest.first == " " || rest.first == "("
        }
    }
}

extension StarPart {
    /// The part's name as a heading: "Situation".
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
