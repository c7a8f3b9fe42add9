import InterviewCore
import Testing

@Suite struct FeedbackTests {
    @Test func missedPointsComeHeaviestFirstWithTheirExplanation() {
        let rubric = RubricBuilder.rubric(for: [
            AnswerSection(label: "Definition and Context", items: [SectionItem(text: "Latency: Time per request.", lead: "Latency")]),
            AnswerSection(label: "Examples and Context", items: [SectionItem(text: "Keyboard: Every keystroke waits.", lead: "Keyboard")]),
            AnswerSection(label: "Reasoning and Best Practices", items: [
                SectionItem(text: "Warm up: Discard the first runs.", lead: "Warm up"),
                SectionItem(text: "Percentiles: Report p99.", lead: "Percentiles"),
            ]),
            AnswerSection(label: "Alternative Considerations", items: [SectionItem(text: "Energy: Millijoules.", lead: "Energy")]),
            AnswerSection(label: "Pitfalls to Avoid", items: [SectionItem(text: "Averages: One mean hides the tail.", lead: "Averages")]),
        ], kind: .general)
        // define (1), example (1), cover, cover, bonus, pitfall
        #expect(Feedback.missed(rubric, ticks: [2]) == [3, 0, 1])
        #expect(Feedback.missedLine(rubric[3]) == "Missed: Percentiles (x2). Report p99.")
        #expect(Feedback.missedLine(rubric[0]) == "Missed: Defines: Latency. Time per request.")
        #expect(Feedback.pitfalls(rubric, ticks: [2, 5]) == [5])
        // The STAR structure is told in verdicts, not as missed points.
        #expect(Feedback.missed(RubricBuilder.starPoints(contentWeight: 12), ticks: []).isEmpty)
    }

    @Test func aQuestionsLinesSayWhatWasMissedAndFallenIntoOnlyOnceReviewed() {
        let rubric = RubricBuilder.rubric(for: [
            AnswerSection(label: "Reasoning and Best Practices", items: [
                SectionItem(text: "Warm up: Discard the first runs.", lead: "Warm up"),
                SectionItem(text: "Percentiles: Report p99.", lead: "Percentiles"),
            ]),
            AnswerSection(label: "Pitfalls to Avoid", items: [SectionItem(text: "Averages: One mean hides the tail.", lead: "Averages")]),
        ], kind: .general)
        var record = QuestionRecord(scaffold: .free, followUps: 0)
        record.ticks = [0, 2]
        #expect(Feedback.lines(rubric, record).isEmpty, "nothing is said before the review")
        record.reviewed = true
        #expect(Feedback.lines(rubric, record) == ["Missed: Percentiles (x2). Report p99.", "Fell into: Averages (-2). One mean hides the tail."])
        var story = QuestionRecord(scaffold: .star, followUps: 0)
        story.skipped = true
        story.starParts = [.action: "We fixed it."]
        #expect(Feedback.lines(rubric, story) == Feedback.starVerdicts(StarAnalysis(parts: story.starParts)), "a STAR story is told on even when skipped")
    }

    @Test func starFiguresBecomeVerdictsInWords() {
        let weak = StarAnalysis(parts: [.situation: "We had a big problem with the robot in the lab that kept crashing every day for weeks on end.",
                                        .task: "We had to fix it.", .action: "We fixed it, I think.", .result: "It was better."])
        #expect(Feedback.starVerdicts(weak) == [
            "Action is 15 % of the story: say more about what you did.",
            "3 \"we\" to 1 \"I\": say what you did yourself.",
            "No number in the result: say what changed, with a figure.",
            "The situation is 61 % of the story (about 20 % is enough): set the scene in fewer words.",
            "33 words: a spoken answer of two minutes is 260–320 words.",
            "3.0 hedges and fillers per 100 words: say it plainly.",
            "Add a lesson: what you learned or would do differently.",
        ])
        let good = StarAnalysis(parts: AnalysisTests.cases[0].parts)
        #expect(Feedback.starVerdicts(good) == ["A well-told story: action 63 % of it, in the first person, with a measured result.",
                                                "101 words: a spoken answer of two minutes is 260–320 words."])
        #expect(Feedback.starVerdicts(StarAnalysis(parts: [:])) == ["Nothing written: tell the story in four parts."])
    }

    @Test func threeThingsToWorkOnAreDrawnFromTheSession() {
        var clock = ManualClock()
        var interview = Interview(plan: InterviewFixtures.plan(count: 4, followUps: 0, kinds: [.technical, .behavioral]))
        _ = interview.handle(.begin(at: clock.now))
        var asked = 0
        while !interview.phase.isFinished, asked < 3 {
            let record = interview.currentRecord!
            if record.scaffold == .star {
                _ = interview.handle(.type(.star(.situation), "We had an outage in the lab.", at: clock.advance(1)))
                _ = interview.handle(.type(.star(.action), "We restarted it.", at: clock.advance(1)))
                _ = interview.handle(.type(.star(.result), "It worked again.", at: clock.advance(1)))
            } else {
                _ = interview.handle(.type(.free, "Maybe I would kind of measure it, I think, basically.", at: clock.advance(1)))
            }
            // The first answer runs a minute over its 100 seconds.
            _ = interview.handle(.submit(at: clock.advance(asked == 0 ? 160 : 10)))
            _ = interview.handle(.review(ticks: [0], at: clock.advance(1)))
            asked += 1
        }
        _ = interview.handle(.skip(at: clock.advance(1)))
        let advice = Feedback.thingsToWorkOn(interview)
        #expect(advice.map(\.source) == [.missedPoint, .star, .overtime])
        #expect(advice[0].text == "Question 1 missed \"Quantize with calibration data\": Int8 needs representative inputs.")
        #expect(advice[2].text.hasPrefix("Overtime on 1 of 4 questions (1:0"))
        #expect(Feedback.thingsToWorkOn(interview, count: 6).map(\.source) == [.missedPoint, .star, .overtime, .hedges, .skipped, .missedPoint])
        #expect(Feedback.thingsToWorkOn(Interview(plan: InterviewFixtures.plan())).isEmpty)
    }
}
