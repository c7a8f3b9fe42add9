import Foundation

/// A safetensors file mapped read-only into memory: its JSON header is parsed, its tensors are
/// read in place. Nothing of the file is copied into the heap; the kernel pages in what is used.
final class SafetensorsFile: @unchecked Sendable {
    // Safe to share: the mapping is read-only and never changes after `init`.
    struct Entry {
        var dtype: String
        var shape: [Int]
        var byteRange: Range<Int>
    }

    let path: String
    private let base: UnsafeRawPointer
    private let length: Int
    private let dataStart: Int
    private let entries: [String: Entry]

    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AnswerModelError.unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw AnswerModelError.unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        let length = Int(info.st_size)
        guard length >= 8 else { throw AnswerModelError.malformedWeights(path: path, reason: "shorter than its header") }
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw AnswerModelError.unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        let base = UnsafeRawPointer(mapped)
        do {
            (entries, dataStart) = try Self.readHeader(base: base, length: length, path: path)
        } catch {
            munmap(mapped, length)
            throw error
        }
        self.base = base
        self.length = length
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), length) }

    /// The header: an 8-byte little-endian length, then that many bytes of JSON naming each
    /// tensor's dtype, shape and byte range in the data that follows.
    private static func readHeader(base: UnsafeRawPointer, length: Int, path: String) throws -> ([String: Entry], Int) {
        let headerLength = Int(UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)))
        guard headerLength > 0, headerLength <= length - 8, headerLength < 100_000_000 else {
            throw AnswerModelError.malformedWeights(path: path, reason: "header length \(headerLength) does not fit the file")
        }
        guard let json = try? JSONReader.parse(UnsafeRawBufferPointer(start: base + 8, count: headerLength)),
              let members = json.members
        else {
            throw AnswerModelError.malformedWeights(path: path, reason: "header is not a JSON object")
        }
        let dataStart = 8 + headerLength
        var entries: [String: Entry] = [:]
        for member in members where member.key != "__metadata__" {
            let (name, value) = (member.key, member.value)
            guard let dtype = value["dtype"]?.string,
                  let shape = value["shape"]?.integers, shape.allSatisfy({ $0 >= 0 }),
                  let offsets = value["data_offsets"]?.integers, offsets.count == 2,
                  offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= length - dataStart
            else {
                throw AnswerModelError.malformedWeights(path: path, reason: "bad header entry for \(name)")
            }
            entries[name] = Entry(dtype: dtype, shape: shape, byteRange: offsets[0]..<offsets[1])
        }
        return (entries, dataStart)
    }

    func entry(_ name: String) -> Entry? { entries[name] }

    /// The float32 tensor `name`, checked to have `shape`, as a pointer into the mapping.
    func floats(_ name: String, shape: [Int]) throws -> UnsafePointer<Float> {
        guard let entry = entries[name] else { throw AnswerModelError.badTensor(name: name, reason: "missing") }
        guard entry.dtype == "F32" else {
            throw AnswerModelError.badTensor(name: name, reason: "dtype \(entry.dtype), expected F32")
        }
        guard entry.shape == shape else {
            throw AnswerModelError.badTensor(name: name, reason: "shape \(entry.shape), expected \(shape)")
        }
        let bytes = shape.reduce(MemoryLayout<Float>.size as Int?) { total, size in
            guard let total else { return nil }
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            return overflow ? nil : product
        }
        guard entry.byteRange.count == bytes else {
            throw AnswerModelError.badTensor(name: name, reason: "\(entry.byteRange.count) bytes for shape \(shape)")
        }
        let start = dataStart + entry.byteRange.lowerBound
        guard start % MemoryLayout<Float>.alignment == 0 else {
            throw AnswerModelError.badTensor(name: name, reason: "data at byte \(start) is not aligned for float32")
        }
        return (base + start).assumingMemoryBound(to: Float.self)
    }
}
