import PacteEvents

extension ActionFunding {
    /// Which partners have decided on which year (adopted or rejected; a deferred vote is
    /// no decision yet), read once from the commitments: the votes awaited for an action
    /// and year are then found without scanning every commitment per sheet line.
    struct Decisions {
        private struct PartnerYear: Hashable {
            var partner: ByteKey
            var year: Int
        }

        private var decided: Set<PartnerYear> = []

        init(_ commitments: [CommitmentRecord]) {
            for index in commitments.indices where commitments[index].outcome != .deferred {
                decided.insert(PartnerYear(partner: ByteKey(commitments[index].partnerId), year: commitments[index].year))
            }
        }

        /// Whether `partner` has decided on `year`.
        func contain(_ partner: ByteKey, _ year: Int) -> Bool {
            decided.contains(PartnerYear(partner: partner, year: year))
        }
    }
}
