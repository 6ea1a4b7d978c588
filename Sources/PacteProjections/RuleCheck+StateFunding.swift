import PacteEvents

// The State's money: STATE-ANNUAL, STATE-SOURCE, COFINANCING, STATE-WINDOW, EXTENSION-AMENDMENT.
extension RuleCheck {
    /// Whether a finding is about the action sheets' planned funding or the votes.
    enum Money {
        case planned, voted

        var french: String { self == .planned ? "financement prévu à la fiche-action" : "engagement voté" }
        var english: String { self == .planned ? "planned funding of the action sheet" : "voted commitment" }
    }


    /// Whether the commitment at `index` is an adopted vote of a State partner (read in
    /// place: the rules copy only the records they report).
    func isAdoptedStateVote(at index: Int) -> Bool {
        state.commitments[index].isAdopted && stateIds.contains(ByteKey(state.commitments[index].partnerId))
    }

    // MARK: STATE-ANNUAL

    func stateAnnualFindings() -> [Finding] {
        var findings: [Finding] = []
        for action in state.actions {
            let years = Set((action.sheet.funding ?? []).filter { stateIds.contains(ByteKey($0.partnerId)) && $0.amountCents > 0 }.map(\.year))
            guard years.count > 1 else { continue }
            let list = years.sorted().map(String.init)
            findings.append(finding(
                .stateAnnual,
                french: "[\(Money.planned.french)] La fiche \(Formatted.action(action, in: .french)) prévoit des crédits de l'État sur plusieurs années (\(Self.list(list, .french))) : l'État ne s'engage que pour une année civile, celle de sa décision ; chaque année relève d'un engagement distinct (et d'une action qui démarre cette année-là).",
                english: "[\(Money.planned.english)] Sheet \(Formatted.action(action, in: .english)) plans State credits over several years (\(Self.list(list, .english))): the State commits for one calendar year only, the year of its decision; each year needs its own commitment.",
                seq: sheetSeq(action)))
        }
        for index in state.commitments.indices where isAdoptedStateVote(at: index) {
            guard state.commitments[index].year != state.commitments[index].decidedOn.year else { continue }
            let commitment = state.commitments[index]
            findings.append(finding(
                .stateAnnual,
                french: "[\(Money.voted.french)] L'engagement de \(partnerName(commitment.partnerId)) voté le \(day(commitment.decidedOn, .french)) (\(commitment.reference)) porte sur l'année \(commitment.year) : l'État ne peut s'engager que pour l'année civile de sa décision, \(commitment.decidedOn.year).",
                english: "[\(Money.voted.english)] The commitment of \(partnerName(commitment.partnerId)) decided on \(day(commitment.decidedOn, .english)) (\(commitment.reference)) covers \(commitment.year): the State may commit only for the calendar year of its decision, \(commitment.decidedOn.year).",
                seq: [commitment.source.seq]))
        }
        return findings
    }

    // MARK: STATE-SOURCE

