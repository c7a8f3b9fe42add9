import RehearseCLI

@main
enum Rehearse {
    static func main() {
        RehearseCommand.runMain()
    }
}
