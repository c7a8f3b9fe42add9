import InterviewCore
import Testing

/// Choosing what to practise, grading reviewed answers, and progress, on hand-built guides.
@Suite struct PracticeTests {
    let source = SessionPlanner.Source(bank: "test", guide: InterviewFixtures.guide(perKind: 3))
    let start = Timestamp(secondsSince1970: 1_740_819_600)
    var pool: PracticePool { PracticePool(sources: [source]) }

    /// A question's practice after attempts graded `grades`, a day apart, the last at `last`.
    func practice(_ id: String, grades: [Grade], scores: [Double?]? = nil, last: Timestamp? = nil, kind: CategoryKind = .technical) -> QuestionPractice {
        let end = last ?? start
        let attempts = grades.enumerated().map { number, grade in
            Attempt(sessionId: "s\(number)", position: 0, questionId: id, hash: "h", bank: "test", kind: kind,
                    reviewedAt: end.adding(days: Double(number - grades.count + 1)), score: scores?[number] ?? nil, grade: grade,
                    gradeChosen: false, seconds: 60, overtimeSeconds: 0)
        }
        return QuestionPractice.replaying(attempts, with: FSRS())!.practice
    }

    var ids: [String] { pool.candidates.map(\.question.id) }

    @Test func idsResolveWholeOrByAUniquePrefix() throws {
        let id = ids[0]
        #expect(try pool.resolve([id]) == [id])
        let onePerKind = PracticePool(sources: [.init(bank: "test", guide: InterviewFixtures.guide(perKind: 1))])
        #expect(try onePerKind.resolve(["test/tech", "test/behav"]) == ["test/technical-question-1", "test/behavioral-question-1"])
        #expect(throws: PracticeSelectionError.unknownQuestion("test/nothing-like-it")) { try pool.resolve(["test/nothing-like-it"]) }
        #expect(throws: PracticeSelectionError.ambiguousQuestion("test/", matches: Array(ids.prefix(5)))) { try pool.resolve(["test/"]) }
        #expect(throws: PracticeSelectionError.self) { try pool.resolve([""]) }
    }

    @Test func topicsMatchTheQuestionOrItsModelAnswerByStem() {
        // Every fixture answer says "Quantize with calibration data".
        #expect(pool.matching(topic: "quantization calibrated").count == pool.candidates.count)
        let behavioral = pool.matching(topic: "behavioral question 2")
        #expect(behavioral.first == "test/behavioral-question-2")
        #expect(pool.matching(topic: "blockchain").isEmpty)
        #expect(pool.matching(topic: "  ").isEmpty)
    }

    @Test func newQuestionsAreTheOnesNeverAttemptedWithKindsInterleaved() {
        let tried = Dictionary(uniqueKeysWithValues: ids.prefix(4).map { ($0, practice($0, grades: [.good])) })
        let new = pool.new(tried, seed: 3)
        #expect(Set(new) == Set(ids.dropFirst(4)))
        #expect(new == pool.new(tried, seed: 3))
        let kinds = new.prefix(4).compactMap { pool.candidate($0)?.kind }
        #expect(Set(kinds).count == 4)
    }

    @Test func weakestComeLowestScoreFirst() {
        let entries = [
            practice(ids[0], grades: [.good], scores: [0.8]),
            practice(ids[1], grades: [.again], scores: [0.1]),
            practice(ids[2], grades: [.hard], scores: [0.5]),
            practice(ids[3], grades: [.again], scores: [nil]),
        ]
        let byId = Dictionary(uniqueKeysWithValues: entries.map { ($0.questionId, $0) })
        #expect(pool.weakest(byId) == [ids[3], ids[1], ids[2], ids[0]])
        #expect(pool.weakest(byId, onlyFailing: true) == [ids[3], ids[1], ids[2]])
    }

    @Test func aDrillAsksWhatIsDueMostOverdueFirstThenWeakThenNew() {
        let now = start.adding(days: 30)
        let overdue = practice(ids[0], grades: [.good], scores: [0.8])                      // due on day 2
        let lessOverdue = practice(ids[1], grades: [.good], scores: [0.8], last: start.adding(days: 10))
        let weakNotDue = practice(ids[2], grades: [.easy, .hard], scores: [1, 0.5], last: now)
        let strongNotDue = practice(ids[3], grades: [.easy], scores: [1], last: now)
        let byId = Dictionary(uniqueKeysWithValues: [overdue, lessOverdue, weakNotDue, strongNotDue].map { ($0.questionId, $0) })
        let drill = pool.drill(byId, dueBy: now, count: 6, seed: 1)
        #expect(Array(drill.prefix(3)) == [ids[0], ids[1], ids[2]])
        #expect(!drill.contains(ids[3]))
        #expect(drill.dropFirst(3).allSatisfy { byId[$0] == nil })
        #expect(pool.drill(byId, dueBy: now, count: 6, seed: 1, focus: .weak) == [ids[2]])
        #expect(pool.drill(byId, dueBy: now, count: 1, seed: 1) == [ids[0]])
        #expect(pool.nextDue(byId) == overdue.due)
    }

