import PacteEvents

/// The money of the adopted commitments, by action: for each action, the commitments that
/// bring it cash or in-kind money, in the order of ``PactState/commitments``, with those
/// amounts. Built in one pass over the commitments, so that the judgments made for every
/// action (co-financing, the State funding window) do not scan every commitment for each.
struct CommitmentsByAction: Sendable {
    struct Entry: Sendable {
        /// The commitment's position in ``PactState/commitments``.
        var commitment: Int
        /// The commitment's cash for the action (its lines for it, summed).
        var cashCents: Int
        /// The commitment's in-kind valuation for the action.
        var inKindCents: Int
    }

    private var entries: [ByteKey: [Entry]] = [:]

    init(_ commitments: [CommitmentRecord]) {
        for index in commitments.indices where commitments[index].isAdopted {
            // The commitment's money per action it names, in the order first named
            // (a dictionary: a commitment may name thousands of actions).
            var sums: [ByteKey: Entry] = [:]
            var order: [ByteKey] = []
            func add(_ actionId: String, cash: Int, inKind: Int) {
                let action = ByteKey(actionId)
                if sums[action] == nil {
                    sums[action] = Entry(commitment: index, cashCents: 0, inKindCents: 0)
                    order.append(action)
                }
                sums[action]!.cashCents.addSaturating(cash)
                sums[action]!.inKindCents.addSaturating(inKind)
            }
            for line in commitments[index].lines { add(line.actionId, cash: line.amountCents, inKind: 0) }
            for line in commitments[index].inKind { add(line.actionId, cash: 0, inKind: line.valuationCents) }
            for action in order {
                let entry = sums[action]!
                if entry.cashCents > 0 || entry.inKindCents > 0 { entries[action, default: []].append(entry) }
            }
        }
    }

    /// The adopted commitments that bring `actionId` money, in order.
    subscript(actionId: String) -> [Entry] {
        entries[ByteKey(actionId)] ?? []
    }
}
