import PacteEvents
import PacteProjections

// Part 6: amendments (avenants), extensions, every change, corrections.
// Part 7: the rule findings.
extension PactReport {
    static func historyPart(_ context: ReportContext) -> ReportPart {
        let state = context.state
        var blocks: [ReportBlock] = []

        blocks.append(.heading("Avenants", level: 3, id: "avenants"))
        if state.amendments.isEmpty {
            blocks.append(.paragraph([.text("Aucun avenant.")]))
        } else {
            var table = ReportTable(
                [("Avenant", .left), ("Objet", .left), ("Proposé le", .left), ("État", .left), ("Modifications portées", .left),
                 ("Ligne", .right)])
            for amendment in state.amendments {
                let stage = amendmentStage(amendment.number, state)
                let carried = state.changes(carriedBy: amendment.number)
                var changes: [String] = carried.applied.map { item in
                    item.actionId + " : " + item.revision.changes.map { ChangeDescription.label($0.member, in: .french) }.joined(separator: ", ")
                }
                changes += state.actions.filter { $0.amendment == amendment.number }.map { "ajout de " + $0.id }
                changes += state.pendingActions.filter { $0.amendment == amendment.number }.map { "ajout de " + $0.sheet.actionId + " (en attente)" }
                changes += carried.pending.map { $0.actionId + " : " + $0.changes.keys.map { ChangeDescription.label($0, in: .french) }.joined(separator: ", ") + " (en attente)" }
                changes += state.extensions.filter { $0.decision?.amendment == amendment.number }.map { record in
                    "prorogation de " + record.actionId + (record.grantedEnd.map { " jusqu'au " + LongDate.french($0) } ?? "")
                }
                changes += state.partners.filter { $0.amendment == amendment.number }.map { "adhésion de " + $0.partner.name }
                table.append([
                    [.strong("n° \(amendment.number)")], [.text(amendment.purpose)], [.text(LongDate.french(amendment.proposedOn))],
                    stage, [.text(changes.isEmpty ? "—" : changes.joined(separator: " ; "))], [.text(String(amendment.source.seq))],
                ])
            }
            blocks.append(.table(table))
        }

        blocks.append(.heading("Prorogations", level: 3, id: "prorogations"))
        if state.extensions.isEmpty {
            blocks.append(.paragraph([.text("Aucune demande de prorogation.")]))
        } else {
            var table = ReportTable(
                [("Action", .left), ("Demandée le", .left), ("Par", .left), ("Fin prévue", .left), ("Fin demandée", .left),
                 ("Décision", .left), ("Motif", .left), ("Lignes", .right)])
            for record in state.extensions {
                var decision: [ReportInline] = [.flag("non décidée", .warning)]
                if let decided = record.decision, let source = record.decisionSource {
                    var text = " le " + LongDate.french(source.effective)
                    if let end = record.grantedEnd { text += ", fin au " + LongDate.french(end) }
                    if let amendment = decided.amendment { text += ", avenant n° \(amendment)" }
                    decision = [.flag(ReportLabel.decision(decided.decision), decided.decision == .granted ? .good : .bad), .text(text)]
                }
                var reason = record.request.reason
                if let decided = record.decision?.reason, !decided.isEmpty { reason += " — décision : " + decided }
                table.append([
                    [.strong(record.actionId)], [.text(LongDate.french(record.requestSource.effective))],
                    [.text(context.name(of: record.request.requestedBy))], [.text(LongDate.french(record.request.currentEnd))],
                    [.text(LongDate.french(record.request.requestedEnd))], decision, [.text(reason)],
                    [.text(ReportContext.lines([record.requestSource.seq] + (record.decisionSource.map { [$0.seq] } ?? [])))],
                ])
            }
            blocks.append(.table(table))
        }

        blocks.append(.heading("Journal des modifications", level: 3, id: "journal"))
        blocks.append(.note([.text("Chaque changement de la convention et des fiches-action, rubrique par rubrique, avec sa date d'effet et ce qui le porte (un avenant, ou un comité de pilotage).")]))
        var journal = ReportTable(
            [("Date", .left), ("Changement", .left), ("Objet", .left), ("Détail", .left), ("Porté par", .left), ("Ligne", .right)],
            isCompact: true)
        for entry in context.history.entries {
            var date = LongDate.french(entry.source.effective)
            if let appliesFrom = entry.appliesFrom {
                if appliesFrom != entry.source.effective { date += ", effet le " + LongDate.french(appliesFrom) }
            } else if entry.isPending {
                date += ", effet en attente"
            }
            journal.append([
                [.text(date)],
                [.text(ReportLabel.historyKind(entry.kind))], [.text(subjectText(entry.subject, context: context))],
                detailText(entry), carrierText(entry), [.text(String(entry.source.seq))],
            ])
        }
        blocks.append(.table(journal))

        blocks.append(.heading("Corrections", level: 3, id: "corrections"))
        if context.history.corrections.isEmpty {
            blocks.append(.paragraph([.text("Aucune correction.")]))
        } else {
            var table = ReportTable(
                [("Corrigée", .left), ("Correction", .left), ("Par", .left), ("Motif", .left), ("Effet", .left)], isCompact: true)
            for record in context.history.corrections {
                let original = record.original
                let effect: [ReportInline] = record.isRetraction
                    ? [.flag("retrait de la ligne", .warning), .text(" (" + ReportLabel.correctionStatus(record.status) + ")")]
                    : [.text((record.replacement.map { ChangeDescription.lines(from: original.data, to: $0, in: .french) } ?? [])
                        .joined(separator: "\n") + "\n(" + ReportLabel.correctionStatus(record.status) + ")")]
                table.append([
                    [.text("ligne \(original.seq) (" + LongDate.french(original.effective) + ")")],
                    [.text("ligne \(record.correction.seq), " + LongDate.french(record.correction.effective))],
                    [.text(record.correction.recordedBy)], [.text(record.reason)], effect,
                ])
            }
            blocks.append(.table(table))
        }
        return ReportPart(number: 6, id: "historique", title: "Avenants, prorogations et corrections", blocks: blocks)
    }

