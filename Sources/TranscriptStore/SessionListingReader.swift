import Foundation
import GRDB

/// Turns session rows into summaries for listings: the columns a listing needs and nothing
/// else (no plan, no answers), with one decoder for every row.
struct SessionListingReader {
    static let columns = "id, startedAt, updatedAt, state, pid, guides, banks, seed, questionCount, answered, secondsUsed, score"

    private let db: Database
    private let isAlive: (Int32) -> Bool
    private let decoder = JSONDecoder()

    init(_ db: Database, isAlive: @escaping (Int32) -> Bool = TranscriptStore.processIsAlive) {
        self.db = db
        self.isAlive = isAlive
    }

    func summary(_ row: Row) throws -> SessionSummary {
        let id: String = row["id"]
        var state = SessionState(rawValue: row["state"]) ?? .interrupted
        var secondsUsed: Double = row["secondsUsed"]
        var updatedAt: Double = row["updatedAt"]
        if state == .active || state == .interrupted {
            // A session still open, or stopped without its summary written: its state row
            // holds the time its last save recorded.
            if state == .active, !isAlive(Int32(truncatingIfNeeded: row["pid"] as Int64)) { state = .interrupted }
            if let latest = try Row.fetchOne(db, sql: "SELECT updatedAt, secondsUsed FROM sessionState WHERE sessionId = ?", arguments: [id]) {
                secondsUsed = max(secondsUsed, latest["secondsUsed"])
                updatedAt = max(updatedAt, latest["updatedAt"])
            }
        }
        return SessionSummary(
            id: id, startedAt: Date(timeIntervalSince1970: row["startedAt"]), updatedAt: Date(timeIntervalSince1970: updatedAt),
            state: state,
            // A damaged list must not hide the rest of the history.
            guides: strings(row["guides"]), banks: strings(row["banks"]),
            seed: UInt64(bitPattern: row["seed"]), questionCount: row["questionCount"], answered: row["answered"],
            secondsUsed: secondsUsed, score: row["score"])
    }

    private func strings(_ text: String?) -> [String] {
        text.flatMap { try? decoder.decode([String].self, from: Data($0.utf8)) } ?? []
    }
}
