/// The answer editor's undo and redo. Each step is one change (text removed and inserted at
/// a place) and the insertion point on either side of it. Typing joins the step before it
/// until a new word starts, the insertion point moves or another kind of edit comes, so undo
/// takes typing back a word at a time; a run of Backspace is one step; a paste, a new line, a
/// word deleted and a text from `$EDITOR` are a step each.
struct UndoHistory: Equatable, Sendable {
    struct Change: Equatable, Sendable {
        var location: Int
        var removed: [Character]
        var inserted: [Character]
        var cursorBefore: Int
        var cursorAfter: Int
    }

    enum Kind: Equatable, Sendable {
        case typing, deleting, single
    }

    /// Steps kept, and characters kept across them: older steps are forgotten beyond either.
    static let stepLimit = 500
    static let characterLimit = 500_000

    private var undoSteps: [Change] = []
    private var redoSteps: [Change] = []
    /// The kind of the last step, while the next edit may still join it.
    private var openKind: Kind?
    private var keptCharacters = 0

    var canUndo: Bool { !undoSteps.isEmpty }
    var canRedo: Bool { !redoSteps.isEmpty }

    /// Records a change just made; it may join the step before it.
    mutating func record(_ change: Change, as kind: Kind) {
        redoSteps.removeAll()
        if openKind == kind, var last = undoSteps.last, Self.join(&last, change, kind) {
            undoSteps[undoSteps.count - 1] = last
            keptCharacters += change.removed.count + change.inserted.count
            return
        }
        undoSteps.append(change)
        keptCharacters += change.removed.count + change.inserted.count
        openKind = kind == .single ? nil : kind
        while undoSteps.count > Self.stepLimit || (keptCharacters > Self.characterLimit && undoSteps.count > 1) {
            let dropped = undoSteps.removeFirst()
            keptCharacters -= dropped.removed.count + dropped.inserted.count
        }
    }

    /// Whether `change` extends `last`: typing right after it, not starting a new word, or
    /// deleting next to it.
    private static func join(_ last: inout Change, _ change: Change, _ kind: Kind) -> Bool {
        switch kind {
        case .typing:
            guard last.removed.isEmpty, change.removed.isEmpty, change.location == last.location + last.inserted.count else { return false }
            if let previous = last.inserted.last, let next = change.inserted.first, previous.isWhitespace, !next.isWhitespace { return false }
            last.inserted += change.inserted
        case .deleting:
            guard last.inserted.isEmpty, change.inserted.isEmpty else { return false }
            if change.location + change.removed.count == last.location {
                last.location = change.location
                last.removed = change.removed + last.removed
            } else if change.location == last.location {
                last.removed += change.removed
            } else {
                return false
            }
        case .single:
            return false
        }
        last.cursorAfter = change.cursorAfter
        return true
    }

    /// Ends the step being built: the next edit starts a new one (the insertion point moved).
    mutating func close() {
        openKind = nil
    }

    mutating func takeUndo() -> Change? {
        openKind = nil
        guard let change = undoSteps.popLast() else { return nil }
        redoSteps.append(change)
        return change
    }

    mutating func takeRedo() -> Change? {
        openKind = nil
        guard let change = redoSteps.popLast() else { return nil }
        undoSteps.append(change)
        return change
    }
}
