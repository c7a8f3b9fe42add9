import InterviewCore
import Testing

/// Word counts of Chinese, Japanese and Korean text: each ideograph and each kana is a word.
@Suite struct WordsCJKTests {
    @Test func eachIdeographIsAWord() {
        // Three long Chinese sentences: 47 ideographs, which had counted as 3 words.
        let chinese = "我们在边缘设备上部署了量化后的模型。延迟从八十毫秒降到了二十毫秒。客户对结果非常满意并且续签了合同。"
        #expect(Words.split(chinese).count == 47)
        #expect(Words.split("模型") == ["模", "型"])
    }

    @Test func eachKanaIsAWordAndMarksThatExtendOneAddNone() {
        #expect(Words.split("まず遅延を測る") == ["ま", "ず", "遅", "延", "を", "測", "る"])
        #expect(Words.split("サーバー") == ["サ", "バ"], "ー lengthens the kana before it")
        #expect(Words.split("時々") == ["時"], "々 repeats the ideograph before it")
        #expect(Words.split("ｻｰﾊﾞ") == ["ｻ", "ﾊ"], "halfwidth kana, with the halfwidth marks")
    }

    @Test func koreanCountsBySpacedWords() {
        #expect(Words.split("지연 시간을 줄였습니다") == ["지연", "시간을", "줄였습니다"])
    }

    @Test func mixedTextCountsBoth() {
        #expect(Words.split("We cut latency 遅延 by 60%.") == ["we", "cut", "latency", "遅", "延", "by", "60"])
        #expect(Words.split("TensorRT化した") == ["tensorrt", "化", "し", "た"])
    }
}
