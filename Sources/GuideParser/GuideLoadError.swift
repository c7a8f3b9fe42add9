/// Why a file could not be read as a guide. Each reads as one line after the file's path.
public enum GuideLoadError: Error, Equatable, CustomStringConvertible {
    case notFound
    case isFolder
    case unreadable(String)
    case empty
    case tooLarge(bytes: Int)
    case binary
    case utf16
    case invalidUTF8(line: Int, column: Int)

    public var description: String {
        switch self {
        case .notFound:
            "no such file"
        case .isFolder:
            "is a folder, not a guide file (name a .md file inside it)"
        case .unreadable(let reason):
            "cannot be read: \(reason)"
        case .empty:
            "is empty: a guide needs front matter and questions (see docs/guide-format.md)"
        case .tooLarge(let bytes):
            "is \(Self.megabytes(bytes)), larger than the \(Self.megabytes(GuideLoader.maximumBytes)) a guide may be"
        case .binary:
            "is a binary file, not a Markdown guide"
        case .utf16:
            "is UTF-16 text; save it as UTF-8"
        case .invalidUTF8(let line, let column):
            "is not UTF-8 text (first bad byte at line \(line), column \(column)); save it as UTF-8"
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
