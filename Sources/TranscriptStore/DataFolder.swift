import Foundation

/// The user's data folder: created private (0700), and proven writable before anything is
/// asked of the user, so that no answer is typed into a session that cannot be saved. A folder
/// that already exists keeps its mode: it may be a folder the user shares on purpose, or one
/// they made read-only (which is then refused).
enum DataFolder {
    static func prepare(_ path: String) throws(StoreError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .folderNotWritable(path: path, reason: "a file is in the way") }
        } else {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                throw .folderNotWritable(path: path, reason: "it is a link to \(target), which does not exist")
            }
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw .folderNotWritable(path: path, reason: Self.reason(error))
            }
        }
        let probe = path + "/.rehearse-write-test-\(getpid())"
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            throw .folderNotWritable(path: path, reason: String(cString: strerror(errno)).lowercased())
        }
        try? FileManager.default.removeItem(atPath: probe)
    }

    private static func reason(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError {
            return String(cString: strerror(posix.code.rawValue)).lowercased()
        }
        return "\(error)"
    }
}
