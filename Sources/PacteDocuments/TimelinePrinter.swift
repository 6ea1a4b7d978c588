import PacteEvents
import PacteProjections

/// `timeline` for people: per document, each partner's vote and signature against the
/// 6-month target; then the State-funded actions' windows and the meetings due.
public enum TimelinePrinter {
    public static func text(_ timeline: SigningTimeline, language: Language) -> String {
        let fr = language == .french
        func date(_ value: CivilDate?) -> String { value.map { Formatted.date($0, in: language) } ?? "—" }
        func days(_ value: Int?) -> String { value.map { fr ? "J+\($0)" : "D+\($0)" } ?? "" }
        var text = fr ? "Calendrier au \(date(timeline.today))\n" : "Timeline on \(date(timeline.today))\n"
        if timeline.documents.isEmpty { text += fr ? "\nAucune signature demandée.\n" : "\nNo signature requested.\n" }
        for document in timeline.documents {
            let name = Formatted.document(document.document, in: language)
            text += "\n" + (fr ? name.prefix(1).uppercased() + name.dropFirst() : name.prefix(1).uppercased() + name.dropFirst()) + "\n"
            text += (fr ? "  signatures demandées le " : "  signatures requested ") + date(document.requestedOn)
                + (fr ? " (jour 0), objectif \(document.targetMonths) mois : " : " (day 0), target \(document.targetMonths) months: ")
                + date(document.targetDate) + "\n"
            if let inForce = document.inForceSince {
                text += (fr ? "  en vigueur le " : "  in force on ") + date(inForce) + "\n"
            } else {
                text += (fr ? "  entrée en vigueur prévue : " : "  projected entry into force: ") + date(document.entryIntoForce)
                    + (fr ? " (si tout est signé d'ici là)\n" : " (if all sign by then)\n")
            }
            var rows = [[fr ? "partenaire" : "partner", fr ? "délibération" : "vote", "", "signature", "", fr ? "état" : "state"]]
            for partner in document.partners {
                let vote = partner.needsVote ? date(partner.voteDate) : (fr ? "sans objet" : "n/a")
                var state = partner.state.label(in: language) + (partner.state == .late ? " ⚠" : "")
                if partner.signedLate, let late = partner.daysPastTarget {
                    state += fr ? " (objectif +\(late) j)" : " (target +\(late) d)"
                }
                rows.append([partner.partnerId, vote, days(partner.voteDays), date(partner.signatureDate), days(partner.signatureDays), state])
            }
            text += Display.table(rows).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        if !timeline.stateFundedActions.isEmpty {
            text += fr ? "\nActions financées par l'État (année N, 12 mois, 31/12 N+1)\n" : "\nState-funded actions (year N, 12 months, 31 Dec N+1)\n"
            var rows = [["action", "N", fr ? "début" : "start", fr ? "fin" : "end", fr ? "limite" : "limit", fr ? "prorogée" : "extended", ""]]
            for window in timeline.stateFundedActions {
                let verdict: String
                switch window.status {
                case .within, .extended: verdict = "ok"
                case .unscheduled: verdict = fr ? "sans calendrier" : "no schedule"
                case .breached:
                    verdict = window.breaches.map { $0.label(in: language) }.joined(separator: ", ") + " ⚠"
                }
                rows.append([window.actionId, String(window.year), date(window.start), date(window.end), date(window.endLimit),
                             date(window.extendedEnd), verdict])
            }
            text += Display.table(rows).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        if !timeline.governanceYears.isEmpty {
            text += fr ? "\nRéunions de la gouvernance (au moins une par an)\n" : "\nGovernance meetings (at least one a year)\n"
            for year in timeline.governanceYears {
                let status: String
                switch year.status {
                case .held: status = (fr ? Formatted.noun(year.meetings.count, "tenue", in: .french) + " : " : "held: ") + year.meetings.map { date($0) }.joined(separator: ", ")
                case .missing: status = fr ? "AUCUNE RÉUNION ⚠" : "NO MEETING ⚠"
                case .due: status = fr ? "à tenir avant le 31/12" : "due by 31 Dec"
                case .exempt: status = fr ? "non requise (résiliation anticipée)" : "not required (early termination)"
                }
                text += "  \(year.year)  \(status)\n"
            }
        }
        return text
    }
}
