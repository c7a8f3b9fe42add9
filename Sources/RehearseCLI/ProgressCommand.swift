import ArgumentParser
import Foundation
import InterviewCore
import TranscriptStore

/// `rehearse progress`: coverage, scores, trends and what is due. It only reads.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Coverage, scores, trends and what is due, per guide and per kind.",
        discussion: """
            Per guide and per kind: questions seen out of the total, attempts, the mean of the \
            latest scores, each session's score over time, and how many questions fall due \
            today and within a week; then every practised question, most urgent first. --json \
            writes the same as the contract in docs/progress-format.md. Nothing in the data \
            folder changes.
            """
    )

    @Flag(help: "Print the report as JSON (docs/progress-format.md).")
    var json = false

    @Option(name: .customLong("bank"), help: ArgumentHelp("Only this guide: a bank name or a path (repeatable; default: every guide found).", valueName: "name|path"))
    var banks: [String] = []

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try StoredSessions.openForReading(global)
        guard let guides = PracticeGuides.load(banks, catalog: global.catalog) else { throw ExitCode(ExitStatus.badInput) }
        let now = Date()
        let report: ProgressReport
        do {
            report = try PracticeViews.report(store, sources: PracticeGuides.sources(guides), onlyTheirs: !banks.isEmpty, now: now)
        } catch {
            throw StoredSessions.fail(error, path: store.path)
        }
        if json {
            try Console.json(ProgressDocument(report, retention: store.scheduler.desiredRetention, now: now))
        } else {
            let output = BufferedOutput()
            ProgressTable.lines(report, now: now).forEach { output.write($0 + "\n") }
            output.flush()
        }
    }
}
