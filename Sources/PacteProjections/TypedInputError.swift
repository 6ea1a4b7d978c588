import PacteEvents

/// A date, year or amount a person typed that cannot be used, with what to write instead.
public enum TypedInputError: Error, Sendable, Hashable {
    /// The form is right but the day is not on the calendar (30 February).
    case dayNotOnCalendar(year: Int, month: Int, day: Int)
    case monthOutOfRange(Int)
    /// `15/03/25`: the year is written with two digits.
    case twoDigitYear(String)
    case malformedDate(String)
    case malformedYear(String)
    case yearOutOfRange(Int)
    case malformedAmount(String)
    /// `12,505`: more than two decimals (cents).
    case tooManyDecimals(String)
    /// Both `,` and `.` in one amount.
    case mixedSeparators(String)
    case negativeAmount
    case amountTooLarge
    /// A word that is not one of the choices listed (in French and in English).
    case unknownWord(String, french: String, english: String)

    /// What is wrong and what to write, without the option's name (the caller adds it).
    public func message(in language: Language) -> String {
        let fr = language == .french
        let dateForms = fr ? "une date JJ/MM/AAAA ou AAAA-MM-JJ (par exemple 15/03/2025)"
            : "a date DD/MM/YYYY or YYYY-MM-DD (for example 15/03/2025)"
        switch self {
        case .dayNotOnCalendar(let year, let month, let day):
            let monthName = MonthNames.name(month, in: language)
            if fr { return "le \(day) \(monthName) \(year) n'existe pas" }
            return "\(day) \(monthName) \(year) does not exist"
        case .monthOutOfRange(let month):
            return fr ? "il n'y a pas de mois \(month) : attendu \(dateForms)"
                : "there is no month \(month): expected \(dateForms)"
        case .twoDigitYear:
            return fr ? "l'année s'écrit sur quatre chiffres (15/03/2025, pas 15/03/25)"
                : "the year takes four digits (15/03/2025, not 15/03/25)"
        case .malformedDate:
            return fr ? "attendu \(dateForms)" : "expected \(dateForms)"
        case .malformedYear:
            return fr ? "une année sur quatre chiffres est attendue (par exemple 2026)"
                : "a four-digit year is expected (for example 2026)"
        case .yearOutOfRange(let year):
            return fr ? "l'année \(year) est hors de la plage admise (1900 à 2999)"
                : "year \(year) is outside the range allowed (1900 to 2999)"
        case .malformedAmount:
            return fr ? "attendu un montant en euros, par exemple 1500, 1 500,50 ou 1500.50"
                : "expected an amount in euros, for example 1500, 1 500,50 or 1500.50"
        case .tooManyDecimals:
            return fr ? "au plus deux décimales (les centimes) ; 1 500 € s'écrit 1500 ou 1 500, sans virgule"
                : "at most two decimals (cents); 1,500 euros is written 1500 or 1 500, without a separator"
        case .mixedSeparators:
            return fr ? "un seul séparateur décimal, la virgule ou le point ; les milliers se séparent par une espace (1 500,50)"
                : "one decimal separator only, comma or point; thousands are separated by a space (1 500.50)"
        case .negativeAmount:
            return fr ? "un montant ne peut pas être négatif" : "an amount cannot be negative"
        case .amountTooLarge:
            let limit = Formatted.euros(ObjectReader.maximumCents, in: language)
            return fr ? "montant invraisemblable : au plus \(limit)" : "implausible amount: at most \(limit)"
        case .unknownWord(_, let french, let english):
            return fr ? "attendu l'un de : \(french)" : "expected one of: \(english)"
        }
    }
}

/// The names of the months, for messages.
enum MonthNames {
    static func name(_ month: Int, in language: Language) -> String {
        let french = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        guard (1...12).contains(month) else { return String(month) }
        return language == .french ? french[month - 1] : english[month - 1]
    }
}
