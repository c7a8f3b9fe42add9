import Foundation
import GRDB

/// Why the transcript store cannot be used. Each reads as one line that names the file and
/// says what to do; none shows SQL or a library's error type.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case folderNotWritable(path: String, reason: String)
    case notADatabase(path: String)
    case newerSchema(path: String, migrations: [String])
    /// The file is a Rehearse store whose pages are damaged.
    case damaged(path: String, detail: String)
    /// One session cannot be read back; the others can.
    case damagedSession(String, path: String, reason: String)
    /// Something else (a folder, say) is where the store should be.
    case notAFile(path: String)
    case diskFull(path: String)
    /// Another program holds the store for longer than Rehearse waits.
    case busy(path: String)
    /// A store opened for reading was asked to write.
    case readOnly(path: String)
    case unreadable(path: String, reason: String)
    case noSessions
    case noSuchSession(String)
    case ambiguousSession(String, matches: [String])

    public var description: String {
        switch self {
        case .folderNotWritable(let path, let reason):
            "cannot write to the data folder \(path) (\(reason)); choose another with --data-dir"
        case .notADatabase(let path):
            "\(path) is not a Rehearse store (another program's file, or not a database); it was left untouched: move it aside, or use --data-dir"
        case .newerSchema(let path, let migrations):
            "\(path) was written by a newer Rehearse (\(migrations.joined(separator: ", "))); update Rehearse, or use --data-dir for this version"
        case .damaged(let path, let detail):
            "\(path) is damaged (\(detail)); it was left untouched: move it aside (mv \(path) \(path).damaged) and Rehearse starts a new store"
        case .damagedSession(let id, let path, let reason):
            "session \(id) in \(path) cannot be read: \(reason)"
        case .notAFile(let path):
            "\(path) is not a file (a folder is in its place); move it aside, or use --data-dir"
        case .diskFull(let path):
            "the disk holding \(path) is full"
        case .busy(let path):
            "\(path) is busy: another program is writing to it; try again in a moment"
        case .readOnly(let path):
            "\(path) was opened for reading only"
        case .unreadable(let path, let reason):
            "cannot use \(path): \(reason)"
        case .noSessions:
            "no sessions yet: `rehearse practice` starts one"
        case .noSuchSession(let id):
            "no session \"\(id)\" (`rehearse history` lists them)"
        case .ambiguousSession(let prefix, let matches):
            "\"\(prefix)\" matches several sessions (\(matches.prefix(4).joined(separator: ", "))); give more of the id"
        }
    }

    /// Whether the store itself cannot be used (rather than a session not found).
    public var isStoreFault: Bool {
        switch self {
        case .noSessions, .noSuchSession, .ambiguousSession: false
        default: true
        }
    }

    /// Any error from opening, reading or writing the store at `path`, as one of these.
    public static func wrapping(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            // The primary code: extended codes (SQLITE_IOERR_WRITE…) share it in the low byte.
            switch error.resultCode.primaryResultCode {
            case .SQLITE_NOTADB: return .notADatabase(path: path)
            case .SQLITE_CORRUPT: return .damaged(path: path, detail: "SQLite reports damaged pages")
            case .SQLITE_FULL: return .diskFull(path: path)
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
            case .SQLITE_READONLY: return .folderNotWritable(path: path, reason: "the file or its folder is read-only")
            case .SQLITE_CANTOPEN:
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return .notAFile(path: path) }
                return .unreadable(path: path, reason: "it cannot be opened (a missing or unwritable folder?)")
            case .SQLITE_IOERR:
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return .notAFile(path: path) }
                return .unreadable(path: path, reason: "the disk reported an input/output error")
            default:
                return .unreadable(path: path, reason: error.message ?? "SQLite error \(error.resultCode.rawValue)")
            }
        }
        if error is DecodingError { return .unreadable(path: path, reason: "a saved value cannot be read back") }
        return .unreadable(path: path, reason: "\(error)")
    }
}
