import PacteEvents
import PacteProjections

// Part 3: one sheet per partner (« fiche partenaire »): its cash by basis and year,
// planned and voted, its votes, its in-kind contributions and its signatures.
extension PactReport {
    static func partnerSheetsPart(_ context: ReportContext) -> ReportPart {
        var blocks: [ReportBlock] = [
            .note([.text("Pour chaque partenaire : le numéraire par nature de financement (crédits dédiés au pacte, droit commun contractualisé, droit commun non contractualisé) et par année, prévu aux fiches-action et voté par ses instances ; ses apports en nature ; ses délibérations et signatures.")]),
        ]
        for record in context.state.partners {
            blocks.append(.group(partnerSheet(record, context: context)))
        }
        return ReportPart(number: 3, id: "fiches-partenaires", title: "Les fiches partenaires", blocks: blocks)
    }

    static func partnerSheet(_ record: PartnerRecord, context: ReportContext) -> ReportGroup {
        let state = context.state
        let partner = record.partner
        var blocks: [ReportBlock] = []
        var facts = [
            ReportFact("Identifiant", [.code(partner.id)]),
            ReportFact("Type", ReportLabel.kind(partner.kind)),
            ReportFact("Instance statutaire", partner.statutoryBody.flatMap { $0.isEmpty ? nil : $0 } ?? "aucune"),
            ReportFact("Signataire", partner.signatory.map { $0.name + ", " + $0.role } ?? "—"),
        ]
        var joined = LongDate.french(record.joinedOn) + " (" + ReportLabel.entry(record.entry)
        if let amendment = record.amendment { joined += ", avenant n° \(amendment)" }
        facts.append(ReportFact("Entrée dans le pacte", joined + ")"))
        if let withdrawal = record.withdrawal {
            facts.append(ReportFact("Retrait", [.flag("retiré", .neutral), .text(" le " + LongDate.french(withdrawal.date) + " : " + withdrawal.reason)]))
        }
        var roles: [String] = []
        for action in state.actions {
            for engaged in action.sheet.partners ?? [] where engaged.partnerId == partner.id {
                roles.append(action.id + " : " + (engaged.role ?? "rôle non précisé"))
            }
        }
        facts.append(ReportFact("Engagement sur les actions", roles.isEmpty ? "—" : roles.joined(separator: " ; ")))
        blocks.append(.facts(facts))

        // Cash by year and basis.
        let account = context.money.account(of: partner.id)
        let lines = account?.lines ?? []
        if lines.isEmpty {
            blocks.append(.paragraph([.text("Aucun engagement en numéraire.")]))
        } else {
            var table = ReportTable(
                caption: "Numéraire par année et par nature de financement",
                [("Année", .left), ("Nature du financement", .left), ("Prévu (fiches-action)", .right),
                 ("Voté (délibérations)", .right)])
            for row in account?.byYearAndBasis ?? [] {
                table.append([
                    [.text(String(row.year))], [.text(ReportLabel.basis(row.basis))], [.text(context.euros(row.plannedCents))],
                    [.text(context.euros(row.votedCents))],
                ])
            }
            table.appendTotal([
                [.text("Total")], [.text("")], [.text(context.euros(account?.plannedCashCents ?? 0))],
                [.text(context.euros(account?.votedCashCents ?? 0))],
            ])
            blocks.append(.table(table))

            var detail = ReportTable(
                caption: "Détail par action",
                [("Action", .left), ("Année", .left), ("Nature", .left), ("Source", .left), ("Prévu", .right), ("Voté", .right)])
            for line in lines {
                detail.append([
                    [.text(line.actionId)], [.text(String(line.year))], [.text(ReportLabel.basis(line.basis))], [.text(line.source)],
                    [.text(line.plannedCents > 0 ? context.euros(line.plannedCents) : "—")],
                    [.text(line.votedCents > 0 ? context.euros(line.votedCents) : "—")],
                ])
            }
            blocks.append(.table(detail))
        }

        // In-kind contributions, planned and voted.
        var inKind = ReportTable(
            caption: "Apports en nature (mise à disposition de locaux, de personnels, bénévolat…)",
            [("Action", .left), ("Apport", .left), ("Selon", .left), ("Valorisation", .right)])
        for item in account?.inKindItems ?? [] {
            inKind.append([
                [.text(item.actionId)], [.text(item.description)], [.text(item.votedYear.map { "délibération \($0)" } ?? "fiche-action")],
                [.text(context.euros(item.cents))],
            ])
        }
        if inKind.rows.isEmpty {
            blocks.append(.paragraph([.text("Aucun apport en nature.")]))
        } else {
            blocks.append(.table(inKind))
        }

        // Commitment votes, every outcome.
        let commitments = state.commitments.filter { $0.partnerId == partner.id }
        if !commitments.isEmpty {
            var table = ReportTable(
                caption: "Engagements annuels votés",
                [("Date", .left), ("Instance", .left), ("Référence", .left), ("Année", .left), ("Issue", .left),
                 ("Numéraire", .right), ("En nature", .right), ("Ligne", .right)])
            for commitment in commitments {
                table.append([
                    [.text(LongDate.french(commitment.decidedOn))], [.text(commitment.body)], [.text(commitment.reference)],
                    [.text(String(commitment.year))],
                    [.flag(ReportLabel.vote(commitment.outcome), commitment.isAdopted ? .good : .warning)],
                    [.text(context.euros(commitment.cashCents))], [.text(context.euros(commitment.inKindCents))],
                    [.text(String(commitment.source.seq))],
                ])
            }
            blocks.append(.table(table))
        }

        // Signatures of each document.
        var signatures = ReportTable(
            caption: "Délibérations d'approbation et signatures",
            [("Document", .left), ("Délibération", .left), ("Signature", .left), ("État", .left)])
        for document in context.timeline.documents {
            guard let progress = document.partners.first(where: { $0.partnerId == partner.id }) else { continue }
            let signing = state.signing(of: document.document)
            let vote = signing?.adoptedVote(of: partner.id)
            signatures.append([
                [.text(ReportLabel.document(document.document))],
                [.text(vote.map { LongDate.french($0.date) + " (" + $0.reference + ")" } ?? (progress.needsVote ? "—" : "non requise"))],
                [.text(progress.signatureDate.map { LongDate.french($0) } ?? "—")],
                [.flag(progress.state.label(in: .french), ReportLabel.partnerStateTone(progress.state))],
            ])
        }
        if !signatures.rows.isEmpty { blocks.append(.table(signatures)) }

        return ReportGroup(title: "Fiche partenaire – " + partner.name, id: "partenaire-" + anchor(partner.id), newPage: false, blocks: blocks)
    }
}
