import Foundation
import InterviewCore
import TranscriptStore

/// Opens the store and finds sessions for the transcript commands; failures are one line.
enum StoredSessions {
    static func open(_ global: GlobalOptions) -> TranscriptStore? {
        do {
            let store = try TranscriptStore(folder: global.dataDirectoryPath)
            try store.markInterrupted()
            return store
        } catch {
            Console.error("\(error)")
            return nil
        }
    }

    static func load(_ reference: String, from store: TranscriptStore) -> StoredSession? {
        do {
            return try store.session(try store.resolve(reference))
        } catch {
            Console.error("\(error)")
            return nil
        }
    }

    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm zzz"
        return formatter.string(from: date)
    }
}
