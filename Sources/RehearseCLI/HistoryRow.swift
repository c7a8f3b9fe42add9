import Foundation
import InterviewCore
import TranscriptStore

/// One row of `rehearse history`, written as bytes: at 10,000 sessions, building each row from
/// interpolated and padded strings was half of the command's work.
///
///     ID        STARTED               QUESTIONS  TIME    SCORE  STATE        GUIDE
///     5e551011  2026-12-02 14:05 UTC  5/5        10:12   13 %   finished     Edge AI Engineer Interview Guide
enum HistoryRow {
    /// The row for `session`, its guide column already made safe to print, with its newline.
    static func append(_ session: SessionSummary, guides: String, to row: inout [UInt8]) {
        row.append(contentsOf: session.id.utf8)
        row.append(contentsOf: gap)
        StoredSessions.append(session.startedAt, to: &row)
        row.append(contentsOf: gap)

        var start = row.count
        row.appendDecimal(session.answered)
        row.append(UInt8(ascii: "/"))
        row.appendDecimal(session.questionCount)
        pad(from: start, to: 9, &row)
        row.append(contentsOf: gap)

        start = row.count
        appendClock(Int(Duration.seconds(session.secondsUsed).wholeSeconds), to: &row)
        pad(from: start, to: 6, &row)
        row.append(contentsOf: gap)

        start = row.count
        if let score = session.score {
            row.appendDecimal(Int((score * 100).rounded()))
            row.append(contentsOf: " %".utf8)
            pad(from: start, to: 5, &row)
        } else {
            row.append(contentsOf: "—".utf8)
            pad(from: start, to: 5 + 2, &row) // "—" is three bytes and one column
        }
        row.append(contentsOf: gap)

        start = row.count
        row.append(contentsOf: session.state.rawValue.utf8)
        pad(from: start, to: 11, &row)
        row.append(contentsOf: gap)
        row.append(contentsOf: guides.utf8)
        row.append(UInt8(ascii: "\n"))
    }

    private static let gap: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: " ")]

    /// Spaces after the field that began at `start`, up to `width` bytes.
    private static func pad(from start: Int, to width: Int, _ row: inout [UInt8]) {
        let written = row.count - start
        if written < width { row.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width - written)) }
    }

    /// `m:ss`, as `Duration.clockText` writes whole seconds.
    static func appendClock(_ seconds: Int, to row: inout [UInt8]) {
        if seconds < 0 { row.append(UInt8(ascii: "-")) }
        let magnitude = abs(seconds)
        row.appendDecimal(magnitude / 60)
        row.append(UInt8(ascii: ":"))
        if magnitude % 60 < 10 { row.append(UInt8(ascii: "0")) }
        row.appendDecimal(magnitude % 60)
    }
}
