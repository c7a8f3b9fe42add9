/// Shared with RehearseCLITests through a symbolic link, so both test the same guides.
/// Guides built to break a reader: nesting tens of thousands deep and YAML that expands without
/// bound. Each is small on disk; every command must read it quickly and say what is wrong.
enum HostileGuides {
    static let frontMatter = "---\nterm: \"Deep\"\n---\n\n### Technical Questions\n\n#### What is deep?\n\n**Answer:**\n"
    static let oneQuestion = "\n### Technical Questions\n\n#### What?\n\nText.\n"

    /// Name and text of each.
    static let all: [(name: String, text: String)] = [
        ("list markers 50000", frontMatter + String(repeating: "- ", count: 50_000) + "x\n"),
        ("list markers 3300", frontMatter + String(repeating: "- ", count: 3_300) + "x\n"),
        ("quotes 100000", frontMatter + String(repeating: "> ", count: 100_000) + "x\n"),
        ("images 300000", frontMatter + String(repeating: "![", count: 300_000) + "x\n"),
        ("emphasis 50000", frontMatter + String(repeating: "*", count: 50_000) + "word" + String(repeating: "*", count: 50_000) + "\n"),
        ("indented list 255", frontMatter + (0..<255).map { String(repeating: "  ", count: $0) + "- point \($0)\n" }.joined()),
        ("flow sequence 1000", "---\nterm: \"Flow\"\nkey: " + String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000) + "\n---\n" + oneQuestion),
        ("alias key bomb", "---\n" + aliasBomb + "j: {*i: 1}\n---\n" + oneQuestion),
        ("alias key", "---\nterm: \"Key\"\na: &a [x]\nj: {*a: 1}\n---\n" + oneQuestion),
        ("table rows 20000", "---\nterm: \"Table\"\n---\n\n### Technical Questions\n\n| Question | Answer |\n| --- | --- |\n"
            + (0..<20_000).map { "| What is **item** \($0)? | It is `\($0)`. |\n" }.joined()),
    ]

    /// Nine anchors, each a list of ten uses of the one before: 10^9 values once expanded.
    static let aliasBomb: String = {
        let names = Array("abcdefghi").map(String.init)
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
        for index in 1..<names.count {
            let uses = Array(repeating: "*" + names[index - 1], count: 10).joined(separator: ", ")
            lines.append("\(names[index]): &\(names[index]) [\(uses)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()
}
