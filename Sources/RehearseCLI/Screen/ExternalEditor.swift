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
        // The answer is personal: the file is the user's alone, and removed afterwards. A text
        // file ends with a line break, as editors expect (vi would say "noeol").
        let contents = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: 0o600]) else {
            return .failure(Failure(text: "Cannot write a file for the editor in \(folder)."))
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        // posix_spawn rather than Process: Process starts its child in a session of its own,
        // without the terminal, and an editor there cannot read a key.
        // The editor setting may carry arguments ("code --wait"): the shell splits it.
        let arguments = ["/bin/sh", "-c", command + " \"$1\"", "sh", path]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, "/bin/sh", nil, nil, &argv, environ)
        guard spawned == 0 else {
            return .failure(Failure(text: "Cannot start the editor (\(command)): \(String(cString: strerror(spawned)))"))
        }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1, errno == EINTR {}
        // WIFEXITED and WEXITSTATUS, which are macros.
        let exited = status & 0x7F == 0
        let exitStatus = (status >> 8) & 0xFF
        guard exited, exitStatus == 0 else {
            return .failure(Failure(text: "The editor (\(command)) " + (exited ? "exited with status \(exitStatus)" : "was stopped by a signal")
                + "; the answer is unchanged."))
        }
        guard let data = FileManager.default.contents(atPath: path), let edited = String(data: data, encoding: .utf8) else {
            return .failure(Failure(text: "The edited answer could not be read as UTF-8; the answer is unchanged."))
        }
        // The final line break was the file's, not the answer's.
        return .success(edited.hasSuffix("\n") && !text.hasSuffix("\n") ? String(edited.dropLast()) : edited)
    }
}