    static func subjectText(_ subject: AmendmentHistory.Entry.Subject, context: ReportContext) -> String {
        if case .partner(let id) = subject { return context.name(of: id) }
        return subjectText(subject)
    }

    /// `convention`, `partenaire cd-31`, `priorité P1`, `action A2`.
    public static func subjectText(_ subject: AmendmentHistory.Entry.Subject) -> String {
        switch subject {
        case .convention: "convention"
        case .partner(let id): "partenaire " + id
        case .priority(let id): "priorité " + id
        case .action(let id): "action " + id
        }
    }

    static func detailText(_ entry: AmendmentHistory.Entry) -> [ReportInline] {
        var inlines: [ReportInline] = []
        switch entry.kind {
        case .prioritySet where entry.fact == .priority(isNew: true):
            inlines.append(.text("nouvelle priorité (voir l'article 3)"))
        case .pactDrafted, .actionAdded, .partnerJoined:
            // The whole record is new: its content is shown in parts 1 to 3.
            switch entry.fact {
            case .title(let title): inlines.append(.text(title))
            case .joined(let via): inlines.append(.text(ReportLabel.entry(via == .adhesion ? .adhesion : .initial)))
            default: break
            }
            if entry.kind == .actionAdded { inlines.append(.text("nouvelle fiche (voir l'annexe 5)")) }
        default:
            let lines = entry.changes.flatMap { ChangeDescription.lines($0, in: .french) }
            if !lines.isEmpty { inlines.append(.text(lines.joined(separator: "\n"))) }
            var extra: [String] = []
            switch entry.fact {
            case .priority(let isNew): extra.append(isNew ? "nouvelle priorité" : "priorité remplacée")
            case .actionOutcome(let outcome): extra.append(ReportLabel.actionOutcome(outcome))
            case .decision(let decision): extra.append(ReportLabel.decision(decision))
            default: break
            }
            if let reason = entry.reason, !reason.isEmpty { extra.append(reason) }
            if !extra.isEmpty {
                inlines.append(.text((inlines.isEmpty ? "" : " — ") + extra.joined(separator: " — ")))
            }
        }
        if entry.isPending { inlines.append(.flag(" (en attente)", .warning)) }
        return inlines.isEmpty ? [.text("—")] : inlines
    }

