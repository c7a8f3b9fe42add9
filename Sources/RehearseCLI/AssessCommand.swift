import ArgumentParser
import Foundation
import InterviewCore

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Judge one answer against a question's rubric, for scripts, editors and mentors.",
        discussion: """
            GUIDE is a bank name or a path; QUESTION is a question's id (as `rehearse inspect \
            GUIDE --json` gives it, with or without the guide's part), a unique start of one, or \
            its exact title, as `practice --question` takes it. The answer is read \
            from FILE, or from standard input with `--answer -`; label STAR parts with \
            "Situation:", "Task:", "Action:", "Result:" and "Lesson:" to get the STAR figures. \
            Prints every rubric point with whether the text seems to make it (for a pitfall: seems \
            to fall into it) and the sentence that shows it, and the score detection alone would \
            give (pitfalls are never deducted on detection alone). The JSON output is a stable \
            contract, documented in docs/assess-format.md. Exits 2 for a guide, question or \
            answer that cannot be used.
            """
    )

    @Argument(help: ArgumentHelp("A bank name or a path to a guide.", valueName: "guide"))
    var guide: String

    @Argument(help: ArgumentHelp("A question id (with or without the guide's part), a unique start of one, or the exact title.", valueName: "question"))
    var question: String

    @Option(help: ArgumentHelp("The answer's file, or - for standard input.", valueName: "file"))
    var answer: String

    @Flag(help: "Print the judgement as JSON.")
    var json = false

    @Option(help: ArgumentHelp("How to read the answer: by meaning with the answer model (the default when it is found), or by its words.",
                               valueName: "lexical|embedding"))
    var detector: DetectorChoice?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard let loaded = LoadedGuide.load(guide, catalog: global.catalog) else { throw ExitCode(ExitStatus.badInput) }
        let found: Question
        switch AssessedQuestion.find(question, in: loaded.guide) {
        case .success(let match): found = match
        case .failure(let reason):
            Console.error(reason.text)
            throw ExitCode(ExitStatus.badInput)
        }
        guard let text = readAnswer() else { throw ExitCode(ExitStatus.badInput) }
        let setup: JudgeSetup
        do {
            setup = try JudgeSetup(guide: loaded.guide, guidePath: loaded.location.path, choice: detector,
                                   dataDirectory: global.dataDirectoryPath)
        } catch .modelUnavailable(let reason) {
            Console.error("--detector embedding needs the answer model: \(reason)")
            throw ExitCode(ExitStatus.badInput)
        }
        let (judgement, star) = try setup.judge.judge(found, text: text)
        setup.saveCache()
        let kind = loaded.guide.categories.first { $0.questions.contains { $0.id == found.id } }?.kind ?? .general
        let report = AssessReport(question: found, kind: kind, judgement: judgement, star: star)
        if json {
            try Console.json(report)
        } else {
            report.lines().forEach(Console.out)
        }
    }

    /// The answer's text; nil, with the reason on standard error, when there is none to judge.
    private func readAnswer() -> String? {
        let data: Data
        do {
            data = try Self.contents(of: answer)
        } catch {
            Console.error("cannot read the answer file \(Console.display(answer)): \(error.reason)")
            return nil
        }
        let text = String(decoding: data, as: UTF8.self)
        guard !text.trimmingWhitespace().isEmpty else {
            Console.error("the answer \(answer == "-" ? "on standard input" : "in " + Console.display(answer)) is empty: there is nothing to judge")
            return nil
        }
        return text
    }
}

extension AssessCommand {
    struct ReadFailure: Error {
        var reason: String
    }

    /// The bytes of `path` (`-` for standard input), read as a stream: a pipe, a process
    /// substitution (`<(...)`) or a device such as /dev/null reads like a file.
    static func contents(of path: String) throws(ReadFailure) -> Data {
        if path == "-" { return (try? FileHandle.standardInput.readToEnd()) ?? Data() }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadFailure(reason: String(cString: strerror(errno)).lowercased()) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            var isFolder: ObjCBool = false
            let folder = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
            throw ReadFailure(reason: folder ? "it is a folder" : "it could not be read")
        }
    }
}

/// QUESTION as `assess` takes it: as every command names a question (`QuestionReference`).
enum AssessedQuestion {
    struct Failure: Error {
        var text: String
    }

    static func find(_ reference: String, in guide: Guide) -> Result<Question, Failure> {
        let questions = guide.questions
        let shown = TerminalText.neutralized(reference.trimmingWhitespace())
        switch QuestionReference.match(reference, among: questions) {
        case .one(let index):
            return .success(questions[index])
        case .several(let matches):
            return .failure(Failure(text: "\"\(shown)\" matches \(matches.count) questions: "
                + matches.prefix(5).joined(separator: ", ") + (matches.count > 5 ? ", …" : "") + "; give more of the id"))
        case .none:
            return .failure(Failure(text: "no question \"\(shown)\" in \(TerminalText.neutralized(guide.title)) "
                + "(`rehearse inspect GUIDE --json` lists the ids)"))
        }
    }
}