    @Test func gradingTakesTheChosenGradeThenTheScore() {
        #expect(PracticeGrading.grade(score: 0.2, chosen: nil) == .again)
        #expect(PracticeGrading.grade(score: 0.95, chosen: .hard) == .hard)
        #expect(PracticeGrading.grade(score: nil, chosen: nil) == .good)
        #expect(PracticeGrading.grade(score: 0.5, chosen: nil, scale: GradeScale(hardFrom: 0.6)) == .again)
    }

    @Test func aReviewedRecordBecomesAnAttemptWithTheGradeTheUserChose() throws {
        var interview = Interview(plan: InterviewFixtures.plan(count: 1, followUps: 0))
        var clock = ManualClock()
        _ = interview.handle(.begin(at: clock.now))
        _ = interview.handle(.submit(at: clock.advance(5)))
        #expect(interview.handle(.chooseGrade(.easy, at: clock.advance(1))) == [.save])
        #expect(interview.handle(.chooseGrade(.easy, at: clock.advance(1))).isEmpty)
        _ = interview.handle(.review(ticks: [], at: clock.advance(1)))
        let planned = interview.plan.questions[0]
        let attempt = try #require(Attempt(sessionId: "a", position: 0, planned, interview.records[0], at: start))
        #expect(attempt.score == 0 && attempt.grade == .easy && attempt.gradeChosen)
        #expect(attempt.questionId == planned.question.id && attempt.hash == planned.question.hash)
        var unreviewed = interview.records[0]
        unreviewed.reviewed = false
        #expect(Attempt(sessionId: "a", position: 0, planned, unreviewed, at: start) == nil)
    }

    @Test func aGradeCanOnlyBeChosenInSelfReview() {
        var interview = Interview(plan: InterviewFixtures.plan(count: 1, followUps: 0))
        #expect(interview.handle(.chooseGrade(.good, at: .seconds(1))).isEmpty)
        _ = interview.handle(.begin(at: .seconds(2)))
        #expect(interview.handle(.chooseGrade(.good, at: .seconds(3))).isEmpty)
        #expect(interview.records[0].chosenGrade == nil)
    }

    @Test func replayingMarksAttemptsAtAChangedQuestion() throws {
        let attempts = ["h1", "h1", "h2", "h2"].enumerated().map { number, hash in
            Attempt(sessionId: "s\(number)", position: 0, questionId: "q", hash: hash, bank: "b", kind: .general,
                    reviewedAt: start.adding(days: Double(number * 3)), score: Double(number) / 4, grade: .good,
                    gradeChosen: false, seconds: 1, overtimeSeconds: 0)
        }
        let (practice, changed) = try #require(QuestionPractice.replaying(attempts, with: FSRS()))
        #expect(changed == [false, false, true, false])
        #expect(practice.attempts == 4 && practice.lastHash == "h2" && practice.memory.reps == 4)
        #expect(practice.lastScore == 0.75 && practice.bestScore == 0.75)
        #expect(QuestionPractice.replaying([], with: FSRS()) == nil)
    }

    @Test func plansByIdKeepTheOrderAndLeaveOutUnknownIds() throws {
        let plan = try SessionPlanner.plan(questions: [ids[5], "test/gone", ids[1], ids[5]], from: [source], seed: 4)
        #expect(plan.questions.map(\.question.id) == [ids[5], ids[1]])
        #expect(plan.requestedCount == 2)
        #expect(throws: SessionPlanError.self) { try SessionPlanner.plan(questions: ["test/gone"], from: [source], seed: 4) }
    }

    @Test func progressCountsCoverageScoresAndWhatIsDue() throws {
        let endOfToday = start.adding(days: 0.5)
        let failed = practice(ids[0], grades: [.again, .again], scores: [0, 0])   // due tomorrow
        let aced = practice(ids[1], grades: [.easy, .easy], scores: [1, 1])
        let orphan = practice("test/retired-question", grades: [.good], scores: [0.7], kind: .general)
        let byId = Dictionary(uniqueKeysWithValues: [failed, aced, orphan].map { ($0.questionId, $0) })
        var asked: [ProgressReport.Scope] = []
        let report = ProgressReport(sources: [source], practice: byId, endOfToday: endOfToday) { scope in
            asked.append(scope)
            return [ProgressReport.TrendPoint(sessionId: "s", date: start, score: 0.5)]
        }
        #expect(report.overall.total == ids.count && report.overall.seen == 2 && report.overall.attempts == 4)
        #expect(report.overall.meanLatestScore == 0.5)
        #expect(report.overall.dueToday == 0 && report.overall.dueThisWeek == 1)
        #expect(report.guides.map(\.name) == ["test"])
        #expect(report.kinds.map(\.name) == CategoryKind.allCases.map(\.rawValue))
        #expect(report.kinds.first { $0.name == "technical" }?.seen == 2)
        #expect(report.questions.count == ids.count + 1)
        #expect(report.questions.last?.id == "test/retired-question" && report.questions.last?.inGuide == false)
        #expect(report.nextDue == failed.due && failed.due < aced.due)
        #expect(asked.contains(.all) && asked.contains(.bank("test")) && asked.contains(.kind(.general)))
    }

    @Test func sparklinesDrawScoresAsBlockHeights() {
        #expect(Sparkline.draw([0, 0.5, 1], width: 10) == "▁▅█")
        #expect(Sparkline.draw([0, 0.5, 1, 1.7, -1], width: 2) == "█▁")
    }
}
