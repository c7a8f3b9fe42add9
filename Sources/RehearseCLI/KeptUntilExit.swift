/// Values a command is done with just before the process ends. Freeing a large guide releases
/// its strings and arrays one by one, which costs a noticeable share of reading it; the kernel
/// takes the whole heap back at exit at once. Commands that end right after reading guides
/// (`lint`, `inspect`, `banks`) therefore keep them instead of freeing them.
enum KeptUntilExit {
    private final class Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
