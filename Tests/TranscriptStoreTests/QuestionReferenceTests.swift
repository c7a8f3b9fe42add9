import Foundation
import GRDB
import InterviewCore
import Testing
@testable import TranscriptStore

/// A shipped guide's questions kept by reference: no content row of their own, read back whole
/// while the guide is unchanged, and still showing the rubric points the answer was scored on
/// when it is not.
@Suite struct QuestionReferenceTests {
    let folder = NSTemporaryDirectory() + "rehearse-reference-" + UUID().uuidString

    /// Guides by bank name, as the shipped folder gives them.
    struct Shelf: QuestionSource {
        var guides: [String: [Question]]

        func question(bank: String, id: String) -> Question? {
            guides[bank]?.first { $0.id == id }
        }
    }

    static let asked = TranscriptStoreTests.plan().questions.map(\.question)

    /// The plan's guide with its first question's model answer reworded and a point added.
    static var edited: [Question] {
        var questions = asked
        questions[0].sections[0].items = [SectionItem(text: "Measure on the device: Every time, on the real target.", lead: "Measure on the device"),
                                          SectionItem(text: "Warm up: Discard the first runs.", lead: "Warm up")]
        questions[0].rubric[0].detail = "Every time, on the real target."
        questions[0].rubric.insert(RubricPoint(text: "Warm up", kind: .cover, weight: 2, section: "Reasoning and Best Practices",
                                               lead: "Warm up", detail: "Discard the first runs."), at: 1)
        return questions
    }

