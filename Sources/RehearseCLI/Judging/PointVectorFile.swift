import Foundation
import InterviewCore

/// The answer model's vectors of a guide's rubric points, kept between runs in the data
/// folder's `cache/` (one file per guide and model). The file is only ever a cache: anything
/// wrong with it (missing, damaged, another model's) reads as empty, and a failed write is
/// ignored.
struct PointVectorFile {
    let path: String
    let modelKey: String

    static let magic = Array("RPV1".utf8)

    init(dataDirectory: String, guidePath: String, modelKey: String) {
        let name = QuestionIdentity.hash(URL(fileURLWithPath: guidePath).standardizedFileURL.path)
        path = dataDirectory + "/cache/point-vectors/" + name + ".bin"
        self.modelKey = modelKey
    }

    /// What identifies the model's vectors: its folder, its weights file's size and date, and
    /// the layers run.
    static func modelKey(folder: String, layers: Int) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/model.safetensors")
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(folder)|\(size)|\(Int64(date))|\(layers)"
    }

    func load() -> [String: TokenVectors] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var reader = ByteReader(bytes: [UInt8](data))
        guard reader.take(Self.magic.count).map(Array.init) == Self.magic, reader.string() == modelKey, let count = reader.integer() else { return [:] }
        var entries: [String: TokenVectors] = [:]
        for _ in 0..<min(count, 1 << 20) {
            guard let text = reader.string(), let dimension = reader.integer(), let pieceCount = reader.integer(),
                  dimension > 0, dimension <= 4096, pieceCount <= 1 << 16 else { return [:] }
            var pieces: [String] = []
            var ranges: [Range<Int>] = []
            for _ in 0..<pieceCount {
                guard let piece = reader.string(), let lower = reader.integer(), let upper = reader.integer(), lower <= upper else { return [:] }
                pieces.append(piece)
                ranges.append(lower..<upper)
            }
            guard let values = reader.floats(pieceCount * dimension) else { return [:] }
            entries[text] = TokenVectors(dimension: dimension, pieces: pieces, ranges: ranges, values: values)
        }
        return entries
    }

    func save(_ entries: [String: TokenVectors]) {
        var bytes = Self.magic
        ByteWriter.string(modelKey, into: &bytes)
        ByteWriter.integer(entries.count, into: &bytes)
        for (text, vectors) in entries.sorted(by: { $0.key < $1.key }) {
            ByteWriter.string(text, into: &bytes)
            ByteWriter.integer(vectors.dimension, into: &bytes)
            ByteWriter.integer(vectors.count, into: &bytes)
            for (piece, range) in zip(vectors.pieces, vectors.ranges) {
                ByteWriter.string(piece, into: &bytes)
                ByteWriter.integer(range.lowerBound, into: &bytes)
                ByteWriter.integer(range.upperBound, into: &bytes)
            }
            bytes.reserveCapacity(bytes.count + vectors.values.count * 4)
            for value in vectors.values { ByteWriter.word(value.bitPattern, into: &bytes) }
        }
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = path + ".\(getpid()).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            // A full disk leaves no half-written file behind.
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600]),
                  rename(temporary, path) == 0 else {
                try? FileManager.default.removeItem(atPath: temporary)
                return
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}

/// Little-endian integers, length-prefixed UTF-8 and floats, bounds-checked.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func integer() -> Int? {
        guard let slice = take(4) else { return nil }
        return slice.reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    mutating func string() -> String? {
        guard let count = integer(), let slice = take(count) else { return nil }
        return String(validating: slice, as: UTF8.self)
    }

    mutating func floats(_ count: Int) -> [Float]? {
        guard let slice = take(count * 4) else { return nil }
        return slice.withUnsafeBytes { raw in
            (0..<count).map { Float(bitPattern: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self).littleEndian) }
        }
    }
}

private enum ByteWriter {
    static func integer(_ value: Int, into bytes: inout [UInt8]) {
        word(UInt32(clamping: value), into: &bytes)
    }

    static func word(_ value: UInt32, into bytes: inout [UInt8]) {
        bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }

    static func string(_ text: String, into bytes: inout [UInt8]) {
        integer(text.utf8.count, into: &bytes)
        bytes += text.utf8
    }
}
