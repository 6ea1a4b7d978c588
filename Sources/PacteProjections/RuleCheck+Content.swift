import PacteEvents

// The content rules: priorities and action sheets.
extension RuleCheck {
    // MARK: PRIO-COUNT

    func priorityCountFindings() -> [Finding] {
        let submission = state.draft.submissions.first
        guard submission != nil || (state.status ?? .drafted) >= .submitted else { return [] }
        let count = state.priorities.count
        guard count < 1 || count > 3 else { return [] }
        let since: (french: String, english: String)
        if let submission {
            since = ("le projet a été soumis le \(day(submission.date, .french))", "the draft was submitted on \(day(submission.date, .english))")
        } else {
            since = ("le projet est au stade « \(state.status!.label(in: .french)) »", "the draft is \(state.status!.label(in: .english))")
        }
        let seq = state.priorities.map(\.source.seq) + (submission.map { [$0.source.seq] } ?? [])
        if count == 0 {
            return [finding(
                .priorityCount,
                french: "Aucune priorité active alors que \(since.french) : définissez de 1 à 3 priorités (priority.set).",
                english: "No active priority while \(since.english): set 1 to 3 priorities (priority.set).",
                seq: seq + state.withdrawnPriorities.map { $0.withdrawal!.source.seq })]
        }
        let ids = state.priorities.map(\.id).joined(separator: ", ")
        return [finding(
            .priorityCount,
            french: "\(count) priorités actives (\(ids)) alors que \(since.french) : il en faut 3 au plus ; regroupez-les ou retirez-en (priority.withdrawn).",
            english: "\(count) active priorities (\(ids)) while \(since.english): at most 3 are allowed; merge or withdraw some (priority.withdrawn).",
            seq: seq)]
    }

    // MARK: PRIO-EVIDENCE

    func priorityEvidenceFindings() -> [Finding] {
        state.priorities.compactMap { record in
            let noRationale = Self.isBlank(record.priority.rationale)
            let noSource = record.priority.sources.allSatisfy { Self.isBlank($0) }
            guard noRationale || noSource else { return nil }
            let french: String
            let english: String
            switch (noRationale, noSource) {
            case (true, true):
                french = "n'indique ni sa justification (rationale) ni source statistique (sources)"
                english = "states neither its rationale nor any statistical source (sources)"
            case (true, false):
                french = "n'indique pas sa justification (rationale)"
                english = "does not state its rationale"
            default:
                french = "n'indique aucune source statistique (sources)"
                english = "names no statistical source (sources)"
            }
            return finding(
                .priorityEvidence,
                french: "La priorité \(record.id) « \(record.priority.title) » \(french) : objectivez-la par les données disponibles (INSEE, diagnostic départemental…).",
                english: "Priority \(record.id) “\(record.priority.title)” \(english): support it with available data (INSEE, departmental diagnosis…).",
                seq: [record.source.seq])
        }
    }

    // MARK: DOMAIN-MEASURE

    func domainMeasureFindings() -> [Finding] {
        liveActions.compactMap { action in
            guard action.sheet.measure == nil, Self.isBlank(action.sheet.localJustification) else { return nil }
            return finding(
                .domainMeasure,
                french: "L'action \(Formatted.action(action, in: .french)) ne cite aucune des 25 mesures du pacte national des solidarités (measure) ni de justification par le contexte local (localJustification) : indiquez l'une ou l'autre.",
                english: "Action \(Formatted.action(action, in: .english)) names no measure of the national pact (measure, 1–25) and no local justification (localJustification): give one.",
                seq: sheetSeq(action))
        }
    }

    // MARK: PUBLICS

    func publicsFindings() -> [Finding] {
        var findings: [Finding] = state.priorities.compactMap { record in
            guard record.priority.publics.isEmpty else { return nil }
            return finding(
                .publics,
                french: "La priorité \(record.id) « \(record.priority.title) » ne nomme aucun public cible (publics) : précisez les publics précaires visés (enfants, jeunes, familles monoparentales, exclus, travailleurs pauvres…).",
                english: "Priority \(record.id) “\(record.priority.title)” names no target public (publics): name the vulnerable publics it serves.",
                seq: [record.source.seq])
        }
        findings += liveActions.compactMap { action in
            guard (action.sheet.publics ?? []).isEmpty else { return nil }
            return finding(
                .publics,
                french: "L'action \(Formatted.action(action, in: .french)) ne nomme aucun public cible (publics) : précisez les publics précaires visés.",
                english: "Action \(Formatted.action(action, in: .english)) names no target public (publics): name the vulnerable publics it serves.",
                seq: sheetSeq(action))
        }
        return findings
    }

    // MARK: SHEET-COMPLETE

