import CCmark
import InterviewCore

/// Reads the Markdown body into briefing, categories and questions.
///
/// Guides of this family nest their questions in several ways: `####` questions under `###`
/// categories, questions one level deeper or at the same level as their category, or numbered
/// bold list items with the answer inside. The reader walks the top-level blocks once, keeping
/// a stack of the non-question headings it is under; a question belongs to the nearest one.
struct GuideReader {
    let bank: String

    private(set) var introduction: [String] = []
    private(set) var briefing: [BriefingSection] = []
    private(set) var categories: [Category] = []
    var diagnostics: [Diagnostic] = []
    /// The first level-1 heading, the title of a guide whose front matter has no `term`.
    private(set) var documentTitle: String?

    struct Frame {
        var title: String
        var level: Int
        var line: Int
        var column: Int
        var looksLikeCategory: Bool
        var hasChildFrame = false
        /// Index into `categories` once a question has been filed under this heading.
        var categoryIndex: Int?
    }

    struct OpenQuestion {
        /// The piece of the guide (see `GuidePieces`) being read when the question opened: its
        /// blocks come from that piece or later ones.
        var piece: Int
        var heading: String
        var headingLevel: Int?
        var line: Int
        var column: Int
        var frameIndex: Int?
        var shape: QuestionShape
        var blocks: [AnswerBlock] = []
        /// Sub-questions of a listed question, asked as its follow-ups.
        var followUps: [String] = []
        /// A list question whose answer was nested inside its item takes nothing after the list.
        var closesWithList = false
    }

    var frames: [Frame] = []
    var open: OpenQuestion?
    var seenQuestion = false
    /// An implicit category for questions under no heading at all.
    private var looseCategoryIndex: Int?
    /// The first question of each id: its line, and its answer to tell a copy from a namesake.
    private var seenIds: [String: (line: Int, sections: [AnswerSection])] = [:]
    /// Questions read with no answer, judged once the whole guide is read.
    private var unanswered: [(line: Int, column: Int, quoted: String, shape: QuestionShape)] = []
    private var answeredCount = 0
    /// The layouts questions were found in, in order of first use (`inspect` names them).
    private(set) var shapes: [QuestionShape] = []
    /// Inside a `:::` admonition, which is page furniture.
    private var inAdmonition = false
    /// The body's lines, for tables.
    var source: SourceLines?

    init(bank: String) {
        self.bank = bank
    }

