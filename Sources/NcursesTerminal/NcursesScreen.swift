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
    var decoder: InputDecoder
    var input: TerminalInput
    /// Where the terminal's size is asked (the output: the input may be a file in tests).
    let outputDescriptor: Int32
    let outputFile: UnsafeMutablePointer<FILE>
    /// When input last came: a paste ends after a silence.
    var lastInput = ContinuousClock.now
    let escapeDelay: Duration
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
        // The terminal's keypad in application mode, as its terminfo entry describes it.
        keypad(window, true)
        // Input is read by Rehearse, not ncurses: ncurses must not look at it while drawing.
        typeahead(-1)
        curs_set(0)
        cursorVisible = false
        usesColor = Palette.start()
        decoder = InputDecoder(namedSequences: TerminfoKeys.sequences())
        self.input = TerminalInput(descriptor: fileno(input))
        outputDescriptor = fileno(output)
        outputFile = output
        escapeDelay = Self.escapeDelay(environment: getenv("ESCDELAY").map { String(cString: $0) })
        size = Self.currentSize()
        setBracketedPaste(true)
    }

    /// Asks the terminal to mark pastes (`ESC [ 200 ~` … `ESC [ 201 ~`), or to stop. Terminals
    /// that do not know the mode ignore it. Written straight to the terminal (ncurses's putp
    /// writes to standard output, whatever the screen's), after what ncurses has sent.
    func setBracketedPaste(_ on: Bool) {
        fflush(outputFile)
        let sequence = Array((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8)
        _ = sequence.withUnsafeBytes { write(outputDescriptor, $0.baseAddress, $0.count) }
    }

    deinit {
        stop()
    }

    /// Gives the terminal back: safe to call more than once, and after `suspend()`.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        set_term(screen)
        if !isendwin() {
            endwin()
            setBracketedPaste(false)
        }
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
        setBracketedPaste(false)
        suspended = true
    }

    /// Takes the terminal back; the next draw writes every cell again.
    public func resume() {
        guard !stopped, suspended else { return }
        reset_prog_mode()
        // ncurses clears and repaints the whole terminal from its own copy of the screen here,
        // so the next draw need not clear again.
        refresh()
        setBracketedPaste(true)
        suspended = false
        cursorVisible = nil
        redraw = max(redraw, .everything)
        // The size may have changed while the other program had the terminal.
        _ = SignalFlag.takeResize()
        takeNewSize()
    }

    /// The terminal's size as the kernel has it now, told to ncurses.
    func takeNewSize() {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if rehearse_window_size(outputDescriptor, &rows, &columns) == 0 { resizeterm(rows, columns) }
        size = Self.currentSize()
    }

    /// Installs the SIGINT, SIGTERM, SIGHUP and SIGWINCH handlers (once; every screen does it too).
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
