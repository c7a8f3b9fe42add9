import InterviewCore

/// What is drawn over a screen: the help, the question before leaving, and the notice that the
/// terminal is too small.
enum Overlays {
    /// What the clock does while an overlay is open, the same in the help and the quit dialog;
    /// nil outside a timed phase.
    static func clockNote(_ state: AppState) -> String? {
        if state.holds(.clockRunning) { return "The clock keeps running: ^P pauses it." }
        if state.holds(.clockPaused) { return "The clock is paused: ^P resumes it." }
        return nil
    }

    /// The keys of `context` that do something in `state`.
    static func help(_ context: KeyContext, _ state: AppState, scroll: Int, in buffer: inout CellBuffer) {
        var lines: [(String, Style)] = []
        let bindings = KeyTable.bindings(context, in: state)
        let keyWidth = min(24, (bindings.map { $0.keys.map(\.label).joined(separator: " ") }.map { TextWidth.of($0) }.max() ?? 0) + 2)
        let textWidth = max(10, buffer.size.width - 8 - keyWidth - 2)
        for binding in bindings {
            let keys = binding.keys.map(\.label).joined(separator: " ")
            for (row, line) in WordWrap.wrap(binding.summary, width: textWidth).enumerated() {
                let lead = row == 0 ? keys : ""
                lines.append((lead + String(repeating: " ", count: max(1, keyWidth - TextWidth.of(lead))) + line, .plain))
            }
        }
        // First, where it is seen without scrolling: what the clock does meanwhile.
        if let note = clockNote(state) {
            lines = WordWrap.wrap(note, width: keyWidth + textWidth).map { ($0, .bold) } + [("", .plain)] + lines
        }
        if context == .answering {
            lines.append(("", .plain))
            lines += WordWrap.wrap("Everything you type is saved within a second. Quitting asks whether to end the interview or keep it to resume.", width: keyWidth + textWidth).map { ($0, .dim) }
        }
        // The box's borders and, when it scrolls, the scroll hint.
        let rows = lines.count > buffer.size.height - 4 ? buffer.size.height - 5 : buffer.size.height - 4
        let top = max(0, min(scroll, lines.count - rows))
        var shown = Array(lines.dropFirst(top).prefix(rows))
        if lines.count > rows { shown.append(("↑↓ scroll", .dim)) }
        Chrome.box(title: "Keys: \(context.title) (Esc closes)", lines: shown, in: &buffer)
    }

    static func confirmQuit(_ state: AppState, in buffer: inout CellBuffer) {
        var lines: [(String, Style)] = [("Leave the interview?", .bold), ("", .plain)]
        lines.append(("l    Later: stop now and resume it another time", .plain))
        lines.append(("e    End it here: what you wrote is kept; reviewed questions count", .plain))
        lines.append(("Esc  Carry on", .plain))
        if let note = clockNote(state) { lines += [("", .plain), (note, .bold)] }
        if let id = state.session?.id { lines += [("", .plain), ("To resume: rehearse practice --resume \(id)", .dim)] }
        Chrome.box(title: "Quit", lines: lines, in: &buffer)
    }

    /// A one-line prompt: what it is for, the text field with the cursor in it, what went wrong
    /// or what Enter will do, and the keys.
    static func prompt(_ prompt: PromptState, in buffer: inout CellBuffer) {
        let (question, keys) = switch prompt.purpose {
        case .export(let id, _): ("Write session \(id) to:", "Enter writes · Esc cancels · ^U clears · ~ is your home folder")
        case .search: ("Show the sessions whose answers hold:", "Enter searches (nothing: every session) · Esc cancels · ^U clears")
        }
        let boxWidth = min(buffer.size.width - 4, 76)
        var lines: [(String, Style)] = [(question, .plain), ("", .plain), ("", .plain)]
        if let message = prompt.message {
            lines += WordWrap.wrap(message, width: boxWidth - 4).map { ($0, prompt.replacing ? .warning : .danger) }
        }
        lines += WordWrap.wrap(keys, width: boxWidth - 4).map { ($0, .dim) }
        let (origin, width) = Chrome.box(title: prompt.title, lines: lines, minimumWidth: boxWidth, in: &buffer)
        let field = prompt.field.visible(width: width)
        let y = origin.y + 1
        buffer.put(String(repeating: " ", count: width), x: origin.x, y: y, style: .reverse)
        buffer.put(field.text, x: origin.x, y: y, style: .reverse, limit: origin.x + width)
        buffer.cursor = Position(x: origin.x + field.cursorColumn, y: y)
    }

