/// Every screen as a function of the app's state and the terminal's size.
public enum AppView {
    public static func render(_ state: AppState) -> CellBuffer {
        var buffer = CellBuffer(size: state.size)
        if state.isTooSmall {
            let timed = state.screen == .interview && state.session?.interview.phase.isTimed == true
            Overlays.tooSmall(state.size, timed: timed, askingToQuit: state.overlay == .confirmQuit, in: &buffer)
            return buffer
        }
        switch state.screen {
        case .home:
            HomeScreen.draw(state, in: &buffer)
        case .history:
            HistoryScreen.draw(state, in: &buffer)
        case .transcript:
            if let transcript = state.transcript { TranscriptScreen.draw(state, transcript, in: &buffer) }
        case .progress:
            if let progress = state.progress { ProgressScreen.draw(state, progress, in: &buffer) }
        case .interview:
            guard let session = state.session else { break }
            switch session.interview.phase {
            case .briefing: BriefingScreen.draw(state, session, in: &buffer)
            case .reading, .answering, .followUp: QuestionScreen.draw(state, session, in: &buffer)
            case .selfReview: SelfReviewScreen.draw(state, session, in: &buffer)
            case .summary, .abandoned: SummaryScreen.draw(state, session, in: &buffer)
            }
        }
        switch state.overlay {
        case .help(let context, let scroll):
            buffer.cursor = nil
            Overlays.help(context, state, scroll: scroll, in: &buffer)
        case .confirmQuit:
            buffer.cursor = nil
            Overlays.confirmQuit(state, in: &buffer)
        case .prompt(let prompt):
            Overlays.prompt(prompt, in: &buffer)
        case .confirmDelete(let listing):
            buffer.cursor = nil
            Overlays.confirmDelete(listing, in: &buffer)
        case .confirmNoTicks:
            buffer.cursor = nil
            Overlays.confirmNoTicks(state, in: &buffer)
        case nil:
            break
        }
        return buffer
    }
}
