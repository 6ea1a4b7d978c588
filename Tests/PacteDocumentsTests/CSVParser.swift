/// A strict RFC 4180 reader for the tests: records end with CR LF (the last one too);
/// a field is either plain (no separator, quote, CR or LF) or quoted, with `""` for a
/// quote inside. Anything else is an error, so the writer's output is checked, not
/// guessed at.
enum CSVParser {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String, separator: Character = ",") throws -> [[String]] {
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
