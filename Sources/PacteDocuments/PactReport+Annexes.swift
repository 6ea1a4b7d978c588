import PacteEvents
import PacteProjections

// Part 2: annexes 1 to 5 as recorded; annex 5 lists every action sheet in full.
extension PactReport {
    static func annexesPart(_ context: ReportContext) -> ReportPart {
        let state = context.state
        var blocks: [ReportBlock] = []
        for number in 1...5 {
            let attached = state.annexes.filter { $0.number == number }
            let title = attached.last?.annex.title ?? ReportLabel.annexTitle(number)
            blocks.append(.heading("Annexe \(number) – " + title, level: 3, id: "annexe-\(number)"))
            if attached.isEmpty {
                blocks.append(.paragraph([.flag("Annexe non jointe.", .warning)]))
            }
            for record in attached {
                let annex = record.annex
                var facts = attached.count > 1 ? [ReportFact("Titre", [.strong(annex.title)])] : []
                facts += [
                    ReportFact("Source", annex.source),
                    ReportFact("Jointe le", LongDate.french(record.attachedOn) + " (ligne \(record.source.seq))"),
                ]
                if let uri = annex.uri, !uri.isEmpty { facts.append(ReportFact("Document", [.code(uri)])) }
                if let sha256 = annex.sha256, !sha256.isEmpty { facts.append(ReportFact("SHA-256 du document", [.code(sha256)])) }
                blocks.append(.facts(facts))
            }
        }
        blocks.append(.paragraph([
            .text("L'annexe 5 regroupe les fiches-action du pacte, telles qu'en vigueur : " + Formatted.count(state.actions.count, "fiche", in: .french) + " ci-après."),
        ]))
        for action in state.actions {
            blocks.append(.group(actionSheet(action, context: context)))
        }
        if !state.pendingActions.isEmpty {
            blocks.append(.heading("Fiches-action en attente d'un avenant", level: 3, id: "fiches-en-attente"))
            blocks.append(.paragraph([
                .text("Ces fiches sont portées par un avenant qui n'est pas encore en vigueur : elles n'entrent dans le pacte, son budget et ses contrôles qu'à son entrée en vigueur."),
            ]))
            var table = ReportTable(
                [("Action", .left), ("Titre", .left), ("Avenant", .left), ("État de l'avenant", .left), ("Numéraire prévu", .right),
                 ("Ligne", .right)])
            for pending in state.pendingActions {
                table.append([
                    [.strong(pending.sheet.actionId)], [.text(pending.sheet.title ?? "")], [.text("n° \(pending.amendment)")],
                    amendmentStage(pending.amendment, state),
                    [.text(context.euros(pending.plannedCashCents))],
                    [.text(String(pending.source.seq))],
                ])
            }
            blocks.append(.table(table))
        }
        return ReportPart(number: 2, id: "annexes", title: "Les annexes", blocks: blocks)
    }

