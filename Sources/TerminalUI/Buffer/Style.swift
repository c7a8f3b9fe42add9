/// How a cell is drawn. Colours are named by meaning; the backend maps them to the terminal's
/// colours, or to attributes alone when colour is off (`NO_COLOR`, monochrome terminals).
public struct Style: Hashable, Sendable {
    public enum Color: UInt8, Hashable, Sendable, CaseIterable {
        /// Headings, the selected row, the focused field.
        case accent
        /// Things that went well: detected points, a quantified result.
        case good
        /// 80 % of the time used; advice.
        case warning
        /// Time is up; errors.
        case danger
    }

    public var color: Color?
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false

    public init(color: Color? = nil, bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.color = color
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let reverse = Style(reverse: true)
    public static let heading = Style(color: .accent, bold: true)
    public static let good = Style(color: .good)
    public static let warning = Style(color: .warning, bold: true)
    public static let danger = Style(color: .danger, bold: true)
}
