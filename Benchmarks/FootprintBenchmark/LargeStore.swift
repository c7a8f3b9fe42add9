import Foundation
import GRDB

/// A data folder whose store holds `count` sessions, as a user's store grows: one session played
/// by the binary in line mode, then copied with new ids and later starts. Nil if the session
/// could not be played.
func largeStore(sessions count: Int) -> String? {
    let folder = NSTemporaryDirectory() + "rehearse-footprint-store-" + UUID().uuidString
    let input = folder + ".input"
    defer { unlink(input) }
    guard FileManager.default.createFile(atPath: input, contents: Data((answer + "\n.\n\n\n\n\n").utf8)),
          let child = Child(rehearse, rehearseArguments + ["--plain", "--data-dir", folder],
                            environment: ["HOME": folder, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"],
                            streams: [.file(input, flags: O_RDONLY), .file("/dev/null", flags: O_WRONLY), .file("/dev/null", flags: O_WRONLY)]),
          child.wait().status == 0 else { return nil }
    do {
        let queue = try DatabaseQueue(path: folder + "/rehearse.sqlite")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.inTransaction {
                let source = try String.fetchOne(db, sql: "SELECT id FROM session")
                for (table, key) in [("session", "id"), ("event", "sessionId"), ("sessionPlan", "sessionId"), ("sessionState", "sessionId")] {
                    let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
                    let copied = columns.map { $0 == key ? "printf('%08x', copies.n)" : $0 == "startedAt" ? "startedAt + copies.n" : $0 }
                    try db.execute(sql: """
                        WITH RECURSIVE copies(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copies WHERE n < ?)
                        INSERT INTO \(table) (\(columns.joined(separator: ", ")))
                        SELECT \(copied.joined(separator: ", ")) FROM \(table), copies WHERE \(key) = ?
                        """, arguments: [count - 1, source])
                }
                return .commit
            }
        }
    } catch {
        print("Footprint: cannot grow the store: \(error)")
        return nil
    }
    return folder
}
