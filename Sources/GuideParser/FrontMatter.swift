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

    /// The guide's title: `term`, as in the reference shape, else `title`, as most other
    /// Markdown tools write it.
    var title: String? {
        for key in ["term", "title"] {
            if let text = metadata[key]?.stringValue?.trimmingWhitespace(), !text.isEmpty { return text }
        }
        return nil
    }

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
        if let violation = YamlShapeCheck.violation(in: yaml, maximumDepth: Self.maximumDepth, maximumNodes: Self.maximumNodes) {
            return fail(violation.message, line: firstLine - 1 + violation.line, column: violation.column)
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
        reportTimingProblems(in: mapping, firstLine: firstLine)
        if title == nil {
            diagnostics.append(Diagnostic(line: firstLine, column: 1, severity: .warning,
                                          message: "front matter has no `term` (or `title`): the guide's title"))
        }
    }

    /// Each `timing` problem at its own key's line, else at `timing:`.
    private mutating func reportTimingProblems(in mapping: Node.Mapping, firstLine: Int) {
        let problems = GuideTiming.keyedProblems(in: metadata)
        guard !problems.isEmpty else { return }
        let timing = mapping.first { $0.key.string == "timing" }
        let keys: [String: Mark] = {
            guard case .mapping(let inner)? = timing?.value else { return [:] }
            var marks: [String: Mark] = [:]
            for (key, _) in inner { if let name = key.string, let mark = key.mark { marks[name] = mark } }
            return marks
        }()
        for problem in problems {
            let mark = problem.key.flatMap { keys[$0] } ?? timing?.key.mark
            diagnostics.append(Diagnostic(line: firstLine - 1 + (mark?.line ?? 1), column: mark?.column ?? 1,
                                          severity: .warning, message: problem.message))
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
            // Infinities and NaN (`.inf`, `.nan`) have no JSON form: they stay text.
            case .float: return node.float.flatMap { $0.isFinite ? MetadataValue.number($0) : nil } ?? .string(scalar.string)
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

    /// The problem and where to point at: where the unfinished construct (a quote, a bracket)
    /// opened when libyaml names one, since the end of the text where it gave up helps no one.
    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if let context, !context.text.isEmpty, context.mark.line >= 1 {
                return ("\(context.text), \(problem)", context.mark)
            }
            return (problem, mark)
        case .reader(let problem, _, _, _):
            return (problem, nil)
        default:
            return ("\(error)".collapsingWhitespace(), nil)
        }
    }
}