    /// A fiche-action in full, in the order of the guidance's list.
    static func actionSheet(_ action: ActionRecord, context: ReportContext) -> ReportGroup {
        let sheet = action.sheet
        let state = context.state
        var blocks: [ReportBlock] = []

        var facts = [ReportFact("Priorité", context.priorityLabel(sheet.priorityId))]
        var domain: [String] = []
        if let measure = sheet.measure { domain.append("mesure n° \(measure) du pacte national des solidarités") }
        if let justification = sheet.localJustification, !justification.allSatisfy(\.isWhitespace) {
            domain.append("justification locale : " + justification)
        }
        facts.append(ReportFact("Domaine d'action", domain.isEmpty ? [.flag("non renseigné", .bad)] : [.text(domain.joined(separator: " ; "))]))
        if let closure = action.closure {
            facts.append(ReportFact("Statut", [
                .flag("close", closure.outcome == .completed ? .good : .neutral),
                .text(" le " + LongDate.french(closure.date) + " : action " + ReportLabel.actionOutcome(closure.outcome)),
            ]))
        } else {
            facts.append(ReportFact("Statut", "en cours"))
        }
        facts.append(ReportFact(
            "Fiche", "ajoutée le " + LongDate.french(action.addedOn) + " (ligne \(action.source.seq))"
                + (action.revisions.isEmpty ? "" : ", modifiée \(action.revisions.count) fois")))
        blocks.append(.facts(facts))

        blocks.append(.heading("Présentation", level: 4, id: nil))
        blocks.append(.paragraph(ReportContext.textOrMissing(sheet.summary)))

        blocks.append(.heading("Objectifs", level: 4, id: nil))
        let objectives = (sheet.objectives ?? []).filter { !$0.allSatisfy(\.isWhitespace) }
        blocks.append(objectives.isEmpty ? .paragraph([.flag("non renseignés", .warning)]) : .bullets(objectives.map { [.text($0)] }))

        blocks.append(.heading("Périmètre et publics", level: 4, id: nil))
        blocks.append(.facts([
            ReportFact("Périmètre", ReportContext.textOrMissing(sheet.perimeter)),
            ReportFact("Publics cibles", (sheet.publics ?? []).isEmpty ? [.flag("non renseignés", .warning)] : [.text(ReportLabel.publics(sheet.publics))]),
        ]))

        blocks.append(.heading("Déroulé calendaire", level: 4, id: nil))
        blocks += scheduleBlocks(action, context: context)

        blocks.append(.heading("Partenaires engagés et leur engagement", level: 4, id: nil))
        blocks.append(engagedPartnersBlock(action, context: context))

        blocks.append(.heading("Crédits mobilisés et leur source", level: 4, id: nil))
        blocks += fundingBlocks(action, context: context)

        blocks.append(.heading("Indicateurs de suivi", level: 4, id: nil))
        blocks.append(indicatorsBlock(action))

        blocks.append(.heading("Mesure d'impact", level: 4, id: nil))
        blocks.append(impactBlock(sheet))

        blocks.append(.heading("Participation des personnes concernées", level: 4, id: nil))
        blocks.append(participationBlock(sheet))

        if let closure = action.closure {
            blocks.append(.heading("Bilan", level: 4, id: nil))
            var facts = [
                ReportFact("Clôture", LongDate.french(closure.date) + " : action " + ReportLabel.actionOutcome(closure.outcome)
                    + " (ligne \(closure.source.seq))"),
                ReportFact("Bilan", closure.summary),
            ]
            if let result = closure.impactResult {
                var text = ReportLabel.scalar(result.value)
                if let note = result.note, !note.isEmpty { text += " – " + note }
                facts.append(ReportFact("Résultat d'impact", text))
            }
            blocks.append(.facts(facts))
        }

        if !action.revisions.isEmpty || state.pendingChanges.contains(where: { $0.actionId == action.id }) {
            blocks.append(.heading("Modifications de la fiche", level: 4, id: nil))
            var table = ReportTable(
                [("Applicable le", .left), ("Porté par", .left), ("Rubriques", .left), ("Motif", .left), ("Ligne", .right)])
            for revision in action.revisions {
                table.append([
                    [.text(LongDate.french(revision.appliedOn))],
                    [.text(revision.amendment.map { "avenant n° \($0)" } ?? "décision du \(LongDate.french(revision.source.effective))")],
                    [.text(revision.changes.map(\.member).joined(separator: ", "))], [.text(revision.reason)],
                    [.text(String(revision.source.seq))],
                ])
            }
            for change in state.pendingChanges where change.actionId == action.id {
                table.append([
                    [.flag("en attente", .warning)],
                    [.text(change.amendment.map { "avenant n° \($0) (pas encore en vigueur)" } ?? "—")],
                    [.text(change.changes.keys.filter { $0 != "actionId" }.joined(separator: ", "))], [.text(change.reason)],
                    [.text(String(change.source.seq))],
                ])
            }
            blocks.append(.table(table))
        }

        let title = "Fiche-action " + action.id + " – " + (sheet.title.flatMap { $0.isEmpty ? nil : $0 } ?? "(sans titre)")
        return ReportGroup(title: title, id: "fiche-" + Self.anchor(action.id), newPage: false, blocks: blocks)
    }

