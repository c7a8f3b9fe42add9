import Foundation

/// A note, beside the store, of the file as Rehearse last left it after checking or writing
/// it: device, inode, size and modification time. A store that still matches its note has
/// not changed since it was known to be whole, so opening it skips `quick_check`, which reads
/// every page (about half a second at 10,000 sessions). Any other change to the file, a
/// damaged page written by another program included, makes the next open check it again.
enum IntegrityStamp {
    static let fileName = ".rehearse-verified"

    static func matches(folder: String, path: String) -> Bool {
        guard let note = try? String(contentsOfFile: folder + "/" + fileName, encoding: .utf8), let current = describe(path) else {
            return false
        }
        return note == current
    }

    /// Notes the file as it is now (after Rehearse closed it).
    static func record(folder: String, path: String) {
        // A store with a journal still beside it has changes not in the file yet.
        guard !FileManager.default.fileExists(atPath: path + "-wal"), let current = describe(path) else {
            forget(folder: folder)
            return
        }
        let note = folder + "/" + fileName
        _ = FileManager.default.createFile(atPath: note + ".part", contents: Data(current.utf8), attributes: [.posixPermissions: 0o600])
        if rename(note + ".part", note) != 0 { unlink(note + ".part") }
    }

    static func forget(folder: String) {
        unlink(folder + "/" + fileName)
    }

    private static func describe(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n"
    }
}
