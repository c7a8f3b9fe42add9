import CCmarkArena
import Foundation
import Glibc
import InterviewCore

/// Reads guide files and turns guide text into a `Guide`.
public enum GuideLoader {
    /// Larger files are refused before reading: a real guide is tens of kilobytes.
    public static let maximumBytes = 16 * 1_048_576

    /// Reads and parses the guide at `path`. The bank name is the file name without extension.
    public static func load(contentsOf path: String) throws(GuideLoadError) -> Guide {
        try parse(read(path), bank: bankName(forPath: path))
    }

    /// The file's bytes, refused with a reason when they cannot be a guide.
    public static func read(_ path: String) throws(GuideLoadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw errno == ENOENT || errno == ENOTDIR ? .notFound : .unreadable(String(cString: strerror(errno)).lowercased())
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(String(cString: strerror(errno)).lowercased()) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .isFolder }
        let size = Int(status.st_size)
        guard size <= maximumBytes else { throw .tooLarge(bytes: size) }
        // Read into the array's own storage: no intermediate Data, no element-wise copy. Read
        // one byte past the expected size so that a file growing under us is noticed.
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            while count < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0, errno == EINTR { continue }
                if got < 0 { failure = errno; break }
                if got == 0 { break }
                count += got
            }
        }
        if failure != 0 { throw .unreadable(String(cString: strerror(failure)).lowercased()) }
        guard bytes.count <= maximumBytes, bytes.count <= size else { throw .tooLarge(bytes: max(bytes.count, size)) }
        try validate(bytes)
        return bytes
    }

    /// Parses guide text; problems in it become the guide's diagnostics, never a failure.
    public static func parse(_ text: String, bank: String) -> Guide {
        parse(Array(text.utf8), bank: bank)
    }

    /// Bodies larger than this are read a piece at a time (see `GuidePieces`).
    static let pieceBytes = 512 * 1024

    public static func parse(_ raw: [UInt8], bank: String) -> Guide {
        parse(raw, bank: bank, pieceBytes: pieceBytes)
    }

    static func parse(_ raw: [UInt8], bank: String, pieceBytes: Int) -> Guide {
        let bytes = normalizingLineBreaks(raw)
        let frontMatter = FrontMatter.read(bytes)
        var diagnostics = frontMatter.diagnostics
        let body = bytes[frontMatter.bodyStart...]
        var reader = GuideReader(bank: bank)
        bytes.withUnsafeBufferPointer { buffer in
            let source = SourceLines(buffer)
            let body = UnsafeBufferPointer(rebasing: buffer[frontMatter.bodyStart...])
            // Each piece's tree is freed once the reader no longer points into it or any older piece.
            var arenas: [(piece: Int, arena: OpaquePointer)] = []
            for (index, piece) in GuidePieces.split(body, target: pieceBytes).enumerated() {
                let (document, arena) = MarkdownDocument.parseKeepingArena(
                    UnsafeBufferPointer(rebasing: body[piece.range]), lineOffset: frontMatter.bodyLineOffset + piece.linesBefore)
                arenas.append((index, arena))
                reader.piece = index
                reader.read(document, source: source)
                let oldestHeld = reader.oldestPieceHeld ?? index + 1
                while let first = arenas.first, first.piece < oldestHeld {
                    cmark_arena_end(first.arena)
                    arenas.removeFirst()
                }
            }
            reader.finish()
            arenas.reversed().forEach { cmark_arena_end($0.arena) }
            cmark_arena_trim()
        }
        diagnostics += reader.diagnostics
        let bodyLine = frontMatter.bodyLineOffset + 1
        if body.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") }) {
            diagnostics.append(Diagnostic(line: bodyLine, column: 1, severity: .error,
                                          message: "the guide has no body after its front matter: add category headings and questions"))
        } else if reader.categories.isEmpty {
            diagnostics.append(Diagnostic(line: bodyLine, column: 1, severity: .error,
                                          message: "no questions found: expected category headings (### Technical Questions) with a heading per question (#### ...)"))
        }
        let metadata = frontMatter.metadata
        return Guide(
            title: frontMatter.title ?? reader.documentTitle ?? bank,
            description: metadata["description"]?.stringValue?.trimmingWhitespace() ?? "",
            metadata: metadata,
            introduction: reader.introduction,
            briefing: reader.briefing,
            categories: reader.categories,
            diagnostics: diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) },
            shapes: reader.shapes.map(\.rawValue)
        )
    }

    /// The file name without its extension: `QuestionBanks/edge-ai-engineer.md` -> `edge-ai-engineer`.
    public static func bankName(forPath path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    private static func validate(_ bytes: [UInt8]) throws(GuideLoadError) {
        if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) {
            throw .empty
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw .utf16 }
        if Self.contains(0, in: bytes) { throw .binary }
        if String(validating: bytes, as: UTF8.self) == nil {
            let (line, column) = firstInvalidUTF8(bytes)
            throw .invalidUTF8(line: line, column: column)
        }
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1, scalar.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error, .emptyInput:
                return (line, column)
            }
        }
    }

    private static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { ByteSearch.contains(byte, in: $0) }
    }

    /// A byte-order mark dropped; CRLF and lone CR made LF, so that line numbers stay true.
    private static func normalizingLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard Self.contains(UInt8(ascii: "\r"), in: bytes) else { return start == 0 ? bytes : Array(bytes[start...]) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\r") {
                result.append(UInt8(ascii: "\n"))
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

}
