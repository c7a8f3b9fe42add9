import Synchronization

/// An embedder that remembers what it embedded: a guide's rubric points are the same for every
/// answer, so their vectors are computed once per process (and, through `preload` and
/// `entries`, kept wherever the caller keeps them between processes).
public final class CachedTokenEmbedder: TokenEmbedder {
    private let base: any TokenEmbedder
    private let memory = Mutex<[String: TokenVectors]>([:])

    public init(_ base: any TokenEmbedder) {
        self.base = base
    }

    public func tokenVectors(for text: String) throws -> TokenVectors {
        if let known = memory.withLock({ $0[text] }) { return known }
        let vectors = try base.tokenVectors(for: text)
        memory.withLock { $0[text] = vectors }
        return vectors
    }

    /// Vectors computed earlier, by text.
    public func preload(_ entries: [String: TokenVectors]) {
        memory.withLock { $0.merge(entries) { current, _ in current } }
    }

    /// Everything remembered so far, by text.
    public var entries: [String: TokenVectors] { memory.withLock { $0 } }
}
