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
    let lineOffset: Int

    private(set) var introduction: [String] = []
    private(set) var briefing: [BriefingSection] = []
    private(set) var categories: [Category] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// The first level-1 heading, the title of a guide whose front matter has no `term`.
    private(set) var documentTitle: String?

    private struct Frame {
        var title: String
        var level: Int
        var line: Int
        var column: Int
        var looksLikeCategory: Bool
        var hasChildFrame = false
        /// Index into `categories` once a question has been filed under this heading.
        var categoryIndex: Int?
    }

    private struct OpenQuestion {
        var heading: String
        var headingLevel: Int?
        var line: Int
        var column: Int
        var frameIndex: Int?
        var blocks: [AnswerBlock] = []
        /// A list question whose answer was nested inside its item takes nothing after the list.
        var closesWithList = false
    }

    private var frames: [Frame] = []
    private var open: OpenQuestion?
    private var seenQuestion = false
    /// An implicit category for questions under no heading at all.
    private var looseCategoryIndex: Int?
    private var seenIds: [String: Int] = [:]

    init(bank: String, lineOffset: Int) {
        self.bank = bank
        self.lineOffset = lineOffset
    }

    mutating func read(_ document: MarkdownDocument) {
        let blocks = Array(document.root.children)
        for (index, block) in blocks.enumerated() {
            if block.isHeading {
                readHeading(block, at: index, in: blocks)
            } else if block.isList, Self.holdsQuestions(block) {
                readQuestionList(block)
            } else if open != nil {
                open!.blocks.append(.node(block))
            } else if !seenQuestion, !(frames.last?.looksLikeCategory ?? false) {
                // Before the first question: lists under headings are briefing sections; prose
                // joins the section it follows, or else the guide's introduction.
                if block.isList, let frame = frames.last {
                    addBriefing(frame.title, items: block.children.map { AnswerReader.item(from: $0).0.text })
                } else if block.isParagraph {
                    let text = block.plainText
                    if let frame = frames.last, briefing.last?.heading == frame.title {
                        addBriefing(frame.title, items: [text])
                    } else if !text.isEmpty {
                        introduction.append(text)
                    }
                }
            }
        }
        finishQuestion()
        while !frames.isEmpty { popFrame() }
    }

    // MARK: Headings

    private mutating func readHeading(_ heading: MarkdownNode, at index: Int, in blocks: [MarkdownNode]) {
        let text = heading.plainText
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
            open = OpenQuestion(heading: text, headingLevel: level, line: line(heading),
                                column: heading.startColumn, frameIndex: categoryFrame(forQuestionAt: level))
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
        if QuestionTitle.hasNumbering(text) {
            return !QuestionTitle.looksLikeCategory(QuestionTitle.cleaned(text))
        }
        for block in content where Self.isAnswerEvidence(block) { return true }
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
    private mutating func categoryFrame(forQuestionAt level: Int) -> Int? {
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

    // MARK: Numbered bold list items

    /// A list whose first item is a known answer label ("Definition and Context") is an answer,
    /// not a list of questions; only other lists are searched item by item.
    private static func holdsQuestions(_ list: MarkdownNode) -> Bool {
        if let role = list.firstChild?.firstChild?.boldLabelRole, role.isKnown { return false }
        for item in list.children where isQuestionItem(item) { return true }
        return false
    }

    /// `1. **What is ...?**` with the answer indented inside the item (or following it).
    private static func isQuestionItem(_ item: MarkdownNode) -> Bool {
        guard let first = item.firstChild, first.isParagraph, let lead = first.boldLabel else { return false }
        if SectionRole(label: lead).isKnown { return false }
        if lead.endsWith(ascii: "?") { return true }
        for block in MarkdownNode.Children(first: first.next) where isAnswerEvidence(block) { return true }
        return false
    }

    private mutating func readQuestionList(_ list: MarkdownNode) {
        for item in list.children {
            let blocks = Array(item.children)
            guard Self.isQuestionItem(item), let (lead, rest) = blocks.first?.boldLead else {
                // An item between question items continues the answer before it.
                open?.blocks.append(contentsOf: blocks.map(AnswerBlock.node))
                continue
            }
            finishQuestion()
            open = OpenQuestion(heading: lead, headingLevel: nil, line: line(item), column: item.startColumn,
                                frameIndex: frames.indices.last)
            if !rest.isEmpty {
                // `1. **What is ...?** Answer: ...`: the paragraph also starts the answer.
                open!.blocks.append(.text(rest, line: line(item), column: item.startColumn))
            }
            open!.blocks.append(contentsOf: blocks.dropFirst().map(AnswerBlock.node))
            open!.closesWithList = blocks.count > 1
        }
        if open?.closesWithList == true { finishQuestion() }
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

    private mutating func finishQuestion() {
        guard let question = open else { return }
        open = nil
        seenQuestion = true
        var blocks = question.blocks
        var title = QuestionTitle.cleaned(question.heading)
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

        var reader = AnswerReader(lineOffset: lineOffset)
        reader.read(blocks)
        if let cut = reader.deepestCut {
            diagnostics.append(Diagnostic(line: cut.line, column: cut.column, severity: .warning,
                                          message: "bullets nest more than \(SectionItem.maximumDepth) levels deep; the deeper ones are joined into one point"))
        }
        let categoryIndex = category(for: question.frameIndex)
        let kind = categories[categoryIndex].kind
        let sections = reader.sections.map { AnswerSection(label: $0.label, items: $0.items, role: $0.role) }
        let built = Question(
            id: uniqueId(for: title, line: question.line, column: question.column),
            title: title,
            line: question.line,
            hash: QuestionIdentity.hash(title),
            scaffold: kind.defaultScaffold,
            sections: sections,
            followUps: sections.filter { $0.role == .followUps }.flatMap(\.items).map(\.text),
            rubric: RubricBuilder.rubric(for: sections, kind: kind),
            competencies: reader.competencies
        )
        categories[categoryIndex].questions.append(built)
        check(built, drafts: reader.sections, column: question.column)
    }

    private mutating func category(for frameIndex: Int?) -> Int {
        if let frameIndex {
            if let existing = frames[frameIndex].categoryIndex { return existing }
            let frame = frames[frameIndex]
            let name = QuestionTitle.cleaned(frame.title) // "1. Leadership Questions" -> "Leadership Questions"
            categories.append(Category(name: name.isEmpty ? frame.title : name, kind: CategoryKind(categoryName: frame.title)))
            frames[frameIndex].categoryIndex = categories.count - 1
            return categories.count - 1
        }
        if let looseCategoryIndex { return looseCategoryIndex }
        categories.append(Category(name: "Questions", kind: .general))
        looseCategoryIndex = categories.count - 1
        return categories.count - 1
    }

    private mutating func uniqueId(for title: String, line: Int, column: Int) -> String {
        let base = QuestionIdentity.id(bank: bank, title: title)
        guard let firstLine = seenIds[base] else {
            seenIds[base] = line
            return base
        }
        diagnostics.append(Diagnostic(line: line, column: column, severity: .error,
                                      message: "question \"\(title)\" has the same id as the question at line \(firstLine) (\(base)); reword one of them"))
        var suffix = 2
        while seenIds["\(base)-\(suffix)"] != nil { suffix += 1 }
        seenIds["\(base)-\(suffix)"] = line
        return "\(base)-\(suffix)"
    }

    private mutating func check(_ question: Question, drafts: [SectionDraft], column questionColumn: Int) {
        func report(_ severity: Diagnostic.Severity, _ message: String, line: Int? = nil, column: Int? = nil) {
            diagnostics.append(Diagnostic(line: line ?? question.line, column: column ?? questionColumn,
                                          severity: severity, message: message))
        }
        var quoted: String { "\"\(question.title.prefix(60))\(question.title.count > 60 ? "…" : "")\"" }
        guard drafts.contains(where: { !$0.items.isEmpty }) else {
            return report(.error, "question \(quoted) has no answer", column: questionColumn)
        }
        for draft in drafts where draft.items.isEmpty {
            report(.warning, "section \"\(draft.label)\" is empty", line: draft.line, column: draft.column)
        }
        if question.followUps.isEmpty {
            report(.warning, "question \(quoted) has no follow-up points", column: questionColumn)
        }
        if question.rubric.isEmpty {
            report(.warning, "question \(quoted) has no rubric points (add \"Reasoning and Best Practices\" or a \"Rubric\" list)", column: questionColumn)
        }
    }

    // MARK: Briefing

    private mutating func addBriefing(_ heading: String, items: [String]) {
        let items = items.filter { !$0.isEmpty }
        guard !items.isEmpty else { return }
        if briefing.last?.heading == heading {
            briefing[briefing.count - 1].items += items
        } else {
            briefing.append(BriefingSection(heading: heading, items: items))
        }
    }

    private func line(_ node: MarkdownNode) -> Int { node.startLine + lineOffset }
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
