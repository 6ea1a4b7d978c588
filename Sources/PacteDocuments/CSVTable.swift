/// A table written as CSV by RFC 4180: a header row, then one record per row; records
/// end with CR LF; a field is quoted when it contains the separator, a double quote, CR
/// or LF, and a double quote inside a quoted field is doubled. The text is UTF-8 (the
/// caller writes it as such), without a byte-order mark.
///
/// Every field is guarded against formulas as it is written (``guarded(_:)``), so no
/// column can forget it: a field that a spreadsheet would read as a formula gets a
/// leading `'`; a plain number (ours: amounts, counts, days) is written as it is.
public struct CSVTable: Equatable, Sendable {
    public var header: [String]
    public var rows: [[String]] = []

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a CSV row has \(row.count) fields for \(header.count) columns")
        rows.append(row)
    }

    /// The whole table, header first, each record ended by CR LF.
    public func text(separator: Character = ",") -> String {
        var text = Self.record(header, separator: separator)
        for row in rows {
            text += Self.record(row, separator: separator)
        }
        return text
    }

    /// One record: the fields joined by `separator`, ended by CR LF.
    static func record(_ fields: [String], separator: Character) -> String {
        fields.map { field(escaping: $0, separator: separator) }.joined(separator: String(separator)) + "\r\n"
    }

    /// The field as written: guarded against formulas, then quoted when it holds the
    /// separator, `"`, CR or LF.
    static func field(escaping field: String, separator: Character) -> String {
        let value = guarded(field)
        let needsQuotes = value.unicodeScalars.contains { scalar in
            scalar == "\"" || scalar == "\r" || scalar == "\n" || separator.unicodeScalars.contains(scalar)
        }
        guard needsQuotes else { return value }
        // Scalar by scalar: a quote followed by a combining mark is one Character.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    // MARK: - Values

    /// An amount in euros with two decimals and no grouping: `20000.50`, or `20000,50`
    /// when the separator is `;` (French spreadsheets read a decimal comma).
    static func euros(_ cents: Int, separator: Character) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents < 0 ? -cents : cents
        let fraction = magnitude % 100
        let decimal = separator == ";" ? "," : "."
        return sign + String(magnitude / 100) + decimal + (fraction < 10 ? "0" : "") + String(fraction)
    }
}

extension CSVTable {
    /// The field made safe for spreadsheets: one starting with `=`, `+`, `-`, `@`, a tab,
    /// CR or LF would be read as a formula, so it gets a leading `'` — unless it is a
    /// plain number (`-12`, `-1250.50`, `-1250,50`), which a spreadsheet reads as a
    /// number and never runs.
    static func guarded(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) else { return value }
        if isPlainNegativeNumber(value) { return value }
        return "'" + value
    }

    /// `-` then digits, with at most one `.` or `,` between digits.
    private static func isPlainNegativeNumber(_ value: String) -> Bool {
        let digits = value.utf8.dropFirst()
        guard value.utf8.first == UInt8(ascii: "-"), let first = digits.first, let last = digits.last,
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last)
        else { return false }
        var marks = 0
        for byte in digits where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") else { return false }
            marks += 1
        }
        return marks <= 1
    }
}
