import PacteEvents

extension ActionFunding {
    /// Several years of one action's money of one kind (planned or voted) taken together:
    /// the State's and the other partners' cash summed, and the co-financing judgment
    /// combined as `check` combines it (``Status/combining(_:)``). The budget's per-action
    /// rows show these values.
    public struct Total: Sendable, Hashable {
        public var stateCashCents = 0
        public var otherCashCents = 0
        public var status = Status.notStateFunded

        /// The sum of `fundings` (one action's years, one kind of money).
        public init(_ fundings: [ActionFunding] = []) {
            for funding in fundings {
                stateCashCents.addSaturating(funding.stateCashCents)
                otherCashCents.addSaturating(funding.otherCashCents)
            }
            status = .combining(fundings.map(\.status))
        }

        public var cashCents: Int { stateCashCents.addingSaturating(otherCashCents) }
        /// The State's share of the cash, exact.
        public var stateShare: Share { Share(stateCashCents, of: cashCents) }
    }
}
