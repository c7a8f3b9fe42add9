import Foundation
import GuideParser

/// A guide file Rehearse can offer, and where it was found.
public struct BankLocation: Equatable, Sendable {
    public enum Source: String, Codable, Sendable {
        /// Named in `REHEARSE_BANKS`.
        case environment
        /// In the user's data folder, under `banks/`.
        case user
        /// In the `QuestionBanks/` that ships with Rehearse.
        case shipped
    }

    public var name: String
    public var path: String
    public var source: Source
}

/// Finds guides: `REHEARSE_BANKS` (a `:`-separated list of files and folders), then the data
/// folder's `banks/`, then the shipped `QuestionBanks/`. An earlier guide with a name hides a
/// later one of the same name.
public struct BankCatalog: Sendable {
    public var searchPath: [(path: String, source: BankLocation.Source)]

    public init(environment: [String: String], dataDirectory: String, executablePath: String?) {
        var searchPath: [(String, BankLocation.Source)] = []
        for entry in (environment["REHEARSE_BANKS"] ?? "").split(separator: ":") where !entry.isEmpty {
            searchPath.append(((String(entry) as NSString).expandingTildeInPath, .environment))
        }
        searchPath.append((dataDirectory + "/banks", .user))
        if let shipped = Self.shippedBanks(executablePath: executablePath) {
            searchPath.append((shipped, .shipped))
        }
        self.searchPath = searchPath
    }

    /// Every guide on the search path, in search order, folders listed by file name.
    public func all() -> [BankLocation] {
        var found: [BankLocation] = []
        let files = FileManager.default
        for (path, source) in searchPath {
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue {
                found.append(BankLocation(name: GuideLoader.bankName(forPath: path), path: path, source: source))
                continue
            }
            let names = ((try? files.contentsOfDirectory(atPath: path)) ?? [])
                .filter { $0.lowercased().hasSuffix(".md") && !$0.hasPrefix(".") && $0.lowercased() != "readme.md" }
                .sorted()
            found += names.map {
                BankLocation(name: GuideLoader.bankName(forPath: $0), path: path + "/" + $0, source: source)
            }
        }
        return found
    }

    /// A guide by file stem (`edge-ai-engineer`), or by path to a file. A bare name that is not
    /// a file here (a folder of that name, or `edge-ai-engineer.md` run from elsewhere) is
    /// looked up as a bank name.
    public func resolve(_ argument: String) -> BankLocation? {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder)
        let asPath = BankLocation(name: GuideLoader.bankName(forPath: argument), path: argument, source: .environment)
        if argument.contains("/") || (exists && !isFolder.boolValue) { return asPath }
        let name = argument.lowercased().hasSuffix(".md") ? String(argument.dropLast(3)) : argument
        if let bank = all().first(where: { $0.name == name }) { return bank }
        // Nothing by that name: a path after all, so that the error names the file.
        return argument.lowercased().hasSuffix(".md") || exists ? asPath : nil
    }

    /// The shipped `QuestionBanks/`, wherever the binary runs from: beside a source checkout
    /// (`.build/debug/rehearse`, `swift run`) or under an installed prefix
    /// (`PREFIX/bin/rehearse` with `PREFIX/share/rehearse/QuestionBanks`).
    static func shippedBanks(executablePath: String?) -> String? {
        guard let executablePath else { return nil }
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in ["QuestionBanks", "share/rehearse/QuestionBanks"] {
                let path = folder.appendingPathComponent(candidate).path
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                    return path
                }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return nil
    }

    /// The running binary, through `/proc/self/exe` so that symlinks lead to the real build.
    public static var currentExecutable: String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath ?? CommandLine.arguments.first
    }
}
