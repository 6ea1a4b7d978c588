/// A field of a form (a command's option) that cannot be used as typed. The caller says
/// it in its own words (`pacte-ledger` names the option and its help page).
public enum FormError: Error, Sendable, Hashable {
    /// A required field left out.
    case missing(field: String)
    /// A value that is not of the form expected (`expected` says it).
    case invalid(field: String, value: String, expected: String)
    /// A date, year, amount or word that cannot be used.
    case unusable(field: String, value: String, TypedInputError)
    /// Two fields that cannot be given together.
    case conflicting(String, String)
}
