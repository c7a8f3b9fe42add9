import CCmark
import InterviewCore

/// The layouts a question can be found in; `inspect` names those a guide used.
enum QuestionShape: String, Sendable {
    case headings = "question headings"
    case boldListItems = "numbered bold list items"
    case headingListItems = "list items holding a heading"
    case listedQuestions = "lists of questions"
    case boldParagraphs = "bold question paragraphs"
    case details = "<details> blocks"
    case tableRows = "table rows"
}

/// Questions outside headings: list items, bold paragraphs, `<details>` blocks and table rows.
extension GuideReader {
    // MARK: Lists

    /// How a list holds questions, if it does. A list whose first item is a known answer label
    /// is an answer; bold-lead items are questions when they read as questions, or, in an
    /// ordered list, when an answer is nested under them; items may hold a heading each; and a
    /// list whose items are mostly questions is a list of questions.
    ///
    /// While a question is open, a list of plain questions is its answer's (its follow-ups, say),
    /// and under a bold question paragraph a numbered bold item must read as a question too.
    func questionListShape(_ list: MarkdownNode) -> QuestionShape? {
        if let role = list.firstChild?.firstChild?.boldLabelRole, role.isKnown { return nil }
        if QuestionTitle.isClosingHeading(frames.last?.title ?? "") { return nil }
        let ordered = cmark_node_get_list_type(list.raw) == CMARK_ORDERED_LIST && open?.shape != .boldParagraphs
        for item in list.children {
            if Self.isBoldQuestionItem(item, ordered: ordered) { return .boldListItems }
            if item.firstChild?.isHeading == true { return .headingListItems }
        }
        // Prompts without a `?` ("Tell me about ...") count among questions already found.
        let amongQuestions = seenQuestion || (frames.last?.looksLikeCategory ?? false)
        guard open == nil else { return nil }
        if Self.isMostlyQuestions(list, countingPrompts: amongQuestions) { return .listedQuestions }
        // Prompts alone, with no `?`, only under a category heading (at any depth): elsewhere,
        // after the questions, a list of imperatives is as likely advice ("Explain your thinking
        // as you go"), and its prompts are warned about instead.
        let underCategory = frames.contains { $0.looksLikeCategory }
        return underCategory && Self.isMostlyPrompts(list) ? .listedQuestions : nil
    }

    /// At least two thirds of the items are an interviewer's prompts ("Tell me about a time
    /// ...", "Describe ...", "Walk me through ..."), with no `?` needed: the openers a question
    /// heading is read with.
    static func isMostlyPrompts(_ list: MarkdownNode) -> Bool {
        var items = 0
        var prompts = 0
        for item in list.children {
            items += 1
            if let text = firstLine(of: item), isPromptItem(text) { prompts += 1 }
        }
        return prompts >= 1 && prompts * 3 >= items * 2
    }

    /// An item's opening text reads as an interviewer's prompt of three words or more.
    private static func isPromptItem(_ text: String) -> Bool {
        QuestionTitle.startsLikeAPrompt(text) && QuestionTitle.wordCount(text) >= 3
    }

    private static func firstLine(of item: MarkdownNode) -> String? {
        guard let first = item.firstChild, first.isParagraph || first.isHeading else { return nil }
        return first.plainText
    }

    /// At least two thirds of the items are questions, one at least with a `?`; with
    /// `countingPrompts`, "Tell me about ..." counts, and one question is enough.
    static func isMostlyQuestions(_ list: MarkdownNode, countingPrompts: Bool) -> Bool {
        var items = 0
        var asked = 0
        var prompted = 0
        for item in list.children {
            items += 1
            guard let first = item.firstChild, first.isParagraph else { continue }
            let text = first.plainText
            if text.contains("?") { asked += 1 } else if QuestionTitle.isQuestionShaped(text) { prompted += 1 }
        }
        let questions = asked + (countingPrompts ? prompted : 0)
        return asked >= 1 && questions * 3 >= items * 2 && (questions >= 2 || countingPrompts)
    }

