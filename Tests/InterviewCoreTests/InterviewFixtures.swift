import InterviewCore

/// Plans built by hand, so that the machine is tested without the parser.
enum InterviewFixtures {
    static func question(_ title: String, kind: CategoryKind, followUps: [String] = ["Why?"]) -> Question {
        let sections = [
            AnswerSection(label: "Reasoning and Best Practices", items: [
                SectionItem(text: "Measure on the device: Latency differs from the lab.", lead: "Measure on the device"),
                SectionItem(text: "Quantize with calibration data: Int8 needs representative inputs.", lead: "Quantize with calibration data"),
            ]),
            AnswerSection(label: "Pitfalls to Avoid", items: [SectionItem(text: "Ignoring thermal throttling.")]),
            AnswerSection(label: "Follow-up Points", items: followUps.map { SectionItem(text: $0) }),
        ]
        return Question(id: "test/" + QuestionIdentity.slug(title), title: title, line: 1, hash: QuestionIdentity.hash(title),
                        scaffold: kind.defaultScaffold, sections: sections, followUps: followUps,
                        rubric: RubricBuilder.rubric(for: sections, kind: kind))
    }

    static func guide(kinds: [CategoryKind] = CategoryKind.allCases, perKind: Int = 3, metadata: [String: MetadataValue] = [:]) -> Guide {
        Guide(title: "Test Guide", metadata: metadata, categories: kinds.map { kind in
            Category(name: kind.displayName + " Questions", kind: kind, questions: (1...perKind).map {
                question("\(kind.displayName) question \($0)?", kind: kind, followUps: ["First follow-up for \(kind.rawValue) \($0)?", "Second follow-up?"])
            })
        })
    }

    /// A plan of technical questions: think 15 s, answer 100 s (easy percentages), follow-up 60 s.
    static func plan(count: Int = 2, followUps: Int = 1, hardTime: Bool = false, kinds: [CategoryKind] = [.technical]) -> SessionPlan {
        var settings = SessionSettings()
        settings.answerTime = .seconds(100)
        settings.followUpTime = .seconds(60)
        settings.hardTime = hardTime
        settings.followUpsPerQuestion = followUps
        return try! SessionPlanner.plan(from: [.init(bank: "test", guide: guide(kinds: kinds, perKind: 5))],
                                        kinds: kinds, count: count, seed: 42, settings: settings)
    }
}

/// A clock the test moves by hand.
struct ManualClock {
    private(set) var now = Instant.seconds(1000)

    mutating func advance(_ seconds: Double) -> Instant {
        now = now + .milliseconds(Int64(seconds * 1000))
        return now
    }
}
