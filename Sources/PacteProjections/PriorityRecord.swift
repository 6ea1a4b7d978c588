import PacteEvents

/// A priority of the pact (`priority.set`; a later `priority.set` with the same id replaces it).
public struct PriorityRecord: Sendable, Hashable {
    public var priority: PrioritySet
    /// The date the priority was first set.
    public var firstSetOn: CivilDate
    /// The event that set its current content.
    public var source: EventReference
    /// Set when `priority.withdrawn` removed it.
    public var withdrawal: Withdrawal?

    public struct Withdrawal: Sendable, Hashable {
        public var date: CivilDate
        public var reason: String
        public var source: EventReference
    }

    public var id: String { priority.priorityId }
}
