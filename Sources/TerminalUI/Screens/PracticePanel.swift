import InterviewCore

/// The home screen's practice corner: what is due, weak and new among the chosen guides and
/// kinds, and the drill row that asks for one of them.
enum PracticePanel {
    static let rows = 4

    static func draw(_ home: HomeState, y: Int, width: Int, in buffer: inout CellBuffer) {
        guard let counts = home.practiceCounts else { return }
        buffer.put("Practice", x: 2, y: y, style: .heading)
        let waiting = "\(counts.due) due today · \(counts.new) new"
        let withWeak = waiting + " · \(counts.weak) weak"
        buffer.put(TextWidth.of(withWeak) <= width - 2 ? withWeak : waiting, x: 2, y: y + 1, limit: width)
        let focused = home.focus == .drill
        let drill = "[ Drill ◂ \(home.drillFocus.rawValue) ▸ ]"
        buffer.put(drill, x: 2, y: y + 2, style: focused ? Style(color: .accent, bold: true, reverse: true) : .heading, limit: width)
        // The next due date when nothing is due and it fits; the keys always.
        let keys = "d drills · p progress"
        let next = counts.due == 0 ? home.practice?.nextDue.map { "next due \($0) · " + keys } : nil
        buffer.put(next.flatMap { TextWidth.of($0) <= width - 2 ? $0 : nil } ?? keys, x: 2, y: y + 3, style: .dim, limit: width)
    }
}
