import InterviewCore

/// A question being answered: the clock, the question, and the editor (free or STAR).
enum QuestionScreen {
    /// The question's text as wrapped lines: the question, or at a follow-up the follow-up.
    static func questionLines(_ session: SessionScreenState, width: Int) -> [String] {
        guard let planned = session.interview.current else { return [] }
        if case .followUp(let number) = session.interview.phase, planned.followUps.indices.contains(number) {
            let label = planned.followUps.count > 1 ? "Follow-up \(number + 1) of \(planned.followUps.count): " : "Follow-up: "
            return WordWrap.wrap(planned.followUps[number], width: width, prefix: label)
        }
        return WordWrap.wrap(planned.question.title, width: width)
    }

    static func header(_ session: SessionScreenState, in buffer: inout CellBuffer) {
        let interview = session.interview
        guard let planned = interview.current else { return }
        // The category's own name says its kind ("Technical Questions"); a name that does not
        // gets the kind beside it.
        let category = planned.categoryName.lowercased().contains(planned.kind.displayName.lowercased())
            ? planned.categoryName : "\(planned.kind.displayName) · \(planned.categoryName)"
        let right = "Question \(interview.index + 1) of \(interview.plan.questions.count) · \(category)"
        let room = buffer.size.width - TextWidth.of(right) - TextWidth.of("Rehearse · ") - 3
        Chrome.header("Rehearse · \(GuideTitle.fitted(planned.guideTitle, width: room))", right: right, in: &buffer)
    }

    static func draw(_ state: AppState, _ session: SessionScreenState, in buffer: inout CellBuffer) {
        let interview = session.interview
        guard let planned = interview.current, let record = interview.currentRecord else { return }
        let question = questionLines(session, width: QuestionLayout.textWidth(for: state.size))
        let layout = QuestionLayout(size: state.size, questionLines: question.count)
        header(session, in: &buffer)
        drawClock(interview, now: state.now, in: &buffer)
        for (offset, line) in question.prefix(layout.questionRows).enumerated() {
            buffer.put(line, x: QuestionLayout.margin, y: layout.questionTop + offset, style: .bold, limit: buffer.size.width - QuestionLayout.margin)
        }
        if question.count > layout.questionRows {
            buffer.put("…", x: buffer.size.width - QuestionLayout.margin, y: layout.questionTop + layout.questionRows - 1, style: .dim)
        }
        let showCursor = state.overlay == nil && !interview.isPaused
        let analysis: String
        switch session.focusedField {
        case .star(let focus)?:
            let star = session.starAnalysis(of: record)
            drawStar(session, record: record, analysis: star, focus: focus, layout: layout, showCursor: showCursor, in: &buffer)
            analysis = starAnalysisLine(star)
        case let field?:
            let label = if case .followUp = field { "Your follow-up answer" } else { "Your answer" }
            let text = record.text(of: field)
            let figures = session.figures(of: field, text: text)
            let words = figures.words
            analysis = analysisLine(figures)
            buffer.put(label, x: QuestionLayout.margin, y: layout.editorTop, style: .heading)
            let count = Wording.plural(words, "word")
            buffer.put(count, x: buffer.size.width - QuestionLayout.margin - TextWidth.of(count), y: layout.editorTop, style: .dim)
            drawEditor(session.editors[field] ?? TextEditor(text), x: QuestionLayout.margin, y: layout.editorTop + 1,
                       width: layout.textWidth, rows: layout.editorHeight(for: field), showCursor: showCursor,
                       placeholder: planned.offersStar && field == .free
                           ? "Type your answer. Enter starts a new line, ^S submits, ^T switches to STAR form."
                           : "Type your answer. Enter starts a new line, ^S submits.",
                       in: &buffer)
        case nil:
            analysis = analysisLine(TextFigures())
        }
        Chrome.status(state.status, fallback: state.saveProblem.map(AppState.notSavedLine) ?? analysis, in: &buffer)
        Chrome.hints(.answering, state, in: &buffer)
    }

    private static func drawClock(_ interview: Interview, now: Instant, in buffer: inout CellBuffer) {
        guard let limit = interview.limit else { return }
        let elapsed = interview.elapsed(at: now)
        let used = limit > .zero ? elapsed / limit : 1
        let remaining = limit - elapsed
        let overtime = remaining < .zero && interview.phase != .reading
        let text = overtime ? "+" + (elapsed - limit).clockText : remaining.countdownText
        let style = interview.phase == .reading ? Style.heading : ClockView.style(used: used)
        let x = QuestionLayout.margin
        let width = ClockView.digits(text, x: x, y: 2, style: interview.isPaused ? .dim : style, in: &buffer)
        let labelX = x + max(width, 16) + 3
        let phase: String
        switch interview.phase {
        case .reading: phase = "Think time"
        case .followUp(let number): phase = interview.current.map { $0.followUps.count > 1 ? "Follow-up \(number + 1) of \($0.followUps.count)" : "Follow-up" } ?? "Follow-up"
        default: phase = overtime ? "Overtime" : "Answering"
        }
        if interview.isPaused {
            buffer.put("PAUSED", x: labelX, y: 2, style: Style(color: .warning, bold: true, reverse: true))
            buffer.put(" \(phase): the clock is stopped", x: labelX + 6, y: 2, style: .bold)
            buffer.put("^P resumes. Your text stays as it is.", x: labelX, y: 3, style: .plain)
        } else {
            buffer.put(phase, x: labelX, y: 2, style: interview.phase == .reading ? .heading : style)
            let mode = interview.plan.settings.hardTime ? "hard time: submitted at 0:00" : "soft time: overtime counts on"
            buffer.put("\(elapsed.clockText) used of \(limit.clockText) · \(mode)", x: labelX, y: 3, style: .plain)
            if interview.phase == .reading {
                buffer.put("The answer clock starts when you type, or when think time ends.", x: labelX, y: 4, style: .dim)
            } else if used >= 1 {
                buffer.put(interview.plan.settings.hardTime ? "Time is up." : "Time is up: wrap up and submit (^S).", x: labelX, y: 4, style: .danger)
            } else if used >= 0.8 {
                buffer.put("Under a fifth of the time left: start wrapping up.", x: labelX, y: 4, style: .warning)
            }
        }
        // Think time is not the answer's time: its bar never turns amber or red.
        ClockView.bar(used: used, x: x, y: 5, width: buffer.size.width - 2 * x,
                      style: interview.phase == .reading ? .heading : interview.isPaused ? .dim : nil, in: &buffer)
    }

