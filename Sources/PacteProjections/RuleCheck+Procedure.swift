import PacteEvents

// The procedure: DRAFT-ORDER, SIGN-AFTER-VOTE, SIGNING-DELAY, GOVERNANCE-YEARLY, ANNEXES, ARTICLES.
extension RuleCheck {
    /// Valid-time order of two events: by `effective`, then `seq`.
    static func precedes(_ left: EventReference, _ right: EventReference) -> Bool {
        (left.effective, left.seq) < (right.effective, right.seq)
    }

    // MARK: DRAFT-ORDER

    /// Whether a presentation invited both the State service and the Commissioner.
    static func invitesBoth(_ presentation: DraftProgress.Presentation) -> Bool {
        presentation.presented.stateServiceInvited && presentation.presented.commissionerInvited
    }

    func draftOrderFindings() -> [Finding] {
        var findings: [Finding] = []
        let presentation = state.draft.presentations.first
        let submission = state.draft.submissions.first
        let request = state.signing(of: .convention)?.requests.first
        // Presented, with the State service and the Commissioner invited, before the
        // first submission (or, without one, before the first signature request): a
        // compliant presentation held later does not cure the order.
        let deadline: (source: EventReference, french: String, english: String)? =
            submission.map { ($0.source, "la soumission du projet le \(day($0.date, .french))", "the draft was submitted on \(day($0.date, .english))") }
            ?? request.map { ($0.source, "la mise en signature de la convention le \(day($0.date, .french))", "the convention was sent for signature on \(day($0.date, .english))") }
        let inTime = state.draft.presentations.filter { presentation in
            deadline.map { Self.precedes(presentation.source, $0.source) } ?? true
        }
        if let first = inTime.first, !inTime.contains(where: Self.invitesBoth) {
            var frenchMissing: [String] = []
            var englishMissing: [String] = []
            if !inTime.contains(where: \.presented.stateServiceInvited) {
                frenchMissing.append("le service de l'État concerné")
                englishMissing.append("the State service")
            }
            if !inTime.contains(where: \.presented.commissionerInvited) {
                frenchMissing.append("le commissaire à la lutte contre la pauvreté")
                englishMissing.append("the Commissioner against poverty")
            }
            if frenchMissing.isEmpty {
                frenchMissing.append("le service de l'État et le commissaire à la même réunion")
                englishMissing.append("the State service and the Commissioner to the same meeting")
            }
            let frenchWhen = inTime.count > 1 ? "Les présentations du projet aux partenaires (la première le \(day(first.date, .french)))" : "La présentation du projet aux partenaires du \(day(first.date, .french))"
            let englishWhen = inTime.count > 1 ? "The presentations of the draft to the partners (the first on \(day(first.date, .english)))" : "The presentation of the draft to the partners on \(day(first.date, .english))"
            var frenchLate = ""
            var englishLate = ""
            let late = state.draft.presentations.filter { Self.invitesBoth($0) && !inTime.contains($0) }
            if let late = late.first, let deadline {
                frenchLate = " La présentation du \(day(late.date, .french)), qui les a conviés, est postérieure à \(deadline.french) : elle ne rétablit pas l'ordre de la procédure."
                englishLate = " The presentation of \(day(late.date, .english)), which invited them, came after \(deadline.english): it does not restore the order of the procedure."
            }
            findings.append(finding(
                .draftOrder,
                french: "\(frenchWhen) n'\(inTime.count > 1 ? "ont" : "a") pas convié \(Self.list(frenchMissing, .french)) (draft.presented).\(frenchLate)",
                english: "\(englishWhen) did not invite \(Self.list(englishMissing, .english)) (draft.presented).\(englishLate)",
                seq: state.draft.presentations.map(\.source.seq)))
        }
        // Presented before submitted.
        if let submission {
            if let presentation, Self.precedes(submission.source, presentation.source) {
                findings.append(finding(
                    .draftOrder,
                    french: "Le projet a été soumis à l'État et au commissaire le \(day(submission.date, .french)), avant d'être présenté aux partenaires le \(day(presentation.date, .french)) : le porteur présente d'abord le projet aux partenaires.",
                    english: "The draft was submitted to the State and the Commissioner on \(day(submission.date, .english)) before it was presented to the partners on \(day(presentation.date, .english)): the porteur presents it first.",
                    seq: [submission.source.seq, presentation.source.seq]))
            } else if presentation == nil {
                findings.append(finding(
                    .draftOrder,
                    french: "Le projet a été soumis le \(day(submission.date, .french)) sans avoir été présenté aux partenaires (draft.presented), en présence du service de l'État et du commissaire.",
                    english: "The draft was submitted on \(day(submission.date, .english)) without a presentation to the partners (draft.presented) with the State service and the Commissioner invited.",
                    seq: [submission.source.seq]))
            }
        }
        // Submitted before sent for signature.
        if let request {
            if let submission, !Self.precedes(request.source, submission.source) {
                // In order.
            } else if let submission {
                findings.append(finding(
                    .draftOrder,
                    french: "La convention a été mise en signature le \(day(request.date, .french)), avant la soumission du projet à l'État et au commissaire le \(day(submission.date, .french)).",
                    english: "The convention was sent for signature on \(day(request.date, .english)), before the draft was submitted to the State and the Commissioner on \(day(submission.date, .english)).",
                    seq: [request.source.seq, submission.source.seq]))
            } else {
                findings.append(finding(
                    .draftOrder,
                    french: "La convention a été mise en signature le \(day(request.date, .french)) sans que le projet et ses annexes aient été soumis au service de l'État et au commissaire (draft.submitted).",
                    english: "The convention was sent for signature on \(day(request.date, .english)) without the draft and its annexes being submitted to the State service and the Commissioner (draft.submitted).",
                    seq: [request.source.seq]))
            }
            if inTime.isEmpty, submission == nil {
                findings.append(finding(
                    .draftOrder,
                    french: "La convention a été mise en signature le \(day(request.date, .french)) sans présentation préalable du projet aux partenaires (draft.presented).",
                    english: "The convention was sent for signature on \(day(request.date, .english)) without a prior presentation of the draft to the partners (draft.presented).",
                    seq: [request.source.seq]))
            }
        }
        return findings
    }

