import Foundation

/// The user's data folder: `--data-dir`, else `$REHEARSE_HOME`, else `$XDG_DATA_HOME/rehearse`,
/// else `~/.local/share/rehearse`.
public enum DataDirectory {
    public static func path(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return absolute(option) }
        if let home = environment["REHEARSE_HOME"], !home.isEmpty { return absolute(home) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/rehearse" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/rehearse"
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL.path
    }
}
