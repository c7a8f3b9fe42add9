import InterviewCore
import Yams

/// The YAML block between `---` lines at the top of a guide.
struct FrontMatter {
    /// Byte offset where the Markdown body starts.
    var bodyStart: Int
    /// Lines before the body (the front matter and its delimiters).
    var bodyLineOffset: Int
    var metadata: [String: MetadataValue]
    var diagnostics: [Diagnostic]

    /// Front matter larger than this is refused: it is metadata, not content.
    static let maximumBytes = 64 * 1024
    /// Deeper nesting than this is refused before YAML parsing recurses into it.
    static let maximumDepth = 64
    /// Aliases can make a small YAML text expand to a huge tree; stop converting after this.
    static let maximumNodes = 10_000

    /// Splits and parses the front matter; a guide without one gets a warning and an empty map.
    static func read(_ bytes: [UInt8]) -> FrontMatter {
        guard let firstLineEnd = delimiterLineEnd(bytes, at: 0, accepting: ["---"]) else {
            return FrontMatter(bodyStart: 0, bodyLineOffset: 0, metadata: [:], diagnostics: [
                Diagnostic(line: 1, column: 1, severity: .warning,
                           message: "no front matter: start the guide with a '---' line, `term: \"Title\"`, and another '---' line"),
            ])
        }
        var lineStart = firstLineEnd
        var line = 2
        while lineStart < bytes.count {
            if let end = delimiterLineEnd(bytes, at: lineStart, accepting: ["---", "..."]) {
                let yaml = String(decoding: bytes[firstLineEnd..<lineStart], as: UTF8.self)
                var frontMatter = FrontMatter(bodyStart: end, bodyLineOffset: line, metadata: [:], diagnostics: [])
                frontMatter.parse(yaml: yaml, firstLine: 2)
                return frontMatter
            }
            lineStart = (bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1
            line += 1
        }
        // Unclosed: report it once, and read everything after the opening line as the body so
        // that the guide's questions are still found.
        return FrontMatter(bodyStart: firstLineEnd, bodyLineOffset: 1, metadata: [:], diagnostics: [
            Diagnostic(line: 1, column: 1, severity: .error,
                       message: "front matter opened with '---' is never closed: add a '---' line after its last key"),
        ])
    }

    /// If a delimiter line (`---`, optionally followed by spaces) starts at `start`, the index
    /// just past its line break.
    private static func delimiterLineEnd(_ bytes: [UInt8], at start: Int, accepting delimiters: [String]) -> Int? {
        for delimiter in delimiters {
            let marker = Array(delimiter.utf8)
            guard bytes.count >= start + marker.count, Array(bytes[start..<start + marker.count]) == marker else { continue }
            var index = start + marker.count
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            if index == bytes.count { return index }
            if bytes[index] == UInt8(ascii: "\n") { return index + 1 }
        }
        return nil
    }

    private mutating func parse(yaml: String, firstLine: Int) {
        func fail(_ message: String, line: Int = firstLine, column: Int = 1) {
            diagnostics.append(Diagnostic(line: line, column: column, severity: .error, message: message))
        }
        guard yaml.utf8.count <= Self.maximumBytes else {
            return fail("front matter is larger than \(Self.maximumBytes / 1024) KB")
        }
        guard Self.nestingEstimate(yaml) <= Self.maximumDepth else {
            return fail("front matter nests more than \(Self.maximumDepth) levels deep")
        }
        let node: Node?
        do {
            node = try Self.compose(yaml)
        } catch let error as YamlError {
            let (problem, mark) = Self.describe(error)
            return fail("front matter is not valid YAML: \(problem)",
                        line: firstLine - 1 + (mark?.line ?? 1), column: mark?.column ?? 1)
        } catch {
            return fail("front matter is not valid YAML: \(error)")
        }
        guard let node else {
            diagnostics.append(Diagnostic(line: firstLine, column: 1, severity: .warning,
                                          message: "front matter is empty: give at least `term: \"Title\"`"))
            return
        }
        guard case .mapping(let mapping) = node else {
            return fail("front matter must be `key: value` lines, not a single value or a list")
        }
        var budget = Self.maximumNodes
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            metadata[name] = Self.convert(value, budget: &budget)
        }
        if budget <= 0 {
            metadata = [:]
            return fail("front matter expands to more than \(Self.maximumNodes) values")
        }
        let timingProblems = GuideTiming.problems(in: metadata)
        if !timingProblems.isEmpty {
            // At the `timing:` key's own line.
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let offset = lines.firstIndex { $0.hasPrefix("timing:") } ?? 0
            for problem in timingProblems {
                diagnostics.append(Diagnostic(line: firstLine + offset, column: 1, severity: .warning, message: problem))
            }
        }
        if metadata["term"]?.stringValue?.trimmingWhitespace().isEmpty ?? true {
            diagnostics.append(Diagnostic(line: firstLine, column: 1, severity: .warning,
                                          message: "front matter has no `term` (the guide's title)"))
        }
    }

