@testable import AnswerModel
import Testing

@Suite struct TextWindowsTests {
    @Test func shortTextIsOneWindow() {
        #expect(TextWindows.plan(pieceCount: 10, limit: 10, endsSentence: { _ in false }, startsWord: { _ in true }) == [0..<10])
        #expect(TextWindows.plan(pieceCount: 0, limit: 10, endsSentence: { _ in false }, startsWord: { _ in true }) == [0..<0])
    }

    @Test func cutsAfterTheLastSentenceEndInTheSecondHalf() {
        let stops: Set<Int> = [3, 7, 15]
        let windows = TextWindows.plan(pieceCount: 25, limit: 10, endsSentence: stops.contains, startsWord: { _ in true })
        #expect(windows == [0..<8, 8..<16, 16..<25])
    }

    @Test func withoutASentenceEndCutsBeforeAWord() {
        // Pieces 8 and 9 continue the word that starts at 7.
        let windows = TextWindows.plan(pieceCount: 15, limit: 9, endsSentence: { _ in false }, startsWord: { ![8, 9].contains($0) })
        #expect(windows == [0..<7, 7..<15])
    }

    @Test func aWordLongerThanHalfAWindowIsCutAtTheLimit() {
        let windows = TextWindows.plan(pieceCount: 20, limit: 8, endsSentence: { _ in false }, startsWord: { $0 == 0 })
        #expect(windows == [0..<8, 8..<16, 16..<20])
    }

    @Test func windowsCoverEveryPieceOnceAndNeverExceedTheLimit() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let count = Int.random(in: 0..<700, using: &generator)
            let limit = Int.random(in: 2..<300, using: &generator)
            let stops = Set((0..<count).filter { _ in Int.random(in: 0..<12, using: &generator) == 0 })
            let starts = Set((0..<count).filter { _ in Int.random(in: 0..<3, using: &generator) > 0 })
            let windows = TextWindows.plan(pieceCount: count, limit: limit, endsSentence: stops.contains, startsWord: starts.contains)
            #expect(windows.first?.lowerBound == 0 && windows.last?.upperBound == count)
            #expect(zip(windows, windows.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(windows.allSatisfy { $0.count <= limit })
            #expect(windows.dropLast().allSatisfy { $0.count >= limit / 2 })
        }
    }
}

@Suite struct PassBatchTests {
    func windows(_ sizes: [Int]) -> [[Int32]] { sizes.map { [Int32](repeating: 1, count: $0) } }

    @Test func windowsAreBatchedUpToThePassLimit() {
        let limit = EmbeddingModel.positionsPerPass
        #expect(EmbeddingModel.batches(of: windows([10])) == [0..<1])
        #expect(EmbeddingModel.batches(of: windows([])) == [0..<0])
        let full = limit / 256
        let sizes = [Int](repeating: 256, count: full * 2 + 1)
        #expect(EmbeddingModel.batches(of: windows(sizes)) == [0..<full, full..<(2 * full), (2 * full)..<(2 * full + 1)])
        #expect(EmbeddingModel.batches(of: windows([limit + 5, 3])) == [0..<1, 1..<2])
    }
}
