import PacteEvents

/// What the last events folded into a ``PactState`` changed, for the folds built on it
/// (``AmendmentHistory`` reads and clears it at each event instead of comparing the whole
/// state before and after).
///
/// It is bookkeeping, not part of the pact: two states that differ only by their journal
/// are equal.
struct FoldJournal: Sendable, Hashable {
    /// A revision appended to an action sheet: positions in `actions` and its `revisions`.
    struct Revision: Sendable, Hashable {
        var action: Int
        var revision: Int
    }

    var revisions: [Revision] = []
    /// The documents that entered into force, in order.
    var documentsInForce: [DocumentReference] = []

    /// Forgets the previous event's changes (keeping the storage).
    mutating func clear() {
        if !revisions.isEmpty { revisions.removeAll(keepingCapacity: true) }
        if !documentsInForce.isEmpty { documentsInForce.removeAll(keepingCapacity: true) }
    }

    static func == (lhs: FoldJournal, rhs: FoldJournal) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
