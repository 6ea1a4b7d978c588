import PacteEvents

/// Dates written out in French for documents people read: `12 mars 2025`, `1er mars 2025`.
enum LongDate {
    static let monthNames = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// Short month names for chart axes (`janv.`, `févr.`, `mars`…).
    static let shortMonthNames = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
    ]

    /// `12 mars 2025`; the first day of a month is written `1er mars 2025`.
    static func french(_ date: CivilDate) -> String {
        (date.day == 1 ? "1er" : String(date.day)) + " " + monthNames[date.month - 1] + " " + String(date.year)
    }

    /// `12 mars 2025`, or `—` when there is no date.
    static func french(_ date: CivilDate?) -> String {
        date.map { french($0) } ?? "—"
    }

    /// `du 1er janvier 2025 au 31 octobre 2026`.
    static func period(from start: CivilDate, to end: CivilDate) -> String {
        "du " + french(start) + " au " + french(end)
    }

    /// `mars 2025` (a chart's axis, a month heading).
    static func monthAndYear(_ date: CivilDate) -> String {
        monthNames[date.month - 1] + " " + String(date.year)
    }

    /// `janv. 2025`, short enough for a chart's axis.
    static func shortMonthAndYear(_ date: CivilDate) -> String {
        shortMonthNames[date.month - 1] + " " + String(date.year)
    }

    /// `07`, `12`.
    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
