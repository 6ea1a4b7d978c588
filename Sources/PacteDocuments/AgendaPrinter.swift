import PacteEvents
import PacteProjections

/// `agenda` for people: what is due and when, in 80 columns.
public enum AgendaPrinter {
    public static func text(_ agenda: Agenda, language: Language) -> String {
        let fr = language == .french
        let day = Formatted.date(agenda.date, in: language)
        var text = fr ? "Échéancier au \(day)" : "Agenda as of \(day)"
        if let pactId = agenda.pactId { text += fr ? " — pacte \(pactId)" : " — pact \(pactId)" }
        text += "\n"
        if let title = agenda.title { text += Display.wrapped(title, width: 80, indent: "") + "\n" }
        text += "\n"
        if agenda.items.isEmpty {
            text += Display.wrapped(fr
                ? "Rien n'est dû : aucune signature, délibération, fin d'action financée par l'État, décision ou réunion en attente."
                : "Nothing is due: no signature, vote, State-funded action end, decision or meeting pending.", width: 80, indent: "") + "\n"
            return text
        }
        for item in agenda.items {
            text += Formatted.date(item.due, in: language) + "  " + AgendaWording.delay(item.daysLeft, language: language) + "\n"
            text += "    " + Display.wrapped(AgendaWording.headline(item, language: language), width: 80, indent: "    ", firstLineWidth: 76) + "\n"
            text += "    " + Display.wrapped(AgendaWording.details(item, language: language), width: 80, indent: "    ", firstLineWidth: 76) + "\n"
        }
        let overdue = agenda.items.filter(\.isOverdue).count
        text += "\n" + deadlines(agenda.items.count, in: language)
        if overdue > 0 { text += fr ? ", dont \(overdue) en retard" : ", \(overdue) overdue" }
        return text + ".\n"
    }

    /// `3 échéances`, `1 deadline`: a count of deadlines, the noun agreeing.
    public static func deadlines(_ count: Int, in language: Language) -> String {
        Formatted.count(count, language == .french ? "échéance" : "deadline", in: language)
    }
}
