import ArgumentParser
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Your data folder; your own guides go in its banks/ folder (default: $REHEARSE_HOME, else $XDG_DATA_HOME/rehearse, else ~/.local/share/rehearse).",
        valueName: "path"))
    var dataDirectory: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var dataDirectoryPath: String {
        DataDirectory.path(option: dataDirectory, environment: environment)
    }

    var catalog: BankCatalog {
        BankCatalog(environment: environment, dataDirectory: dataDirectoryPath, executablePath: BankCatalog.currentExecutable)
    }
}
