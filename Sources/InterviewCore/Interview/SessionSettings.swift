/// How a session is timed and paced.
public struct SessionSettings: Sendable, Equatable, Codable {
    // Each time is, in order: what the command line says, what the guide says, the default.

    /// Think time before each question's answer clock starts.
    public var thinkTime: Duration?
    /// Answer time for every question, overriding the kind and guide defaults when set.
    public var answerTime: Duration?
    public var followUpTime: Duration?
    /// At zero the answer is submitted as it stands; otherwise the clock runs into overtime.
    public var hardTime = false
    /// Follow-up questions asked after each main answer, at most.
    public var followUpsPerQuestion = 1

    public static let defaultThinkTime: Duration = .seconds(15)
    public static let defaultFollowUpTime: Duration = .seconds(90)

    public init() {}

    /// The default answer time for a kind of question.
    public static func defaultAnswerTime(for kind: CategoryKind) -> Duration {
        switch kind {
        case .technical: .seconds(240)
        case .behavioral, .situational, .general: .seconds(180)
        case .problemSolving: .seconds(300)
        }
    }
}

/// Timing a guide sets for itself in its front matter:
///
///     timing:
///       technical: "4:30"     # or 270 (seconds)
///       follow-up: 60
///       think: 20
public struct GuideTiming: Sendable, Equatable {
    public var answerTimes: [CategoryKind: Duration] = [:]
    public var followUpTime: Duration?
    public var thinkTime: Duration?

    public init() {}

    public init(metadata: [String: MetadataValue]) {
        guard case .object(let timing)? = metadata["timing"] else { return }
        for (key, value) in timing {
            guard let seconds = Self.seconds(value) else { continue }
            switch key.lowercased() {
            case "follow-up", "followup", "follow-ups", "follow_up": followUpTime = .seconds(seconds)
            case "think", "think-time", "thinking": thinkTime = .seconds(seconds)
            default:
                if let kind = CategoryKind(argument: key) { answerTimes[kind] = .seconds(seconds) }
            }
        }
    }

    /// `240`, `"240"` or `"4:00"` as seconds; nil for anything else or for zero.
    static func seconds(_ value: MetadataValue) -> Int64? {
        switch value {
        case .number(let number) where number >= 1 && number < 86_400:
            return Int64(number)
        case .string(let text):
            let parts = text.split(separator: ":")
            if parts.count == 1, let seconds = Int64(parts[0]), seconds > 0 { return seconds }
            if parts.count == 2, let minutes = Int64(parts[0]), let seconds = Int64(parts[1]), seconds < 60,
               minutes * 60 + seconds > 0 {
                return minutes * 60 + seconds
            }
            return nil
        default:
            return nil
        }
    }
}
