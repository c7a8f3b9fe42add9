import Foundation
import InterviewCore
import Testing

@Suite struct RubricBuilderTests {
    let sections = [
        AnswerSection(label: "Definition and Context", items: [
            SectionItem(text: "INT8: 8-bit integers with a scale.", lead: "INT8"),
            SectionItem(text: "Calibration: Finding the ranges of the activations.", lead: "Calibration"),
        ]),
        AnswerSection(label: "Examples and Context", items: [
            SectionItem(text: "Keyword spotting: A wake-word model shrinks to a quarter.", lead: "Keyword spotting"),
        ]),
        AnswerSection(label: "Reasoning and Best Practices", items: [
            SectionItem(text: "Calibrate: Use representative data.", lead: "Calibrate"),
            SectionItem(text: "Measure accuracy on the device after conversion."),
        ]),
        AnswerSection(label: "Alternative Considerations", items: [SectionItem(text: "FP16: Half precision on GPUs.", lead: "FP16")]),
        AnswerSection(label: "Common Pitfalls", items: [SectionItem(text: "Skipping calibration.")]),
        AnswerSection(label: "Follow-up Points", items: [SectionItem(text: "Why per-channel?")]),
    ]

    @Test func technicalPointsFollowTheSectionsWithTheirWeights() {
        let rubric = RubricBuilder.rubric(for: sections, kind: .technical)
        #expect(rubric.map(\.text) == ["Defines: INT8", "Defines: Calibration", "Example: Keyword spotting", "Calibrate",
                                       "Measure accuracy on the device after conversion", "Also: FP16", "Pitfall: Skipping calibration"])
        #expect(rubric.map(\.kind) == [.define, .define, .example, .cover, .cover, .bonus, .pitfall])
        #expect(rubric.map(\.weight) == [2, 2, 1, 2, 2, 1, 2])
        #expect(Scoring.totalWeight(rubric) == 9)
    }

    @Test func everyPointKeepsItsSectionLeadAndExplanation() {
        let rubric = RubricBuilder.rubric(for: sections, kind: .technical)
        #expect(rubric.map(\.section) == ["Definition and Context", "Definition and Context", "Examples and Context",
                                          "Reasoning and Best Practices", "Reasoning and Best Practices",
                                          "Alternative Considerations", "Common Pitfalls"])
        #expect(rubric[0].lead == "INT8")
        #expect(rubric[0].detail == "8-bit integers with a scale.")
        #expect(rubric[0].matchText == "INT8: 8-bit integers with a scale.")
        // Without bold lead words, the first words name the point and the whole item explains it.
        #expect(rubric[4].lead == "Measure accuracy on the device after conversion")
        #expect(rubric[4].detail == "Measure accuracy on the device after conversion.")
        #expect(rubric.allSatisfy { !$0.section.isEmpty && !$0.lead.isEmpty })
    }

    @Test func definitionsWeighOneOutsideTechnicalQuestions() {
        let rubric = RubricBuilder.rubric(for: sections, kind: .general)
        #expect(rubric.filter { $0.kind == .define }.map(\.weight) == [1, 1])
    }

    @Test func approachStepsAreCoverPointsButTheModelStoryIsNot() {
        let situational = [
            AnswerSection(label: "Context", items: [SectionItem(text: "A board that resets.")]),
            AnswerSection(label: "Approach", items: [
                SectionItem(text: "Log the reset cause: Read the reset register at boot.", lead: "Log the reset cause"),
                SectionItem(text: "Reproduce under load: Stress the board on the bench.", lead: "Reproduce under load"),
            ]),
            AnswerSection(label: "Example Outcomes", items: [SectionItem(text: "Brown-out: A weak regulator.", lead: "Brown-out")]),
            AnswerSection(label: "Action and Outcome", items: [SectionItem(text: "Action: I added logging.", lead: "Action")]),
        ]
        let rubric = RubricBuilder.rubric(for: situational, kind: .situational)
        #expect(rubric.map(\.text) == ["Log the reset cause", "Reproduce under load"])
        #expect(rubric.allSatisfy { $0.kind == .cover && $0.weight == 2 && $0.section == "Approach" })
        let steps = [AnswerSection(label: "Steps", items: [SectionItem(text: "Bisect the firmware.")])]
        #expect(RubricBuilder.rubric(for: steps, kind: .problemSolving).map(\.kind) == [.cover])
        // An action plan is the steps of a situational answer, and a behavioral answer's story.
        let plan = [AnswerSection(label: "Action Plan", items: [SectionItem(text: "Call the customer first.")])]
        #expect(RubricBuilder.rubric(for: plan, kind: .situational).map(\.kind) == [.cover])
        #expect(RubricBuilder.rubric(for: plan, kind: .behavioral).isEmpty)
    }

    @Test func behavioralStarStructureIsAtMostAQuarterAndTheLessonIsABonus() {
        let reasoning = (1...4).map { SectionItem(text: "Point \($0): Why it matters.", lead: "Point \($0)") }
        for count in 1...4 {
            let rubric = RubricBuilder.rubric(for: [AnswerSection(label: "Reasoning and Best Practices", items: Array(reasoning.prefix(count)))],
                                              kind: .behavioral)
            let star = rubric.filter { $0.kind == .star }.reduce(0) { $0 + $1.weight }
            #expect(Double(star) <= 0.25 * Double(Scoring.totalWeight(rubric)), "\(count) reasoning points")
            #expect(rubric.last?.lead == "Lesson" && rubric.last?.kind == .bonus)
            #expect(rubric.filter { StarCheck($0) != nil }.allSatisfy { $0.section == RubricBuilder.starSection })
        }
        let four = RubricBuilder.rubric(for: [AnswerSection(label: "Reasoning and Best Practices", items: reasoning)], kind: .behavioral)
        #expect(four.filter { $0.kind == .star }.map(\.lead) == ["Action", "Result"])
    }

    @Test func anExplicitRubricReplacesTheDerivedOne() {
        let explicit = sections + [AnswerSection(label: "Rubric", items: [
            SectionItem(text: "[ ] Mentions calibration data"), SectionItem(text: "[x] Mentions accuracy checks"), SectionItem(text: "[ ]"),
        ])]
        let rubric = RubricBuilder.rubric(for: explicit, kind: .behavioral)
        #expect(rubric.map(\.text) == ["Mentions calibration data", "Mentions accuracy checks"])
        #expect(rubric.allSatisfy { $0.kind == .cover && $0.weight == 2 && $0.section == "Rubric" && $0.lead == $0.text })
    }

    @Test func noSectionsNoPoints() {
        #expect(RubricBuilder.rubric(for: [], kind: .technical).isEmpty)
        // Context alone (a question list's note) leaves the question to be rated.
        #expect(RubricBuilder.rubric(for: [AnswerSection(label: "Context", items: [SectionItem(text: "Why?")])], kind: .behavioral).isEmpty)
    }

    @Test func longItemsWithoutLeadsAreNamedByTheirFirstWords() {
        let item = SectionItem(text: "Keep the interrupt handler short and defer the rest of the work to a task.")
        let rubric = RubricBuilder.rubric(for: [AnswerSection(label: "Reasoning and Best Practices", items: [item])], kind: .technical)
        #expect(rubric[0].text == "Keep the interrupt handler short and…")
    }

    @Test func pointsSavedBeforeTheyCarriedTheirSourceStillDecode() throws {
        let old = #"{"text":"Avoids: Skipping calibration.","kind":"pitfall","weight":1,"detail":"Skipping calibration."}"#
        let point = try JSONDecoder().decode(RubricPoint.self, from: Data(old.utf8))
        #expect(point.section == "" && point.lead == "Avoids: Skipping calibration." && point.weight == 1)
    }
}

@Suite struct TerminalTextTests {
    @Test func escapeSequencesAreMadeVisible() {
        #expect(TerminalText.neutralized("red \u{1B}[31mtext\u{07}") == "red ^[[31mtext^G")
        #expect(TerminalText.neutralized("a\u{7F}b\u{9B}c") == "a^?b\u{FFFD}c")
        #expect(TerminalText.neutralized("evil\u{202E}txt") == "evil\u{FFFD}txt")
    }

    @Test func whiteSpaceAndOrdinaryTextPassThrough() {
        #expect(TerminalText.neutralized("tab\there\nnext") == "tab here next")
        #expect(TerminalText.neutralized("line\nnext", keepingNewlines: true) == "line\nnext")
        #expect(TerminalText.neutralized("naïve “quotes” 你好") == "naïve “quotes” 你好")
    }
}
