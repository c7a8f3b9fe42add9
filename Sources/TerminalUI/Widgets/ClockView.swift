import InterviewCore

/// The answer clock: the time in large digits and a bar of the time used, which turns amber at
/// 80 % and red at 100 %. Colour is never the only sign: the label says it too.
enum ClockView {
    /// Each glyph three rows high, drawn with block elements.
    private static let glyphs: [Character: [String]] = [
        "0": ["█▀█", "█ █", "█▄█"], "1": ["▀█ ", " █ ", "▄█▄"], "2": ["▀▀█", "█▀▀", "█▄▄"],
        "3": ["▀▀█", " ▀█", "▄▄█"], "4": ["█ █", "▀▀█", "  █"], "5": ["█▀▀", "▀▀█", "▄▄█"],
        "6": ["█▀▀", "█▀█", "█▄█"], "7": ["▀▀█", "  █", "  █"], "8": ["█▀█", "█▀█", "█▄█"],
        "9": ["█▀█", "▀▀█", "▄▄█"], ":": ["▄", " ", "▀"], "+": ["   ", "▄█▄", " ▀ "],
    ]

    /// The style for a share of the time used.
    static func style(used: Double) -> Style {
        used >= 1 ? .danger : used >= 0.8 ? .warning : .heading
    }

    /// Draws `text` ("4:00", "+0:12") in large digits; returns the width used.
    @discardableResult
    static func digits(_ text: String, x: Int, y: Int, style: Style, in buffer: inout CellBuffer) -> Int {
        var column = x
        for character in text {
            guard let glyph = glyphs[character] else { continue }
            for row in 0..<3 { buffer.put(glyph[row], x: column, y: y + row, style: style) }
            column += TextWidth.of(glyph[0]) + 1
        }
        return column - x
    }

    /// A bar `width` cells wide, filled by the share used (capped at full).
    static func bar(used: Double, x: Int, y: Int, width: Int, style fill: Style? = nil, in buffer: inout CellBuffer) {
        guard width > 2 else { return }
        let inner = width - 2
        let filled = Int((min(1, max(0, used)) * Double(inner)).rounded(.down))
        buffer.put("▕", x: x, y: y, style: .dim)
        buffer.put(String(repeating: "█", count: filled), x: x + 1, y: y, style: fill ?? style(used: used))
        buffer.put(String(repeating: "░", count: inner - filled), x: x + 1 + filled, y: y, style: .dim)
        buffer.put("▏", x: x + width - 1, y: y, style: .dim)
    }
}