    func contentRows() throws -> Int {
        try DatabaseQueue(path: folder + "/" + TranscriptStore.fileName).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM questionContent")!
        }
    }

    func storePlayedSession(source: any QuestionSource) throws -> (id: String, played: Interview) {
        let store = try TranscriptStore(folder: folder, questionSource: source)
        let played = TranscriptStoreTests.playedInterview()
        let id = try store.createSession(Interview(plan: played.plan))
        try store.save(id, played, event: .review(ticks: [0, 1], at: Instant.seconds(200)))
        return (id, played)
    }

    @Test func aQuestionTheGuideHoldsAsAskedIsKeptByReferenceAndReadsBackWhole() throws {
        let (id, played) = try storePlayedSession(source: Shelf(guides: ["store": Self.asked]))
        #expect(try contentRows() == 0)
        #expect(try TranscriptStore(folder: folder, questionSource: Shelf(guides: ["store": Self.asked])).session(id).interview == played)
        let reading = try TranscriptStore(folder: folder, access: .readOnly, questionSource: Shelf(guides: ["store": Self.asked]))
        #expect(try reading.session(id).interview == played)
    }

    @Test func aQuestionTheSourceHoldsDifferentlyIsStoredWhole() throws {
        // A guide of the same name that reads otherwise (the user's own copy, edited): only the
        // question it holds as asked is kept by reference.
        let (id, played) = try storePlayedSession(source: Shelf(guides: ["store": Self.edited]))
        #expect(try contentRows() == 1)
        let loaded = try TranscriptStore(folder: folder, questionSource: Shelf(guides: ["store": Self.edited])).session(id).interview
        #expect(loaded == played)
    }

    @Test func aSourceOfAnotherNameIsNotUsed() throws {
        _ = try storePlayedSession(source: Shelf(guides: ["other": Self.asked]))
        #expect(try contentRows() == 2)
    }

    @Test func anEditedGuideShowsItsModelAnswerAsItReadsNowWithTheRubricAsJudged() throws {
        let (id, played) = try storePlayedSession(source: Shelf(guides: ["store": Self.asked]))
        let loaded = try TranscriptStore(folder: folder, questionSource: Shelf(guides: ["store": Self.edited])).session(id).interview
        let question = loaded.plan.questions[0].question
        let original = played.plan.questions[0].question
        // The ticks refer to the rubric as judged: it is the stored one, with the guide's
        // explanations where a point still has one.
        #expect(question.rubric == original.rubric.map {
            var point = $0
            if point.lead == "Measure on the device" { point.detail = "Every time, on the real target." }
            return point
        })
        #expect(question.title == original.title)
        #expect(question.sections.first?.label == "Note")
        #expect(question.sections.first?.items.first?.text.contains("has changed this model answer since this session") == true)
        #expect(Array(question.sections.dropFirst()) == Self.edited[0].sections)
        #expect(loaded.records == played.records)
        // The question still held as asked reads as it was.
        #expect(loaded.plan.questions[1] == played.plan.questions[1])
    }

    @Test func aGuideThatNoLongerHoldsTheQuestionLeavesItsTextAndTheRubricAsJudged() throws {
        let (id, played) = try storePlayedSession(source: Shelf(guides: ["store": Self.asked]))
        for source in [Shelf(guides: [:]), nil] as [Shelf?] {
            let loaded = try TranscriptStore(folder: folder, access: .readOnly, questionSource: source).session(id).interview
            for (question, original) in zip(loaded.plan.questions.map(\.question), played.plan.questions.map(\.question)) {
                #expect(question.id == original.id)
                #expect(question.title == original.title)
                #expect(question.hash == original.hash)
                #expect(question.scaffold == original.scaffold)
                #expect(question.rubric.map(\.text) == original.rubric.map(\.text))
                #expect(question.rubric.map(\.lead) == original.rubric.map(\.lead))
                #expect(question.rubric.map(\.kind) == original.rubric.map(\.kind))
                #expect(question.rubric.map(\.weight) == original.rubric.map(\.weight))
                #expect(question.rubric.map(\.section) == original.rubric.map(\.section))
                #expect(question.rubric.allSatisfy { $0.detail.isEmpty })
                #expect(question.sections.map(\.label) == ["Note"])
                #expect(question.sections[0].items[0].text.contains("which no longer holds it"))
            }
            #expect(loaded.records == played.records)
            #expect(loaded.plan.questions.map(\.followUps) == played.plan.questions.map(\.followUps))
        }
    }

    @Test func aQuestionStoredWholeByAnEarlierSessionIsReadAsStored() throws {
        // Stored whole before (no source), then asked again with the guide at hand: the stored
        // copy is exact, and is what the later session reads, whatever the guide says now.
        let first = try TranscriptStore(folder: folder)
        _ = try first.createSession(Interview(plan: TranscriptStoreTests.plan()))
        let (id, played) = try storePlayedSession(source: Shelf(guides: ["store": Self.asked]))
        #expect(try contentRows() == 2)
        let loaded = try TranscriptStore(folder: folder, questionSource: Shelf(guides: ["store": Self.edited])).session(id).interview
        #expect(loaded == played)
    }

    @Test func pointsSharingALeadKeepTheirOwnExplanations() throws {
        // Leads are cut to their first words, so two points of a section can share one.
        var question = Self.asked[0]
        question.rubric = [RubricPoint(text: "Measure on the device", kind: .cover, weight: 2, section: "Approach", lead: "Measure on the device",
                                       detail: "first explanation"),
                           RubricPoint(text: "Measure on the device", kind: .cover, weight: 2, section: "Approach", lead: "Measure on the device",
                                       detail: "second explanation")]
        let shelf = Shelf(guides: ["store": [question]])
        let reference = try #require(try QuestionReference.make(for: question, bank: "store", in: shelf))
        #expect(try reference.question(bank: "store", in: shelf).rubric.map(\.detail) == ["first explanation", "second explanation"])
        // Reworded with a point added, the guide's points no longer line up with the stored ones,
        // and the two sharing a lead cannot be told apart: neither is guessed.
        var reworded = question
        reworded.sections[0].items[0].text += " Always."
        reworded.rubric.insert(RubricPoint(text: "Warm up", kind: .cover, weight: 2, section: "Approach", lead: "Warm up", detail: "new"), at: 0)
        let changed = try reference.question(bank: "store", in: Shelf(guides: ["store": [reworded]]))
        #expect(changed.rubric.map(\.detail) == ["", ""])
    }

    @Test func aRowAtTheDigestHoldingAnotherQuestionIsPassedOver() throws {
        let (id, played) = try storePlayedSession(source: Shelf(guides: ["store": Self.asked]))
        let plan = try DatabaseQueue(path: folder + "/" + TranscriptStore.fileName).read { db in
            try StoreJSON.decode(SessionRows.Plan.self, Deflate.decompress(try Data.fetchOne(db, sql: "SELECT plan FROM sessionPlan")!)!)
        }
        // Another question whole at the first entry's digest (a collision, or a damaged row).
        try DatabaseQueue(path: folder + "/" + TranscriptStore.fileName).write { db in
            try db.execute(sql: "INSERT INTO questionContent (digest, body) VALUES (?, ?)",
                           arguments: [plan.questions[0].digest, try Deflate.compress(StoreJSON.encode(Self.asked[1]))])
            try db.execute(sql: "INSERT INTO questionContent (digest, body) VALUES (?, ?)", arguments: [plan.questions[1].digest, Data([1, 2, 3])])
        }
        let loaded = try TranscriptStore(folder: folder, questionSource: Shelf(guides: ["store": Self.asked])).session(id).interview
        #expect(loaded == played)
    }

    @Test func theReferenceKeepsEveryFieldThroughItsCompactForm() throws {
        var question = Self.asked[1]
        question.competencies = ["ownership"]
        question.rubric.append(RubricPoint(text: "STAR: a measured result", kind: .star, weight: 1, section: "STAR", lead: "Result", detail: "x"))
        let reference = try #require(try QuestionReference.make(for: question, bank: "store", in: Shelf(guides: ["store": [question]])))
        let decoded = try StoreJSON.decode(QuestionReference.self, try StoreJSON.encode(reference))
        #expect(decoded == reference)
        #expect(try decoded.question(bank: "store", in: Shelf(guides: ["store": [question]])) == question)
    }
}
