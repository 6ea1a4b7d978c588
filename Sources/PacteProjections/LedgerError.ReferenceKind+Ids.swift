import PacteEvents

extension LedgerError.ReferenceKind {
    /// The ids of this kind `events` define, in order and once each (line numbers for
    /// extension requests), as a message listing what a reference could have named.
    public func ids(in events: [LedgerEvent]) -> [String] {
        var ids: [String] = []
        for event in events {
            let data = event.data
            switch (self, event.type) {
            case (.partner, .pactDrafted):
                if case .object(let porteur)? = data["porteur"], case .string(let id)? = porteur["id"] { ids.append(id) }
            case (.partner, .partnerJoined):
                if case .object(let partner)? = data["partner"], case .string(let id)? = partner["id"] { ids.append(id) }
            case (.priority, .prioritySet):
                if case .string(let id)? = data["priorityId"] { ids.append(id) }
            case (.action, .actionAdded):
                if case .object(let sheet)? = data["sheet"], case .string(let id)? = sheet["actionId"] { ids.append(id) }
            case (.extensionRequest, .extensionRequested):
                ids.append(String(event.seq))
            default:
                break
            }
        }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
