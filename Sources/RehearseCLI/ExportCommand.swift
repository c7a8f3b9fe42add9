import ArgumentParser
import Foundation
import TranscriptStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a session as Markdown (for people) or JSON (for tools; see docs/transcript-format.md).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @Argument(help: ArgumentHelp("latest, or a session id (a unique prefix is enough).", valueName: "latest|id"))
    var session = "latest"

    @Option(help: "markdown or json.")
    var format = Format.markdown

    @Option(help: ArgumentHelp("Write to this file (private to you) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let stored = try StoredSessions.load(session, from: try StoredSessions.openForReading(global))
        let document = TranscriptDocument(stored)
        let data = switch format {
        case .markdown: Data(MarkdownTranscript.render(document).utf8)
        case .json: try document.json() + Data("\n".utf8)
        }
        guard let output else {
            try? FileHandle.standardOutput.write(contentsOf: data)
            return
        }
        // Answers are personal: the file is the user's alone.
        guard FileManager.default.createFile(atPath: output, contents: data, attributes: [.posixPermissions: 0o600]) else {
            Console.error("cannot write \(output): \(String(cString: strerror(errno)).lowercased())")
            throw ExitCode(ExitStatus.badInput)
        }
        Console.out("Wrote session \(document.id) to \(Console.display(output)).")
    }
}
