import PacteEvents

extension RuleCheck {
    // MARK: CHRONOLOGY

    /// A fact dated before the fact it answers: a signature before its document's
    /// `signature.requested`, an extension decided before it was requested, an
    /// amendment sent for signature before it was proposed. Votes are exempt: a body
    /// may vote on a draft before it is sent. The order of recording is free, so an
    /// append cannot refuse these; each finding names both lines.
    func chronologyFindings() -> [Finding] {
        var findings: [Finding] = []
        for signing in state.documents {
            let document = signing.document
            if let request = signing.requests.first {
                for signature in signing.signatures where signature.date < request.date {
                    findings.append(finding(
                        .chronology,
                        french: "\(partnerName(signature.partnerId)) a signé \(Formatted.document(document, in: .french)) le \(day(signature.date, .french)) (ligne \(signature.source.seq)), avant sa mise en signature le \(day(request.date, .french)) (ligne \(request.source.seq)). Vérifiez l'une des deux dates.",
                        english: "\(partnerName(signature.partnerId)) signed \(Formatted.document(document, in: .english)) on \(day(signature.date, .english)) (line \(signature.source.seq)), before it was sent for signature on \(day(request.date, .english)) (line \(request.source.seq)). Check one of the two dates.",
                        seq: [request.source.seq, signature.source.seq]))
                }
            }
            if case .amendment(let number) = document, let proposal = state.amendments.first(where: { $0.number == number }) {
                for request in signing.requests where request.date < proposal.proposedOn {
                    findings.append(finding(
                        .chronology,
                        french: "L'avenant n°\u{00A0}\(number) a été mis en signature le \(day(request.date, .french)) (ligne \(request.source.seq)), avant d'être proposé le \(day(proposal.proposedOn, .french)) (ligne \(proposal.source.seq)). Vérifiez l'une des deux dates.",
                        english: "Amendment \(number) was sent for signature on \(day(request.date, .english)) (line \(request.source.seq)), before it was proposed on \(day(proposal.proposedOn, .english)) (line \(proposal.source.seq)). Check one of the two dates.",
                        seq: [proposal.source.seq, request.source.seq]))
                }
            }
        }
        // A decision dated before its request is folded before it: the state keeps it apart.
        var requests: [ByteKey: (source: EventReference, actionId: String)] = [:]
        for record in state.extensions { requests[ByteKey(record.requestSource.id)] = (record.requestSource, record.actionId) }
        for early in state.decisionsBeforeRequest {
            let decision = early.source
            guard let (request, actionId) = requests[ByteKey(early.request)], decision.effective < request.effective else { continue }
            findings.append(finding(
                .chronology,
                french: "La prorogation de l'action \(actionId) a été décidée le \(day(decision.effective, .french)) (ligne \(decision.seq)), avant d'être demandée le \(day(request.effective, .french)) (ligne \(request.seq)). Vérifiez l'une des deux dates.",
                english: "The extension of action \(actionId) was decided on \(day(decision.effective, .english)) (line \(decision.seq)), before it was requested on \(day(request.effective, .english)) (line \(request.seq)). Check one of the two dates.",
                seq: [request.seq, decision.seq]))
        }
        return findings
    }
}
