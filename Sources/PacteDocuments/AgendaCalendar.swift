import PacteEvents
import PacteProjections

/// The agenda as iCalendar events: one all-day event per deadline, its UID made of the
/// pact id, the kind of deadline and its subject, so that importing a later export
/// updates the events instead of duplicating them.
public enum AgendaCalendar {
    public static func calendar(_ agenda: Agenda, file: String, language: Language) -> ICalendar {
        let fr = language == .french
        let pact = agenda.pactId ?? "pacte"
        let events = agenda.items.map { item in
            ICalendar.Event(
                uid: uid(pactId: pact, item: item),
                date: item.due,
                summary: AgendaWording.headline(item, language: language),
                description: AgendaWording.details(item, language: language) + "\n"
                    + (fr ? "Pacte \(pact), registre \(file)." : "Pact \(pact), ledger \(file)."),
                categories: [fr ? "Pacte des solidarités" : "Solidarity pact"],
                sequence: agenda.eventCount)
        }
        return ICalendar(
            productId: "-//pacte-ledger//agenda//" + (fr ? "FR" : "EN"),
            name: (fr ? "Échéancier " : "Agenda ") + pact, events: events)
    }

    /// `signature.convention.cd-31.pacte-coteaux-aussonne-2025@pacte-ledger`: letters,
    /// digits, `.`, `-` and `_` only (others become `-`).
    static func uid(pactId: String, item: Agenda.Item) -> String {
        let raw = item.kind.rawValue + "." + item.subject.replacing("/", with: ".") + "." + pactId
        let safe = String(raw.unicodeScalars.map { scalar -> Character in
            let ok = (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                || scalar == "." || scalar == "-" || scalar == "_"
            return ok ? Character(scalar) : "-"
        })
        return safe + "@pacte-ledger"
    }
}
