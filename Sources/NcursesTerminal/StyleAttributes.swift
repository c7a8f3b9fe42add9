import CNcurses
import TerminalUI

/// The video attributes of a cell, as ncurses's own bits (so `rawValue` is an `attr_t`).
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: rehearse_a_bold())
    public static let dim = TextAttributes(rawValue: rehearse_a_dim())
    public static let reverse = TextAttributes(rawValue: rehearse_a_reverse())
    public static let underline = TextAttributes(rawValue: rehearse_a_underline())
}

extension NcursesScreen {
    /// The colour pair a meaning is drawn with; pair 0 is the terminal's own colours.
    public static func colorPair(_ color: Style.Color) -> Int16 {
        Int16(color.rawValue) + 1
    }

    /// How `style` is drawn: its own attributes plus, for its colour, a colour pair, or without
    /// colour (NO_COLOR, monochrome terminals) attributes that keep the meanings apart.
    public static func attributes(for style: Style, color: Bool) -> (attributes: TextAttributes, pair: Int16) {
        var attributes: TextAttributes = []
        if style.bold { attributes.insert(.bold) }
        if style.dim { attributes.insert(.dim) }
        if style.reverse { attributes.insert(.reverse) }
        if style.underline { attributes.insert(.underline) }
        guard let meaning = style.color else { return (attributes, 0) }
        if color { return (attributes, colorPair(meaning)) }
        switch meaning {
        case .accent: attributes.insert(.bold)
        case .good: break
        case .warning: attributes.formUnion([.bold, .underline])
        case .danger: attributes.formUnion([.bold, .reverse])
        }
        return (attributes, 0)
    }
}
