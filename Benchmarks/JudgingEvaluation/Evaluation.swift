import InterviewCore

/// Precision, recall and F1 of a detector on labelled answers, with thresholds chosen on some
/// questions and tested on the others (leave one question out), and the points it credits to
/// keyword-stuffed answers.
public struct Evaluation: Sendable {
    /// One judged point of one labelled answer.
    public struct Sample: Sendable {
        public var question: String
        public var answer: String
        public var style: String
        public var kind: RubricPoint.Kind
        public var lead: String
        public var strength: Double
        public var truth: Bool
    }

    public struct Figures: Sendable, CustomStringConvertible {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        /// Points (pitfalls aside) detected in keyword-stuffed answers.
        public var creditedToStuffed = 0
        public var pitfallTruePositives = 0
        public var pitfallFalsePositives = 0
        public var pitfallFalseNegatives = 0

        public var precision: Double { Self.ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { Self.ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double { Self.ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }
        public var pitfallF1: Double {
            Self.ratio(2 * pitfallTruePositives, 2 * pitfallTruePositives + pitfallFalsePositives + pitfallFalseNegatives)
        }

        static func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }

        public var description: String {
            func two(_ value: Double) -> String {
                let hundredths = Int((value * 100).rounded())
                return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
            }
            return "precision \(two(precision)) · recall \(two(recall)) · F1 \(two(f1)) · credited to stuffed answers \(creditedToStuffed)"
                + " · pitfalls F1 \(two(pitfallF1)) (tp \(truePositives), fp \(falsePositives), fn \(falseNegatives))"
        }

        mutating func add(_ sample: Sample, detected: Bool) {
            if sample.kind == .pitfall {
                if detected && sample.truth { pitfallTruePositives += 1 }
                if detected && !sample.truth { pitfallFalsePositives += 1 }
                if !detected && sample.truth { pitfallFalseNegatives += 1 }
                return
            }
            if detected && sample.truth { truePositives += 1 }
            if detected && !sample.truth { falsePositives += 1 }
            if !detected && sample.truth { falseNegatives += 1 }
            if detected && sample.style == "stuffed" { creditedToStuffed += 1 }
        }
    }

    public var samples: [Sample]

    /// Judges every labelled answer once (STAR points aside: they are read from figures, not
    /// words, and are not what the labels are about).
    public init(_ answers: [LabelledAnswer], judge: AnswerJudge) throws {
        try self.init(answers) { try judge.judge($0.question, text: $0.text).judgement }
    }

    /// The same with any way of judging.
    public init(_ answers: [LabelledAnswer], judging: (LabelledAnswer) throws -> AnswerJudgement) throws {
        samples = []
        for answer in answers {
            let judged = (judgement: try judging(answer), star: StarAnalysis?.none)
            for (index, point) in answer.question.rubric.enumerated() where StarCheck(point) == nil {
                let truth = point.kind == .pitfall ? answer.commits.contains(index) : answer.covers.contains(index)
                samples.append(Sample(question: answer.question.id, answer: answer.name, style: answer.style, kind: point.kind,
                                      lead: point.lead, strength: judged.judgement.verdicts[index].strength, truth: truth))
            }
        }
    }

    /// The figures with fixed thresholds.
    public func figures(_ thresholds: AnswerJudge.Thresholds) -> Figures {
        var figures = Figures()
        for sample in samples { figures.add(sample, detected: sample.strength > 0 && sample.strength >= thresholds[sample.kind]) }
        return figures
    }

    /// The figures with each question judged by thresholds chosen on the other questions.
    public func crossValidated() -> Figures {
        var figures = Figures()
        for question in Set(samples.map(\.question)).sorted() {
            let thresholds = Self.choose(samples.filter { $0.question != question })
            for sample in samples where sample.question == question {
                figures.add(sample, detected: sample.strength > 0 && sample.strength >= thresholds[sample.kind])
            }
        }
        return figures
    }

    /// Thresholds chosen on all the samples.
    public func chosenThresholds() -> AnswerJudge.Thresholds { Self.choose(samples) }

    public static let kinds: [RubricPoint.Kind] = [.cover, .define, .example, .bonus, .pitfall]

    /// Per kind, the threshold with the best F1 on `samples`: halfway between the lowest strength
    /// kept and the highest one left out, so that it does not sit on a labelled example.
    static func choose(_ samples: [Sample]) -> AnswerJudge.Thresholds {
        var thresholds = AnswerJudge.Thresholds(cover: 1, define: 1, example: 1, bonus: 1, pitfall: 1)
        for kind in kinds {
            let ofKind = samples.filter { $0.kind == kind }
            let strengths = Array(Set(ofKind.map(\.strength))).sorted()
            var best = (f1: -1.0, threshold: 1.0)
            for (position, strength) in strengths.enumerated() where strength > 0 {
                var tp = 0, fp = 0, fn = 0
                for sample in ofKind {
                    let detected = sample.strength >= strength
                    if detected && sample.truth { tp += 1 } else if detected { fp += 1 } else if sample.truth { fn += 1 }
                }
                let f1 = Figures.ratio(2 * tp, 2 * tp + fp + fn)
                if f1 > best.f1 + 1e-12 {
                    let below = position > 0 ? strengths[position - 1] : 0
                    best = (f1, (strength + below) / 2)
                }
            }
            thresholds[kind] = best.threshold
        }
        return thresholds
    }
}

extension Evaluation {
    /// Recall on the points each style of answer truly makes, and points credited per style,
    /// with thresholds chosen on the other questions.
    public func byStyle() -> [(style: String, made: Int, found: Int, credited: Int)] {
        var rows: [String: (made: Int, found: Int, credited: Int)] = [:]
        for question in Set(samples.map(\.question)).sorted() {
            let thresholds = Self.choose(samples.filter { $0.question != question })
            for sample in samples where sample.question == question && sample.kind != .pitfall {
                let detected = sample.strength > 0 && sample.strength >= thresholds[sample.kind]
                var row = rows[sample.style] ?? (0, 0, 0)
                if sample.truth { row.made += 1 }
                if sample.truth && detected { row.found += 1 }
                if detected { row.credited += 1 }
                rows[sample.style] = row
            }
        }
        return rows.sorted { $0.key < $1.key }.map { ($0.key, $0.value.made, $0.value.found, $0.value.credited) }
    }
}