    func stateSourceFindings() -> [Finding] {
        var findings: [Finding] = []
        for action in state.actions {
            for line in action.sheet.funding ?? [] where stateIds.contains(ByteKey(line.partnerId)) && !CreditSource.namesBOP304Action23(line.source) {
                findings.append(finding(
                    .stateSource,
                    french: "[\(Money.planned.french)] La fiche \(Formatted.action(action, in: .french)) prévoit \(euros(line.amountCents, .french)) de \(partnerName(line.partnerId)) pour \(line.year) avec la source « \(line.source) » : les crédits de l'État relèvent de l'action 23 « Pacte des solidarités » du BOP 304 ; écrivez par exemple « BOP 304 action 23 ».",
                    english: "[\(Money.planned.english)] Sheet \(Formatted.action(action, in: .english)) plans \(euros(line.amountCents, .english)) from \(partnerName(line.partnerId)) for \(line.year) with source “\(line.source)”: State credits come from BOP 304, action 23 “Pacte des solidarités”; write e.g. “BOP 304 action 23”.",
                    seq: sheetSeq(action)))
            }
        }
        for index in state.commitments.indices where isAdoptedStateVote(at: index) {
            for line in state.commitments[index].lines where !CreditSource.namesBOP304Action23(line.source) {
                let commitment = state.commitments[index]
                findings.append(finding(
                    .stateSource,
                    french: "[\(Money.voted.french)] L'engagement de \(partnerName(commitment.partnerId)) du \(day(commitment.decidedOn, .french)) (\(commitment.reference)) pour l'action \(line.actionId) (\(euros(line.amountCents, .french)), \(commitment.year)) a pour source « \(line.source) » : les crédits de l'État relèvent de l'action 23 « Pacte des solidarités » du BOP 304.",
                    english: "[\(Money.voted.english)] The commitment of \(partnerName(commitment.partnerId)) of \(day(commitment.decidedOn, .english)) (\(commitment.reference)) for action \(line.actionId) (\(euros(line.amountCents, .english)), \(commitment.year)) has source “\(line.source)”: State credits come from BOP 304, action 23.",
                    seq: [commitment.source.seq]))
            }
        }
        return findings
    }

    // MARK: COFINANCING

    func cofinancingFindings() -> [Finding] {
        ActionFunding.all(in: state, judgedAt: date, votedMoney: votedMoney).compactMap { funding in
            guard let action = state.action(funding.actionId) else { return nil }
            return cofinancingFinding(action: action, funding: funding)
        }
    }

    private func cofinancingFinding(action: ActionRecord, funding: ActionFunding) -> Finding? {
        let severity: Severity
        switch funding.status {
        case .notStateFunded, .cofinanced: return nil
        case .awaitingVotes: severity = .info
        case .shortfall: severity = .error
        }
        let money: Money = funding.money == .planned ? .planned : .voted
        let frenchShare = Formatted.percent(funding.othersShare, in: .french)
        let englishShare = Formatted.percent(funding.othersShare, in: .english)
        let frenchInKind = funding.inKindCents > 0 ? " (apports en nature valorisés à \(euros(funding.inKindCents, .french)), non comptés)" : ""
        let englishInKind = funding.inKindCents > 0 ? " (in-kind valued at \(euros(funding.inKindCents, .english)), not counted)" : ""
        var frenchAwaited = ""
        var englishAwaited = ""
        if funding.status == .awaitingVotes {
            let names = funding.awaitedPartnerIds.map(partnerName)
            frenchAwaited = " Votes attendus pour \(funding.year) : \(Self.list(names, .french)) ; le constat deviendra une erreur si le cofinancement manque encore après leurs votes ou à la fin de l'année."
            englishAwaited = " Votes awaited for \(funding.year): \(Self.list(names, .english)); this becomes an error if co-financing is still short after their votes or at the end of the year."
        }
        return finding(
            .cofinancing, severity,
            french: "[\(money.french)] Action \(Formatted.action(action, in: .french)), année \(funding.year) : les partenaires autres que l'État apportent \(euros(funding.otherCashCents, .french)) sur un budget total en numéraire de \(euros(funding.cashCents, .french)) dont \(euros(funding.stateCashCents, .french)) de l'État, soit \(frenchShare), moins des 50 % requis\(frenchInKind) ; il manque \(euros(funding.shortfallCents, .french)) de cofinancement.\(frenchAwaited)",
            english: "[\(money.english)] Action \(Formatted.action(action, in: .english)), year \(funding.year): partners other than the State bring \(euros(funding.otherCashCents, .english)) of a total cash budget of \(euros(funding.cashCents, .english)) including \(euros(funding.stateCashCents, .english)) from the State, i.e. \(englishShare), below the required 50 %\(englishInKind); \(euros(funding.shortfallCents, .english)) of co-financing is missing.\(englishAwaited)",
            seq: funding.seq)
    }

    // MARK: STATE-WINDOW

