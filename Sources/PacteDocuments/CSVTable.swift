/// A table written as CSV by RFC 4180: a header row, then one record per row; records
/// end with CR LF; a field is quoted when it contains the separator, a double quote, CR
/// or LF, and a double quote inside a quoted field is doubled. The text is UTF-8 (the
/// caller writes it as such), without a byte-order mark.
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

    /// The field as written: quoted when it holds the separator, `"`, CR or LF.
    static func field(escaping value: String, separator: Character) -> String {
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
    /// Free text from the ledger, made safe for spreadsheets: a text starting with `=`,
    /// `+`, `-`, `@`, a tab or CR would be read as a formula, so it gets a leading `'`.
    static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }
}
