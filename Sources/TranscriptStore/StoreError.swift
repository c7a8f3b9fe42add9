/// Why the transcript store cannot be used. Each reads as one line.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case folderNotWritable(path: String, reason: String)
    case notADatabase(path: String)
    case newerSchema(path: String, migrations: [String])
    case unreadable(path: String, reason: String)
    case noSessions
    case noSuchSession(String)
    case ambiguousSession(String, matches: [String])

    public var description: String {
        switch self {
        case .folderNotWritable(let path, let reason):
            "cannot write to the data folder \(path) (\(reason)); choose another with --data-dir"
        case .notADatabase(let path):
            "\(path) is not a Rehearse database (damaged, or another kind of file); it was left untouched: move it aside, or use --data-dir"
        case .newerSchema(let path, let migrations):
            "\(path) was written by a newer Rehearse (\(migrations.joined(separator: ", "))); update Rehearse, or use --data-dir for this version"
        case .unreadable(let path, let reason):
            "cannot open \(path): \(reason)"
        case .noSessions:
            "no sessions yet: `rehearse practice` starts one"
        case .noSuchSession(let id):
            "no session \"\(id)\" (`rehearse history` lists them)"
        case .ambiguousSession(let prefix, let matches):
            "\"\(prefix)\" matches several sessions (\(matches.prefix(4).joined(separator: ", "))); give more of the id"
        }
    }
}