    func stateWindowFindings() -> [Finding] {
        var findings: [Finding] = []
        let inForce = state.signing(of: .convention)
        for window in StateFundingWindow.windows(in: state, judgedAt: date, votedMoney: votedMoney) {
            guard let action = state.action(window.actionId), let start = window.start, let end = window.end else { continue }
            let breaches = window.breaches
            let origin: (french: String, english: String)
            switch window.basis {
            case .voted:
                let dates = window.sources.map(\.effective)
                origin = (
                    "année N = \(window.year), celle de l'engagement de l'État voté le \(Self.list(dates.map { day($0, .french) }, .french))",
                    "year N = \(window.year), that of the State commitment decided on \(Self.list(dates.map { day($0, .english) }, .english))"
                )
            case .planned:
                origin = (
                    "année N = \(window.year), celle des crédits de l'État prévus à la fiche (aucun engagement voté)",
                    "year N = \(window.year), that of the State credits planned on the sheet (no vote yet)"
                )
            }
            let baseSeq = sheetSeq(action) + window.sources.map(\.seq)
            // Start after entry into force.
            if breaches.contains(.startBeforeEntryIntoForce) {
                if let since = window.conventionInForceSince {
                    findings.append(finding(
                        .stateWindow,
                        french: "L'action \(Formatted.action(action, in: .french)), financée par l'État, démarre le \(day(start, .french)), avant l'entrée en vigueur de la convention le \(day(since, .french)) : elle doit démarrer à compter de la signature.",
                        english: "State-funded action \(Formatted.action(action, in: .english)) starts on \(day(start, .english)), before the convention entered into force on \(day(since, .english)): it must start on or after the signature.",
                        seq: baseSeq + (inForce?.inForceSource.map { [$0.seq] } ?? [])))
                } else {
                    findings.append(finding(
                        .stateWindow,
                        french: "L'action \(Formatted.action(action, in: .french)), financée par l'État, démarre le \(day(start, .french)) alors que la convention n'est pas en vigueur au \(day(date, .french)) : elle doit démarrer à compter de la signature.",
                        english: "State-funded action \(Formatted.action(action, in: .english)) starts on \(day(start, .english)) while the convention is not in force on \(day(date, .english)): it must start on or after the signature.",
                        seq: baseSeq + (inForce?.requests.map(\.source.seq) ?? [])))
                }
            }
            // Start within year N.
            if breaches.contains(.startOutsideYear) {
                findings.append(finding(
                    .stateWindow,
                    french: "L'action \(Formatted.action(action, in: .french)) démarre le \(day(start, .french)), hors de l'\(origin.french) : une action financée par l'État démarre au cours de l'année N.",
                    english: "Action \(Formatted.action(action, in: .english)) starts on \(day(start, .english)), outside \(origin.english): a State-funded action starts during year N.",
                    seq: baseSeq))
            }
            // End within 12 months and by 31 December N+1, unless extended.
            if breaches.contains(.endBeyondLimit), let twelve = window.twelveMonthLimit, let limit = window.endLimit {
                var frenchBreaches: [String] = []
                var englishBreaches: [String] = []
                if end > twelve {
                    frenchBreaches.append("plus de 12 mois après son démarrage (au plus tard le \(day(twelve, .french)))")
                    englishBreaches.append("more than 12 months after its start (latest \(day(twelve, .english)))")
                }
                if end > window.yearLimit {
                    frenchBreaches.append("après le 31/12/\(window.year + 1) (\(origin.french))")
                    englishBreaches.append("after 31 December \(window.year + 1) (\(origin.english))")
                }
                var frenchExtension = " Aucune prorogation accordée par un avenant en vigueur ne couvre cette fin."
                var englishExtension = " No extension granted by an amendment in force covers this end."
                var extensionSeq: [Int] = []
                for record in window.extensions {
                    extensionSeq.append(record.requestSource.seq)
                    if let source = record.decisionSource { extensionSeq.append(source.seq) }
                }
                if let extended = window.extendedEnd {
                    frenchExtension = " La prorogation accordée ne va que jusqu'au \(day(extended, .french))."
                    englishExtension = " The extension granted only runs to \(day(extended, .english))."
                } else if let pending = window.extensions.last(where: \.isGranted) {
                    let number = pending.decision?.amendment
                    frenchExtension = number.map { " La prorogation accordée attend l'entrée en vigueur de l'avenant n° \($0)." }
                        ?? " La prorogation accordée ne nomme aucun avenant."
                    englishExtension = number.map { " The granted extension awaits the entry into force of amendment \($0)." }
                        ?? " The granted extension names no amendment."
                }
                findings.append(finding(
                    .stateWindow,
                    french: "L'action \(Formatted.action(action, in: .french)), financée par l'État, finit le \(day(end, .french)), \(Self.list(frenchBreaches, .french)) ; fin admise au plus tard le \(day(limit, .french)).\(frenchExtension)",
                    english: "State-funded action \(Formatted.action(action, in: .english)) ends on \(day(end, .english)), \(Self.list(englishBreaches, .english)); the latest end allowed is \(day(limit, .english)).\(englishExtension)",
                    seq: baseSeq + extensionSeq))
            }
        }
        return findings
    }

