import ArgumentParser
import Foundation
import InterviewCore
import TranscriptStore

/// Opens the store and finds sessions for the transcript commands; failures are one line, and
/// a store that cannot be used exits with a status of its own (`ExitStatus.storeUnusable`).
enum StoredSessions {
    /// For `history`, `review` and `export`: nothing in the data folder changes.
    static func openForReading(_ global: GlobalOptions) throws -> TranscriptStore {
        try open(global, access: .readOnly)
    }

    /// For `practice`: `scheduler` schedules the questions it reviews.
    static func openForWriting(_ global: GlobalOptions, scheduler: FSRS = FSRS()) throws -> TranscriptStore {
        try open(global, access: .readWrite, scheduler: scheduler)
    }

    private static func open(_ global: GlobalOptions, access: TranscriptStore.Access, scheduler: FSRS = FSRS()) throws -> TranscriptStore {
        do {
            return try TranscriptStore(folder: global.dataDirectoryPath, access: access, scheduler: scheduler,
                                       questionSource: ShippedQuestions.beside)
        } catch {
            throw fail(error, path: global.dataDirectoryPath + "/" + TranscriptStore.fileName)
        }
    }

    /// Sessions whose process is gone become interrupted, to resume; one whose process was
    /// killed before its first question began, with nothing in it, is removed instead of
    /// offered. (Time spent on a question is kept, even with nothing typed.)
    static func settleStale(_ store: TranscriptStore, isAlive: (Int32) -> Bool = TranscriptStore.processIsAlive) {
        guard let stale = try? store.markInterrupted(isAlive: isAlive) else { return }
        for summary in stale {
            guard let interview = (try? store.session(summary.id))?.interview else { continue }
            if interview.phase == .briefing, !interview.holdsUserWork { try? store.delete(summary.id) }
        }
    }

    static func load(_ reference: String, from store: TranscriptStore) throws -> StoredSession {
        do {
            return try store.session(try store.resolve(reference))
        } catch {
            throw fail(error, path: store.path)
        }
    }

    /// Writes the reason and gives the exit status to throw: a store fault, or bad input.
    static func fail(_ error: any Error, path: String) -> ExitCode {
        let storeError = StoreError.wrapping(error, path: path)
        Console.error(storeError.description)
        return ExitCode(storeError.isStoreFault ? ExitStatus.storeUnusable : ExitStatus.badInput)
    }

    /// The time zone, read once: `tzset` looks at /etc/localtime every time it is called.
    private static let timeZoneRead: Void = tzset()

    /// `2026-12-02 14:05 UTC`, in the local time zone; strftime rather than a DateFormatter per
    /// row, which dominated long listings.
    static func date(_ date: Date) -> String {
        var text: [UInt8] = []
        append(date, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// The same text as `date`, added to `bytes` without making a string (a listing's rows).
    static func append(_ date: Date, to bytes: inout [UInt8]) {
        _ = timeZoneRead
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let count = strftime(buffer.baseAddress!, buffer.count, "%Y-%m-%d %H:%M %Z", &parts)
            bytes.append(contentsOf: UnsafeRawBufferPointer(start: buffer.baseAddress, count: count))
        }
    }
}
