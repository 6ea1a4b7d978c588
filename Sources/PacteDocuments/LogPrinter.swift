import PacteEvents
import PacteProjections

/// `log` for people: one line per event (line, date, type, summary) in 80 columns,
/// written line by line as the ledger is read, then the count.
public enum LogPrinter {
    public static func header(in language: Language) -> String {
        let fr = language == .french
        return Display.rightAligned(fr ? "ligne" : "line", 5) + "  " + Display.padded(fr ? "date" : "effective", 10)
            + "  " + Display.padded("type", 19) + "  " + (fr ? "résumé" : "summary") + "\n"
    }

    /// The line of `event`; with `showingId`, its id on the line below.
    public static func line(
        _ event: LedgerEvent, lineOfId: EventIdLines, showingId: Bool = false, in language: Language
    ) -> String {
        var summary = EventSummary.text(of: event, lineOfId: lineOfId, language: language)
        if event.isRecordedLate {
            let recorded = Formatted.date(event.recorded.date, in: language)
            summary += language == .french ? " [enregistré le \(recorded)]" : " [recorded \(recorded)]"
        }
        var text = Display.rightAligned(String(event.seq), 5) + "  " + Formatted.date(event.effective, in: language)
            + "  " + Display.padded(event.type.rawValue, 19) + "  " + Display.truncated(summary, 38) + "\n"
        if showingId { text += String(repeating: " ", count: 7) + "id " + event.id + "\n" }
        return text
    }

    /// `12 événements sur 40`: how many lines were shown, of how many.
    public static func footer(selected: Int, total: Int, in language: Language) -> String {
        language == .french
            ? Formatted.count(selected, "événement", in: .french) + " sur \(total)\n"
            : "\(selected) of " + Formatted.count(total, "event", in: .english) + "\n"
    }
}