    // MARK: EXTENSION-AMENDMENT

    func extensionAmendmentFindings() -> [Finding] {
        var findings: [Finding] = []
        for record in state.extensions where record.isGranted {
            guard let decision = record.decision, let decisionSource = record.decisionSource else { continue }
            let seq = [record.requestSource.seq, decisionSource.seq]
            let newEnd = record.grantedEnd!
            let subjectFrench = "La prorogation de l'action \(record.actionId) jusqu'au \(day(newEnd, .french)), accordée le \(day(decisionSource.effective, .french))"
            let subjectEnglish = "The extension of action \(record.actionId) to \(day(newEnd, .english)), granted on \(day(decisionSource.effective, .english)),"
            guard let number = decision.amendment else {
                findings.append(finding(
                    .extensionAmendment,
                    french: "\(subjectFrench), ne nomme aucun avenant : une prorogation exige un avenant qui précise le nouveau calendrier (extension.decided, amendment).",
                    english: "\(subjectEnglish) names no amendment: an extension needs an amendment stating the new schedule (extension.decided, amendment).",
                    seq: seq))
                continue
            }
            guard let amendment = state.amendments.first(where: { $0.number == number }) else {
                findings.append(finding(
                    .extensionAmendment,
                    french: "\(subjectFrench), renvoie à l'avenant n° \(number), qui n'a jamais été proposé (amendment.proposed) : la nouvelle fin ne s'applique pas.",
                    english: "\(subjectEnglish) refers to amendment \(number), which was never proposed (amendment.proposed): the new end does not apply.",
                    seq: seq))
                continue
            }
            let stage = state.amendmentStage(number)
            if case .inForce = stage { continue }
            let signing = state.signing(of: .amendment(number))
            let frenchStage = stage == .inSignature ? "en signature depuis le \(day(signing!.requestedOn!, .french))" : "proposé mais pas mis en signature"
            let englishStage = stage == .inSignature ? "in signature since \(day(signing!.requestedOn!, .english))" : "proposed but not sent for signature"
            findings.append(finding(
                .extensionAmendment,
                french: "\(subjectFrench), repose sur l'avenant n° \(number), qui n'est pas en vigueur au \(day(date, .french)) (\(frenchStage)) : la nouvelle fin ne s'applique qu'à compter de son entrée en vigueur.",
                english: "\(subjectEnglish) rests on amendment \(number), which is not in force on \(day(date, .english)) (\(englishStage)): the new end applies only once it is in force.",
                seq: seq + [amendment.source.seq] + (signing?.requests.map(\.source.seq) ?? [])))
        }
        return findings
    }
}
