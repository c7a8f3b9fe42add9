import Foundation

/// Hands an answer to the user's editor (`$VISUAL`, `$EDITOR`, else `vi`) and takes it back.
enum ExternalEditor {
    struct Failure: Error {
        var text: String
    }

    static func edit(_ text: String) -> Result<String, Failure> {
        let environment = ProcessInfo.processInfo.environment
        let command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.trimmingWhitespace().isEmpty } ?? "vi"
        let folder = NSTemporaryDirectory()
        let path = folder + (folder.hasSuffix("/") ? "" : "/") + "rehearse-answer-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).md"
        // The answer is personal: the file is the user's alone, and removed afterwards.
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            return .failure(Failure(text: "Cannot write a file for the editor in \(folder)."))
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor setting may carry arguments ("code --wait"): the shell splits it.
        process.arguments = ["-c", command + " \"$1\"", "sh", path]
        do {
            try process.run()
        } catch {
            return .failure(Failure(text: "Cannot start the editor (\(command)): \(error)"))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(Failure(text: "The editor (\(command)) exited with status \(process.terminationStatus); the answer is unchanged."))
        }
        guard let data = FileManager.default.contents(atPath: path), let edited = String(data: data, encoding: .utf8) else {
            return .failure(Failure(text: "The edited answer could not be read as UTF-8; the answer is unchanged."))
        }
        // Editors add a final newline; the answer did not have one.
        return .success(edited.hasSuffix("\n") && !text.hasSuffix("\n") ? String(edited.dropLast()) : edited)
    }
}
