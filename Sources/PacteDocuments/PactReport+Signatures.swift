import PacteEvents
import PacteProjections

// The convention's form: the parties at the head of the convention, and a signature page
// per document (the convention, each amendment) with one block per partner asked to sign.
extension PactReport {
    /// « Entre : … représenté par …, ci-après … », one line per partner, the porteur first;
    /// a partner who withdrew is shown as such.
    static func partiesBlocks(_ context: ReportContext) -> [ReportBlock] {
        let state = context.state
        let porteurId = state.pact?.porteur.id
        var blocks: [ReportBlock] = [.heading("Entre les parties", level: 3, id: "parties")]
        if state.partners.isEmpty {
            blocks.append(.paragraph([.flag("Aucun partenaire enregistré.", .warning)]))
            return blocks
        }
        blocks.append(.paragraph([.text("Entre :")]))
        let ordered = state.partners.filter { $0.partner.id == porteurId } + state.partners.filter { $0.partner.id != porteurId }
        var items: [[ReportInline]] = []
        for record in ordered {
            let partner = record.partner
            var line: [ReportInline] = [.strong(Typography.verbatim(partner.name))]
            if let signatory = partner.signatory {
                line.append(.text(", " + Formatted.agreeing("représenté", with: partner.name) + " par " + Typography.verbatim(signatory.name) + ", " + Typography.verbatim(signatory.role)))
            } else {
                line.append(.text(", "))
                line.append(.flag("représentant non renseigné", .warning))
            }
            let short = partner.id == porteurId ? "« le porteur du pacte »" : "« " + partner.id + " »"
            line.append(.text(", ci-après " + Formatted.agreeing("désigné", with: partner.name) + " " + short))
            if record.entry == .adhesion {
                line.append(.text(", " + Formatted.agreeing("entré", with: partner.name) + " au pacte le " + LongDate.french(record.joinedOn)
                    + (record.amendment.map { " par l'avenant n° \($0)" } ?? "")))
            }
            if let withdrawal = record.withdrawal {
                line.append(.text(" — "))
                line.append(.flag(Formatted.agreeing("retiré", with: partner.name) + " du pacte le " + LongDate.french(withdrawal.date), .neutral))
            }
            items.append(line + [.text(" ;")])
        }
        blocks.append(.bullets(items))
        blocks.append(.paragraph([.text("Il est convenu ce qui suit :")]))
        return blocks
    }

    /// One page per document sent for signature: a block per partner asked to sign (and
    /// per partner who signed without being asked), with the vote of its statutory body
    /// and the date it signed, or what is awaited.
    static func signaturesPart(_ context: ReportContext) -> ReportPart {
        let state = context.state
        var blocks: [ReportBlock] = []
        if state.documents.isEmpty {
            blocks.append(.paragraph([.flag("Aucun document mis en signature.", .neutral)]))
        }
        for signing in state.documents {
            var inner: [ReportBlock] = []
            var intro = "Fait en autant d'exemplaires originaux que de signataires."
            if let requested = signing.requestedOn {
                intro = "Mis en signature le " + LongDate.french(requested) + ", signatures attendues le "
                    + LongDate.french(signing.targetDate) + " au plus tard. " + intro
            }
            if let since = signing.inForceSince { intro += " En vigueur depuis le " + LongDate.french(since) + "." }
            inner.append(.paragraph([.text(intro)]))
            var ids = signing.requestedPartnerIds
            for signature in signing.signatures where !ids.contains(signature.partnerId) { ids.append(signature.partnerId) }
            inner.append(.columns(ids.map { signatureBlock(partnerId: $0, signing: signing, context: context) }))
            let title = signing.document == .convention ? "Signatures de la convention" : "Signatures de " + Formatted.document(signing.document, in: .french)
            blocks.append(.group(ReportGroup(
                title: title, id: "signatures-" + signing.document.description, newPage: false, keepTogether: true, blocks: inner)))
        }
        return ReportPart(number: 0, id: "signatures", title: "Pages de signature", blocks: blocks)
    }

    /// One signatory's block: name, signatory and role, the vote (date and reference) or
    /// « en attente », the date signed or « en attente ».
    static func signatureBlock(partnerId: String, signing: DocumentSigning, context: ReportContext) -> ReportGroup {
        let record = context.state.partner(partnerId)
        let partner = record?.partner
        let signature = signing.signature(of: partnerId)
        var facts: [ReportFact] = []
        if let signatory = signature?.signatory ?? partner?.signatory {
            facts.append(ReportFact("Signataire", Typography.verbatim(signatory.name) + ", " + Typography.verbatim(signatory.role)))
        } else {
            facts.append(ReportFact("Signataire", [.flag("non renseigné", .warning)]))
        }
        if let body = partner?.statutoryBody, !body.isEmpty {
            let vote = signing.adoptedVote(of: partnerId) ?? signing.votes(of: partnerId).last
            if let vote {
                var value: [ReportInline] = [.text(Typography.verbatim(vote.body) + ", " + LongDate.french(vote.date) + ", " + Typography.verbatim(vote.reference))]
                if vote.outcome != .adopted { value.append(.flag(" — " + ReportLabel.vote(vote.outcome), .bad)) }
                facts.append(ReportFact("Délibération", value))
            } else {
                facts.append(ReportFact("Délibération", [.text(Typography.verbatim(body) + " : "), .flag("en attente", .warning)]))
            }
        } else {
            facts.append(ReportFact("Délibération", "sans objet (aucune instance statutaire)"))
        }
        if let signature {
            facts.append(ReportFact("Signé le", [.flag(LongDate.french(signature.date), .good)]))
        } else if let withdrawal = record?.withdrawal, withdrawal.date <= context.judgementDate {
            facts.append(ReportFact("Signature", [.flag("sans objet : " + Formatted.agreeing("retiré", with: partner?.name ?? "") + " du pacte le " + LongDate.french(withdrawal.date), .neutral)]))
        } else {
            facts.append(ReportFact("Signé le", [.flag("en attente", .warning)]))
        }
        if !signing.requestedPartnerIds.contains(partnerId) {
            facts.append(ReportFact("Remarque", [.flag("a signé sans y avoir été appelé", .warning)]))
        }
        return ReportGroup(title: partner.map { Typography.verbatim($0.name) } ?? partnerId, id: nil, newPage: false, keepTogether: true,
                           blocks: [.facts(facts)])
    }
}
