import InterviewCore

/// Where the store finds again the questions it keeps by reference: in the app, the guides that
/// ship with Rehearse, which change only when Rehearse does.
public protocol QuestionSource: Sendable {
    /// The question with this id in the guide named `bank`, as that guide reads now; nil when
    /// the guide or the question is gone.
    func question(bank: String, id: String) -> Question?
}
