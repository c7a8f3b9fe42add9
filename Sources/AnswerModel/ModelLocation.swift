import Foundation

/// Where the embedding model's folder is: `$REHEARSE_MODEL`, else `share/rehearse/model` under
/// an installed prefix, else `.build/answer-model` of the source checkout the binary was built
/// in (where `make` unpacks it), both found by walking up from the binary's folder.
public struct ModelLocation: Sendable, Equatable {
    public enum Source: String, Sendable {
        case environment
        case installed
        case checkout
    }

    /// The folder, when one holding the model's files was found.
    public var folder: String?
    public var source: Source?
    /// What was found or, when nothing was, where it was looked for and what to do.
    public var reason: String

    /// The files a model folder must hold.
    public static let requiredFiles = ["model.safetensors", "tokenizer.json", "config.json"]

    /// The folders to look in, in order; nothing on disk is read.
    public static func candidates(environment: [String: String], executablePath: String?) -> [(path: String, source: Source)] {
        if let configured = environment["REHEARSE_MODEL"], !configured.isEmpty {
            return [((configured as NSString).expandingTildeInPath, .environment)]
        }
        guard let executablePath else { return [] }
        var found: [(String, Source)] = []
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            found.append((folder.appendingPathComponent("share/rehearse/model").path, .installed))
            found.append((folder.appendingPathComponent(".build/answer-model").path, .checkout))
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return found
    }

    /// The first candidate that holds every required file. `isFile` is the file system's by
    /// default; tests pass their own.
    public static func find(
        environment: [String: String], executablePath: String?,
        isFile: (String) -> Bool = ModelLocation.fileExists
    ) -> ModelLocation {
        let candidates = candidates(environment: environment, executablePath: executablePath)
        for (path, source) in candidates {
            let missing = requiredFiles.filter { !isFile(path + "/" + $0) }
            if missing.isEmpty {
                return ModelLocation(folder: path, source: source, reason: "the embedding model in \(path)")
            }
            if source == .environment {
                return ModelLocation(
                    folder: nil, source: nil,
                    reason: "REHEARSE_MODEL is \(path), which lacks \(missing.joined(separator: ", "))")
            }
        }
        let looked = candidates.isEmpty ? "" : " (looked in \(candidates.map(\.path).joined(separator: ", ")))"
        return ModelLocation(
            folder: nil, source: nil,
            reason: "no embedding model found\(looked): run `make` in the source folder, "
                + "`make install`, or set REHEARSE_MODEL to a folder holding \(requiredFiles.joined(separator: ", "))")
    }

    public static func fileExists(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
    }
}
