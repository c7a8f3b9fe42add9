import InterviewCore

/// A terminal's size, in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// A cell's place: column `x`, row `y`, from the top left.
public struct Position: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// One cell of the screen. A wide character fills its own cell (width 2) and the one after it,
/// which holds a continuation (width 0) that is never drawn.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var width: UInt8
    public var style: Style

    public init(_ character: Character = " ", width: UInt8 = 1, style: Style = .plain) {
        self.character = character
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
    static func continuation(_ style: Style) -> Cell { Cell(" ", width: 0, style: style) }
}

/// What a screen draws into: a grid of cells, read by tests as text and by the backend as the
/// changes since the previous frame. Text put here is neutralised: control characters can
/// never reach the terminal.
public struct CellBuffer: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should be shown (the editor's insertion point), if anywhere.
    public var cursor: Position?

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    public func contains(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    /// Writes `text` from (x, y) on one row, clipped at `limit` (the row's end by default);
    /// text cut there ends in `…` (spaces left out are no cut). Returns the column after the
    /// last character written.
    @discardableResult
    public mutating func put<S: Sequence<Character>>(_ text: S, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        let end = min(limit ?? size.width, size.width)
        guard y >= 0, y < size.height else { return x }
        var column = x
        var characters = text.makeIterator()
        while let character = characters.next() {
            // Printable ASCII, most of any text, is shown as it is and one column wide. (Its
            // UTF-8 is the quick way to tell: `asciiValue` costs several times more.)
            let utf8 = character.utf8
            if utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F {
                guard column < end else {
                    if byte != 0x20 || Self.holdsMore(&characters) { markCut(from: x, at: column, end: end, y: y, style: style) }
                    return column
                }
                if column >= 0 { set(Cell(character, width: 1, style: style), x: column, y: y) }
                column += 1
                continue
            }
            guard let safe = Self.displayable(character) else { continue }
            let width = TextWidth.of(safe)
            if width == 0 {
                if column > 0, column <= end, column - 1 >= x { appendMark(safe, at: column - 1, y) }
                continue
            }
            guard column + width <= end else {
                if safe != " " || Self.holdsMore(&characters) { markCut(from: x, at: column, end: end, y: y, style: style) }
                return column
            }
            if column >= 0 { set(Cell(safe, width: UInt8(width), style: style), x: column, y: y) }
            if width == 2, column + 1 >= 0 { set(.continuation(style), x: column + 1, y: y) }
            column += width
        }
        return column
    }

    /// Whether anything but spaces is left.
    private static func holdsMore<I: IteratorProtocol<Character>>(_ characters: inout I) -> Bool {
        while let character = characters.next() {
            if character != " " { return true }
        }
        return false
    }

    /// Ends a cut run of text with `…`: after the last character shown when there is room,
    /// else in place of it.
    private mutating func markCut(from x: Int, at column: Int, end: Int, y: Int, style: Style) {
        var place = column < end ? column : end - 1
        guard place >= max(0, x) else { return }
        if cells[y * size.width + place].width == 0, place > max(0, x) { place -= 1 }
        set(Cell("…", width: 1, style: style), x: place, y: y)
    }

    /// Paints `style` over a row's cells from x to limit, keeping their characters.
    public mutating func paint(_ style: Style, x: Int, y: Int, limit: Int? = nil) {
        guard y >= 0, y < size.height else { return }
        for column in max(0, x)..<max(max(0, x), min(limit ?? size.width, size.width)) {
            cells[y * size.width + column].style = style
        }
    }

    /// Blanks a rectangle.
    public mutating func clear(x: Int, y: Int, width: Int, height: Int, style: Style = .plain) {
        for row in max(0, y)..<max(max(0, y), min(y + height, size.height)) {
            for column in max(0, x)..<max(max(0, x), min(x + width, size.width)) {
                cells[row * size.width + column] = Cell(" ", width: 1, style: style)
            }
        }
    }

    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x < size.width else { return }
        let index = y * size.width + x
        // Overwriting half of a wide character blanks its other half.
        if cells[index].width == 0, x > 0, cells[index - 1].width == 2 { cells[index - 1] = Cell(" ", style: cells[index - 1].style) }
        if cells[index].width == 2, x + 1 < size.width, cell.width != 2 { cells[index + 1] = Cell(" ", style: cells[index + 1].style) }
        cells[index] = cell
    }

    /// A combining mark joins the character before it.
    private mutating func appendMark(_ mark: Character, at x: Int, _ y: Int) {
        var index = y * size.width + x
        if cells[index].width == 0, x > 0 { index -= 1 }
        let combined = String(cells[index].character) + String(mark)
        if combined.count == 1 { cells[index].character = Character(combined) }
    }

    /// What a cell may show of `character`: control characters and bidirectional overrides
    /// as a visible stand-in, and nothing of the invisible format characters (zero-width
    /// spaces and joiners, direction marks, the byte-order mark), which a terminal would
    /// attach to whatever it draws next; nil when nothing is left. A zero-width joiner between
    /// two emoji stays: it makes them one picture.
    static func displayable(_ character: Character) -> Character? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return nil }
        if scalars.count == 1, first.value >= 0x20, first.value < 0x7F { return character }
        if scalars.contains(where: { TerminalText.needsNeutralizing($0) }) {
            return first.value == 0x09 ? " " : "\u{FFFD}"
        }
        guard scalars.contains(where: isInvisible) else { return character }
        let all = Array(scalars)
        var kept = String.UnicodeScalarView()
        for (index, scalar) in all.enumerated() {
            let joinsEmoji = scalar.value == 0x200D && index > 0 && index + 1 < all.count
                && isPictograph(all[index - 1], orItsModifier: true) && isPictograph(all[index + 1], orItsModifier: false)
            if joinsEmoji || !isInvisible(scalar) { kept.append(scalar) }
        }
        return String(kept).first
    }

    /// Zero-width and direction format characters that show nothing themselves.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0x061C, 0x180E: true
        default: false
        }
    }

    private static func isPictograph(_ scalar: Unicode.Scalar, orItsModifier: Bool) -> Bool {
        if orItsModifier, scalar.value == 0xFE0F || scalar.properties.isEmojiModifier { return true }
        return scalar.value > 0xFF && scalar.properties.isEmoji
    }

    /// The rows as text, trailing spaces trimmed: what a snapshot test compares.
    public var lines: [String] {
        (0..<size.height).map { row in
            var line = ""
            for column in 0..<size.width {
                let cell = cells[row * size.width + column]
                if cell.width > 0 { line.append(cell.character) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }

    /// A run of changed cells on one row.
    public struct Change: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var cells: ArraySlice<Cell>
    }

    /// The runs of cells that differ from `previous`; everything when there is none or its size
    /// differs.
    public func changes(since previous: CellBuffer?) -> [Change] {
        let width = size.width
        guard let previous, previous.size == size else {
            return (0..<size.height).map { Change(x: 0, y: $0, cells: cells[($0 * width)..<(($0 + 1) * width)]) }
        }
        var changes: [Change] = []
        cells.withUnsafeBufferPointer { now in
            previous.cells.withUnsafeBufferPointer { before in
                for row in 0..<size.height {
                    let start = row * width
                    var column = 0
                    while column < width {
                        guard now[start + column] != before[start + column] else {
                            column += 1
                            continue
                        }
                        // A run starts on a character's first cell and ends after a whole one.
                        var first = column
                        if now[start + first].width == 0, first > 0 { first -= 1 }
                        var last = column
                        while last + 1 < width, now[start + last + 1] != before[start + last + 1] || now[start + last + 1].width == 0 {
                            last += 1
                        }
                        changes.append(Change(x: first, y: row, cells: cells[(start + first)...(start + last)]))
                        column = last + 1
                    }
                }
            }
        }
        return changes
    }
}
