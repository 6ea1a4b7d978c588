import PacteEvents

extension PactState {
    /// Checks every document not yet in force after an event that may complete it (a
    /// signature, a withdrawal, a request).
    ///
    /// A document is in force once every partner it was sent to has signed it, partners
    /// who withdrew before signing aside; the date is the last of those signatures (a
    /// signature of a partner who later withdrew still counts). Once in force, it stays
    /// so: a later withdrawal does not re-date it.
    mutating func settleEntriesIntoForce(source: EventReference) {
        for index in documents.indices where documents[index].inForceSince == nil {
            let signing = documents[index]
            let requested = signing.requestedPartnerIds
            guard !requested.isEmpty else { continue }
            var lastSignature: CivilDate?
            var complete = true
            var signers = 0
            for partnerId in requested {
                if let signature = signing.signature(of: partnerId) {
                    signers += 1
                    lastSignature = max(lastSignature ?? signature.date, signature.date)
                } else if partner(partnerId)?.isWithdrawn != true {
                    complete = false
                    break
                }
            }
            guard complete, signers > 0, let date = lastSignature else { continue }
            documents[index].inForceSince = date
            documents[index].inForceSource = source
            switch signing.document {
            case .convention:
                advance(to: .inForce, since: date, source: source)
            case .amendment(let number):
                releaseChanges(of: number, on: date)
            }
        }
    }

    /// Where amendment `number` stands.
    public func amendmentStage(_ number: Int) -> AmendmentStage {
        guard let signing = signing(of: .amendment(number)) else { return .proposed }
        if let date = signing.inForceSince { return .inForce(since: date) }
        return signing.requests.isEmpty ? .proposed : .inSignature
    }
}
