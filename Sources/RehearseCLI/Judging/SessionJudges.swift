import InterviewCore

/// The judges of a session's guides, made when a first answer from each is reviewed: the guide
/// is read again from where the catalog finds it (for its word weights and the cache of its
/// point vectors), or, when it has gone, the session's own questions stand for it.
final class SessionJudges {
    private let choice: DetectorChoice?
    private let dataDirectory: String
    private let catalog: BankCatalog
    private let sentenceBySentence: Bool
    private let announce: (String) -> Void
    private var judges: [String: JudgeSetup] = [:]

    /// `sentenceBySentence` and `announce` as `JudgeSetup` takes them.
    init(choice: DetectorChoice?, dataDirectory: String, catalog: BankCatalog, sentenceBySentence: Bool = false,
         announce: @escaping (String) -> Void = JudgeSetup.announceFallback) {
        self.choice = choice
        self.dataDirectory = dataDirectory
        self.catalog = catalog
        self.sentenceBySentence = sentenceBySentence
        self.announce = announce
    }

    /// Readies the judge of a session's question, with the vectors of its points.
    func warmUp(_ planned: PlannedQuestion, plan: SessionPlan) {
        setup(for: planned.bank, plan: plan)?.embedPoints(of: [planned.question])
    }

    /// Embeds the finished sentences of an answer to `planned` still being typed.
    func prepare(_ text: String, for planned: PlannedQuestion, plan: SessionPlan) {
        setup(for: planned.bank, plan: plan)?.prepare(text)
    }

    /// The recorded judgement of a submitted answer; nil when it cannot be judged (no model
    /// while `--detector embedding` was asked for, said once).
    func judge(_ planned: PlannedQuestion, _ record: QuestionRecord, plan: SessionPlan) -> AnswerJudgement? {
        guard let setup = setup(for: planned.bank, plan: plan) else { return nil }
        defer { setup.saveCache() }
        return try? setup.judge.judge(planned.question, record)
    }

    private var refused = false

    private func setup(for bank: String, plan: SessionPlan) -> JudgeSetup? {
        if let known = judges[bank] { return known }
        guard !refused else { return nil }
        let guide: Guide
        let path: String
        if case .success(let loaded) = LoadedGuide.loading(bank, catalog: catalog),
           loaded.guide.questions.contains(where: { question in plan.questions.contains { $0.question.id == question.id } }) {
            guide = loaded.guide
            path = loaded.location.path
        } else {
            let questions = plan.questions.filter { $0.bank == bank }.map(\.question)
            guide = Guide(title: bank, categories: [Category(name: bank, kind: .general, questions: questions)])
            path = "session-bank:" + bank
        }
        do {
            let setup = try JudgeSetup(guide: guide, guidePath: path, choice: choice, dataDirectory: dataDirectory,
                                       sentenceBySentence: sentenceBySentence, announce: announce)
            judges[bank] = setup
            return setup
        } catch {
            guard case .modelUnavailable(let reason) = error else { return nil }
            Console.error("answers are not judged: --detector embedding needs the answer model (\(reason))")
            refused = true
            return nil
        }
    }
}
