import CNcurses
import TerminalUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why ncurses could not start.
public struct NcursesError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// The real terminal, through ncurses: raw keys in, changed cells out. One screen at a time:
/// ncurses keeps global state. `stop()` (or deinit) gives the terminal back.
public final class NcursesScreen: Terminal {
    /// Whether meanings are drawn as colours (else as attributes alone).
    public let usesColor: Bool
    public internal(set) var size: Size

    let screen: OpaquePointer
    /// Files opened for a test screen, closed on stop.
    private let ownedFiles: [UnsafeMutablePointer<FILE>]
    let decoder: KeyDecoder
    /// The last frame drawn, to send only what changed.
    var previous: CellBuffer?
    /// What the next draw must do beyond sending changes.
    var redraw = Redraw.clear

    /// The cursor's visibility as last set; nil when unknown.
    var cursorVisible: Bool?
    var suspended = false
    private var stopped = false

    /// How much of the screen the next draw sends.
    enum Redraw: Comparable {
        /// Send only what changed.
        case changes
        /// Write every cell again (ncurses still sends only what differs from its screen).
        case everything
        /// Blank the window and repaint the terminal from scratch.
        case clear
    }

    /// Takes over the process's terminal (standard input and output) as initscr would, but
    /// throws instead of exiting when that is not possible.
    public convenience init() throws(NcursesError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw NcursesError(description: "standard input and output must be a terminal")
        }
        try self.init(terminalType: nil, output: rehearse_stdout(), input: rehearse_stdin(), ownedFiles: [])
    }

    /// A screen on files instead, for tests: `terminalType` is a terminfo name such as
    /// "xterm-256color"; the size comes from LINES/COLUMNS or the terminfo entry.
    public convenience init(terminalType: String, outputPath: String, inputPath: String = "/dev/null") throws(NcursesError) {
        guard let output = fopen(outputPath, "w") else {
            throw NcursesError(description: "cannot open \(outputPath) for writing")
        }
        guard let input = fopen(inputPath, "r") else {
            fclose(output)
            throw NcursesError(description: "cannot open \(inputPath) for reading")
        }
        try self.init(terminalType: terminalType, output: output, input: input, ownedFiles: [output, input])
    }

    private init(
        terminalType: String?,
        output: UnsafeMutablePointer<FILE>,
        input: UnsafeMutablePointer<FILE>,
        ownedFiles: [UnsafeMutablePointer<FILE>]
    ) throws(NcursesError) {
        SignalFlag.install()
        UTF8Locale.select()
        let started = terminalType.map { newterm($0, output, input) } ?? newterm(nil, output, input)
        guard let started else {
            ownedFiles.forEach { fclose($0) }
            let name = terminalType ?? getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw NcursesError(description: "ncurses cannot use the terminal type \(name)")
        }
        screen = started
        self.ownedFiles = ownedFiles
        set_term(started)
        let window = rehearse_stdscr()
        // raw, not cbreak: Ctrl-C, Ctrl-Q, Ctrl-S and Ctrl-Z arrive as keys.
        raw()
        noecho()
        nonl()
        keypad(window, true)
        // Long enough for an escape sequence to arrive whole, short enough that Esc feels instant.
        set_escdelay(25)
        curs_set(0)
        cursorVisible = false
        usesColor = Palette.start()
        KeyCodes.bindNormalModeKeys()
        decoder = KeyDecoder(keyCodes: KeyCodes.table())
        size = Self.currentSize()
    }

    deinit {
        stop()
    }

    /// Gives the terminal back: safe to call more than once, and after `suspend()`.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        set_term(screen)
        if !isendwin() { endwin() }
        delscreen(screen)
        ownedFiles.forEach { fclose($0) }
    }

    public var isStopped: Bool { stopped }

    /// The bell at 100 % of the time; terminals without one flash instead.
    public func bell() {
        guard !stopped, !suspended else { return }
        if beep() == ERR { _ = flash() }
    }

    /// Hands the terminal to another program (`$EDITOR`).
    public func suspend() {
        guard !stopped, !suspended else { return }
        def_prog_mode()
        endwin()
        suspended = true
    }

    /// Takes the terminal back; the next draw writes every cell again.
    public func resume() {
        guard !stopped, suspended else { return }
        reset_prog_mode()
        // ncurses clears and repaints the whole terminal from its own copy of the screen here,
        // so the next draw need not clear again.
        refresh()
        suspended = false
        cursorVisible = nil
        redraw = max(redraw, .everything)
        size = Self.currentSize()
    }

    /// Installs the SIGINT, SIGTERM and SIGHUP handlers (once; every screen does it too).
    public static func installSignalHandlers() {
        SignalFlag.install()
    }

    /// The terminating signal received and not yet taken, if any.
    public static var pendingSignal: Int32? { SignalFlag.pending }

    /// The pending signal, clearing it.
    public static func takePendingSignal() -> Int32? { SignalFlag.take() }

    static func currentSize() -> Size {
        let window = rehearse_stdscr()
        return Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }
}
