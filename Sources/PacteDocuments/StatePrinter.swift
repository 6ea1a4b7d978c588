import PacteEvents
import PacteProjections

/// `state` for people: the pact as of a date, section by section, in 80 columns.
public enum StatePrinter {
    public static func text(_ state: PactState, asOf: CivilDate?, knownAt: Timestamp?, language: Language) -> String {
        let fr = language == .french
        func date(_ value: CivilDate?) -> String { value.map { Formatted.date($0, in: language) } ?? "—" }
        guard let pact = state.pact else {
            return fr ? "Le registre ne contient pas encore de pacte à cette date.\n" : "The ledger holds no pact yet on that date.\n"
        }
        var text = Display.wrapped(pact.title, width: 80, indent: "") + "\n"
        text += Display.wrapped(
            (fr ? "Territoire : " : "Territory: ") + pact.territory.name
                + (pact.territory.department.map { " (département \($0))" } ?? ""), width: 80, indent: "  ") + "\n"
        var view = fr ? "Vue : " : "View: "
        view += asOf.map { fr ? "au \(Formatted.date($0, in: language))" : "as of \(Formatted.date($0, in: language))" } ?? (fr ? "tous les faits" : "every fact")
        if let knownAt { view += fr ? ", tel que connu le \(knownAt)" : ", as known at \(knownAt)" }
        text += view + "\n"
        if let status = state.status {
            text += (fr ? "Statut : " : "Status: ") + status.label(in: language)
                + (fr ? " depuis le " : " since ") + date(state.statusSince) + "\n"
        }
        if let inForce = state.inForceSince {
            text += (fr ? "Convention en vigueur depuis le " : "Convention in force since ") + date(inForce) + "\n"
        }
        if let period = pact.period {
            text += (fr ? "Durée : du " : "Duration: ") + date(period.start) + (fr ? " au " : " to ") + date(period.end) + "\n"
        }

        text += section(fr ? "Partenaires" : "Partners")
        var partnerRows = [[fr ? "id" : "id", fr ? "type" : "kind", fr ? "convention" : "convention", fr ? "nom" : "name"]]
        let convention = state.signing(of: .convention)
        for record in state.partners {
            var status = "—"
            if let signature = convention?.signature(of: record.id) {
                status = (fr ? "signée " : "signed ") + date(signature.date)
            } else if let vote = convention?.adoptedVote(of: record.id) {
                status = (fr ? "votée " : "voted ") + date(vote.date)
            }
            if record.entry == .adhesion, let number = record.amendment {
                if case .inForce = state.amendmentStage(number) {} else {
                    status = fr ? "avenant \(number) en attente" : "amendment \(number) pending"
                }
            }
            if let withdrawal = record.withdrawal { status = (fr ? "retiré " : "withdrew ") + date(withdrawal.date) }
            partnerRows.append([record.id, Vocabulary.partnerKind.label(record.partner.kind, in: language), status, Display.truncated(record.partner.name, 27)])
        }
        text += Display.table(partnerRows)

        text += section(fr ? "Priorités" : "Priorities")
        if state.priorities.isEmpty { text += "—\n" }
        for record in state.priorities {
            let publics = record.priority.publics.map { PublicWords.label($0, in: language) }.joined(separator: ", ")
            text += "\(record.id)  " + Display.wrapped(record.priority.title + (publics.isEmpty ? "" : " [\(publics)]"), width: 74, indent: "    ") + "\n"
        }

        text += section(fr ? "Fiches-action" : "Action sheets")
        if state.actions.isEmpty, state.pendingActions.isEmpty { text += "—\n" }
        var actionRows: [[String]] = []
        for record in state.actions {
            let sheet = record.sheet
            let schedule = sheet.schedule.map { date($0.start) + " → " + date($0.end) } ?? "—"
            var mark = ""
            if let closure = record.closure {
                mark = " [" + Vocabulary.actionOutcome.label(closure.outcome, in: language) + "]"
            }
            if state.pendingChanges.contains(where: { $0.actionId == record.id }) {
                mark += fr ? " [modification en attente d'avenant]" : " [change awaiting amendment]"
            }
            actionRows.append([record.id, sheet.priorityId ?? "—", schedule, Display.truncated((sheet.title ?? "") + mark, 40)])
        }
        for pending in state.pendingActions {
            let schedule = pending.sheet.schedule.map { date($0.start) + " → " + date($0.end) } ?? "—"
            let mark = fr ? " [en attente de l'avenant n°\u{00A0}\(pending.amendment)]" : " [pending amendment \(pending.amendment)]"
            actionRows.append([pending.id, pending.sheet.priorityId ?? "—", schedule, Display.truncated((pending.sheet.title ?? "") + mark, 60)])
        }
        text += Display.table(actionRows)

        text += section(fr ? "Engagements votés (adoptés)" : "Commitments voted (adopted)")
        let totals = state.totals
        var money = [[fr ? "partenaire" : "partner", fr ? "année" : "year", "action", fr ? "numéraire" : "cash", fr ? "en nature" : "in kind"]]
        for detail in totals.votedDetails {
            money.append([
                detail.partnerId, String(detail.year), detail.actionId, Formatted.euros(detail.amounts.cashCents, in: language),
                detail.amounts.inKindCents > 0 ? Formatted.euros(detail.amounts.inKindCents, in: language) : "",
            ])
        }
        money.append(["", "", fr ? "total" : "total", Formatted.euros(totals.voted.cashCents, in: language),
                      Formatted.euros(totals.voted.inKindCents, in: language)])
        text += totals.votedDetails.isEmpty ? "—\n" : Display.table(money, rightAligned: [3, 4])
        let rejected = state.commitments.filter { !$0.isAdopted }
        for commitment in rejected {
            let outcome = Vocabulary.voteOutcome.label(commitment.outcome, in: language)
            text += (fr ? "  (vote \(outcome) : " : "  (vote \(outcome): ")
                + "\(commitment.partnerId) \(commitment.year), \(commitment.reference))\n"
        }
        text += (fr ? "Prévu sur les fiches : " : "Planned on the sheets: ") + Formatted.euros(totals.planned.cashCents, in: language)
            + (fr ? " en numéraire, " : " cash, ") + Formatted.euros(totals.planned.inKindCents, in: language) + (fr ? " en nature\n" : " in kind\n")

        text += section(fr ? "Avenants" : "Amendments")
        if state.amendments.isEmpty { text += "—\n" }
        for amendment in state.amendments {
            let stage: String
            switch state.amendmentStage(amendment.number) {
            case .proposed: stage = fr ? "proposé" : "proposed"
            case .inSignature: stage = fr ? "en signature" : "in signature"
            case .inForce(let since): stage = (fr ? "en vigueur depuis le " : "in force since ") + date(since)
            }
            let heading = fr ? "n° \(amendment.number) (\(stage)) : " : "no. \(amendment.number) (\(stage)): "
            text += Display.wrapped(heading + amendment.purpose, width: 80, indent: "    ") + "\n"
        }

        text += section(fr ? "Prorogations" : "Extensions")
        if state.extensions.isEmpty { text += "—\n" }
        for record in state.extensions {
            var line = "\(record.actionId) : \(date(record.request.currentEnd)) → \(date(record.request.requestedEnd))"
            if let decision = record.decision {
                line += " — " + Vocabulary.extensionDecision.label(decision.decision, in: language)
                if let end = decision.newEnd { line += " (\(date(end)))" }
                if let amendment = decision.amendment { line += fr ? ", avenant \(amendment)" : ", amendment \(amendment)" }
            } else {
                line += fr ? " — en attente de décision" : " — awaiting decision"
            }
            text += line + "\n"
        }

        text += section(fr ? "Gouvernance" : "Governance")
        if state.governanceMeetings.isEmpty { text += "—\n" }
        for meeting in state.governanceMeetings {
            text += "\(date(meeting.date))  \(meeting.meeting.body)"
                + (fr ? ", " + Formatted.count(meeting.meeting.attendees.count, "présent", in: .french) + "\n" : ", \(meeting.meeting.attendees.count) present\n")
        }

        text += section(fr ? "Annexes" : "Annexes")
        if state.annexes.isEmpty { text += "—\n" }
        for annex in state.annexes {
            text += "\(annex.number)  " + Display.truncated(annex.annex.title, 60) + "  (\(date(annex.attachedOn)))\n"
        }
        if let closure = state.closure {
            text += section(fr ? "Clôture" : "Closure")
            let reason = Vocabulary.closureReason.label(closure.reason, in: language)
            text += Display.wrapped("\(date(closure.date)) (\(reason)) : " + closure.summary, width: 80, indent: "    ") + "\n"
        }
        return text
    }

    static func section(_ title: String) -> String {
        "\n" + title + "\n" + String(repeating: "─", count: title.count) + "\n"
    }
}
