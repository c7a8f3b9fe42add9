import Foundation
import GuideParser
import InterviewCore

/// The guides in Tests/Fixtures, each written to show one way real guides are laid out.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name + ".md").path }

    static func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    static func guide(_ name: String) throws -> Guide { try GuideLoader.load(contentsOf: path(name)) }

    static let all = ["standard", "deeper-headings", "same-level", "numbered-bold-list", "numbered-headings",
                      "section-labels", "category-names", "code-and-quirks", "explicit-rubric", "competencies",
                      "question-like-headings", "bold-questions", "question-lists", "details-blocks", "quiz-details",
                      "table-questions", "list-answers", "details-sections", "prompt-lists", "nested-categories"]
}

/// A folder in the system's temporary directory, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "rehearse-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws -> String {
        let file = path + "/" + name
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension Guide {
    func category(_ name: String) -> [Category] { categories.filter { $0.name == name } }
    func question(titled title: String) -> Question? { questions.first { $0.title == title } }
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