    /// What carries the change (an amendment, a steering meeting), then who recorded it.
    static func carrierText(_ entry: AmendmentHistory.Entry) -> [ReportInline] {
        var inlines: [ReportInline] = []
        if let amendment = entry.amendment {
            inlines.append(.strong("avenant n° \(amendment)"))
        } else if let meeting = entry.governanceMeeting {
            inlines.append(.strong("comité du " + LongDate.french(meeting.effective)))
        }
        if !inlines.isEmpty { inlines.append(.text("\n")) }
        inlines.append(.text("enregistré par " + entry.source.recordedBy))
        return inlines
    }

    /// Where amendment `number` stands: proposed, in signature, or in force since a date.
    static func amendmentStage(_ number: Int, _ state: PactState) -> [ReportInline] {
        switch state.amendmentStage(number) {
        case .proposed: [.flag("proposé", .neutral)]
        case .inSignature: [.flag("en signature", .warning)]
        case .inForce(let since): [.flag("en vigueur", .good), .text(" depuis le " + LongDate.french(since))]
        }
    }

    static func findingsPart(_ context: ReportContext) -> ReportPart {
        var blocks: [ReportBlock] = []
        let findings = context.findings
        let counts = Severity.allCases.map { severity in (severity, findings.filter { $0.severity == severity }.count) }
        blocks.append(.paragraph([
            .text("Le pacte est contrôlé au regard des règles de la note régionale du 31 octobre 2024, échéances appréciées au "
                + LongDate.french(context.judgementDate) + " : "),
        ] + counts.enumerated().flatMap { index, pair -> [ReportInline] in
            let (severity, count) = pair
            let label = Formatted.count(count, severity.label(in: .french), in: .french)
            return (index > 0 ? [.text(", ")] : []) + [.flag(label, count == 0 ? .good : ReportLabel.severityTone(severity))]
        } + [.text(".")]))
        if findings.isEmpty {
            blocks.append(.paragraph([.flag("✓ Aucune remarque : toutes les règles sont respectées.", .good)]))
        } else {
            var table = ReportTable([("Règle", .left), ("Gravité", .left), ("Constat", .left), ("Lignes", .right)])
            for finding in findings {
                table.append([
                    [.code(finding.ruleId)], [.flag(finding.severity.label(in: .french), ReportLabel.severityTone(finding.severity))],
                    [.text(finding.frenchMessage)], [.text(ReportContext.lines(finding.seq))],
                ])
            }
            blocks.append(.table(table))
        }
        var rules = ReportTable(caption: "Les règles contrôlées", [("Règle", .left), ("Ce qui est attendu", .left), ("Constat", .left)])
        for rule in Rule.allCases {
            let own = findings.filter { $0.rule == rule }
            let worst = own.map(\.severity).min()
            let verdict: ReportInline = worst.map { .flag(Formatted.count(own.count, $0.label(in: .french), in: .french), ReportLabel.severityTone($0)) } ?? .flag("✓ respectée", .good)
            rules.append([[.code(rule.id)], [.text(rule.summary(in: .french))], [verdict]])
        }
        blocks.append(.table(rules))
        return ReportPart(number: 7, id: "controles", title: "Contrôles des règles", blocks: blocks)
    }
}
