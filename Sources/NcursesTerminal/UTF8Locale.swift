#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ncurses reads and writes wide characters through the C library's locale, which is plain
/// ASCII ("C") until the program picks one.
enum UTF8Locale {
    static func select() {
        setlocale(LC_ALL, "")
        // A terminal reached with LANG unset (ssh, CI, containers) is almost always UTF-8 still.
        if !isUTF8 { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    static var isUTF8: Bool {
        guard let name = nl_langinfo(nl_item(CODESET)) else { return false }
        let codeset = String(cString: name).lowercased()
        return codeset == "utf-8" || codeset == "utf8"
    }
}