    // MARK: SIGN-AFTER-VOTE

    func signAfterVoteFindings() -> [Finding] {
        var findings: [Finding] = []
        for signing in state.documents {
            for signature in signing.signatures {
                guard let partner = state.partner(signature.partnerId), partner.needsApprovalVote else { continue }
                let body = partner.partner.statutoryBody!
                let adopted = signing.votes(of: partner.id).filter { $0.outcome == .adopted }
                if adopted.contains(where: { $0.date <= signature.date }) { continue }
                let frenchDocument = Formatted.document(signing.document, in: .french)
                let englishDocument = Formatted.document(signing.document, in: .english)
                let frenchSigned = "\(partnerName(partner.id)) a signé \(frenchDocument) le \(day(signature.date, .french)) sans délibération préalable de son instance (\(body)) l'ayant adoptée."
                let englishSigned = "\(partnerName(partner.id)) signed \(englishDocument) on \(day(signature.date, .english)) before its statutory body (\(body)) adopted it."
                // A new signature after an adopted vote puts the breach right.
                if let (vote, again) = regularisation(of: signature, in: signing, adopted: adopted) {
                    let frenchForce = signing.isInForce
                        ? " L'entrée en vigueur reste datée par la première signature." : ""
                    let englishForce = signing.isInForce
                        ? " The entry into force is still dated by the first signature." : ""
                    findings.append(finding(
                        .signAfterVote, .info,
                        french: "\(frenchSigned) Signature régularisée : nouvelle signature le \(day(again.date, .french)), après la délibération du \(day(vote.date, .french)) (\(vote.reference)).\(frenchForce)",
                        english: "\(englishSigned) Put right: signed again on \(day(again.date, .english)), after the vote of \(day(vote.date, .english)) (\(vote.reference)).\(englishForce)",
                        seq: [signature.source.seq, vote.source.seq, again.source.seq]))
                    continue
                }
                var frenchLater = " Aucune délibération favorable n'est enregistrée (approval.voted, outcome adopted)."
                var englishLater = " No approval vote is recorded (approval.voted, outcome adopted)."
                if let later = adopted.first {
                    frenchLater = " La délibération du \(day(later.date, .french)) (\(later.reference)), postérieure, ne régularise pas la signature : il faut signer à nouveau après elle."
                    englishLater = " The vote of \(day(later.date, .english)) (\(later.reference)) came after and does not cure the signature: sign again after it."
                }
                findings.append(finding(
                    .signAfterVote,
                    french: frenchSigned + frenchLater,
                    english: englishSigned + englishLater,
                    seq: [signature.source.seq] + adopted.map(\.source.seq)))
            }
        }
        return findings
    }

    /// The adopted vote and the partner's later signature of the same document, given on
    /// or after that vote, that put an irregular `signature` right.
    func regularisation(
        of signature: DocumentSigning.Signature, in signing: DocumentSigning, adopted: [DocumentSigning.Vote]
    ) -> (vote: DocumentSigning.Vote, signature: DocumentSigning.Signature)? {
        for again in signing.signatures where again.partnerId == signature.partnerId && Self.precedes(signature.source, again.source) {
            if let vote = adopted.first(where: { $0.date <= again.date }) { return (vote, again) }
        }
        return nil
    }

    // MARK: SIGNING-DELAY

