import InterviewCore
import Testing

@Suite struct SessionPlannerTests {
    let source = SessionPlanner.Source(bank: "test", guide: InterviewFixtures.guide(perKind: 4))

    @Test func theSameSeedGivesTheSamePlan() throws {
        let first = try SessionPlanner.plan(from: [source], count: 6, seed: 99)
        let second = try SessionPlanner.plan(from: [source], count: 6, seed: 99)
        let other = try SessionPlanner.plan(from: [source], count: 6, seed: 100)
        #expect(first == second)
        #expect(first.questions.map(\.question.id) != other.questions.map(\.question.id))
    }

    @Test(arguments: [1, 2, 3, 7, 12, 20])
    func noQuestionTwiceAndEveryKindBeforeAnyRepeats(seed: UInt64) throws {
        let plan = try SessionPlanner.plan(from: [source], count: 10, seed: seed)
        let ids = plan.questions.map(\.question.id)
        #expect(ids.count == 10)
        #expect(Set(ids).count == 10)
        #expect(Set(plan.questions.prefix(5).map(\.kind)) == Set(CategoryKind.allCases))
    }

    @Test func categoriesFilterTheKinds() throws {
        let plan = try SessionPlanner.plan(from: [source], kinds: [.behavioral, .situational], count: 4, seed: 5)
        #expect(Set(plan.questions.map(\.kind)) == [.behavioral, .situational])
        #expect(plan.questions.map(\.kind).prefix(2).sorted() == [.behavioral, .situational])
    }

    @Test func fewerQuestionsThanAskedForGivesAllOfThem() throws {
        let plan = try SessionPlanner.plan(from: [source], kinds: [.general], count: 9, seed: 5)
        #expect(plan.questions.count == 4)
        #expect(plan.requestedCount == 9)
    }

    @Test func badRequestsAreRefused() {
        #expect(throws: SessionPlanError.invalidCount(0)) { try SessionPlanner.plan(from: [source], count: 0, seed: 1) }
        let technicalOnly = SessionPlanner.Source(bank: "t", guide: InterviewFixtures.guide(kinds: [.technical]))
        #expect(throws: SessionPlanError.noQuestions(kinds: [.behavioral])) {
            try SessionPlanner.plan(from: [technicalOnly], kinds: [.behavioral], count: 1, seed: 1)
        }
    }

    @Test func answerTimesComeFromTheKindTheGuideOrTheCommandLine() throws {
        let plan = try SessionPlanner.plan(from: [source], count: 20, seed: 3)
        for planned in plan.questions {
            #expect(planned.answerTime == SessionSettings.defaultAnswerTime(for: planned.kind))
            #expect(planned.followUpTime == .seconds(90))
        }
        #expect(plan.thinkTime == .seconds(15))
        #expect(SessionSettings.defaultAnswerTime(for: .technical) == .seconds(240))
        #expect(SessionSettings.defaultAnswerTime(for: .problemSolving) == .seconds(300))

        let timed = Guide(title: "Timed", metadata: ["timing": .object([
            "technical": .string("4:30"), "behavioral": .number(100), "follow-up": .number(45), "think": .string("20"),
        ])], categories: InterviewFixtures.guide(kinds: [.technical, .behavioral]).categories)
        let guidePlan = try SessionPlanner.plan(from: [.init(bank: "timed", guide: timed)], count: 4, seed: 3)
        #expect(Set(guidePlan.questions.filter { $0.kind == .technical }.map(\.answerTime)) == [.seconds(270)])
        #expect(Set(guidePlan.questions.filter { $0.kind == .behavioral }.map(\.answerTime)) == [.seconds(100)])
        #expect(guidePlan.questions.allSatisfy { $0.followUpTime == .seconds(45) })
        #expect(guidePlan.thinkTime == .seconds(20))

        var settings = SessionSettings()
        settings.answerTime = .seconds(60)
        settings.thinkTime = .seconds(0)
        settings.followUpTime = .seconds(30)
        let overridden = try SessionPlanner.plan(from: [.init(bank: "timed", guide: timed)], count: 4, seed: 3, settings: settings)
        #expect(overridden.questions.allSatisfy { $0.answerTime == .seconds(60) && $0.followUpTime == .seconds(30) })
        #expect(overridden.thinkTime == .zero)
    }

    @Test func followUpsAreChosenFromTheGuideUpToTheSetting() throws {
        var settings = SessionSettings()
        #expect(try SessionPlanner.plan(from: [source], count: 5, seed: 8, settings: settings).questions.allSatisfy { $0.followUps.count == 1 })
        settings.followUpsPerQuestion = 2
        let two = try SessionPlanner.plan(from: [source], count: 5, seed: 8, settings: settings)
        #expect(two.questions.allSatisfy { Set($0.followUps).count == 2 && Set($0.followUps).isSubset(of: Set($0.question.followUps)) })
        settings.followUpsPerQuestion = 0
        #expect(try SessionPlanner.plan(from: [source], count: 5, seed: 8, settings: settings).questions.allSatisfy { $0.followUps.isEmpty })
    }
}
