import PacteEvents

/// Dates and years as people type them: `15/03/2025` (also `15.03.2025`, `15-03-2025`,
/// `5/3/2025`) beside the format's `2025-03-15`. An impossible day, a two-digit year or
/// another form is refused with a message that says what to write.
public enum TypedDate {
    public static func parse(_ text: String) throws(TypedInputError) -> CivilDate {
        let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        let parts = trimmed.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "." || $0 == "-" }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw .malformedDate(text)
        }
        let year, month, day: Substring
        if parts[0].count == 4, trimmed.contains("-"), !trimmed.contains("/") {
            // YYYY-MM-DD (the format's order).
            guard parts[1].count <= 2, parts[2].count <= 2 else { throw .malformedDate(text) }
            (year, month, day) = (parts[0], parts[1], parts[2])
        } else {
            guard parts[0].count <= 2, parts[1].count <= 2 else { throw .malformedDate(text) }
            (day, month, year) = (parts[0], parts[1], parts[2])
            if year.count == 2 { throw .twoDigitYear(text) }
            guard year.count == 4 else { throw .malformedDate(text) }
        }
        let (y, m, d) = (Int(year)!, Int(month)!, Int(day)!)
        guard (1...12).contains(m) else { throw .monthOutOfRange(m) }
        guard let date = CivilDate(year: y, month: m, day: d) else {
            throw .dayNotOnCalendar(year: y, month: m, day: d)
        }
        return date
    }

    /// A year of a pact, written with four digits, 1900 to 2999 (the format's range).
    public static func year(_ text: String) throws(TypedInputError) -> Int {
        let trimmed = text.filter { $0 != " " }
        guard trimmed.count == 4, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(trimmed) else {
            throw .malformedYear(text)
        }
        guard (1900...2999).contains(year) else { throw .yearOutOfRange(year) }
        return year
    }
}