    func signingDelayFindings() -> [Finding] {
        var findings: [Finding] = []
        for signing in state.documents {
            guard let dayZero = signing.requestedOn, let target = signing.targetDate else { continue }
            for partnerId in signing.requestedPartnerIds {
                guard signing.signature(of: partnerId) == nil, state.partner(partnerId)?.isWithdrawn != true else { continue }
                let frenchDocument = Formatted.document(signing.document, in: .french)
                let englishDocument = Formatted.document(signing.document, in: .english)
                let seq = signing.requests.map(\.source.seq)
                if date > target {
                    let late = target.days(until: date)
                    findings.append(finding(
                        .signingDelay, .warning,
                        french: "\(partnerName(partnerId)) n'a pas signé \(frenchDocument), mise en signature le \(day(dayZero, .french)) : le délai de \(signing.targetMonths) mois a expiré le \(day(target, .french)) (retard de \(Formatted.days(late, in: .french)) au \(day(date, .french))).",
                        english: "\(partnerName(partnerId)) has not signed \(englishDocument), sent for signature on \(day(dayZero, .english)): the \(signing.targetMonths)-month target passed on \(day(target, .english)) (\(Formatted.days(late, in: .english)) late on \(day(date, .english))).",
                        seq: seq))
                } else {
                    let left = date.days(until: target)
                    findings.append(finding(
                        .signingDelay, .info,
                        french: "\(partnerName(partnerId)) n'a pas encore signé \(frenchDocument), mise en signature le \(day(dayZero, .french)) : signature attendue d'ici le \(day(target, .french)) (\(Formatted.days(left, ("restant", "left"), in: .french))).",
                        english: "\(partnerName(partnerId)) has not yet signed \(englishDocument), sent for signature on \(day(dayZero, .english)): signature expected by \(day(target, .english)) (\(Formatted.days(left, ("restant", "left"), in: .english))).",
                        seq: seq))
                }
            }
        }
        return findings
    }

    // MARK: GOVERNANCE-YEARLY

    func governanceYearlyFindings() -> [Finding] {
        guard let convention = state.signing(of: .convention), let since = convention.inForceSince, since <= date else { return [] }
        let body = state.pact?.governance?.body ?? (state.governanceMeetings.last?.meeting.body ?? "")
        let frenchBody = body.isEmpty ? "L'instance de gouvernance" : "L'instance de gouvernance (\(body))"
        let englishBody = body.isEmpty ? "The governance body" : "The governance body (\(body))"
        let inForceSeq = convention.inForceSource.map { [$0.seq] } ?? []
        var findings: [Finding] = []
        for governanceYear in SigningTimeline.governanceYears(state: state, today: date) {
            let year = governanceYear.year
            switch governanceYear.status {
            case .held, .exempt:
                continue
            case .missing:
                // The year a pact closed at term is judged like any other: say so.
                var frenchClosure = ""
                var englishClosure = ""
                var closureSeq: [Int] = []
                if let closure = state.closure, closure.reason == .term, closure.date.year == year {
                    frenchClosure = ", année où le pacte a été clos à son terme le \(day(closure.date, .french)),"
                    englishClosure = ", the year the pact closed at term on \(day(closure.date, .english)),"
                    closureSeq = [closure.source.seq]
                }
                findings.append(finding(
                    .governanceYearly, .error,
                    french: "\(frenchBody) ne s'est pas réunie en \(year)\(frenchClosure) alors que la convention est en vigueur depuis le \(day(since, .french)) : elle doit se réunir au moins une fois par année civile (governance.held).",
                    english: "\(englishBody) did not meet in \(year)\(englishClosure) although the convention has been in force since \(day(since, .english)): it must meet at least once per calendar year (governance.held).",
                    seq: inForceSeq + closureSeq))
            case .due:
                findings.append(finding(
                    .governanceYearly, .info,
                    french: "\(frenchBody) ne s'est pas encore réunie en \(year) : une réunion est à tenir d'ici le 31/12/\(year), pour présenter les engagements de l'année et actualiser les fiches-actions.",
                    english: "\(englishBody) has not met yet in \(year): a meeting is due by 31 December \(year), to present the year's commitments and update the action sheets.",
                    seq: inForceSeq))
            }
        }
        return findings
    }

    // MARK: ANNEXES

