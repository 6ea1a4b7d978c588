import PacteDocuments
import PacteEvents
import PacteProjections

/// `agenda`: what is due and when, as text (80 columns), JSON or an iCalendar file.
enum AgendaPrinter {
    static func perform(_ request: AgendaRequest, invocation: Invocation, environment: Environment, output: inout CommandOutput) throws {
        let events = try Projecting.load(request.file, invocation: invocation, output: &output)
        let now = environment.now()
        let dates = request.dates
        let agenda = Agenda(
            events: events, asOf: dates.asOf, knownAt: dates.knownAt, today: dates.today(or: CivilDate.paris(at: now)))
        let language = invocation.language
        if request.ics {
            let calendar = AgendaCalendar.calendar(agenda, file: request.file, language: language)
            let text = calendar.text(stamp: now)
            let fr = language == .french
            let count = calendar.events.count
            Reporting.deliver(text, to: request.output, ledger: request.file, invocation: invocation, output: &output) { path, _ in
                fr ? "Calendrier iCalendar écrit dans \(path) (\(count) échéance(s))." : "iCalendar file written to \(path) (\(count) deadline(s))."
            }
        } else if invocation.json {
            output.print(JSONWriter.string(of: agenda.jsonValue))
        } else {
            output.standardOutput += text(agenda, language: language)
        }
    }

    static func text(_ agenda: Agenda, language: Language) -> String {
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
        let count = agenda.items.count
        if fr {
            text += "\n\(count) échéance\(count > 1 ? "s" : "")" + (overdue > 0 ? ", dont \(overdue) en retard" : "") + ".\n"
        } else {
            text += "\n\(count) deadline\(count > 1 ? "s" : "")" + (overdue > 0 ? ", \(overdue) overdue" : "") + ".\n"
        }
        return text
    }
}
