/// Judges which rubric points an answer's text makes (docs/guide-format.md, "Detection").
///
/// Every point is measured by how much of its explanation the answer recalls, in the best
/// window of two neighbouring sentences, each word weighted by how telling it is in the guide
/// (`TermWeights`):
/// - by words (the lexical detector): the weighted share of the explanation's stems found in
///   the window;
/// - by meaning (the embedding detector): a blend of that share with token-level recall, where
///   each word-piece of the explanation is matched to its most similar contextual word-piece
///   of the window (cosine of the model's vectors), weighted the same way.
/// A word counts as found through its kin too (`KindredWords`), and the rubric's own voice
/// ("a strong answer shows") weighs nothing (`RubricVoice`). An answer that denies the point's
/// own claim ("there is no need to warm up before timing") earns nothing for that point
/// (`NegationVeto`). A point is detected when its measure reaches the threshold of its kind,
/// calibrated on the project's labelled answers. STAR points are read from the STAR figures
/// instead (`StarEvidence` quotes them). Pitfalls of leaving something out are never proposed
/// from words, nor others from a window that makes a point of the question at least as well
/// (`PitfallKind`, `Measure.uncontested`).
public struct AnswerJudge: Sendable {
    /// The measure a point needs, by kind.
    public struct Thresholds: Sendable, Equatable, Codable {
        public var cover: Double
        public var define: Double
        public var example: Double
        public var bonus: Double
        public var pitfall: Double

        public init(cover: Double, define: Double, example: Double, bonus: Double, pitfall: Double) {
            self.cover = cover
            self.define = define
            self.example = example
            self.bonus = bonus
            self.pitfall = pitfall
        }

        public subscript(kind: RubricPoint.Kind) -> Double {
            get {
                switch kind {
                case .cover, .star: cover
                case .define: define
                case .example: example
                case .bonus: bonus
                case .pitfall: pitfall
                }
            }
            set {
                switch kind {
                case .cover, .star: cover = newValue
                case .define: define = newValue
                case .example: example = newValue
                case .bonus: bonus = newValue
                case .pitfall: pitfall = newValue
                }
            }
        }
    }

    /// Chosen on the labelled answers in Tests/Fixtures/judging (BENCHMARKS.md, "Judging").
    public static let lexicalThresholds = Thresholds(cover: 0.13, define: 0.15, example: 0.25, bonus: 0.24, pitfall: 0.12)
    public static let embeddingThresholds = Thresholds(cover: 0.23, define: 0.23, example: 0.33, bonus: 0.31, pitfall: 0.21)
    /// By meaning, with the answer read sentence by sentence (`SentenceTokenEmbedder`, one
    /// sentence of context), as the full-screen interface reads it while it is typed.
    public static let sentenceThresholds = Thresholds(cover: 0.21, define: 0.23, example: 0.32, bonus: 0.31, pitfall: 0.22)
    /// The share of the word measure in the embedding detector's blend.
    public static let wordShare = 0.6
    /// Sentences a point may draw on: a point is made in a sentence or two, not gathered from
    /// words scattered over the whole answer.
    public static let window = 2
    /// Answers are judged on their first words only, about fifteen minutes spoken: more than any
    /// answer needs, and a pasted book does not stall the review.
    public static let wordLimit = 2_000

    /// The text up to the end of its `wordLimit`-th run of non-space characters.
    public static func judgedPart(of text: String) -> String {
        var words = 0
        var inWord = false
        var utf8 = text.utf8.makeIterator()
        var offset = 0
        while let byte = utf8.next() {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !space, !inWord {
                words += 1
                if words > wordLimit { return String(decoding: text.utf8.prefix(offset), as: UTF8.self) }
            }
            inWord = !space
            offset += 1
        }
        return text
    }

    public let weights: TermWeights
    public let thresholds: Thresholds
    /// The share of the word measure when a model reads meaning too (`wordShare` unless
    /// measured otherwise).
    public let blend: Double
    private let answerEmbedder: (any TokenEmbedder)?
    private let pointEmbedder: (any TokenEmbedder)?