    /// The YAML's tree, with plain scalars left untyped (`PlainScalarTag` types them in
    /// `convert`). Untyped keys are all strings, so `1` and `"1"` are the same key here but
    /// two keys to Yams' default resolver: a mapping refused for a duplicate key is composed
    /// again with the default resolver, which decides as it always did. So is YAML with an
    /// anchor: an alias shares its anchor's node, and a key's type is fixed when keys are
    /// compared, so an anchored key used again as a value would be typed here as a string.
    private static func compose(_ yaml: String) throws -> Node? {
        if mayDefineAnchor(yaml) { return try Yams.compose(yaml: yaml) }
        do {
            return try Yams.compose(yaml: yaml, .basic)
        } catch YamlError.duplicatedKeysInMapping {
            return try Yams.compose(yaml: yaml)
        }
    }

    /// Whether an `&` stands where a node may start (after white space, `[`, `{` or `,`, or
    /// first) with a name after it: an anchor, or text that only looks like one. `R&D` and
    /// `Q & A` are neither.
    private static func mayDefineAnchor(_ yaml: String) -> Bool {
        let bytes = Array(yaml.utf8)
        let before = Set(" \t\n[{,".utf8)
        let notAName = Set(" \t\n[]{},".utf8)
        for index in bytes.indices where bytes[index] == UInt8(ascii: "&") && index + 1 < bytes.count {
            if (index == 0 || before.contains(bytes[index - 1])) && !notAName.contains(bytes[index + 1]) { return true }
        }
        return false
    }

    private static func convert(_ node: Node, budget: inout Int) -> MetadataValue {
        budget -= 1
        guard budget > 0 else { return .null }
        switch node {
        case .scalar(let scalar):
            // No tag yet: a plain scalar with none written.
            let tag = scalar.tag.rawValue.isEmpty ? PlainScalarTag.resolve(scalar.string) : Tag.Name(rawValue: node.tag.rawValue)
            switch tag {
            case .null: return .null
            case .bool: return node.bool.map(MetadataValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map { .number(Double($0)) } ?? .string(scalar.string)
            case .float: return node.float.map(MetadataValue.number) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .array(sequence.map { convert($0, budget: &budget) })
        case .mapping(let mapping):
            var object: [String: MetadataValue] = [:]
            for (key, value) in mapping {
                object[key.string ?? "\(key)"] = convert(value, budget: &budget)
            }
            return .object(object)
        case .alias:
            return .null
        }
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return (problem, mark)
        case .reader(let problem, _, _, _):
            return (problem, nil)
        default:
            return ("\(error)".collapsingWhitespace(), nil)
        }
    }

    /// An upper bound on YAML nesting: open brackets plus block-sequence dashes plus indentation.
    private static func nestingEstimate(_ yaml: String) -> Int {
        var deepest = 0
        var brackets = 0
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: true) {
            var depth = 0
            var atLineStart = true
            for byte in line.utf8 {
                switch byte {
                case UInt8(ascii: "["), UInt8(ascii: "{"): brackets += 1; atLineStart = false
                case UInt8(ascii: "]"), UInt8(ascii: "}"): brackets = max(0, brackets - 1); atLineStart = false
                case UInt8(ascii: " ") where atLineStart: depth += 1
                case UInt8(ascii: "-") where atLineStart: depth += 2
                default: atLineStart = false
                }
            }
            deepest = max(deepest, depth / 2 + brackets)
        }
        return deepest
    }
}
