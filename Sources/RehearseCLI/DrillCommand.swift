import ArgumentParser

/// `rehearse drill`: a practice session of what is due, then what is weak, then what is new.
struct DrillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Practise what is due (most overdue first), then what is weak, then what is new.",
        usage: "rehearse drill [<practice options>]",
        discussion: """
            Every reviewed answer schedules its question with FSRS: a weak answer comes back \
            soon, a strong one later. A drill asks the questions due today first, then those \
            last graded Again or Hard, then questions never attempted, up to --questions (5). \
            It draws on every guide Rehearse can find unless --bank names some, and takes the \
            options of `rehearse practice`: --new drills only questions never attempted, --weak \
            only those last graded Again or Hard, --topic only questions on that topic, and \
            --question asks the questions named, as practice does.
            """
    )

    @OptionGroup var practice: PracticeCommand

    func validate() throws {
        var practice = practice
        practice.drill = true
        try practice.validate()
    }

    func run() throws {
        var practice = practice
        practice.drill = true
        try practice.run()
    }
}
