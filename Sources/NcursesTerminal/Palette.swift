import CNcurses
import TerminalUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides whether to draw in colour and, if so, sets up one colour pair per meaning.
enum Palette {
    /// Needs a running ncurses screen. Returns whether colour is in use.
    static func start() -> Bool {
        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        guard allowed(noColor: noColor, hasColors: has_colors()), start_color() == OK, rehearse_colors() >= 8 else {
            return false
        }
        // -1 keeps the terminal's own background behind coloured text, where it allows that.
        let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
        for meaning in Style.Color.allCases {
            init_pair(NcursesScreen.colorPair(meaning), foreground(meaning), background)
        }
        return true
    }

    /// https://no-color.org: any non-empty NO_COLOR turns colour off; so does a terminal without.
    static func allowed(noColor: String?, hasColors: Bool) -> Bool {
        (noColor ?? "").isEmpty && hasColors
    }

    static func foreground(_ meaning: Style.Color) -> Int16 {
        switch meaning {
        case .accent: Int16(COLOR_CYAN)
        case .good: Int16(COLOR_GREEN)
        case .warning: Int16(COLOR_YELLOW)
        case .danger: Int16(COLOR_RED)
        }
    }
}