    static func confirmDelete(_ listing: SessionListing, in buffer: inout CellBuffer) {
        let width = min(buffer.size.width - 8, 68)
        var lines: [(String, Style)] = [("Delete session \(listing.id)?", .bold), ("", .plain)]
        let facts = "Started \(listing.when), \(listing.answered) of \(listing.questionCount) answered, \(listing.state.rawValue) · \(listing.guides)"
        lines += WordWrap.wrap(facts, width: width).map { ($0, .plain) }
        lines += [("", .plain), ("Its answers and timeline are removed for good.", .warning), ("", .plain),
                  ("y    Delete it", .plain), ("Esc  Keep it", .plain)]
        Chrome.box(title: "Delete", lines: lines, in: &buffer)
    }

    /// Enter in self-review with nothing ticked: the points the text seems to make, and the
    /// dialog's keys as the key table gives them.
    static func confirmNoTicks(_ state: AppState, in buffer: inout CellBuffer) {
        guard let planned = state.session?.interview.current else { return }
        let rubric = planned.question.rubric
        let detected = ReviewList(rubric).points.filter(state.untickedDetected.contains)
        let width = min(buffer.size.width - 8, 68)
        var lines: [(String, Style)] = WordWrap.wrap("Nothing is ticked, yet your text seems to make \(Wording.plural(detected.count, "point")):",
                                                     width: width).map { ($0, .bold) }
        let bindings = KeyTable.bindings(.ticksDialog).filter { $0.hint != nil }
        let keyWidth = (bindings.map { TextWidth.of($0.hintLabel) }.max() ?? 0) + 2
        let keys = bindings.flatMap { binding in
            let label = binding.hintLabel + String(repeating: " ", count: keyWidth - TextWidth.of(binding.hintLabel))
            return WordWrap.wrap(binding.summary, width: width, prefix: label).map { ($0, Style.plain) }
        }
        // The points, wrapped, in the rows the box has left; the rest counted.
        let room = buffer.size.height - 4 - lines.count - 1 - keys.count
        var shown: [(String, Style)] = []
        for (number, index) in detected.enumerated() {
            let point = WordWrap.wrap(rubric[index].text, width: width, prefix: "  ✓ ").map { ($0, Style.good) }
            let left = detected.count - number - 1
            guard shown.count + point.count + (left > 0 ? 1 : 0) <= room else {
                shown.append(("  … and \(detected.count - number) more", .dim))
                break
            }
            shown += point
        }
        lines += shown
        lines.append(("", .plain))
        lines += keys
        Chrome.box(title: "Nothing ticked", lines: lines, minimumWidth: min(width + 4, buffer.size.width - 4), in: &buffer)
    }

    static func tooSmall(_ size: Size, timed: Bool, askingToQuit: Bool, in buffer: inout CellBuffer) {
        let minimum = AppState.minimumSize
        var lines = [
            "Terminal too small",
            "\(size.width)x\(size.height); Rehearse needs \(minimum.width)x\(minimum.height).",
            "Make the window larger.",
            timed ? "The clock keeps running: ^P pauses it, ^Q quits." : "q quits.",
        ]
        if askingToQuit {
            lines += ["", "Leave the interview?", "l later (resumable) · e end it here", "Esc carry on"]
        }
        let top = max(0, (size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let words = WordWrap.wrap(line, width: max(1, size.width)).first ?? ""
            let x = max(0, (size.width - TextWidth.of(words)) / 2)
            buffer.put(words, x: x, y: top + offset, style: offset == 0 ? .danger : .plain)
        }
    }
}
