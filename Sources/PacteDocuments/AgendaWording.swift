import PacteEvents
import PacteProjections

/// What an agenda item says, in French or English: one line saying what is due, and the
/// dates it comes from. Shared by the text output and the calendar file.
public enum AgendaWording {
    /// `Signature de la convention par CAF (caf-31)`.
    public static func headline(_ item: Agenda.Item, language: Language) -> String {
        let fr = language == .french
        let partner = item.partnerId.map { id in item.partnerName.map { "\($0) (\(id))" } ?? id } ?? ""
        let theDocument = item.document.map { Formatted.document($0, in: language) } ?? ""
        switch item.kind {
        case .approvalVote:
            return fr ? "Délibération puis signature de \(theDocument) : \(partner)"
                : "Approval vote then signature of \(theDocument): \(partner)"
        case .signature:
            return fr ? "Signature de \(theDocument) : \(partner)" : "Signature of \(theDocument): \(partner)"
        case .stateFundingEnd:
            let action = item.actionId ?? ""
            return fr ? "Fin au plus tard de l'action \(action), financée par l'État (année N = \(item.year ?? 0))"
                : "Latest end of State-funded action \(action) (year N = \(item.year ?? 0))"
        case .extensionDecision:
            let action = item.actionId ?? ""
            let requested = item.requestedEnd.map { Formatted.date($0, in: language) } ?? "—"
            return fr ? "Décision sur la demande de prorogation de l'action \(action) (jusqu'au \(requested))"
                : "Decision on the extension request for action \(action) (to \(requested))"
        case .governanceMeeting:
            let year = item.year.map(String.init) ?? ""
            if item.isPlannedMeeting {
                return fr ? "Réunion prévue de l'instance de gouvernance (\(year))" : "Planned meeting of the governance body (\(year))"
            }
            return fr ? "Réunion annuelle de l'instance de gouvernance, pas encore tenue en \(year)"
                : "Yearly meeting of the governance body, not yet held in \(year)"
        case .commitmentVote:
            let year = item.year.map(String.init) ?? ""
            // The amount stays on one line: its spaces do not break.
            let cents = String(Formatted.euros(item.plannedCents ?? 0, in: language).map { $0 == " " ? "\u{00A0}" : $0 })
            let actions = item.actionIds.joined(separator: ", ")
            return fr ? "Vote de l'engagement \(year) : \(partner), \(cents) prévus (\(actions))"
                : "Vote of the \(year) commitment: \(partner), \(cents) planned (\(actions))"
        }
    }

    /// The dates behind the deadline: `mise en signature le 24/02/2025, cible à 6 mois`.
    public static func details(_ item: Agenda.Item, language: Language) -> String {
        let fr = language == .french
        func day(_ date: CivilDate?) -> String { date.map { Formatted.date($0, in: language) } ?? "—" }
        var parts: [String] = []
        switch item.kind {
        case .approvalVote, .signature:
            parts.append(fr ? "mise en signature le \(day(item.requestedOn)), date cible le \(day(item.due))"
                : "sent for signature on \(day(item.requestedOn)), target date \(day(item.due))")
            if let voted = item.votedOn { parts.append(fr ? "délibération adoptée le \(day(voted))" : "approval vote adopted on \(day(voted))") }
        case .stateFundingEnd:
            parts.append(fr ? "fin prévue le \(day(item.scheduledEnd))" : "scheduled end \(day(item.scheduledEnd))")
            parts.append(fr ? "12 mois après le démarrage : \(day(item.twelveMonthLimit))" : "12 months after the start: \(day(item.twelveMonthLimit))")
            parts.append(fr ? "31/12/N+1 : \(day(item.yearLimit))" : "31 December N+1: \(day(item.yearLimit))")
            if let extended = item.extendedEnd {
                parts.append(fr ? "prorogation en vigueur jusqu'au \(day(extended))" : "extension in force to \(day(extended))")
            }
            if let end = item.scheduledEnd, end > item.due {
                parts.append(fr ? "la fin prévue dépasse la limite (règle STATE-WINDOW)" : "the scheduled end is past the limit (rule STATE-WINDOW)")
            }
        case .extensionDecision:
            parts.append(fr ? "fin actuelle le \(day(item.scheduledEnd)), demandée par \(item.partnerName ?? item.partnerId ?? "—")"
                : "current end \(day(item.scheduledEnd)), requested by \(item.partnerName ?? item.partnerId ?? "—")")
        case .governanceMeeting:
            parts.append(fr ? "au moins une réunion par année civile : présenter les engagements de l'année, actualiser les fiches-actions"
                : "at least one meeting per calendar year: present the year's commitments, update the action sheets")
        case .commitmentVote:
            parts.append(fr ? "montant prévu sur les fiches-actions, aucun vote enregistré pour cette année"
                : "amount planned on the action sheets, no vote recorded for that year")
        }
        if !item.seq.isEmpty {
            let lines = item.seq.map(String.init).joined(separator: ", ")
            let plural = item.seq.count > 1
            parts.append(fr ? (plural ? "lignes " : "ligne ") + lines : (plural ? "lines " : "line ") + lines)
        }
        // French puts a narrow no-break space before the semicolon (never a line break).
        return parts.joined(separator: fr ? "\u{202F}; " : "; ")
    }

    /// `dans 31 jours`, `aujourd'hui`, `en retard de 3 jours`.
    public static func delay(_ days: Int, language: Language) -> String {
        let fr = language == .french
        switch days {
        case 0: return fr ? "aujourd'hui" : "today"
        case 1: return fr ? "demain" : "tomorrow"
        case 2...: return fr ? "dans \(days) jours" : "in \(days) days"
        case -1: return fr ? "en retard d'un jour" : "1 day overdue"
        default: return fr ? "en retard de \(-days) jours" : "\(-days) days overdue"
        }
    }
}