    static func scheduleBlocks(_ action: ActionRecord, context: ReportContext) -> [ReportBlock] {
        guard let schedule = action.sheet.schedule else { return [.paragraph([.flag("Calendrier non renseigné.", .warning)])] }
        var blocks: [ReportBlock] = [
            .paragraph([.text("Du "), .strong(LongDate.french(schedule.start)), .text(" au "), .strong(LongDate.french(schedule.end)), .text(".")]),
        ]
        if !schedule.milestones.isEmpty {
            var table = ReportTable([("Date", .left), ("Étape", .left)])
            for milestone in schedule.milestones {
                table.append([[.text(LongDate.french(milestone.date))], [.text(milestone.label)]])
            }
            blocks.append(.table(table))
        }
        for record in context.state.extensions where record.actionId == action.id {
            var text = "Prorogation demandée le " + LongDate.french(record.requestSource.effective) + " par "
                + context.name(of: record.request.requestedBy) + " : fin du " + LongDate.french(record.request.currentEnd)
                + " au " + LongDate.french(record.request.requestedEnd) + ". "
            if let decision = record.decision, let source = record.decisionSource {
                text += "Demande " + ReportLabel.decision(decision.decision) + " le " + LongDate.french(source.effective)
                if let newEnd = record.grantedEnd { text += ", nouvelle fin le " + LongDate.french(newEnd) }
                if let amendment = decision.amendment { text += ", par l'avenant n° \(amendment)" }
                text += "."
            } else {
                text += "Décision attendue."
            }
            blocks.append(.note([.text(text)]))
        }
        return blocks
    }

