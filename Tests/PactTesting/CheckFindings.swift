import Foundation
import PacteEvents
import PacteProjections

/// What `check` found — from the library or read back from `check --json` — and the
/// questions the consistency tests ask of it: which findings are about this action's
/// State window, this action's co-financing in that year, this partner's signature,
/// that governance year. Findings are matched by the words `check` writes (French).
public struct CheckFindings: Sendable {
    public struct Item: Sendable, CustomStringConvertible {
        public var rule: String
        public var severity: String
        /// The French message, no-break spaces as spaces.
        public var message: String
        public var description: String { rule + " " + severity + ": " + message }
    }

    public var items: [Item]

    public init(_ findings: [Finding]) {
        items = findings.map { Item(rule: $0.ruleId, severity: $0.severity.rawValue, message: $0.frenchMessage.spaced) }
    }

    /// The output of `check --json` (French).
    public init(json text: String) throws {
        guard case .array(let values) = try JSONParser.parse(text) else { throw ReportFixtures.FixtureError.refused("check --json", text) }
        items = values.map { value in
            let object = value.objectValue
            return Item(
                rule: object?["rule"]?.stringValue ?? "", severity: object?["severity"]?.stringValue ?? "",
                message: (object?["message"]?.stringValue ?? "").spaced)
        }
    }

    public func of(_ rule: Rule, _ severity: Severity? = nil) -> [Item] {
        items.filter { $0.rule == rule.id && (severity == nil || $0.severity == severity!.rawValue) }
    }

    /// How a finding names an action: `A1 « Maison des droits »`, or its id alone.
    public static func label(_ actionId: String, in state: PactState) -> String {
        guard let title = state.action(actionId)?.sheet.title, !title.isEmpty else { return actionId }
        return (actionId + " « " + title + " »").spaced
    }

    /// The breaches of the State window check finds for the action `label` names
    /// (``StateFundingWindow/Breach`` raw values, sorted).
    public func stateWindowBreaches(ofAction label: String) -> [String] {
        of(.stateWindow).filter { $0.message.hasPrefix("L'action " + label + ",") || $0.message.hasPrefix("L'action " + label + " ") }.map { finding -> StateFundingWindow.Breach in
            if finding.message.contains("avant l'entrée en vigueur") || finding.message.contains("n'est pas en vigueur") {
                return .startBeforeEntryIntoForce
            }
            return finding.message.contains(", hors de l'année N") ? .startOutsideYear : .endBeyondLimit
        }.map(\.rawValue).sorted()
    }

    /// The co-financing findings about the action `label`'s planned or voted money, in
    /// `year` (every year when `nil`).
    public func cofinancing(_ money: ActionFunding.Money, ofAction label: String, year: String? = nil) -> [Item] {
        let tag = money == .planned ? "[financement prévu à la fiche-action] Action " : "[engagement voté] Action "
        let prefix = tag + label + ", année " + (year.map { $0 + " :" } ?? "")
        return of(.cofinancing).filter { $0.message.hasPrefix(prefix) }
    }

    /// The warnings that `partnerId` is late to sign `document`.
    public func lateSignatures(of partnerId: String, on document: DocumentReference) -> [Item] {
        let key = "(" + partnerId + ") n'a pas signé " + Formatted.document(document, in: .french) + ","
        return of(.signingDelay, .warning).filter { $0.message.contains(key) }
    }

    /// The days of delay a late-signature warning states.
    public static func daysLate(_ item: Item) -> Int? {
        guard let range = item.message.range(of: "retard de ") else { return nil }
        return Int(item.message[range.upperBound...].prefix { $0.isNumber })
    }

    /// The governance year `year` found missing (an error) or still due (an info).
    public func governance(_ year: String) -> (missing: [Item], due: [Item]) {
        (of(.governanceYearly, .error).filter { $0.message.contains("ne s'est pas réunie en " + year) },
         of(.governanceYearly, .info).filter { $0.message.contains("pas encore réunie en " + year) })
    }
}
