import PacteEvents
import PacteProjections

/// `--as-of`, `--known-at` and `--today`: the three dates every command that projects the
/// ledger takes (`state`, `history`, `timeline`, `agenda`, `check`, `summary`, `report`, `export`).
///
/// - `--as-of DATE` (valid time): the facts dated on or before that day.
/// - `--known-at TIMESTAMP` (transaction time): the lines recorded at or before that
///   moment (a date means the end of that day, UTC).
/// - `--today DATE`: the day it is, instead of today in Paris; deadlines are judged at the
///   earlier of `--as-of` and `--today`.
struct ProjectionDates: Equatable {
    var asOf: CivilDate?
    var knownAt: Timestamp?
    var today: CivilDate?

    init(asOf: CivilDate? = nil, knownAt: Timestamp? = nil, today: CivilDate? = nil) {
        self.asOf = asOf
        self.knownAt = knownAt
        self.today = today
    }

    init(_ scanned: ScannedArguments) throws(UsageError) {
        self.init(asOf: try scanned.date("as-of"), knownAt: try scanned.timestamp("known-at"), today: try scanned.date("today"))
    }

    /// `--today`, else `paris` (today in Paris, from the clock).
    func today(or paris: CivilDate) -> CivilDate {
        today ?? paris
    }

    /// The three options; `today` says what the day is used for.
    static func options(today: (french: String, english: String)) -> [CommandSpec.Option] {
        [
            CommandSpec.Option("as-of", "DATE", "date de valeur : le pacte tel qu'il était ce jour-là (faits datés de ce jour ou avant, même enregistrés plus tard)", "valid time: the pact as it stood that day (facts dated on or before it, even if recorded later)"),
            CommandSpec.Option("known-at", "HORODATAGE", "ce que le registre savait à ce moment (AAAA-MM-JJTHH:MM:SSZ, ou une date = fin de journée UTC)", "what the ledger knew at that moment (YYYY-MM-DDTHH:MM:SSZ, or a date = end of day UTC)"),
            CommandSpec.Option("today", "DATE", "date du jour (défaut : aujourd'hui à Paris) : \(today.french)", "today's date (default: today in Paris): \(today.english)"),
        ]
    }
}
