import PacteEvents

/// A value a person typed where the format takes a number or a text (an indicator's
/// value or target): `12`, `12,5` and `12.5` are numbers, anything else is text.
public enum ScalarText {
    public static func value(_ text: String) -> JSONValue {
        let trimmed = TypedForm.trimmed(text)
        let normalized = String(trimmed.map { $0 == "," ? "." : $0 })
        let isNumber = !normalized.isEmpty && normalized.first != "." && normalized.last != "."
            && normalized.filter { $0 == "." }.count <= 1
            && normalized.allSatisfy { $0 == "." || ($0.isASCII && $0.isNumber) }
            && !(normalized.count > 1 && normalized.hasPrefix("0") && !normalized.hasPrefix("0."))
        return isNumber ? .number(JSONNumber(literal: normalized)) : .string(trimmed)
    }
}
