/// A strict RFC 4180 reader for the tests: records end with CR LF (the last one too);
/// a field is either plain (no separator, quote, CR or LF) or quoted, with `""` for a
/// quote inside. Anything else is an error, so the writer's output is checked, not
/// guessed at.
public enum CSVParser {
    public struct Malformed: Error, CustomStringConvertible {
        public var description: String
    }

    public static func parse(_ text: String, separator: Character = ",") throws -> [[String]] {
        let separatorScalar = separator.unicodeScalars.first!
        let scalars = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var index = 0
        var atFieldStart = true
        while index < scalars.count {
            let scalar = scalars[index]
            if atFieldStart, scalar == "\"" {
                // A quoted field, up to the closing quote.
                index += 1
                while true {
                    guard index < scalars.count else { throw Malformed(description: "unterminated quoted field") }
                    if scalars[index] == "\"" {
                        if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                            field.append("\"")
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    field.append(scalars[index])
                    index += 1
                }
                guard index < scalars.count, scalars[index] == separatorScalar || scalars[index] == "\r" else {
                    throw Malformed(description: "text after a closing quote at scalar \(index)")
                }
                atFieldStart = false
                continue
            }
            switch scalar {
            case separatorScalar:
                record.append(String(field))
                field = String.UnicodeScalarView()
                atFieldStart = true
                index += 1
            case "\r":
                guard index + 1 < scalars.count, scalars[index + 1] == "\n" else {
                    throw Malformed(description: "CR without LF at scalar \(index)")
                }
                record.append(String(field))
                records.append(record)
                record = []
                field = String.UnicodeScalarView()
                atFieldStart = true
                index += 2
            case "\n":
                throw Malformed(description: "LF without CR at scalar \(index)")
            case "\"":
                throw Malformed(description: "quote inside a plain field at scalar \(index)")
            default:
                field.append(scalar)
                atFieldStart = false
                index += 1
            }
        }
        guard record.isEmpty, field.isEmpty, atFieldStart else { throw Malformed(description: "last record not ended by CR LF") }
        return records
    }
}

extension CSVParser {
    /// The table as records keyed by column name, the header first; every record must
    /// have as many fields as the header.
    public static func rows(_ text: String, separator: Character) throws -> (header: [String], rows: [[String: String]]) {
        let records = try parse(text, separator: separator)
        guard let header = records.first else { throw Malformed(description: "no header record") }
        for record in records where record.count != header.count {
            throw Malformed(description: "a record has \(record.count) fields for \(header.count) columns")
        }
        let rows = records.dropFirst().map { record in
            Dictionary(record.indices.map { (header[$0], record[$0]) }, uniquingKeysWith: { first, _ in first })
        }
        return (header, Array(rows))
    }
}