    func sheetCompleteFindings() -> [Finding] {
        liveActions.compactMap { action in
            let sheet = action.sheet
            var missing: [(french: String, english: String)] = []
            if Self.isBlank(sheet.title) { missing.append(("titre (title)", "title")) }
            if Self.isBlank(sheet.summary) { missing.append(("courte présentation (summary)", "presentation (summary)")) }
            if (sheet.objectives ?? []).allSatisfy({ Self.isBlank($0) }) { missing.append(("objectifs (objectives)", "objectives")) }
            if Self.isBlank(sheet.perimeter) { missing.append(("périmètre du territoire ciblé (perimeter)", "perimeter")) }
            if (sheet.publics ?? []).isEmpty { missing.append(("public cible (publics)", "target public (publics)")) }
            if sheet.schedule == nil { missing.append(("déroulé calendaire (schedule)", "schedule")) }
            let engaged = sheet.partners ?? []
            if engaged.isEmpty {
                missing.append(("partenaires engagés (partners)", "engaged partners (partners)"))
            } else {
                let contributors = Set(((sheet.funding ?? []).map(\.partnerId) + (sheet.inKind ?? []).map(\.partnerId)).map { ByteKey($0) })
                let silent = engaged.filter { Self.isBlank($0.role) && !contributors.contains(ByteKey($0.partnerId)) }.map(\.partnerId)
                if !silent.isEmpty {
                    let names = silent.joined(separator: ", ")
                    missing.append((
                        "engagement respectif des partenaires \(names) (role, funding ou inKind)",
                        "the commitment of partners \(names) (role, funding or inKind)"
                    ))
                }
            }
            let funding = sheet.funding ?? []
            if funding.isEmpty {
                missing.append(("crédits mobilisés (funding)", "credits (funding)"))
            } else if funding.contains(where: { Self.isBlank($0.source) }) {
                missing.append(("source des crédits (funding[].source)", "the source of the credits (funding[].source)"))
            }
            if (sheet.indicators ?? []).isEmpty { missing.append(("indicateurs de suivi (indicators)", "follow-up indicators (indicators)")) }
            guard !missing.isEmpty else { return nil }
            return finding(
                .sheetComplete,
                french: "La fiche-action \(Formatted.action(action, in: .french)) est incomplète, il manque : \(missing.map(\.french).joined(separator: " ; ")).",
                english: "Action sheet \(Formatted.action(action, in: .english)) is incomplete; missing: \(missing.map(\.english).joined(separator: "; ")).",
                seq: sheetSeq(action))
        }
    }

    // MARK: IMPACT

    func impactFindings() -> [Finding] {
        liveActions.compactMap { action in
            let sheet = action.sheet
            guard Self.isBlank(sheet.impactWaiver) else { return nil }
            guard let impact = sheet.impact, !Self.isBlank(impact.indicator) else {
                return finding(
                    .impact,
                    french: "L'action \(Formatted.action(action, in: .french)) n'a ni indicateur d'impact sur le public cible (impact) ni raison de l'impossibilité de le mesurer (impactWaiver) : ajoutez l'un ou l'autre.",
                    english: "Action \(Formatted.action(action, in: .english)) has neither an impact indicator (impact) nor a reason why impact cannot be measured (impactWaiver): add one.",
                    seq: sheetSeq(action))
            }
            let key = Self.comparable(impact.indicator)
            guard let duplicate = (sheet.indicators ?? []).first(where: { Self.comparable($0.name) == key }) else { return nil }
            return finding(
                .impact,
                french: "L'indicateur d'impact de l'action \(Formatted.action(action, in: .french)) (« \(impact.indicator) ») reprend l'indicateur de suivi « \(duplicate.name) » : l'impact se mesure par un indicateur spécifique de l'effet direct sur le public cible.",
                english: "The impact indicator of action \(Formatted.action(action, in: .english)) (“\(impact.indicator)”) repeats the follow-up indicator “\(duplicate.name)”: impact needs its own indicator of the direct effect on the target public.",
                seq: sheetSeq(action))
        }
    }

    /// Lowercased letters and digits only, to compare names.
    static func comparable(_ text: String) -> String {
        CreditSource.words(of: text).joined(separator: " ")
    }

    // MARK: PARTICIPATION-SHEET

    func participationSheetFindings() -> [Finding] {
        guard !liveActions.contains(where: { $0.sheet.participationSheet == true }) else { return [] }
        return [finding(
            .participationSheet,
            french: "Aucune fiche-action n'est la fiche « participation » (participationSheet: true) : le pacte doit prévoir une fiche-action spécifique indiquant comment les personnes concernées participent tout au long de sa mise en œuvre.",
            english: "No action sheet is the participation sheet (participationSheet: true): the pact needs one sheet saying how the people concerned take part throughout.",
            seq: (state.pactSource.map { [$0.seq] } ?? []) + liveActions.map(\.source.seq))]
    }

    // MARK: PARTICIPATION-GROUP

    func participationGroupFindings() -> [Finding] {
        var partial: [(action: ActionRecord, missing: [ActionSheet.Participation.Stage])] = []
        for action in liveActions {
            guard let participation = action.sheet.participation, participation.controlGroup else { continue }
            let missing = ActionSheet.Participation.Stage.allCases.filter { !participation.stages.contains($0) }
            if missing.isEmpty { return [] }
            partial.append((action, missing))
        }
        var french = "Aucune action n'associe un groupe témoin (participation.controlGroup) à la conception, à la mise en œuvre et à l'évaluation."
        var english = "No action has a control group (participation.controlGroup) associated with design, implementation and evaluation."
        if !partial.isEmpty {
            let frenchStage: [ActionSheet.Participation.Stage: String] = [.design: "conception", .implementation: "mise en œuvre", .evaluation: "évaluation"]
            french += " Étapes manquantes : " + partial.map { item in
                "\(item.action.id) (\(item.missing.map { frenchStage[$0]! }.joined(separator: ", ")))"
            }.joined(separator: " ; ") + "."
            english += " Missing stages: " + partial.map { item in
                "\(item.action.id) (\(item.missing.map(\.rawValue).joined(separator: ", ")))"
            }.joined(separator: "; ") + "."
        }
        return [finding(
            .participationGroup, french: french, english: english,
            seq: partial.isEmpty ? ((state.pactSource.map { [$0.seq] } ?? []) + liveActions.map(\.source.seq)) : partial.flatMap { sheetSeq($0.action) })]
    }
}
