import InterviewCore
import Testing

/// Any sequence of events keeps the machine's promises: time is never negative and never more
/// than wall time, typed text is never lost, phases only move forward, the plan is followed.
@Suite struct InterviewPropertyTests {
    /// Where a session is, as a number that may only grow.
    static func progress(_ interview: Interview) -> Int {
        let rank: Int
        switch interview.phase {
        case .briefing: rank = 0
        case .reading: rank = 1
        case .answering: rank = 2
        case .followUp(let number): rank = 3 + number
        case .selfReview: rank = 50
        case .summary, .abandoned: return Int.max
        }
        return interview.index * 100 + rank
    }

    static func randomEvent(_ interview: Interview, at now: Instant, using generator: inout SeededGenerator) -> Interview.Event {
        let fields = interview.editableFields + [.free, .star(.action), .followUp(0), .followUp(3)]
        switch Int.random(in: 0..<100, using: &generator) {
        case 0..<5: return .begin(at: now)
        case 5..<40: return .type(fields.randomElement(using: &generator)!, "text \(Int.random(in: 0...999, using: &generator))", at: now)
        case 40..<55: return .tick(at: now)
        case 55..<65: return .submit(at: now)
        case 65..<71: return .pause(at: now)
        case 71..<77: return .resume(at: now)
        case 77..<80: return .skip(at: now)
        case 80..<81: return .abandon(at: now)
        case 81..<85: return .useScaffold(Bool.random(using: &generator) ? .star : .free, at: now)
        default: return .review(ticks: [Int.random(in: 0...5, using: &generator)], at: now)
        }
    }

    @Test(arguments: 1...40)
    func randomSessionsKeepTheInvariants(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let kinds: [CategoryKind] = [.technical, .behavioral, .situational]
        let plan = InterviewFixtures.plan(count: 3, followUps: Int.random(in: 0...2, using: &generator),
                                          hardTime: Bool.random(using: &generator), kinds: kinds)
        var interview = Interview(plan: plan)
        var now = Instant.seconds(500)
        var start: Instant?
        var expected: [Int: [AnswerField: String]] = [:]
        var lastProgress = Self.progress(interview)
        for _ in 0..<400 {
            // Mostly small steps, sometimes long gaps, sometimes an instant from the past.
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: now = now + .seconds(Int.random(in: 60...400, using: &generator))
            case 1: break
            default: now = now + .milliseconds(Int.random(in: 1...20_000, using: &generator))
            }
            let stamped = Int.random(in: 0..<20, using: &generator) == 0 ? Instant.seconds(0) : now
            start = start ?? stamped // the machine's timeline starts at the first instant it sees
            let event = Self.randomEvent(interview, at: stamped, using: &generator)
            let index = interview.index
            let effects = interview.handle(event)
            if case .type(let field, let text, _) = event, effects == [.save] {
                expected[index, default: [:]][field] = text
            }

            let progress = Self.progress(interview)
            #expect(progress >= lastProgress, "phases only move forward")
            lastProgress = progress
            #expect(interview.index < max(1, plan.questions.count), "the plan is followed")
            #expect(interview.elapsed(at: now) >= .zero)
            if case .tick = event, interview.plan.settings.hardTime, !interview.isPaused,
               let limit = interview.limit, interview.phase != .reading {
                #expect(interview.elapsed(at: interview.latest ?? now) < limit, "after a tick in hard time, no clock is past its time")
            }
            var used = Duration.zero
            for record in interview.records {
                #expect(record.answerTime >= .zero && record.overtime >= .zero)
                #expect(record.followUpTimes.allSatisfy { $0 >= .zero })
                used += record.totalTime
            }
            #expect(used <= (interview.latest ?? now) - start!, "time used never exceeds wall time")
            for (question, fields) in expected {
                for (field, text) in fields {
                    #expect(interview.records[question].text(of: field) == text, "typed text is never lost")
                }
            }
        }
    }
}
