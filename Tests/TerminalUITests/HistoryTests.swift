import InterviewCore
import Testing
@testable import TerminalUI

/// History's keys: deleting after asking, filtering by guide and kind, searching the answers.
@Suite struct HistoryTests {
    static let sessions = [
        SessionListing(id: "9a8b7c6d", when: "2026-11-24 10:02 UTC", guides: "Edge AI Engineer Interview Guide", answered: 2,
                       questionCount: 2, state: .finished, score: 0.625, guideTitles: ["Edge AI Engineer Interview Guide"],
                       kinds: [.technical, .behavioral]),
        SessionListing(id: "5e4d3c2b", when: "2026-11-22 18:40 UTC", guides: "MLOps Engineer Interview Guide", answered: 1,
                       questionCount: 3, state: .interrupted, score: nil, guideTitles: ["MLOps Engineer Interview Guide"],
                       kinds: [.situational]),
        SessionListing(id: "1f2e3d4c", when: "2026-11-20 09:15 UTC", guides: "Edge AI Engineer Interview Guide", answered: 3,
                       questionCount: 3, state: .finished, score: 0.5, guideTitles: ["Edge AI Engineer Interview Guide"],
                       kinds: [.technical]),
    ]

    static func history(size: Size = Size(width: 80, height: 24)) throws -> ScreenHarness {
        var harness = try ScreenHarness(size: size)
        harness.send(.historyLoaded(sessions))
        return harness
    }

    func shownIDs(_ harness: ScreenHarness) -> [String] { harness.state.history.shown.map(\.id) }

    @Test func deletingAsksFirst() throws {
        var harness = try Self.history()
        harness.press(.down, .character("d"))
        #expect(harness.screen.contains("Delete session 5e4d3c2b?"))
        #expect(harness.commands.isEmpty)
        harness.press(.escape)
        #expect(harness.state.overlay == nil)
        #expect(harness.commands.isEmpty, "Esc keeps it")
        harness.press(.character("d"), .character("y"))
        #expect(harness.commands == [.delete(id: "5e4d3c2b")])
        // The runner reads history again: the place stays where it was.
        harness.send(.historyLoaded([Self.sessions[0], Self.sessions[2]]))
        #expect(harness.state.history.picked?.id == "1f2e3d4c")
    }

    @Test func ctrlCQuitsFromTheDeleteQuestionAndTheSearchPrompt() throws {
        var deleting = try Self.history()
        deleting.press(.character("d"), .control("c"))
        #expect(deleting.state.finished)
        #expect(!deleting.commands.contains(.delete(id: "9a8b7c6d")))
        var searching = try Self.history()
        searching.press(.character("/"), .control("c"))
        #expect(searching.state.finished)
    }

    @Test func aRunningSessionIsNotOfferedForDeletion() throws {
        var harness = try ScreenHarness()
        var running = Self.sessions[0]
        running.state = .active
        harness.send(.historyLoaded([running]))
        #expect(!harness.screen.contains("d delete"))
        harness.press(.character("d"))
        #expect(harness.state.overlay == nil)
        #expect(harness.screen.contains("running in another Rehearse"))
    }

    @Test func filtersByGuideAndByKindStepThroughWhatThereIs() throws {
        var harness = try Self.history()
        harness.press(.character("g"))
        #expect(harness.state.history.guide == "Edge AI Engineer Interview Guide")
        #expect(shownIDs(harness) == ["9a8b7c6d", "1f2e3d4c"])
        #expect(harness.screen.contains("Showing guide: Edge AI Engineer (Esc shows all)"))
        #expect(harness.screen.contains("2 of 3 sessions"))
        harness.press(.character("t"))
        #expect(harness.state.history.kind == .technical)
        harness.press(.character("t"))
        #expect(harness.state.history.kind == .behavioral)
        #expect(shownIDs(harness) == ["9a8b7c6d"])
        harness.press(.character("g"))
        #expect(harness.state.history.guide == "MLOps Engineer Interview Guide")
        #expect(shownIDs(harness).isEmpty)
        #expect(harness.screen.contains("No session matches: Esc shows them all."))
        // Esc shows every session again; a second Esc goes back.
        harness.press(.escape)
        #expect(!harness.state.history.isFiltered)
        #expect(harness.state.screen == .history)
        harness.press(.escape)
        #expect(harness.state.screen == .home)
    }

    @Test func slashSearchesTheAnswers() throws {
        var harness = try Self.history()
        harness.press(.character("/"))
        #expect(harness.screen.contains("Search the answers"))
        harness.type("latency")
        harness.press(.enter)
        #expect(harness.commands == [.searchHistory("latency")])
        harness.send(.historySearched("latency", matches: ["1f2e3d4c", "5e4d3c2b"]))
        #expect(shownIDs(harness) == ["5e4d3c2b", "1f2e3d4c"])
        #expect(harness.screen.contains("answers holding “latency”"))
        #expect(harness.screen.contains("r resume"), "the picked session is the interrupted one")
        // Searching for nothing shows every session.
        harness.press(.character("/"), .control("u"), .enter)
        harness.send(.historySearched("", matches: []))
        #expect(shownIDs(harness).count == 3)
    }

    @Test(arguments: ScreenSnapshotTests.sizes) func filteredSnapshot(size: Size) throws {
        var harness = try Self.history(size: size)
        harness.press(.character("g"))
        harness.send(.historySearched("latency", matches: ["1f2e3d4c"]))
        try harness.expectSnapshot("history-filtered")
    }

    @Test(arguments: ScreenSnapshotTests.sizes) func deleteSnapshot(size: Size) throws {
        var harness = try Self.history(size: size)
        harness.press(.down, .character("d"))
        try harness.expectSnapshot("history-delete")
    }
}
