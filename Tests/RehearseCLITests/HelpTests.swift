import Testing

/// What `--help` tells a new user.
@Suite struct HelpTests {
    /// Proves the help says what runs without a command (practice) and which guide practice
    /// draws on without --bank, and when it draws on every guide instead.
    @Test func helpNamesTheDefaultCommandAndGuide() throws {
        let help = try RehearseBinary.run(["--help"])
        #expect(help.stdout.contains("USAGE: rehearse [practice] [<practice options>]\n       rehearse <subcommand> [<options>]"))
        let practice = try RehearseBinary.run(["practice", "--help"])
        let flat = practice.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("(repeatable; default edge-ai-engineer, or every guide found for --question, --topic, --new, --weak and drill)"))
    }
}
