import Foundation
import GRDB

/// Turns session rows into summaries for listings: the columns a listing needs and nothing
/// else (no plan, no answers). Columns are read by position, and the guide lists (the same few
/// on every row) are decoded once each: a listing of 10,000 sessions spent most of its time
/// there.
final class SessionListingReader {
    static let columns = "id, startedAt, updatedAt, state, pid, guides, banks, seed, questionCount, answered, secondsUsed, score"

    private let db: Database
    private let isAlive: (Int32) -> Bool
    private let decoder = JSONDecoder()
    private var lists: [String: [String]] = [:]

    init(_ db: Database, isAlive: @escaping (Int32) -> Bool = TranscriptStore.processIsAlive) {
        self.db = db
        self.isAlive = isAlive
    }

    func summary(_ row: Row) throws -> SessionSummary {
        let id: String = row[0]
        var updatedAt: Double = row[2]
        var state = SessionState(rawValue: row[3]) ?? .interrupted
        var secondsUsed: Double = row[10]
        if state == .active || state == .interrupted {
            // A session still open, or stopped without its summary written: its state row
            // holds the time its last save recorded.
            if state == .active, !isAlive(Int32(truncatingIfNeeded: row[4] as Int64)) { state = .interrupted }
            if let latest = try Row.fetchOne(db, sql: "SELECT updatedAt, secondsUsed FROM sessionState WHERE sessionId = ?", arguments: [id]) {
                updatedAt = max(updatedAt, latest[0])
                secondsUsed = max(secondsUsed, latest[1])
            }
        }
        return SessionSummary(
            id: id, startedAt: Date(timeIntervalSince1970: row[1]), updatedAt: Date(timeIntervalSince1970: updatedAt),
            state: state, guides: strings(row[5]), banks: strings(row[6]),
            seed: UInt64(bitPattern: row[7]), questionCount: row[8], answered: row[9],
            secondsUsed: secondsUsed, score: row[11])
    }

    /// A JSON list of strings; a damaged one reads as empty, so it cannot hide the rest of the history.
    private func strings(_ text: String?) -> [String] {
        guard let text else { return [] }
        if let known = lists[text] { return known }
        let decoded = (try? decoder.decode([String].self, from: Data(text.utf8))) ?? []
        lists[text] = decoded
        return decoded
    }
}
