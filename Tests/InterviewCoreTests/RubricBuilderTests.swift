import InterviewCore
import Testing

@Suite struct RubricBuilderTests {
    let sections = [
        AnswerSection(label: "Definition and Context", items: [SectionItem(text: "INT8: 8-bit integers.", lead: "INT8")]),
        AnswerSection(label: "Reasoning and Best Practices", items: [
            SectionItem(text: "Calibrate: Use representative data.", lead: "Calibrate"),
            SectionItem(text: "Measure accuracy on the device after conversion."),
        ]),
        AnswerSection(label: "Common Pitfalls", items: [SectionItem(text: "Skipping calibration.")]),
        AnswerSection(label: "Follow-up Points", items: [SectionItem(text: "Why per-channel?")]),
    ]

    @Test func pointsFollowTheSectionsWithTheirWeights() {
        let rubric = RubricBuilder.rubric(for: sections, kind: .technical)
        #expect(rubric.map(\.text) == ["Defines: INT8", "Calibrate", "Measure accuracy on the device after conversion.", "Avoids: Skipping calibration."])
        #expect(rubric.map(\.kind) == [.define, .cover, .cover, .pitfall])
        #expect(rubric.map(\.weight) == [1, 2, 2, 1])
    }

    @Test func behavioralQuestionsGetTheFiveStarPoints() {
        let rubric = RubricBuilder.rubric(for: sections, kind: .behavioral)
        #expect(rubric.suffix(5) == RubricBuilder.starPoints[...])
        #expect(rubric.count == 9)
    }

    @Test func anExplicitRubricReplacesTheDerivedOne() {
        let explicit = sections + [AnswerSection(label: "Rubric", items: [
            SectionItem(text: "[ ] Mentions calibration data"), SectionItem(text: "[x] Mentions accuracy checks"), SectionItem(text: "[ ]"),
        ])]
        let rubric = RubricBuilder.rubric(for: explicit, kind: .behavioral)
        #expect(rubric.map(\.text) == ["Mentions calibration data", "Mentions accuracy checks"])
        #expect(rubric.allSatisfy { $0.kind == .cover })
    }

    @Test func noSectionsNoPoints() {
        #expect(RubricBuilder.rubric(for: [], kind: .technical).isEmpty)
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