    /// Reads the top-level blocks of one document, or of one piece of a guide cut at a heading;
    /// `finish` ends the guide.
    mutating func read(_ document: MarkdownDocument, source: SourceLines? = nil) {
        self.source = source
        let blocks = Array(document.root.children)
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            index += 1
            if skipsAsNoise(block) { continue }
            if DetailsBlock.opens(block) {
                let details = DetailsBlock.read(from: index - 1, in: blocks[...])
                readDetails(details)
                index = details.end
                continue
            }
            let headingQuestionOpen = open?.headingLevel != nil
            if block.isHeading {
                readHeading(block, at: index - 1, in: blocks)
            } else if !headingQuestionOpen, block.isList, let shape = questionListShape(block) {
                readQuestionList(block, shape: shape)
            } else if !headingQuestionOpen, block.isParagraph,
                      let question = boldQuestion(block, next: index < blocks.count ? blocks[index] : nil) {
                openBoldQuestion(question, at: block)
            } else if !headingQuestionOpen, block.isParagraph, let source, let table = MarkdownTable(block, source: source) {
                readTable(table)
            } else if open != nil {
                open!.blocks.append(.node(block))
            } else if !seenQuestion, !(frames.last?.looksLikeCategory ?? false) {
                // Before the first question: lists under headings are briefing sections; prose
                // joins the section it follows, or else the guide's introduction.
                if block.isList, let frame = frames.last {
                    addBriefing(frame.title, items: block.children.map { AnswerReader.item(from: $0).0.text })
                } else if block.isList {
                    // A list under no heading at all is neither briefing nor read.
                    warnIfQuestionLike(block)
                } else if block.isParagraph {
                    let text = block.plainText
                    if let frame = frames.last, briefing.last?.heading == frame.title {
                        addBriefing(frame.title, items: [text])
                    } else if !text.isEmpty {
                        introduction.append(text)
                    }
                }
            } else {
                warnIfQuestionLike(block)
            }
        }
    }

    mutating func finish() {
        finishQuestion()
        while !frames.isEmpty { popFrame() }
        reportUnanswered()
    }

    /// The piece of the guide being read (see `GuidePieces`).
    var piece = 0

    /// The oldest piece the reader still points into (through the open question's blocks),
    /// which must stay alive with every piece after it; nil when it points into none.
    var oldestPieceHeld: Int? {
        guard let open else { return nil }
        for block in open.blocks { if case .node = block { return open.piece } }
        return nil
    }

    /// MDX imports, admonitions and anchor links are skipped wherever they are.
    private mutating func skipsAsNoise(_ block: MarkdownNode) -> Bool {
        if inAdmonition {
            if MarkupNoise.closesAdmonition(block) { inAdmonition = false }
            return true
        }
        if MarkupNoise.opensAdmonition(block) {
            // `:::info`, then its text, then `:::`; or all of it in one paragraph.
            let text = block.plainText.trimmingWhitespace()
            inAdmonition = !(text.count > 3 && text.hasSuffix(":::"))
            return true
        }
        return MarkupNoise.isNoise(block)
    }

    // MARK: Headings

    private mutating func readHeading(_ heading: MarkdownNode, at index: Int, in blocks: [MarkdownNode]) {
        let text = QuestionTitle.strippingDecorations(heading.plainText)
        let level = heading.headingLevel
        if level == 1, documentTitle == nil { documentTitle = text }
        if let question = open, let questionLevel = question.headingLevel, level > questionLevel,
           SectionRole(label: text).isKnown {
            open!.blocks.append(.label(text, line: line(heading), column: heading.startColumn))
            return
        }
        if isQuestionHeading(text, content: Self.directContent(after: index, in: blocks)) {
            finishQuestion()
            while let top = frames.last, top.level > level { popFrame() }
            open = OpenQuestion(piece: piece, heading: text, headingLevel: level, line: line(heading),
                                column: heading.startColumn, frameIndex: categoryFrame(forQuestionAt: level), shape: .headings)
            return
        }
        if let question = open, let questionLevel = question.headingLevel, level > questionLevel,
           !QuestionTitle.isClosingHeading(text) {
            open!.blocks.append(.label(text, line: line(heading), column: heading.startColumn))
            return
        }
        finishQuestion()
        while let top = frames.last, top.level >= level { popFrame() }
        if !frames.isEmpty { frames[frames.count - 1].hasChildFrame = true }
        frames.append(Frame(title: text, level: level, line: line(heading), column: heading.startColumn,
                            looksLikeCategory: QuestionTitle.looksLikeCategory(text)))
    }

    private func isQuestionHeading(_ text: String, content: ArraySlice<MarkdownNode>) -> Bool {
        if QuestionTitle.isClosingHeading(text) && !text.endsWith(ascii: "?") { return false }
        if QuestionTitle.isBareNumber(text) { return true }
        // Answer material below outweighs the heading's words, unless bold questions or
        // `<details>` questions come first: then the heading is the category they sit in, and
        // the answer labels inside a `<details>` block are that block's own.
        for index in content.indices {
            let block = content[index]
            if Self.isAnswerEvidence(block) { return true }
            if block.isParagraph, boldQuestion(block, next: nil) != nil { break }
            if DetailsBlock.opens(block) {
                let summary = QuestionTitle.strippingDecorations(DetailsBlock.read(from: index, in: content).summary)
                if Self.isQuestionSummary(summary, underCategory: QuestionTitle.looksLikeCategory(text)) { break }
            }
        }
        if QuestionTitle.hasNumbering(text) {
            return !QuestionTitle.looksLikeCategory(QuestionTitle.cleaned(text))
        }
        if text.endsWith(ascii: "?") { return true }
        // "Describe a time ..." without a question mark: a question only among questions, so
        // that an overview heading such as "What they look for" stays part of the briefing.
        let amongQuestions = seenQuestion || frames.contains { $0.looksLikeCategory }
        return amongQuestions && QuestionTitle.startsLikeAQuestion(text) && !content.isEmpty
            && !QuestionTitle.looksLikeCategory(text)
    }

    /// The blocks under a heading before the next heading.
    private static func directContent(after index: Int, in blocks: [MarkdownNode]) -> ArraySlice<MarkdownNode> {
        let start = index + 1
        var end = start
        while end < blocks.count, !blocks[end].isHeading { end += 1 }
        return blocks[start..<end]
    }

    /// The heading a question at `level` is filed under: a category-like heading at the same
    /// level (questions beside their category), else the nearest shallower heading.
    mutating func categoryFrame(forQuestionAt level: Int) -> Int? {
        if let top = frames.indices.last, frames[top].level == level, frames[top].looksLikeCategory {
            return top
        }
        return frames.lastIndex { $0.level < level }
    }

    private mutating func popFrame() {
        let frame = frames.removeLast()
        if frame.looksLikeCategory, frame.categoryIndex == nil, !frame.hasChildFrame {
            diagnostics.append(Diagnostic(line: frame.line, column: frame.column, severity: .warning,
                                          message: "category \"\(frame.title)\" has no questions"))
        }
    }

    // MARK: Evidence of an answer

    /// A block that can only be part of a model answer: `**Answer:**`, a known section label as
    /// a bold paragraph, or a list of bullets labelled with known section names.
    static func isAnswerEvidence(_ block: MarkdownNode) -> Bool {
        if block.isParagraph, let role = block.boldLabelRole {
            return role.isStrongEvidence
        }
        if block.isList {
            for item in block.children {
                if let first = item.firstChild, first.isParagraph, let role = first.boldLabelRole, role.isStrongEvidence {
                    return true
                }
            }
        }
        return false
    }

    // MARK: Building questions

    mutating func finishQuestion() {
        guard let question = open else { return }
        open = nil
        seenQuestion = true
        var blocks = question.blocks
        var title = QuestionTitle.strippingDecorations(QuestionTitle.cleaned(question.heading))
        if question.headingLevel != nil, QuestionTitle.isBareNumber(question.heading),
           let index = blocks.firstIndex(where: { if case .node(let node) = $0 { node.isParagraph } else { false } }),
           case .node(let paragraph) = blocks[index] {
            // `#### Question 4` then `**What is ...?**`: the paragraph is the question.
            title = QuestionTitle.cleaned(paragraph.plainText)
            blocks.remove(at: index)
        }
        if title.isEmpty { title = question.heading.trimmingWhitespace() }
        guard !title.isEmpty else {
            diagnostics.append(Diagnostic(line: question.line, column: question.column, severity: .error,
                                          message: "question heading has no text"))
            return
        }

        var reader = AnswerReader()
        reader.read(blocks)
        if let cut = reader.deepestCut {
            diagnostics.append(Diagnostic(line: cut.line, column: cut.column, severity: .warning,
                                          message: "bullets nest more than \(SectionItem.maximumDepth) levels deep; the deeper ones are joined into one point"))
        }
        // "To be completed." stands in for an answer that is not there.
        let drafts = reader.sections.compactMap { draft -> SectionDraft? in
            var kept = draft
            kept.items.removeAll { QuestionTitle.isPlaceholder($0.text) && $0.children.isEmpty }
            return kept.items.isEmpty && !draft.items.isEmpty ? nil : kept
        }
        let categoryIndex = category(for: question.frameIndex)
        let kind = categories[categoryIndex].kind
        let sections = drafts.map { AnswerSection(label: $0.label, items: $0.items, role: $0.role) }
        let built = Question(
            id: uniqueId(for: title, sections: sections, categoryIndex: categoryIndex, line: question.line, column: question.column),
            title: title,
            line: question.line,
            hash: QuestionIdentity.hash(title),
            scaffold: kind.defaultScaffold,
            sections: sections,
            followUps: sections.filter { $0.role == .followUps }.flatMap(\.items).map(\.text) + question.followUps,
            rubric: RubricBuilder.rubric(for: sections, kind: kind),
            competencies: reader.competencies
        )
        categories[categoryIndex].questions.append(built)
        if !shapes.contains(question.shape) { shapes.append(question.shape) }
        check(built, drafts: drafts, column: question.column, shape: question.shape)
    }

    private mutating func category(for frameIndex: Int?) -> Int {
        if let frameIndex {
            if let existing = frames[frameIndex].categoryIndex { return existing }
            let frame = frames[frameIndex]
            // "1. Leadership Questions" -> "Leadership Questions"; "General Questions:" -> "General Questions"
            let name = QuestionTitle.cleaned(frame.title).trimmingTrailingColon()
            categories.append(Category(name: name.isEmpty ? frame.title : name, kind: kind(of: frameIndex)))
            frames[frameIndex].categoryIndex = categories.count - 1
            return categories.count - 1
        }
        if let looseCategoryIndex { return looseCategoryIndex }
        categories.append(Category(name: "Questions", kind: .general))
        looseCategoryIndex = categories.count - 1
        return categories.count - 1
    }

    /// The kind a category's name implies; a name that implies none ("Leadership" under
    /// "Behavioral Questions") takes the kind of the nearest enclosing category that has one.
    /// The guide's title ("Edge AI Engineer Interview Guide") is no category and lends no kind,
    /// unless it reads as one: a guide may use `#` headings for its categories.
    private func kind(of frameIndex: Int) -> CategoryKind {
        let own = CategoryKind(categoryName: frames[frameIndex].title)
        guard own == .general, !FoldedText.withFolded(frames[frameIndex].title, { $0.contains("general") }) else { return own }
        for ancestor in frames[..<frameIndex].reversed()
        where ancestor.title != documentTitle || QuestionTitle.looksLikeCategory(ancestor.title) {
            let enclosing = CategoryKind(categoryName: ancestor.title)
            if enclosing != .general { return enclosing }
        }
        return own
    }

    /// The id from the title; a title used before gets its position within its category as a
    /// suffix (`-7`), which stays the same each time the file is read.
    private mutating func uniqueId(for title: String, sections: [AnswerSection], categoryIndex: Int, line: Int, column: Int) -> String {
        let base = QuestionIdentity.id(bank: bank, title: title)
        guard let first = seenIds[base] else {
            seenIds[base] = (line, sections)
            return base
        }
        if first.sections == sections, !sections.isEmpty {
            diagnostics.append(Diagnostic(line: line, column: column, severity: .warning,
                                          message: "question \"\(title)\" repeats the question at line \(first.line), answer and all"))
        }
        let position = categories[categoryIndex].questions.count + 1
        var candidate = "\(base)-\(position)"
        var extra = 2
        while seenIds[candidate] != nil {
            candidate = "\(base)-\(position)-\(extra)"
            extra += 1
        }
        seenIds[candidate] = (line, sections)
        return candidate
    }

    private mutating func check(_ question: Question, drafts: [SectionDraft], column questionColumn: Int, shape: QuestionShape) {
        func report(_ severity: Diagnostic.Severity, _ message: String, line: Int? = nil, column: Int? = nil) {
            diagnostics.append(Diagnostic(line: line ?? question.line, column: column ?? questionColumn,
                                          severity: severity, message: message))
        }
        var quoted: String { "\"\(question.title.prefix(60))\(question.title.count > 60 ? "…" : "")\"" }
        guard drafts.contains(where: { !$0.items.isEmpty && $0.role != .followUps }) else {
            unanswered.append((question.line, questionColumn, quoted, shape))
            return
        }
        answeredCount += 1
        for draft in drafts where draft.items.isEmpty {
            report(.warning, "section \"\(draft.label)\" is empty", line: draft.line, column: draft.column)
        }
        // A plain answer (a quiz's "Answer: B" and its explanation) is complete as it is; an
        // answer in labelled sections is expected to have follow-ups and rubric material.
        guard drafts.contains(where: { $0.role != .answer }) else { return }
        if question.followUps.isEmpty {
            report(.warning, "question \(quoted) has no follow-up points", column: questionColumn)
        }
        if question.rubric.isEmpty {
            report(.warning, "question \(quoted) has no rubric points (add \"Reasoning and Best Practices\" or a \"Rubric\" list)", column: questionColumn)
        }
    }

    /// A question with no model answer is practised with a self-rating. In a collection of
    /// questions without answers that is the point, and nothing is said; in a guide whose
    /// questions mostly have answers, a heading question without one is likely a misreading or
    /// an unfinished answer (an error), and any other a note (a warning).
    private mutating func reportUnanswered() {
        guard answeredCount > 0 else { return }
        let mostlyAnswered = answeredCount * 2 >= answeredCount + unanswered.count
        // In a list or a table, a question without an answer beside answered ones is usual.
        for question in unanswered where question.shape != .listedQuestions && question.shape != .tableRows {
            if mostlyAnswered, question.shape == .headings {
                diagnostics.append(Diagnostic(line: question.line, column: question.column, severity: .error,
                                              message: "question \(question.quoted) has no answer"))
            } else {
                diagnostics.append(Diagnostic(line: question.line, column: question.column, severity: .warning,
                                              message: "question \(question.quoted) has no answer: it will be self-rated"))
            }
        }
    }

    // MARK: Briefing

    mutating func addBriefing(_ heading: String, items: [String]) {
        let items = items.filter { !$0.isEmpty }
        guard !items.isEmpty else { return }
        if briefing.last?.heading == heading {
            briefing[briefing.count - 1].items += items
        } else {
            briefing.append(BriefingSection(heading: heading, items: items))
        }
    }

    func line(_ node: MarkdownNode) -> Int { node.startLine }
}

extension SectionRole {
    /// Labels that appear only in model answers: enough on their own to mark a heading as a
    /// question. Context, approach and outcome are too common in other prose to count.
    var isStrongEvidence: Bool {
        switch self {
        case .answer, .definition, .examples, .reasoning, .alternatives, .pitfalls, .followUps, .rubric: true
        case .context, .approach, .outcome, .other: false
        }
    }
}
