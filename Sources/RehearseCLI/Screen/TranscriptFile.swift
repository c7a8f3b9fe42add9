import Foundation
import InterviewCore
import TerminalUI

/// Where the transcript screen's export goes and how it is written: the path as the user
/// typed it, made whole, and a private file that is only replaced when they said so.
enum TranscriptFile {
    /// The full path for `typed`: `~` is the home folder, a relative path is taken from the
    /// working folder (and shown in full afterwards), an existing folder gets the file's usual
    /// name (`rehearse-ID.md`), and nothing at all means the home folder.
    static func resolve(_ typed: String, id: String, json: Bool, home: String, workingFolder: String) -> String {
        let name = "rehearse-\(id).\(json ? "json" : "md")"
        var path = typed.trimmingCharacters(in: .whitespaces)
        if path.isEmpty { path = "~" }
        if path == "~" {
            path = home
        } else if path.hasPrefix("~/") {
            path = home + path.dropFirst(1)
        } else if !path.hasPrefix("/") {
            path = workingFolder + "/" + path
        }
        path = URL(fileURLWithPath: path).standardizedFileURL.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            path += (path.hasSuffix("/") ? "" : "/") + name
        }
        return path
    }

    /// Writes `data` to `path`, private to the user (answers are personal). An existing file is
    /// left alone unless `replacing`; a missing folder or a refusal is said in words.
    static func write(_ data: Data, to path: String, replacing: Bool) -> ExportOutcome {
        let shown = TerminalText.neutralized(path)
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            return .failed("There is no folder \(TerminalText.neutralized(folder)): create it first, or choose another place.")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { return .failed("\(shown) is a folder.") }
            if !replacing { return .exists(shown) }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return .failed("Cannot write \(shown): \(reason(errno)).") }
        defer { close(descriptor) }
        // A file that existed keeps its owner but becomes private too.
        fchmod(descriptor, 0o600)
        let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count else { return .failed("Cannot write \(shown): \(reason(errno)).") }
        return .written(shown)
    }

    private static func reason(_ number: Int32) -> String {
        String(cString: strerror(number)).lowercased()
    }
}
