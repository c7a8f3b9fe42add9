import Foundation
import InterviewCore

/// A session the store could not take (a full disk, a broken store), kept in a file of its own
/// so that nothing typed is lost; `rehearse practice --resume FILE` brings it back.
enum SessionRecovery {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The file's contents: versioned, so a later Rehearse can still read it.
    struct Document: Codable {
        var format = "rehearse-recovery"
        var version = 1
        var session: String
        var startedAt: Date
        var interview: Interview
    }

    /// Writes the session in the data folder's `recovery/`, or, if that cannot be written (the
    /// disk that is full is likely the data folder's), in the temporary folder. Private (0600).
    static func write(id: String, startedAt: Date, interview: Interview, dataFolder: String) -> Result<String, Failure> {
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.sortedKeys]
            data = try encoder.encode(Document(session: id, startedAt: startedAt, interview: interview))
        } catch {
            return .failure(Failure(description: "the session could not be written out (\(error))"))
        }
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var reasons: [String] = []
        for folder in [dataFolder + "/recovery", temporary] {
            let path = folder + "/rehearse-session-\(id).json"
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                let descriptor = open(path + ".part", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
                guard descriptor >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
                let written = data.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
                let synced = fsync(descriptor) == 0
                close(descriptor)
                guard written == data.count, synced, rename(path + ".part", path) == 0 else {
                    unlink(path + ".part")
                    throw Failure(description: String(cString: strerror(errno)))
                }
                return .success(path)
            } catch {
                reasons.append("\(folder): \(error)")
            }
        }
        return .failure(Failure(description: "no recovery file could be written (\(reasons.joined(separator: "; ")))"))
    }

    static func read(_ path: String) throws(Failure) -> Document {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read \(path)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let document = try? decoder.decode(Document.self, from: data), document.format == "rehearse-recovery" else {
            throw Failure(description: "\(path) is not a Rehearse recovery file")
        }
        guard document.version <= 1 else {
            throw Failure(description: "\(path) was written by a newer Rehearse (recovery format \(document.version))")
        }
        return document
    }

    /// Whether a `--resume` argument names a recovery file rather than a session.
    static func isFileArgument(_ argument: String) -> Bool {
        (argument.contains("/") || argument.hasSuffix(".json")) && FileManager.default.fileExists(atPath: argument)
    }
}
