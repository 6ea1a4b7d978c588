import PacteEvents

extension ActionFunding {
    /// A partner's decision on a year.
    struct PartnerYear: Hashable {
        var partner: ByteKey
        var year: Int
    }

    /// The commitments read once: each adopted commitment's cash and in-kind per action it
    /// names, and which partners have decided on which year (adopted or rejected; a
    /// deferred vote is no decision yet). Linear in the commitments' lines.
    struct Votes {
        struct ActionShare {
            /// Index in `state.commitments`.
            var commitment: Int
            var cashCents = 0
            var inKindCents = 0
        }

        /// Per action, in the commitments' order.
        var adoptedShares: [ByteKey: [ActionShare]] = [:]
        var decided: Set<PartnerYear> = []

        init(_ commitments: [CommitmentRecord]) {
            for (index, commitment) in commitments.enumerated() {
                if commitment.outcome != .deferred {
                    decided.insert(PartnerYear(partner: ByteKey(commitment.partnerId), year: commitment.year))
                }
                guard commitment.isAdopted else { continue }
                var shares: [ByteKey: ActionShare] = [:]
                var order: [ByteKey] = []
                func share(_ actionId: String) -> ByteKey {
                    let key = ByteKey(actionId)
                    if shares[key] == nil {
                        shares[key] = ActionShare(commitment: index)
                        order.append(key)
                    }
                    return key
                }
                for line in commitment.lines { shares[share(line.actionId)]!.cashCents.addSaturating(line.amountCents) }
                for line in commitment.inKind { shares[share(line.actionId)]!.inKindCents.addSaturating(line.valuationCents) }
                for key in order where shares[key]!.cashCents > 0 || shares[key]!.inKindCents > 0 {
                    adoptedShares[key, default: []].append(shares[key]!)
                }
            }
        }
    }
}