    static func engagedPartnersBlock(_ action: ActionRecord, context: ReportContext) -> ReportBlock {
        let sheet = action.sheet
        var ids: [String] = []
        var listed: Set<ByteKey> = []
        for id in sheet.referencedPartnerIds where listed.insert(ByteKey(id)).inserted { ids.append(id) }
        if ids.isEmpty { return .paragraph([.flag("Aucun partenaire engagé.", .bad)]) }
        var table = ReportTable(
            [("Partenaire", .left), ("Rôle et engagement", .left), ("Numéraire", .right), ("En nature", .right)])
        for id in ids {
            let role = (sheet.partners ?? []).first { $0.partnerId.hasSameBytes(as: id) }?.role
            let planned = context.money.account(of: id)?.planned(onAction: action.id)
            let cash = planned?.cashCents ?? 0
            let inKind = planned?.inKindCents ?? 0
            table.append([
                [.strong(context.name(of: id))],
                role.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : [ReportInline.text($0)] } ?? [.text("—")],
                [.text(cash > 0 ? context.euros(cash) : "—")], [.text(inKind > 0 ? context.euros(inKind) : "—")],
            ])
        }
        return .table(table)
    }

    static func fundingBlocks(_ action: ActionRecord, context: ReportContext) -> [ReportBlock] {
        let sheet = action.sheet
        var blocks: [ReportBlock] = []
        let funding = sheet.funding ?? []
        if funding.isEmpty {
            blocks.append(.paragraph([.flag("Aucune ligne de financement.", .bad)]))
        } else {
            var table = ReportTable(
                caption: "Financements prévus à la fiche",
                [("Partenaire", .left), ("Année", .left), ("Montant", .right), ("Nature", .left), ("Source", .left)])
            for line in funding {
                table.append([
                    [.text(context.name(of: line.partnerId))], [.text(String(line.year))], [.text(context.euros(line.amountCents))],
                    [.text(ReportLabel.basis(line.basis))],
                    line.source.allSatisfy(\.isWhitespace) ? [.flag("source non précisée", .bad)] : [.text(line.source)],
                ])
            }
            table.appendTotal([
                [.text("Total numéraire")], [.text("")], [.text(context.euros(context.totals.plannedByAction[ByteKey(action.id)]?.cashCents ?? 0))],
                [.text("")], [.text("")],
            ])
            blocks.append(.table(table))
        }
        let inKind = sheet.inKind ?? []
        if !inKind.isEmpty {
            var table = ReportTable(
                caption: "Apports en nature (valorisation, hors budget numéraire)",
                [("Partenaire", .left), ("Apport", .left), ("Valorisation", .right)])
            for contribution in inKind {
                table.append([
                    [.text(context.name(of: contribution.partnerId))], [.text(contribution.description)],
                    [.text(context.euros(contribution.valuationCents))],
                ])
            }
            blocks.append(.table(table))
        }
        // The money the partners voted for this action.
        var voted = ReportTable(
            caption: "Crédits votés pour cette action",
            [("Partenaire", .left), ("Année", .left), ("Montant", .right), ("Nature", .left), ("Source", .left),
             ("Décision", .left)])
        for commitment in context.state.commitments where commitment.isAdopted {
            for line in commitment.lines where line.actionId == action.id {
                voted.append([
                    [.text(context.name(of: commitment.partnerId))], [.text(String(commitment.year))],
                    [.text(context.euros(line.amountCents))], [.text(ReportLabel.basis(line.basis))], [.text(line.source)],
                    [.text(commitment.reference + ", " + LongDate.french(commitment.decidedOn))],
                ])
            }
            for line in commitment.inKind where line.actionId == action.id {
                voted.append([
                    [.text(context.name(of: commitment.partnerId))], [.text(String(commitment.year))],
                    [.text(context.euros(line.valuationCents))], [.text("en nature")], [.text(line.description)],
                    [.text(commitment.reference + ", " + LongDate.french(commitment.decidedOn))],
                ])
            }
        }
        if !voted.rows.isEmpty { blocks.append(.table(voted)) }
        return blocks
    }

    static func indicatorsBlock(_ action: ActionRecord) -> ReportBlock {
        let indicators = action.sheet.indicators ?? []
        let reportedNames = Set(action.reports.map(\.indicator))
        if indicators.isEmpty, action.reports.isEmpty { return .paragraph([.flag("Aucun indicateur de suivi.", .bad)]) }
        var table = ReportTable(
            [("Indicateur", .left), ("Unité", .left), ("Cible", .right), ("Réalisé (période)", .left), ("Ligne", .right)])
        for indicator in indicators {
            let reports = action.reports.filter { $0.indicator == indicator.name }
            table.append([
                [.text(indicator.name)], [.text(indicator.unit ?? "—")], [.text(ReportLabel.scalar(indicator.target))],
                [.text(reports.isEmpty ? "—" : reports.map(reportText).joined(separator: " ; "))],
                [.text(ReportContext.lines(reports.map(\.source.seq)))],
            ])
        }
        // Reports about an indicator the sheet does not list (renamed, or added later).
        let listed = Set(indicators.map(\.name))
        for name in reportedNames.sorted() where !listed.contains(name) {
            let reports = action.reports.filter { $0.indicator == name }
            table.append([
                [.text(name)], [.text("—")], [.text("—")], [.text(reports.map(reportText).joined(separator: " ; "))],
                [.text(ReportContext.lines(reports.map(\.source.seq)))],
            ])
        }
        return .table(table)
    }

    static func reportText(_ report: ActionRecord.IndicatorReport) -> String {
        var text = ReportLabel.scalar(report.value) + " (" + report.period + ")"
        if let note = report.note, !note.isEmpty { text += " – " + note }
        return text
    }

    static func impactBlock(_ sheet: ActionSheet) -> ReportBlock {
        if let impact = sheet.impact, !impact.indicator.allSatisfy(\.isWhitespace) {
            var facts = [ReportFact("Indicateur d'impact", [.strong(impact.indicator)])]
            if impact.baseline != nil { facts.append(ReportFact("Situation de départ", ReportLabel.scalar(impact.baseline))) }
            if impact.target != nil { facts.append(ReportFact("Cible", ReportLabel.scalar(impact.target))) }
            if let method = impact.method, !method.isEmpty { facts.append(ReportFact("Méthode", method)) }
            return .facts(facts)
        }
        if let waiver = sheet.impactWaiver, !waiver.allSatisfy(\.isWhitespace) {
            return .facts([ReportFact("Impact non mesurable", waiver)])
        }
        return .paragraph([.flag("Ni indicateur d'impact ni raison de son absence.", .bad)])
    }

    static func participationBlock(_ sheet: ActionSheet) -> ReportBlock {
        var facts: [ReportFact] = []
        if sheet.participationSheet == true {
            facts.append(ReportFact("Fiche participation", [.flag("oui", .good), .text(" : fiche-action spécifique à la participation")]))
        }
        if let participation = sheet.participation {
            facts.append(ReportFact(
                "Groupe témoin", participation.controlGroup ? [.flag("oui", .good)] : [.text("non")]))
            facts.append(ReportFact(
                "Étapes", participation.stages.isEmpty ? "—" : participation.stages.map(ReportLabel.stage).joined(separator: ", ")))
            if let description = participation.description, !description.isEmpty {
                facts.append(ReportFact("Modalités", description))
            }
        } else {
            facts.append(ReportFact("Participation", "non décrite"))
        }
        return .facts(facts)
    }

    /// An id usable in an HTML `id` attribute (letters, digits, `-`).
    static func anchor(_ text: String) -> String {
        String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }
}