    /// A judge with the guide's word weights; with an embedder it reads meaning, without one
    /// it reads words. `pointEmbedder` (by default the same) embeds the points' explanations,
    /// which are the same for every answer: a caching one saves most of the work.
    public init(weights: TermWeights, embedder: (any TokenEmbedder)? = nil, pointEmbedder: (any TokenEmbedder)? = nil,
                thresholds: Thresholds? = nil, blend: Double = AnswerJudge.wordShare) {
        self.weights = weights
        self.blend = min(1, max(0, blend))
        answerEmbedder = embedder
        self.pointEmbedder = pointEmbedder ?? embedder
        self.thresholds = thresholds ?? (embedder == nil ? Self.lexicalThresholds : Self.embeddingThresholds)
    }

    public var detector: AnswerJudgement.Detector { answerEmbedder == nil ? .lexical : .embedding }

    /// The verdict on every point of `rubric` for `answer` (the main answer's text; for a STAR
    /// answer, `StarAnswerText.text(of:)`), with `star` the STAR figures when there are any.
    public func judge(_ rubric: [RubricPoint], answer: String, star: StarAnalysis?) throws -> AnswerJudgement {
        let prepared = try PreparedAnswer(Self.judgedPart(of: answer), embedder: answerEmbedder)
        var measures: [Measure?] = []
        for point in rubric {
            measures.append(StarCheck(point) == nil && !PitfallKind.isOmission(point) ? try measure(point, in: prepared) : nil)
        }
        var verdicts: [PointVerdict] = []
        for (index, point) in rubric.enumerated() {
            if let check = StarCheck(point) {
                let met = star.map(check.isMet) ?? false
                let evidence = met ? StarEvidence(prepared.sentences).sentence(for: check) : nil
                verdicts.append(PointVerdict(detected: met, strength: met ? 1 : 0, evidence: evidence.map { prepared.sentences[$0] }))
                continue
            }
            guard var measure = measures[index] else {
                // An omission ("Leaving out the outcome"): words that say what it asks for show
                // that the answer avoided it, so they never propose it.
                verdicts.append(PointVerdict(detected: false, strength: 0))
                continue
            }
            if point.kind == .pitfall {
                measure = measure.uncontested(by: rubric.indices.compactMap { other in
                    measures[other].flatMap { rubric[other].kind == .pitfall ? nil : ($0, thresholds[rubric[other].kind]) }
                })
            }
            let detected = measure.strength >= thresholds[point.kind] && measure.strength > 0
            // Kept to three places, as shown: every saved answer stores one per point.
            verdicts.append(PointVerdict(detected: detected, strength: (measure.strength * 1000).rounded() / 1000,
                                         evidence: detected ? measure.evidence.map { prepared.sentences[$0] } : nil))
        }
        return AnswerJudgement(detector: detector, verdicts: verdicts)
    }

    // MARK: Measuring one point

