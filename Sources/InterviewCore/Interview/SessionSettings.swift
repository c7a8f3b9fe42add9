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
            let name = key.lowercased()
            let isThink = ["think", "think-time", "thinking"].contains(name)
            guard let seconds = Self.seconds(value, allowingZero: isThink) else { continue }
            switch name {
            case "follow-up", "followup", "follow-ups", "follow_up": followUpTime = .seconds(seconds)
            case _ where isThink: thinkTime = .seconds(seconds)
            default:
                if let kind = CategoryKind(argument: key) { answerTimes[kind] = .seconds(seconds) }
            }
        }
    }

    /// What is wrong with a guide's `timing:`, one message per problem (empty when all is well).
    public static func problems(in metadata: [String: MetadataValue]) -> [String] {
        keyedProblems(in: metadata).map(\.message)
    }

    /// The same problems, each with the `timing` key it is about (nil: `timing` itself), so
    /// that lint can point at that key's line.
    public static func keyedProblems(in metadata: [String: MetadataValue]) -> [(key: String?, message: String)] {
        guard let value = metadata["timing"] else { return [] }
        guard case .object(let timing) = value else {
            return [(nil, "`timing` must be keys and times (technical: \"4:00\", follow-up: 90, think: 20)")]
        }
        var problems: [(key: String?, message: String)] = []
        for key in timing.keys.sorted() {
            let name = key.lowercased()
            let isThink = ["think", "think-time", "thinking"].contains(name)
            let known = isThink || ["follow-up", "followup", "follow-ups", "follow_up"].contains(name) || CategoryKind(argument: key) != nil
            if !known {
                problems.append((key, "`timing` has an unknown key \"\(key)\": use technical, behavioral, situational, problem-solving, general, follow-up or think"))
            } else if seconds(timing[key]!, allowingZero: isThink) == nil {
                problems.append((key, "`timing.\(key)` must be seconds or m:ss, \(isThink ? "from 0" : "from 1 second") to under a day"))
            }
        }
        return problems
    }

    /// `240`, `"240"` or `"4:00"` as seconds, under a day; nil for anything else, and for zero
    /// unless `allowingZero` (think time may be none, an answer cannot).
    static func seconds(_ value: MetadataValue, allowingZero: Bool = false) -> Int64? {
        let seconds: Int64?
        switch value {
        case .number(let number) where number >= 0 && number < 86_400:
            seconds = Int64(number)
        case .string(let text):
            let parts = text.split(separator: ":")
            if parts.count == 1, let whole = Int64(parts[0]) {
                seconds = whole
            } else if parts.count == 2, let minutes = Int64(parts[0]), let rest = Int64(parts[1]), rest < 60, minutes < 1440 {
                seconds = minutes * 60 + rest
            } else {
                seconds = nil
            }
        default:
            seconds = nil
        }
        guard let seconds, seconds < 86_400, seconds > 0 || (allowingZero && seconds == 0) else { return nil }
        return seconds
    }
}
