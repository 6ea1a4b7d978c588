import PacteEvents
import PacteProjections

/// Option values people type: years, euros, French or English words, and the messages
/// that say what to write when a value cannot be used.
extension ScannedArguments {
    /// A four-digit year (`--year 2026`); `--year 26` says four digits are expected.
    func year(_ name: String) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        return try typed(name, text, TypedDate.year)
    }

    /// Every value of a repeated year option.
    func years(_ name: String) throws(UsageError) -> [Int] {
        var years: [Int] = []
        for text in allValues(name) {
            years.append(try typed(name, text, TypedDate.year))
        }
        return years
    }

    /// An amount in euros, to cents (`1 500,50`, `1500.50`, `1500`).
    func cents(_ name: String) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        return try typed(name, text, TypedAmount.cents)
    }

    /// A value of one of the format's enumerations, typed in French or English
    /// (`--outcome adoptée`), as its table's value.
    func word<Value>(_ name: String, in table: WordTable<Value>) throws(UsageError) -> Value? {
        guard let text = value(name) else { return nil }
        return try typed(name, text, table.parse)
    }

    /// The document a vote or signature is about: `convention`, `avenant-1`, `amendment-1`.
    func document(_ name: String) throws(UsageError) -> DocumentReference? {
        guard let text = value(name) else { return nil }
        return try typed(name, text, DocumentWords.parse)
    }

    /// `text`, read by `read`; a failure names the option and the value typed.
    func typed<Value>(_ name: String, _ text: String, _ read: (String) throws(TypedInputError) -> Value) throws(UsageError) -> Value {
        do {
            return try read(text)
        } catch {
            throw .unusableValue(option: name, value: text, error, command: command)
        }
    }
}