    /// The point's measure in each window of the answer (the window starting at each sentence).
    func measure(_ point: RubricPoint, in answer: PreparedAnswer) throws -> Measure {
        let count = answer.sentences.count
        guard count > 0 else { return Measure(windows: []) }
        let text = point.matchText
        let leadStems = Words.keyStems(point.lead)
        // An answer that denies the point has not made it.
        let agreed = NegationVeto.ownNegations(of: text)
        let claim = Words.keyStems(text)
        if answer.negatedClauses.contains(where: { $0.contains { $0.denies(lead: leadStems, claim: claim, agreed: agreed) } }) {
            return Measure(windows: Array(repeating: (0, nil), count: count))
        }

        let subject = RubricVoice.masked(text)
        // Words: each stem of the explanation, weighted, found in which sentences.
        let stems = Array(Words.keyStems(subject)).sorted()
        let stemWeights = stems.map(weights.weight(ofStem:))
        let stemTotal = stemWeights.reduce(0, +)
        let kin = stems.map { KindredWords.familyOfStem[$0] }
        // Words under a negation show nothing, unless the point negates them too; what an
        // answer dismisses may well be a pitfall ("percentiles are overkill, report the average").
        let found = (0..<count).map { sentence in
            let denied = point.kind == .pitfall ? [] : answer.deniedStems[sentence].subtracting(agreed)
            return stems.indices.map {
                answer.stems[sentence].contains(stems[$0]) && !denied.contains(stems[$0]) || kin[$0].map(answer.families[sentence].contains) == true
            }
        }

        // Meaning: each word-piece of the explanation, its best cosine in each sentence.
        var pieceWeights: [Double] = []
        var best: [[Float]] = []
        if let embedder = pointEmbedder, let vectors = answer.vectors {
            let pointVectors = try embedder.tokenVectors(for: text)
            let pieceWords = Self.pieceWords(pointVectors, of: subject)
            pieceWeights = pieceWords.map { $0.map(weights.weight(ofWord:)) ?? 0 }
            best = Self.bestSimilarities(pointVectors, pieceWeights, answer: vectors, answerWeights: answer.pieceIsKey,
                                         sentenceOf: answer.sentenceOfPiece, sentences: count)
            // A word the answer says in kindred words is as close as the same word would be.
            for (piece, word) in pieceWords.enumerated() {
                guard let word, let family = KindredWords.familyOfStem[Words.stem(word)] else { continue }
                for sentence in 0..<count where answer.families[sentence].contains(family) {
                    best[sentence][piece] = max(best[sentence][piece], KindredWords.similarity)
                }
            }
        }
        let pieceTotal = pieceWeights.reduce(0, +)

        func words(_ sentences: Range<Int>) -> Double {
            guard stemTotal > 0 else { return 0 }
            var words = 0.0
            for (index, weight) in stemWeights.enumerated() where sentences.contains(where: { found[$0][index] }) {
                words += weight
            }
            return words / stemTotal
        }
        func meaning(_ sentences: Range<Int>) -> Double {
            var meaning = 0.0
            for (index, weight) in pieceWeights.enumerated() where weight > 0 {
                let similarity = sentences.map { best[$0][index] }.max() ?? 0
                meaning += weight * Double(min(1, max(0, similarity)))
            }
            return meaning / pieceTotal
        }
        func score(_ sentences: Range<Int>) -> Double {
            pieceTotal > 0 ? blend * words(sentences) + (1 - blend) * meaning(sentences) : words(sentences)
        }

        return Measure(windows: (0..<count).map { start in
            let window = start..<min(count, start + Self.window)
            // The evidence is the window's sentence closest in meaning when a model reads meaning
            // (shared words alone can point at the wrong one), else the one with most of its words.
            let evidence = window.max {
                pieceTotal > 0 ? meaning($0..<$0 + 1) < meaning($1..<$1 + 1) : words($0..<$0 + 1) < words($1..<$1 + 1)
            }
            return (score(window), evidence)
        })
    }

    /// Each piece weighs what the word it belongs to weighs; punctuation and stop words nothing.
    static func pieceWeights(_ vectors: TokenVectors, of text: String, weights: TermWeights) -> [Double] {
        pieceWeights(vectors, of: text, weights.weight(ofWord:))
    }

    /// `weight` of the word each piece belongs to; 0 for pieces outside any word.
    static func pieceWeights(_ vectors: TokenVectors, of text: String, _ weight: (String) -> Double) -> [Double] {
        pieceWords(vectors, of: text).map { $0.map(weight) ?? 0 }
    }

    /// The word (as `Words.split` gives it) each piece belongs to; nil for pieces outside any word.
    static func pieceWords(_ vectors: TokenVectors, of text: String) -> [String?] {
        let spans = Words.spans(text)
        var spanIndex = 0
        return vectors.ranges.map { range in
            while spanIndex < spans.count, spans[spanIndex].range.upperBound <= range.lowerBound { spanIndex += 1 }
            guard spanIndex < spans.count, spans[spanIndex].range.contains(range.lowerBound) else { return nil }
            return spans[spanIndex].word
        }
    }

