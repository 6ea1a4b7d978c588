import PacteEvents

/// Amounts in euros as people type them — `1500`, `1 500,50`, `1500.50`, `1 500 €` — to
/// the format's cents. At most two decimals, one decimal separator, spaces between
/// thousands; negative and implausible amounts (above the format's limit) are refused.
public enum TypedAmount {
    public static func cents(_ text: String) throws(TypedInputError) -> Int {
        var compact = text.filter { !($0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "\u{2009}" || $0 == "_") }
        for suffix in ["€", "EUR", "eur", "euros", "euro"] where compact.hasSuffix(suffix) {
            compact.removeLast(suffix.count)
            break
        }
        if compact.hasPrefix("€") { compact.removeFirst() }
        if compact.hasPrefix("-") || compact.hasPrefix("−") { throw .negativeAmount }
        if compact.hasPrefix("+") { compact.removeFirst() }
        let commas = compact.filter { $0 == "," }.count
        let points = compact.filter { $0 == "." }.count
        if commas > 0, points > 0 { throw .mixedSeparators(text) }
        guard commas + points <= 1 else { throw .malformedAmount(text) }
        let parts = compact.split(omittingEmptySubsequences: false) { $0 == "," || $0 == "." }
        let whole = parts[0]
        guard !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .malformedAmount(text) }
        var fractionCents = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .malformedAmount(text) }
            guard fraction.count <= 2 else { throw .tooManyDecimals(text) }
            fractionCents = Int(fraction)! * (fraction.count == 1 ? 10 : 1)
        }
        // More digits than the limit has: too large, before any arithmetic can overflow.
        let significant = whole.drop { $0 == "0" }
        guard significant.count <= 12, let euros = Int(significant.isEmpty ? "0" : significant) else { throw .amountTooLarge }
        let cents = euros * 100 + fractionCents
        guard cents <= ObjectReader.maximumCents else { throw .amountTooLarge }
        return cents
    }
}