    /// `1. **What is ...?**`, or a bold lead with an answer nested under it in an ordered list.
    static func isBoldQuestionItem(_ item: MarkdownNode, ordered: Bool) -> Bool {
        guard let first = item.firstChild, first.isParagraph, let lead = first.boldLabel else { return false }
        if lead.endsWith(ascii: "?") || QuestionTitle.isBareNumber(lead) { return true }
        if SectionRole(label: lead).isKnown { return false }
        guard ordered || QuestionTitle.isQuestionShaped(lead) else { return false }
        for block in MarkdownNode.Children(first: first.next) where isAnswerEvidence(block) { return true }
        return false
    }

    mutating func readQuestionList(_ list: MarkdownNode, shape: QuestionShape) {
        let ordered = cmark_node_get_list_type(list.raw) == CMARK_ORDERED_LIST
        for item in list.children {
            let blocks = Array(item.children).filter { !MarkupNoise.isNoise($0) }
            switch shape {
            case .boldListItems:
                guard Self.isBoldQuestionItem(item, ordered: ordered), let (lead, rest) = blocks.first?.boldLead else {
                    // An item between question items continues the answer before it.
                    open?.blocks.append(contentsOf: blocks.map(AnswerBlock.node))
                    continue
                }
                // `- **Question 11:** How do you ...?`: the text after the number is the question.
                let numbered = QuestionTitle.isBareNumber(lead) && !rest.isEmpty
                finishQuestion()
                open = OpenQuestion(piece: piece, heading: numbered ? rest : lead, headingLevel: nil, line: line(item),
                                    column: item.startColumn, frameIndex: frames.indices.last, shape: shape)
                if !rest.isEmpty, !numbered {
                    // `1. **What is ...?** Answer: ...`: the paragraph also starts the answer.
                    open!.blocks.append(.text(rest, line: line(item), column: item.startColumn))
                }
                open!.blocks.append(contentsOf: blocks.dropFirst().map(AnswerBlock.node))
                open!.closesWithList = blocks.count > 1
            case .headingListItems:
                finishQuestion()
                guard let heading = blocks.first, heading.isHeading else {
                    warnIfQuestionLike(item)
                    continue
                }
                open = OpenQuestion(piece: piece, heading: heading.plainText, headingLevel: nil, line: line(item),
                                    column: item.startColumn, frameIndex: frames.indices.last, shape: shape)
                open!.blocks = blocks.dropFirst().map(AnswerBlock.node)
                finishQuestion()
            default:
                finishQuestion()
                guard let first = blocks.first, first.isParagraph, !first.plainText.isEmpty else { continue }
                // `1. What is ...?` with its answer on the lines below, in the same paragraph.
                var title = first.plainText
                var answer = ""
                if let (firstLine, rest) = first.firstLineAndRest, firstLine.endsWith(ascii: "?"), !rest.isEmpty {
                    (title, answer) = (firstLine, rest)
                }
                open = OpenQuestion(piece: piece, heading: title, headingLevel: nil, line: line(item),
                                    column: item.startColumn, frameIndex: frames.indices.last, shape: shape)
                if !answer.isEmpty { open!.blocks.append(.text(answer, line: line(item) + 1, column: item.startColumn)) }
                for block in blocks.dropFirst() {
                    // Nested questions are follow-ups; anything else under the item answers it.
                    if block.isList, Self.isMostlyQuestions(block, countingPrompts: true) {
                        open!.followUps += block.children.map(\.plainText).filter { !$0.isEmpty }
                    } else {
                        open!.blocks.append(.node(block))
                    }
                }
                finishQuestion()
            }
        }
        if open?.closesWithList == true { finishQuestion() }
    }

    // MARK: Bold paragraphs

    /// `**Q3: Tell us about a deadline you nearly missed.**`, `**What is ...?**`, or
    /// `**Question 11:** How do you ...?`: the question's text, and text after it on its line.
    func boldQuestion(_ paragraph: MarkdownNode, next: MarkdownNode?) -> (title: String, rest: String)? {
        guard let (lead, rest) = paragraph.boldLead else {
            // `*Question: What is the value of foo?*`, in any markup or none.
            guard let first = paragraph.firstChild, first.type == CMARK_NODE_EMPH || first.type == CMARK_NODE_TEXT else { return nil }
            let text = paragraph.plainText
            for label in ["Question:", "Q:"] where text.hasPrefix(label) {
                let question = String(text.dropFirst(label.count)).trimmingWhitespace()
                return question.contains("?") ? (question, "") : nil
            }
            return nil
        }
        if QuestionTitle.isBareNumber(lead) {
            return rest.isEmpty ? nil : (rest, "")
        }
        let asks = lead.contains("?") || QuestionTitle.hasNumbering(lead)
            || (QuestionTitle.isQuestionShaped(lead) && next.map(Self.isAnswerEvidence) == true)
        guard asks, !SectionRole(label: lead).isKnown || lead.contains("?") else { return nil }
        return (lead, rest)
    }

