import PacteEvents

// The pact's structure: SIGNATORIES, PRIORITY-LINK, PERIOD, IMPACT-RESULT.
extension RuleCheck {
    // MARK: SIGNATORIES

    /// The document that carries the partner's membership: avenant N for an adhesion by
    /// avenant N, the convention otherwise (the porteur, an initial partner, an adhesion
    /// that names no avenant).
    static func membershipDocument(of partner: PartnerRecord) -> DocumentReference {
        if partner.entry == .adhesion, let number = partner.amendment { return .amendment(number) }
        return .convention
    }

    func signatoriesFindings() -> [Finding] {
        var findings: [Finding] = []
        for partner in state.partners {
            let document = Self.membershipDocument(of: partner)
            // Judged once the document is sent for signature.
            guard let signing = state.signing(of: document), let dayZero = signing.requestedOn else { continue }
            let requested = signing.requestedPartnerIds
            if requested.contains(where: { $0.hasSameBytes(as: partner.id) }) { continue }
            // The State signs once: one State partner asked to sign is enough.
            if partner.isState, requested.contains(where: { stateIds.contains(ByteKey($0)) }) { continue }
            // A partner that withdrew before the document entered into force (or, while it
            // is not in force, at all) is not a party to it.
            if let withdrawal = partner.withdrawal, withdrawal.date <= (signing.inForceSince ?? date) { continue }
            let frenchDocument = Formatted.document(document, in: .french)
            let englishDocument = Formatted.document(document, in: .english)
            let frenchState = partner.isState ? " Aucun service de l'État n'est appelé à la signer : l'État signe une fois pour tous ses services." : ""
            let englishState = partner.isState ? " No State partner is asked to sign it: the State signs once for all its services." : ""
            findings.append(finding(
                .signatories,
                french: "\(partnerName(partner.id)), partenaire depuis le \(day(partner.joinedOn, .french)), n'est pas appelé à signer \(frenchDocument), mise en signature le \(day(dayZero, .french)) (signature.requested, partners) : chaque partenaire signe le document qui porte son adhésion.\(frenchState)",
                english: "\(partnerName(partner.id)), a partner since \(day(partner.joinedOn, .english)), is not asked to sign \(englishDocument), sent for signature on \(day(dayZero, .english)) (signature.requested, partners): every partner signs the document that carries its membership.\(englishState)",
                seq: [partner.source.seq] + signing.requests.map(\.source.seq)))
        }
        return findings
    }

    // MARK: PRIORITY-LINK

    func priorityLinkFindings() -> [Finding] {
        var findings: [Finding] = []
        for action in state.actions where action.closure == nil {
            let frenchAction = "L'action \(Formatted.action(action, in: .french))"
            let englishAction = "Action \(Formatted.action(action, in: .english))"
            let advice = (
                french: "rattachez-la à une priorité active (action.amended, priorityId) ou clôturez-la (action.closed).",
                english: "attach it to an active priority (action.amended, priorityId) or close it (action.closed).")
            guard let priorityId = action.sheet.priorityId, !Self.isBlank(priorityId) else {
                findings.append(finding(
                    .priorityLink,
                    french: "\(frenchAction) n'est rattachée à aucune priorité (priorityId) : \(advice.french)",
                    english: "\(englishAction) belongs to no priority (priorityId): \(advice.english)",
                    seq: sheetSeq(action)))
                continue
            }
            if state.priority(priorityId) != nil { continue }
            if let withdrawn = state.withdrawnPriorities.last(where: { $0.id == priorityId }), let withdrawal = withdrawn.withdrawal {
                findings.append(finding(
                    .priorityLink,
                    french: "\(frenchAction) relève de la priorité \(priorityId) « \(withdrawn.priority.title) », retirée le \(day(withdrawal.date, .french)) (priority.withdrawn) : \(advice.french)",
                    english: "\(englishAction) belongs to priority \(priorityId) “\(withdrawn.priority.title)”, withdrawn on \(day(withdrawal.date, .english)) (priority.withdrawn): \(advice.english)",
                    seq: sheetSeq(action) + [withdrawal.source.seq]))
            } else {
                findings.append(finding(
                    .priorityLink,
                    french: "\(frenchAction) relève de la priorité \(priorityId), inconnue du registre (aucun priority.set) : \(advice.french)",
                    english: "\(englishAction) belongs to priority \(priorityId), which the ledger does not know (no priority.set): \(advice.english)",
                    seq: sheetSeq(action)))
            }
        }
        return findings
    }

    // MARK: PERIOD

    func periodFindings() -> [Finding] {
        // No period, or one ending before it starts, is ARTICLES' finding.
        guard let period = state.pact?.period, period.start <= period.end, let pactSeq = state.pactSource?.seq else { return [] }
        var findings: [Finding] = []
        for action in liveActions {
            guard let schedule = action.sheet.schedule else { continue }
            let extensions = state.extensions.filter { $0.actionId == action.id && $0.grantedEnd != nil }
            let extendedEnd = extensions.compactMap(\.grantedEnd).max()
            let end = max(schedule.end, extendedEnd ?? schedule.end)
            var french: [String] = []
            var english: [String] = []
            if schedule.start < period.start {
                french.append("démarre le \(day(schedule.start, .french)), avant le début de la convention le \(day(period.start, .french))")
                english.append("starts on \(day(schedule.start, .english)), before the convention's period starts on \(day(period.start, .english))")
            }
            if end > period.end {
                let byExtension = extendedEnd.map { $0 == end && $0 > schedule.end } ?? false
                french.append("finit le \(day(end, .french))\(byExtension ? " (prorogation accordée)" : ""), après la fin de la convention le \(day(period.end, .french))")
                english.append("ends on \(day(end, .english))\(byExtension ? " (extension granted)" : ""), after the convention's period ends on \(day(period.end, .english))")
            }
            guard !french.isEmpty else { continue }
            let extensionSeq = extensions.flatMap { [$0.requestSource.seq] + ($0.decisionSource.map { [$0.seq] } ?? []) }
            findings.append(finding(
                .period,
                french: "L'action \(Formatted.action(action, in: .french)) \(Self.list(french, .french)) (pact.drafted, period : du \(day(period.start, .french)) au \(day(period.end, .french))) : une action se déroule dans la durée de la convention, ou la convention est révisée.",
                english: "Action \(Formatted.action(action, in: .english)) \(Self.list(english, .english)) (pact.drafted, period: \(day(period.start, .english)) to \(day(period.end, .english))): an action runs inside the convention's period, or the convention is revised.",
                seq: [pactSeq] + sheetSeq(action) + extensionSeq))
        }
        return findings
    }

    // MARK: IMPACT-RESULT

    func impactResultFindings() -> [Finding] {
        var findings: [Finding] = []
        for action in state.actions {
            guard let closure = action.closure, closure.outcome == .completed,
                let impact = action.sheet.impact, !Self.isBlank(impact.indicator)
            else { continue }
            if let result = closure.impactResult, result.value != .null { continue }
            findings.append(finding(
                .impactResult,
                french: "L'action \(Formatted.action(action, in: .french)), menée à bien le \(day(closure.date, .french)), ne donne pas le résultat de son indicateur d'impact « \(impact.indicator) » (action.closed, impactResult) : la mesure de l'impact sur le public cible est une exigence de l'État.",
                english: "Action \(Formatted.action(action, in: .english)), completed on \(day(closure.date, .english)), does not report the result of its impact indicator “\(impact.indicator)” (action.closed, impactResult): the State requires the impact on the target public to be measured.",
                seq: [closure.source.seq] + sheetSeq(action)))
        }
        return findings
    }
}