    /// `[sentence][piece]`: the best cosine between each weighted piece of the point and the
    /// pieces of each sentence (-1 where the sentence has none).
    static func bestSimilarities(_ point: TokenVectors, _ pieceWeights: [Double], answer: TokenVectors,
                                 answerWeights: [Double] = [], sentenceOf: [Int?], sentences: Int) -> [[Float]] {
        var best = Array(repeating: Array(repeating: Float(-1), count: point.count), count: sentences)
        let dimension = point.dimension
        guard dimension == answer.dimension else { return best }
        // Pieces of stop words and punctuation are never the best match of a telling piece.
        let candidates = (0..<answer.count).filter { sentenceOf[$0] != nil && (answerWeights.isEmpty || answerWeights[$0] > 0) }
        point.values.withUnsafeBufferPointer { pointValues in
            answer.values.withUnsafeBufferPointer { answerValues in
                guard let pointBase = pointValues.baseAddress, let answerBase = answerValues.baseAddress else { return }
                for piece in 0..<point.count where pieceWeights[piece] > 0 {
                    let row = pointBase + piece * dimension
                    for other in candidates {
                        let sentence = sentenceOf[other]!
                        let similarity = Self.dot(row, answerBase + other * dimension, dimension)
                        if similarity > best[sentence][piece] { best[sentence][piece] = similarity }
                    }
                }
            }
        }
        return best
    }

    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ count: Int) -> Float {
        var sum = SIMD8<Float>.zero
        var index = 0
        let rawX = UnsafeRawPointer(x)
        let rawY = UnsafeRawPointer(y)
        while index + 8 <= count {
            sum += rawX.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
                * rawY.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
            index += 8
        }
        var total = sum.sum()
        while index < count {
            total += x[index] * y[index]
            index += 1
        }
        return total
    }
}

/// An answer read once for judging all of a question's points: its sentences, their words and
/// stems, whether each negates something, and (with a model) its word-piece vectors.
struct PreparedAnswer {
    let sentences: AnswerSentences
    let stems: [Set<String>]
    /// The families of kindred words each sentence speaks of (`KindredWords`).
    let families: [Set<Int>]
    /// The clauses of each sentence that negate or dismiss something.
    let negatedClauses: [[NegationVeto.NegatedClause]]
    /// The stems each sentence says nothing for (`NegatedClause.deniedStems`).
    let deniedStems: [Set<String>]
    let vectors: TokenVectors?
    /// The sentence each of `vectors`' pieces falls in.
    let sentenceOfPiece: [Int?]
    /// 1 for the pieces of words that can make a point, 0 for stop words and punctuation.
    let pieceIsKey: [Double]

    init(_ text: String, embedder: (any TokenEmbedder)?) throws {
        let sentences = AnswerSentences(text)
        self.sentences = sentences
        let words = (0..<sentences.count).map { Words.split(sentences[$0]) }
        stems = words.map { Set($0.filter(Words.isKey).map(Words.stem)) }
        families = stems.map(KindredWords.families(of:))
        negatedClauses = (0..<sentences.count).map { NegationVeto.clauses(of: sentences[$0]).compactMap(NegationVeto.NegatedClause.init) }
        deniedStems = negatedClauses.map { $0.reduce(into: Set<String>()) { $0.formUnion($1.deniedStems) } }
        if let embedder, sentences.count > 0 {
            let vectors = try embedder.tokenVectors(for: text)
            self.vectors = vectors
            sentenceOfPiece = vectors.ranges.map { sentences.index(containing: $0.lowerBound) }
            pieceIsKey = AnswerJudge.pieceWeights(vectors, of: text) { Words.isKey($0) ? 1 : 0 }
        } else {
            vectors = nil
            sentenceOfPiece = []
            pieceIsKey = []
        }
    }
}

/// A point's measure in each window of an answer (the window starting at each sentence).
struct Measure {
    /// The score of each window and its sentence that holds most of it.
    var windows: [(score: Double, evidence: Int?)]

    /// The best window's score: the point's measure.
    var strength: Double { best.map { windows[$0].score } ?? 0 }

    /// The best window's sentence that shows the point.
    var evidence: Int? { best.flatMap { windows[$0].evidence } }

    /// The first window with the best score above 0.
    private var best: Int? {
        var best: Int?
        for (index, window) in windows.enumerated() where window.score > (best.map { windows[$0].score } ?? 0) {
            best = index
        }
        return best
    }

    /// A pitfall's measure without the windows that make one of `points` (each with the
    /// threshold it needs) and fit it at least as well: a pitfall shares words with the practice
    /// it gets wrong ("measure accuracy on the device" against "quoting the training framework's
    /// accuracy"), and a window that makes the practice is read as making it.
    func uncontested(by points: [(measure: Measure, threshold: Double)]) -> Measure {
        Measure(windows: windows.indices.map { start in
            let contested = points.contains { point in
                guard start < point.measure.windows.count else { return false }
                let score = point.measure.windows[start].score
                return score > 0 && score >= point.threshold && score >= windows[start].score
            }
            return contested ? (0, nil) : windows[start]
        })
    }
}