    mutating func openBoldQuestion(_ question: (title: String, rest: String), at paragraph: MarkdownNode) {
        finishQuestion()
        open = OpenQuestion(piece: piece, heading: question.title, headingLevel: nil, line: line(paragraph),
                            column: paragraph.startColumn, frameIndex: frames.indices.last, shape: .boldParagraphs)
        if !question.rest.isEmpty {
            open!.blocks.append(.text(question.rest, line: line(paragraph), column: paragraph.startColumn))
        }
    }

    // MARK: <details>

    /// A `<details>` block whose summary is a question is a question with its answer inside;
    /// one whose summary is "Answer" (or "Solution") holds the answer of the question above it.
    /// Any other block under a question ("More detail", "Example") is a folded part of its
    /// answer, summary and all; outside a question it is not read, and lint says so.
    mutating func readDetails(_ details: DetailsBlock) {
        let summary = QuestionTitle.strippingDecorations(details.summary)
        let isAnswer = Self.isAnswerSummary(summary)
        if isAnswer, open != nil {
            appendDetailsContent(details)
            return
        }
        guard Self.isQuestionSummary(summary, underCategory: frames.last?.looksLikeCategory ?? false) else {
            if open != nil {
                if !summary.isEmpty { open!.blocks.append(.text(summary, line: details.line, column: 1)) }
                appendDetailsContent(details)
            } else if !details.content.isEmpty || !details.htmlText.isEmpty {
                let shown = summary.isEmpty ? "without a summary" : "\"\(summary.count > 60 ? summary.prefix(60) + "…" : Substring(summary))\""
                diagnostics.append(Diagnostic(line: details.line, column: 1, severity: .warning,
                                              message: "a <details> block \(shown) is outside any question and is not read; "
                                                  + "a summary that asks a question makes the block a question"))
            }
            return
        }
        finishQuestion()
        open = OpenQuestion(piece: piece, heading: summary, headingLevel: nil, line: details.line, column: 1,
                            frameIndex: frames.indices.last, shape: .details)
        appendDetailsContent(details)
        finishQuestion()
    }

    /// A summary that holds the answer of the question above it: "Answer", "Show solution".
    static func isAnswerSummary(_ summary: String) -> Bool {
        SectionRole(label: summary) == .answer || answerSummaries.contains(summary.lowercased().trimmingTrailingColon())
    }

    /// A summary that makes its `<details>` block a question. One that does not read as a
    /// question ("Give two examples of ...") is one only under a category heading, and never a
    /// short title ("Table of contents").
    static func isQuestionSummary(_ summary: String, underCategory: Bool) -> Bool {
        !summary.isEmpty && !isAnswerSummary(summary)
            && (QuestionTitle.isQuestionShaped(summary) || (underCategory && QuestionTitle.wordCount(summary) >= 4))
    }

    private static let answerSummaries: Set<String> = [
        "solution", "show answer", "show solution", "explanation", "click to expand", "click to see the answer",
        "reveal answer", "see answer", "view answer", "hint",
    ]

    /// The answer inside a `<details>` block; headings inside it (`#### Answer: D`) are part
    /// of the answer, whatever their level.
    private mutating func appendDetailsContent(_ details: DetailsBlock) {
        guard open != nil else { return }
        let fallbackLine = open!.line
        if !details.htmlText.isEmpty {
            open!.blocks.append(.text(details.htmlText, line: fallbackLine, column: 1))
        }
        for block in details.content where !MarkupNoise.isNoise(block) {
            if block.isHeading {
                open!.blocks.append(.text(block.plainText, line: line(block), column: block.startColumn))
            } else {
                open!.blocks.append(.node(block))
            }
        }
    }

    // MARK: Tables

