import PacteEvents

extension PactState {
    /// Puts the document at `index` in force if the event just folded completed it.
    ///
    /// A document is in force once every partner it was sent to has signed it, partners
    /// who withdrew before signing aside; the date is the last of those signatures (a
    /// signature of a partner who later withdrew still counts). Once in force, it stays
    /// so: a later withdrawal does not re-date it. Each ``DocumentSigning`` keeps who it
    /// still awaits, so that this takes constant time.
    mutating func settleEntryIntoForce(ofDocumentAt index: Int, source: EventReference) {
        let signing = documents[index]
        guard signing.inForceSince == nil, signing.isComplete, let date = signing.lastSignature else { return }
        documents[index].inForceSince = date
        documents[index].inForceSource = source
        journal.documentsInForce.append(signing.document)
        switch signing.document {
        case .convention:
            advance(to: .inForce, since: date, source: source)
        case .amendment(let number):
            releaseChanges(of: number, on: date)
        }
    }

    /// A partner withdrew, or joined again after withdrawing: the documents not in force
    /// stop or start waiting for its signature (a withdrawal may complete them).
    mutating func partnerWithdrawalChanged(_ id: ByteKey, withdrawn: Bool, source: EventReference) {
        for index in documents.indices where documents[index].inForceSince == nil {
            documents[index].partner(id, withdrawn: withdrawn)
            if withdrawn { settleEntryIntoForce(ofDocumentAt: index, source: source) }
        }
    }

    /// Where amendment `number` stands.
    public func amendmentStage(_ number: Int) -> AmendmentStage {
        guard let signing = signing(of: .amendment(number)) else { return .proposed }
        if let date = signing.inForceSince { return .inForce(since: date) }
        return signing.requests.isEmpty ? .proposed : .inSignature
    }
}