    private static func drawStar(_ session: SessionScreenState, record: QuestionRecord, analysis: StarAnalysis, focus: StarPart,
                                 layout: QuestionLayout, showCursor: Bool, in buffer: inout CellBuffer) {
        var y = layout.editorTop
        let x = QuestionLayout.margin
        let right = buffer.size.width - x
        for part in StarPart.allCases {
            let name = part.title
            let words = analysis.words[part] ?? 0
            var figures = Wording.plural(words, "word")
            if let target = StarAnalysis.targetShare[part] {
                figures += " · \(Wording.percent(analysis.shares[part] ?? 0)) (target \(Wording.percent(target)))"
            }
            if part == focus {
                buffer.put("▸ " + name, x: x, y: y, style: .heading)
                let promptX = x + 2 + TextWidth.of(name) + 2
                let figuresX = right - TextWidth.of(figures)
                buffer.put(part.prompt, x: promptX, y: y, style: .dim, limit: figuresX - 2)
                buffer.put(figures, x: figuresX, y: y, style: .plain)
                drawEditor(session.editors[.star(part)] ?? TextEditor(record.text(of: .star(part))), x: x + 2, y: y + 1,
                           width: layout.editorWidth(for: .star(part)), rows: layout.starFocusedRows, showCursor: showCursor,
                           placeholder: "Tab: next part · Shift-Tab: previous part", in: &buffer)
                y += 1 + layout.starFocusedRows
            } else {
                let labelStyle: Style = words == 0 && part != .lesson ? .dim : .bold
                buffer.put("  " + name, x: x, y: y, style: labelStyle)
                let text = record.text(of: .star(part))
                // Its first line that holds anything, read no further than that.
                let firstLine = text.drop { $0 == "\n" }.prefix { $0 != "\n" }
                let previewX = x + 14
                let figuresX = right - TextWidth.of(figures)
                let preview = text.isEmpty ? Substring(part.prompt) : firstLine
                buffer.put(preview, x: previewX, y: y, style: text.isEmpty ? .dim : .plain, limit: figuresX - 2)
                buffer.put(figures, x: figuresX, y: y, style: .dim)
                y += 1
            }
        }
    }

    /// Draws an editor's visible lines and, when asked, puts the terminal cursor at its
    /// insertion point.
    static func drawEditor(_ editor: TextEditor, x: Int, y: Int, width: Int, rows: Int, showCursor: Bool, placeholder: String,
                           in buffer: inout CellBuffer) {
        if editor.isEmpty {
            buffer.put(placeholder, x: x, y: y, style: .dim, limit: x + width)
            if showCursor { buffer.cursor = Position(x: x, y: y) }
            return
        }
        let lines = editor.lines(width: width)
        let top = min(editor.scrollTop, max(0, lines.count - 1))
        for row in 0..<rows where top + row < lines.count {
            buffer.put(editor.characters[lines[top + row]], x: x, y: y + row, limit: x + width)
        }
        if lines.count > rows {
            buffer.put(top + rows < lines.count ? "▼" : "▲", x: x + width + (x > QuestionLayout.margin ? 0 : 1), y: y + rows - 1, style: .dim)
        }
        if showCursor {
            let place = editor.cursorPlace(in: lines)
            let row = place.line - top
            if row >= 0, row < rows { buffer.cursor = Position(x: x + min(place.column, width - 1), y: y + row) }
        }
    }

    /// Live analysis under a STAR answer: its length and the balance of its parts.
    static func starAnalysisLine(_ star: StarAnalysis) -> String {
        var facts = ["\(star.totalWords) words (spoken target \(StarAnalysis.targetWords.lowerBound)–\(StarAnalysis.targetWords.upperBound))"]
        if star.actionUnderHalf { facts.append("action under half: say more about what you did") }
        facts.append("I \(star.firstPersonSingular) · we \(star.firstPersonPlural)")
        facts.append(star.resultQuantified ? "result has a figure" : "result: no figure yet")
        if star.hedgesPer100Words >= 2 { facts.append("hedges \(Int(star.hedgesPer100Words.rounded())) per 100 words") }
        return facts.joined(separator: " · ")
    }

    /// Live analysis under a free answer: hedges, when there are many.
    static func analysisLine(_ figures: TextFigures) -> String {
        guard figures.words > 0 else { return "Saved as you type" }
        let hedges = Double(figures.hedges) * 100 / Double(figures.words)
        return "Saved as you type" + (hedges >= 2 ? " · hedges and fillers \(Int(hedges.rounded())) per 100 words" : "")
    }
}
