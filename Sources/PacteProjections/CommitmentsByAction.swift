import PacteEvents

/// The money of the adopted commitments, by action: for each action, the commitments that
/// bring it cash or in-kind money, in the order of ``PactState/commitments``, with those
/// amounts. Built in one pass over the commitments, so that the judgments made for every
/// action (co-financing, the State funding window) do not scan every commitment for each.
struct CommitmentsByAction {
    struct Entry {
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
            // A commitment has a few lines: its actions are found by a scan.
            var sums: [(action: ByteKey, entry: Entry)] = []
            func add(_ actionId: String, cash: Int, inKind: Int) {
                let action = ByteKey(actionId)
                if let position = sums.firstIndex(where: { $0.action == action }) {
                    sums[position].entry.cashCents.addSaturating(cash)
                    sums[position].entry.inKindCents.addSaturating(inKind)
                } else {
                    sums.append((action, Entry(commitment: index, cashCents: cash, inKindCents: inKind)))
                }
            }
            for line in commitments[index].lines { add(line.actionId, cash: line.amountCents, inKind: 0) }
            for line in commitments[index].inKind { add(line.actionId, cash: 0, inKind: line.valuationCents) }
            for sum in sums where sum.entry.cashCents > 0 || sum.entry.inKindCents > 0 {
                entries[sum.action, default: []].append(sum.entry)
            }
        }
    }

    /// The adopted commitments that bring `actionId` money, in order.
    subscript(actionId: String) -> [Entry] {
        entries[ByteKey(actionId)] ?? []
    }
}
