/// A member of a line that is missing, of the wrong type, or out of its allowed values.
public struct FieldError: Error, Sendable, Hashable {
    /// The member's path from the line's top, e.g. `data.lines[2].amountCents`.
    public var path: String
    /// What the member must be.
    public var expected: ExpectedValue
    /// What was found instead, in JSON (`nil` when the member is missing).
    public var found: String?

    public init(path: String, expected: ExpectedValue, found: String?) {
        self.path = path
        self.expected = expected
        self.found = found
    }
}

/// What a member must hold, named in the user's language by ``description(in:)``.
public enum ExpectedValue: Sendable, Hashable {
    case string
    case nonEmptyString
    case integer
    case integerInRange(ClosedRange<Int>)
    case cents
    case date
    case timestamp
    case boolean
    case object
    case array
    case oneOf([String])
    case document
    case publicName
    case hash
    case scalar
    case objectOrNull
    case version(Int)

    public func description(in language: Language) -> String {
        let french = language == .french
        switch self {
        case .string: return french ? "une chaîne de caractères" : "a string"
        case .nonEmptyString: return french ? "une chaîne non vide" : "a non-empty string"
        case .integer: return french ? "un nombre entier" : "a whole number"
        case .integerInRange(let range):
            return french
                ? "un nombre entier de \(range.lowerBound) à \(range.upperBound)"
                : "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .cents:
            return french
                ? "un montant en centimes d'euro, entier, de 0 à 1000000000000 (10 milliards d'euros)"
                : "an amount in euro cents, a whole number from 0 to 1000000000000 (10 billion euros)"
        case .date: return french ? "une date du calendrier AAAA-MM-JJ" : "a calendar date YYYY-MM-DD"
        case .timestamp:
            return french ? "un horodatage UTC AAAA-MM-JJTHH:MM:SSZ" : "a UTC timestamp YYYY-MM-DDTHH:MM:SSZ"
        case .boolean: return french ? "true ou false" : "true or false"
        case .object: return french ? "un objet" : "an object"
        case .array: return french ? "un tableau" : "an array"
        case .oneOf(let values):
            let list = values.map { "\"\($0)\"" }.joined(separator: ", ")
            return french ? "l'une des valeurs \(list)" : "one of \(list)"
        case .document:
            return french
                ? "\"convention\" ou \"amendment-N\" (N à partir de 1)"
                : "\"convention\" or \"amendment-N\" (N from 1)"
        case .publicName:
            let list = PublicKind.namedCases.map { "\"\($0)\"" }.joined(separator: ", ")
            return french ? "l'un des publics \(list) ou \"other:<texte>\"" : "one of \(list) or \"other:<text>\""
        case .hash: return french ? "64 chiffres hexadécimaux en minuscules" : "64 lowercase hexadecimal digits"
        case .scalar: return french ? "une chaîne, un nombre ou un booléen" : "a string, a number or a boolean"
        case .objectOrNull: return french ? "un objet ou null" : "an object or null"
        case .version(let version): return french ? "la version \(version)" : "version \(version)"
        }
    }
}