    func annexesFindings() -> [Finding] {
        let reference: (date: CivilDate, source: EventReference, french: String, english: String)
        if let submission = state.draft.submissions.first {
            reference = (submission.date, submission.source, "la soumission du projet le", "the draft was submitted on")
        } else if let request = state.signing(of: .convention)?.requests.first {
            reference = (request.date, request.source, "la mise en signature de la convention le", "the convention was sent for signature on")
        } else {
            return []
        }
        let missing = (1...5).filter { number in
            !state.annexes.contains { $0.number == number && $0.attachedOn <= reference.date }
        }
        guard !missing.isEmpty else { return [] }
        let late = state.annexes.filter { missing.contains($0.number) }
        var frenchLate = ""
        var englishLate = ""
        if !late.isEmpty {
            frenchLate = " (jointes après : " + late.map { "annexe \($0.number) le \(day($0.attachedOn, .french))" }.joined(separator: ", ") + ")"
            englishLate = " (attached later: " + late.map { "annex \($0.number) on \(day($0.attachedOn, .english))" }.joined(separator: ", ") + ")"
        }
        let numbers = missing.map(String.init)
        let frenchNoun = missing.count > 1 ? "Les annexes \(Self.list(numbers, .french)) n'étaient pas jointes" : "L'annexe \(numbers[0]) n'était pas jointe"
        let englishNoun = missing.count > 1 ? "Annexes \(Self.list(numbers, .english)) were not attached" : "Annex \(numbers[0]) was not attached"
        return [finding(
            .annexes,
            french: "\(frenchNoun) avant \(reference.french) \(day(reference.date, .french))\(frenchLate) : les annexes 1 à 5 accompagnent le projet soumis (annex.attached).",
            english: "\(englishNoun) when \(reference.english) \(day(reference.date, .english))\(englishLate): annexes 1 to 5 go with the submitted draft (annex.attached).",
            seq: [reference.source.seq] + late.map(\.source.seq))]
    }

    // MARK: ARTICLES

    /// Whether `partner` joins by an amendment that is not in force at the judgement date.
    func isPendingAdhesion(_ partner: PartnerRecord) -> Bool {
        guard partner.entry == .adhesion, let number = partner.amendment else { return false }
        if case .inForce(let since) = state.amendmentStage(number), since <= date { return false }
        return true
    }

    func articlesFindings() -> [Finding] {
        guard let pact = state.pact, let pactSeq = state.pactSource?.seq else { return [] }
        var findings: [Finding] = []
        func missing(_ french: String, _ english: String, seq: [Int] = []) {
            findings.append(finding(
                .articles,
                french: "La convention ne comporte pas \(french).",
                english: "The convention lacks \(english).",
                seq: [pactSeq] + seq))
        }
        if Self.isBlank(pact.context) {
            missing("d'article sur le contexte et le cadre des pactes des solidarités (article 1, context)", "an article on the context (article 1, context)")
        }
        if Self.isBlank(pact.ambition) {
            missing("l'objet et l'ambition de la convention (article 2, ambition)", "the object and ambition of the convention (article 2, ambition)")
        }
        if let period = pact.period {
            if period.end < period.start {
                missing(
                    "de durée cohérente : la période se termine le \(day(period.end, .french)), avant son début le \(day(period.start, .french)) (article 2, period)",
                    "a consistent duration: the period ends on \(day(period.end, .english)), before it starts on \(day(period.start, .english)) (article 2, period)")
            }
        } else {
            missing("la durée de la convention (article 2, period)", "the duration of the convention (article 2, period)")
        }
        if state.priorities.isEmpty {
            missing("de priorité (article 3, priority.set)", "any priority (article 3, priority.set)")
        }
        if liveActions.isEmpty {
            missing("de domaine d'action : aucune fiche-action (article 3, action.added)", "any domain of action: no action sheet (article 3, action.added)")
        }
        var engaged = Set(liveActions.flatMap(\.sheet.referencedPartnerIds).map { ByteKey($0) })
        for index in state.commitments.indices where state.commitments[index].isAdopted {
            engaged.insert(ByteKey(state.commitments[index].partnerId))
        }
        if engaged.isEmpty {
            missing(
                "d'engagement concret des partenaires : aucun financement, apport ou engagement voté (article 3)",
                "any concrete commitment of the partners: no funding, contribution or voted commitment (article 3)")
        } else {
            // A partner joining by an amendment not yet in force is not yet a party to
            // the convention: its commitment is judged once the amendment is.
            for partner in state.activePartners where !engaged.contains(ByteKey(partner.id)) && !isPendingAdhesion(partner) {
                missing(
                    "l'engagement concret de \(partnerName(partner.id)) : il n'est engagé dans aucune fiche-action et n'a voté aucun engagement (article 3)",
                    "the concrete commitment of \(partnerName(partner.id)): it is engaged in no action sheet and voted no commitment (article 3)",
                    seq: [partner.source.seq])
            }
        }
        if pact.governance.map({ Self.isBlank($0.body) }) ?? true {
            missing("d'article sur la gouvernance (article 4, governance)", "an article on governance (article 4, governance)")
        }
        if Self.isBlank(pact.revision) {
            missing("les modalités d'adhésion et de révision (article 5, revision)", "the terms of membership and revision (article 5, revision)")
        }
        return findings
    }
}