    /// Rows of a table with a "Question" column (or whose rows are mostly questions) are
    /// questions; an "Answer" column is their answer. A table of contents (rows linking to this
    /// page), chapter rows in bold and "Add a ... question" rows are not questions.
    mutating func readTable(_ table: MarkdownTable) {
        let headers = table.header.map { $0.lowercased() }
        let answerColumn = headers.firstIndex { $0.contains("answer") || $0.contains("solution") || $0.contains("explanation") }
        let questionColumn = headers.firstIndex { $0.contains("question") }
            ?? (0..<headers.count).filter { $0 != answerColumn }.max { averageLength(table, column: $0) < averageLength(table, column: $1) }
        guard let questionColumn else { return }
        let cells = table.rows.map { row in row.cells.indices.contains(questionColumn) ? row.cells[questionColumn] : "" }
        if cells.contains(where: { $0.contains("](#") }) { return } // a table of contents
        let texts = cells.map(Self.inlineText)
        let asked = texts.filter(QuestionTitle.isQuestionShaped).count
        guard headers[questionColumn].contains("question") || (asked >= 2 && asked * 3 >= texts.count * 2) else {
            for (row, text) in zip(table.rows, texts) where text.contains("?") {
                warnNotTaken(text, line: row.line, column: 1)
            }
            return
        }
        finishQuestion()
        for (row, (cell, text)) in zip(table.rows, zip(cells, texts)) {
            let trimmed = cell.trimmingWhitespace()
            let chapterRow = trimmed.hasPrefix("**") && trimmed.hasSuffix("**") && !QuestionTitle.isQuestionShaped(text)
            if text.isEmpty || chapterRow { continue }
            if Self.isInvitation(text) { continue }
            open = OpenQuestion(piece: piece, heading: text, headingLevel: nil, line: row.line, column: 1,
                                frameIndex: frames.indices.last, shape: .tableRows)
            if let answerColumn, row.cells.indices.contains(answerColumn) {
                let answer = Self.inlineText(row.cells[answerColumn])
                if !answer.isEmpty { open!.blocks.append(.text(answer, line: row.line, column: 1)) }
            }
            finishQuestion()
        }
    }

    private func averageLength(_ table: MarkdownTable, column: Int) -> Int {
        let lengths = table.rows.map { $0.cells.indices.contains(column) ? $0.cells[column].count : 0 }
        return lengths.isEmpty ? 0 : lengths.reduce(0, +) / lengths.count
    }

    /// "Add a new question", "Add your question here": a row inviting contributions.
    private static func isInvitation(_ text: String) -> Bool {
        let folded = text.lowercased()
        return (folded.hasPrefix("add ") || folded.hasPrefix("contribute") || folded.hasPrefix("submit "))
            && folded.contains("question") && !folded.contains("?")
    }

    private static func inlineText(_ cell: String) -> String {
        InlineMarkup.plain(cell)
    }

    // MARK: Nothing dropped silently

    /// Content outside any question is not read; when it looks like a question, say so.
    /// Closing words ("Ready for your interview?") under "Conclusion" are not questions.
    mutating func warnIfQuestionLike(_ block: MarkdownNode) {
        if QuestionTitle.isClosingHeading(frames.last?.title ?? "") { return }
        if block.isParagraph || block.isHeading {
            let text = block.plainText
            if text.endsWith(ascii: "?") { warnNotTaken(text, line: line(block), column: block.startColumn) }
        } else if block.isList {
            // An item is question-like with a `?` or as a prompt ("Describe a time ..."), which
            // a list of notes may hold beside other items.
            for item in block.children {
                guard let text = Self.firstLine(of: item) else { continue }
                if text.endsWith(ascii: "?") || Self.isPromptItem(text) {
                    warnNotTaken(text, line: line(item), column: item.startColumn)
                }
            }
        } else if block.type == CMARK_NODE_ITEM, let first = block.firstChild {
            warnIfQuestionLike(first)
        }
    }

    private mutating func warnNotTaken(_ text: String, line: Int, column: Int) {
        let shown = text.count > 60 ? text.prefix(60) + "…" : Substring(text)
        diagnostics.append(Diagnostic(line: line, column: column, severity: .warning,
                                      message: "\"\(shown)\" looks like a question but is not read as one (see docs/guide-format.md for the layouts Rehearse reads)"))
    }
}
