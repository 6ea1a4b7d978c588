import PacteEvents
import PacteProjections

/// `check` for people: each finding with its severity, rule id, the lines involved and
/// a message wrapped to 80 columns; then the count by severity.
public enum FindingsPrinter {
    public static func text(_ findings: [Finding], state: PactState, date: CivilDate, language: Language) -> String {
        let fr = language == .french
        let title = state.pact?.title ?? "—"
        let heading = fr
            ? "Contrôle du pacte « \(title) » au \(Formatted.date(date, in: language))"
            : "Checks of the pact “\(title)” on \(Formatted.date(date, in: language))"
        var text = Display.wrapped(heading, width: 80, indent: "") + "\n"
        text += fr
            ? "(règles de la note du Commissaire du 31 octobre 2024 ; voir docs/rules.md)\n\n"
            : "(rules of the Commissioner's note of 31 October 2024; see docs/rules.md)\n\n"
        for finding in findings {
            let lines = finding.seq.isEmpty ? "" : (fr ? " (ligne" : " (line") + (finding.seq.count > 1 ? "s " : " ")
                + finding.seq.map(String.init).joined(separator: ", ") + ")"
            text += "[\(finding.severity.label(in: language).uppercased())] \(finding.ruleId)\(lines)\n"
            text += "    " + Display.wrapped(finding.message(in: language), width: 76, indent: "    ") + "\n"
        }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let infos = findings.filter { $0.severity == .info }.count
        if findings.isEmpty {
            text += fr ? "Aucune anomalie : le pacte respecte les \(Rule.allCases.count) règles contrôlées.\n"
                : "No finding: the pact meets the \(Rule.allCases.count) rules checked.\n"
        } else {
            text += "\n" + (fr
                ? "Résultat : " + [Formatted.count(errors, "erreur", in: .french), Formatted.count(warnings, "avertissement", in: .french), Formatted.count(infos, "information", in: .french)].joined(separator: ", ") + "\n"
                : "Result: " + [Formatted.count(errors, "error", in: .english), Formatted.count(warnings, "warning", in: .english), "\(infos) info"].joined(separator: ", ") + "\n")
        }
        return text
    }
}
