import Foundation
import GRDB

/// Looks at a store file without changing a byte of it: whose it is, which schema it has, and
/// whether its pages are sound.
enum StoreInspection {
    enum SchemaState {
        /// No tables yet: a file just created.
        case empty
        case current
        /// Migrations of this version not applied yet.
        case older
    }

    /// Throws unless the file is empty, or a Rehearse database of this version or older (and,
    /// with `integrity`, whole: `PRAGMA quick_check` reads every page).
    @discardableResult
    static func check(_ path: String, integrity: Bool) throws -> SchemaState {
        let queue = try readOnlyQueue(path)
        defer { try? queue.close() }
        do {
            return try inspect(queue, path, integrity: integrity)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path: path)
        } catch {
            // Anything else that stops Rehearse reading its own tables is damage.
            throw StoreError.damaged(path: path, detail: "its tables cannot be read")
        }
    }

    private static func inspect(_ queue: DatabaseQueue, _ path: String, integrity: Bool) throws -> SchemaState {
        try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            guard !tables.isEmpty else { return .empty }
            // The migrations table marks the file as Rehearse's: another Rehearse starting at the
            // same moment may not have created the rest yet. Another program's GRDB database has
            // one too, but none of Rehearse's migrations.
            guard tables.contains("grdb_migrations") else { throw StoreError.notADatabase(path: path) }
            if integrity {
                // The check reads every page once: SQLite's usual 2 MB cache would only keep the
                // last of them in memory.
                try db.execute(sql: "PRAGMA cache_size = -512")
                let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(3)").filter { $0 != "ok" }
                if let first = problems.first { throw StoreError.damaged(path: path, detail: "SQLite's check found: " + first) }
            }
            let names = try String?.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            guard names.allSatisfy({ $0?.isEmpty == false }) else {
                throw StoreError.damaged(path: path, detail: "its list of schema changes cannot be read")
            }
            let applied = names.compactMap { $0 }
            let known = Schema.migrator.migrations
            if !applied.isEmpty, !applied.contains(where: known.contains) { throw StoreError.notADatabase(path: path) }
            let unknown = applied.filter { !known.contains($0) }
            if !unknown.isEmpty { throw StoreError.newerSchema(path: path, migrations: unknown) }
            return Set(applied) == Set(known) ? .current : .older
        }
    }

    /// A connection that only reads. When no journal file is there, no writer has the store
    /// open, and `immutable` reads it without creating the -wal and -shm files that a
    /// read-only connection would otherwise leave in the folder.
    static func readOnlyQueue(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        // A writer may be checkpointing at the moment a reader looks: wait for it, as writers do.
        configuration.busyMode = .timeout(5)
        if !FileManager.default.fileExists(atPath: path + "-wal"),
           let queue = try? DatabaseQueue(path: "file:" + uriEscaped(path) + "?immutable=1", configuration: configuration),
           (try? queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }) != nil {
            return queue
        }
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// A path as the file part of a SQLite URI: `%`, `?` and `#` would end or change it.
    private static func uriEscaped(_ path: String) -> String {
        var escaped = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}

/// The device and inode of a file: a store deleted or replaced under a running session no
/// longer has the identity it was opened with.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
