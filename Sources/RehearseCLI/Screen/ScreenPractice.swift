import Foundation
import GuideParser
import InterviewCore
import NcursesTerminal
import TerminalUI
import TranscriptStore

/// `rehearse practice` and `rehearse review` on a terminal: the full-screen interface, from the
/// home screen, straight into a resumed session, or on a transcript, restoring the terminal
/// however it ends.
enum ScreenPractice {
    /// Whether the full-screen interface can run: both ends a terminal, and a terminal type
    /// that can draw.
    static var isAvailable: Bool {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        return isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && !term.isEmpty && term != "dumb"
    }

    /// Runs the interface; returns the exit status.
    static func run(store: TranscriptStore, catalog: BankCatalog, choice: SessionChoice, extraBanks: [String],
                    from start: ScreenRunner.Start) -> Int32 {
        // What practice has waiting is counted as each guide is read, so no guide is held.
        var practice = (try? store.practice()).map { PracticeViews.OverviewBuilder(practice: $0) }
        let (found, locations) = listings(catalog: catalog, extra: extraBanks) { name, location, guide in
            practice?.add(name, SessionPlanner.Source(bank: location.name, guide: guide))
        }
        // The guides chosen come first: with many guides, the chosen ones stay in view.
        let banks = found.filter { choice.banks.contains($0.name) } + found.filter { !choice.banks.contains($0.name) }
        var home = HomeState(banks: banks, choice: choice, interrupted: newestInterrupted(in: store))
        home.practice = practice?.overview
        NcursesScreen.installSignalHandlers()
        let screen: NcursesScreen
        do {
            screen = try NcursesScreen()
        } catch {
            Console.error("cannot start the full-screen interface (\(error)); use --plain for line mode")
            return ExitStatus.badInput
        }
        let runner = ScreenRunner(terminal: screen, store: store, catalog: catalog, listed: locations, home: home,
                                  pendingSignal: NcursesScreen.takePendingSignal)
        runner.run(from: start)
        screen.stop()
        // A signal ends the program with its conventional status, wherever it came.
        let signalStatus = runner.signal.map { 128 + $0 }
        // After the screen is gone: what happened, on the terminal's normal output. Nothing
        // says "saved" unless the last save committed.
        switch runner.finishWriting() {
        case .recovered(let path, let reason)?:
            Console.error("NOT SAVED in the store: \(reason).")
            Console.out("Session \(runner.sessionID ?? "") is kept in \(Console.display(path)): `rehearse practice --resume \(path)` brings it back.")
            return signalStatus ?? ExitStatus.storeUnusable
        case .lost(let reason)?:
            Console.error("NOT SAVED: \(reason).")
            return signalStatus ?? ExitStatus.storeUnusable
        case .saved?, nil:
            break
        }
        // Ctrl-C's status, unless "later" in the quit question stopped the session on purpose.
        let stopStatus = { (signal: Int32?) -> Int32 in signal.map { 128 + $0 } ?? (runner.state.leftForLater ? 0 : 130) }
        if runner.discarded, runner.sessionID == nil {
            Console.out("Nothing was written, so the session was not kept.")
            if case .interrupted(let signal) = runner.ending { return stopStatus(signal) }
        }
        if let id = runner.sessionID {
            switch runner.ending {
            case .interrupted(let signal):
                Console.out("Session \(id) is saved: go on with it with `rehearse practice --resume \(id)`.")
                return stopStatus(signal)
            case .quit:
                if let session = runner.state.session, session.id == id, !session.interview.phase.isFinished {
                    Console.out("Session \(id) is saved: go on with it with `rehearse practice --resume \(id)`.")
                } else {
                    Console.out("Saved as session \(id): `rehearse review \(id)`, `rehearse export \(id)`.")
                }
            }
        }
        return signalStatus ?? 0
    }

    /// Every guide the catalog finds, and any named by path, with its question counts; and
    /// where each is, by the name the home screen gives it. Only the counts are kept: the
    /// guides chosen are read again when a session is planned, so the home screen does not
    /// hold every guide it lists (each is a few hundred kilobytes once read).
    /// `each` sees every guide as it is read, before it is let go.
    static func listings(catalog: BankCatalog, extra: [String],
                         each: (String, BankLocation, Guide) -> Void = { _, _, _ in }) -> ([BankListing], [String: BankLocation]) {
        var listings: [BankListing] = []
        var locations: [String: BankLocation] = [:]
        func add(_ name: String, _ location: BankLocation, _ guide: Guide) {
            listings.append(BankListing(name: name, title: guide.title, questionCount: guide.questions.count,
                                        kinds: guide.questionCountsByKind))
            locations[name] = location
            each(name, location, guide)
        }
        for location in catalog.all() {
            guard let guide = try? GuideLoader.load(contentsOf: location.path) else { continue }
            add(location.name, location, guide)
        }
        for argument in extra where locations[argument] == nil {
            guard case .success(let loaded) = LoadedGuide.loading(argument, catalog: catalog) else { continue }
            add(argument, loaded.location, loaded.guide)
        }
        return (listings, locations)
    }

    static func newestInterrupted(in store: TranscriptStore) -> SessionListing? {
        (try? store.newestInterrupted())?.map { ScreenRunner.listing($0) }
    }
}
