// libyaml's event parser, which Yams is built on. Yams composes its node tree recursively and
// resolves aliases by sharing subtrees, so depth and alias expansion are checked here, on the
// flat stream of events, before Yams ever sees the text.
import CYaml

/// Refuses front matter whose shape would make composing it crash or take exponential time:
/// nesting deeper than a limit (flow sequences included), more values than a limit once aliases
/// are expanded, and aliases used as mapping keys (hashing them expands them).
enum YamlShapeCheck {
    struct Violation: Equatable {
        var message: String
        /// 1-based, within the YAML text.
        var line: Int
        var column: Int
    }

    private struct Container {
        var isMapping: Bool
        var anchor: String?
        var expandedSize = 1
        var expectsKey = true
    }

    /// The first problem in the YAML's shape, or nil. Syntax errors are left to Yams, which
    /// reports them with their position; the check stops at the first one.
    static func violation(in yaml: String, maximumDepth: Int, maximumNodes: Int) -> Violation? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Violation? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var stack: [Container] = []
            var anchorSizes: [String: Int] = [:]
            var total = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // libyaml gives up on its own past a thousand levels, before any event says so.
                    let problem = parser.problem.map { String(cString: $0) } ?? ""
                    guard problem.lowercased().contains("nesting level") else { return nil }
                    let mark = parser.problem_mark
                    return Violation(message: "front matter nests more than \(maximumDepth) levels deep",
                                     line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                func at(_ message: String) -> Violation {
                    Violation(message: message, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                }
                /// Adds a finished value of `size` expanded nodes to the container it is in.
                func place(_ size: Int) {
                    guard !stack.isEmpty else { return }
                    stack[stack.count - 1].expandedSize = min(maximumNodes + 1, stack[stack.count - 1].expandedSize + size)
                    if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectsKey.toggle() }
                }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    if let anchor = Self.string(event.data.scalar.anchor) { anchorSizes[anchor] = 1 }
                    total += 1
                    place(1)
                case YAML_ALIAS_EVENT:
                    let name = Self.string(event.data.alias.anchor) ?? ""
                    if let top = stack.last, top.isMapping, top.expectsKey {
                        return at("front matter uses the alias *\(name) as a key: write the key out")
                    }
                    let size = anchorSizes[name] ?? 1
                    total = min(maximumNodes + 1, total + size)
                    place(size)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                    stack.append(Container(isMapping: isMapping, anchor: Self.string(anchor)))
                    total += 1
                    if stack.count > maximumDepth {
                        return at("front matter nests more than \(maximumDepth) levels deep")
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let finished = stack.popLast() else { return nil }
                    if let anchor = finished.anchor { anchorSizes[anchor] = finished.expandedSize }
                    place(finished.expandedSize)
                default:
                    break
                }
                if total > maximumNodes {
                    return at("front matter holds more than \(maximumNodes) values, counting each use of an alias in full")
                }
            }
        }
    }

    private static func string(_ text: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        text.map { String(cString: $0) }
    }
}
