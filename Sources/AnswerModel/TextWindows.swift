/// How a text longer than the model's window is cut: into consecutive runs of at most `limit`
/// pieces, each ending at a sentence end where one falls in its second half, else before a
/// word's first piece, so that a word is never split between windows if it can be helped.
enum TextWindows {
    static func plan(
        pieceCount: Int, limit: Int, endsSentence: (Int) -> Bool, startsWord: (Int) -> Bool
    ) -> [Range<Int>] {
        precondition(limit > 1)
        var windows: [Range<Int>] = []
        var start = 0
        while pieceCount - start > limit {
            // Where the window may end (the first piece left for the next one).
            let ends = (start + (limit + 1) / 2)...(start + limit)
            let end = ends.last(where: { endsSentence($0 - 1) }) ?? ends.last(where: startsWord) ?? ends.upperBound
            windows.append(start..<end)
            start = end
        }
        windows.append(start..<pieceCount)
        return windows
    }
}
