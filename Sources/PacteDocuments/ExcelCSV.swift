import PacteEvents
import PacteProjections

/// `export --excel`: a table for a French spreadsheet — French headers, French words for
/// the format's codes, dates as 15/03/2025, decimal commas (`;` separator), and a UTF-8
/// byte-order mark so that Excel reads the accents. Only words change: every value is the
/// one the default export writes (its English headers and codes stay the contract for
/// programs).
public enum ExcelCSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func text(_ table: CSVTable) -> String {
        var french = CSVTable(header: table.header.map { headers[$0] ?? $0 })
        for row in table.rows {
            french.append(zip(table.header, row).map { column, value in self.value(value, column: column) })
        }
        return byteOrderMark + french.text(separator: ";")
    }

    /// A value of `column` in French words.
    static func value(_ value: String, column: String) -> String {
        if value.isEmpty { return value }
        switch column {
        case "partner_kind":
            return Partner.Kind(rawValue: value).map { Vocabulary.partnerKind.label($0, in: .french) } ?? value
        case "outcome" where VoteOutcome(rawValue: value) != nil, "vote_outcome":
            return VoteOutcome(rawValue: value).map { Vocabulary.voteOutcome.label($0, in: .french) } ?? value
        case "outcome":
            return ActionClosed.Outcome(rawValue: value).map { Vocabulary.actionOutcome.label($0, in: .french) } ?? value
        case "basis":
            return FundingLine.Basis(rawValue: value).map { Vocabulary.fundingBasis.label($0, in: .french) } ?? value
        case "line_kind":
            return value == "cash" ? "numéraire" : value == "in-kind" ? "en nature" : value
        case "state":
            return SigningTimeline.PartnerState(rawValue: value)?.label(in: .french) ?? value
        case "document":
            return DocumentWords.value(value).map { DocumentWords.label($0, in: .french) } ?? value
        case "publics":
            return value.split(separator: " ").map { code in
                PublicKind(String(code)).map { PublicWords.label($0, in: .french) } ?? String(code)
            }.joined(separator: ", ")
        case _ where dateColumns.contains(column):
            return CivilDate(value).map { Formatted.date($0, in: .french) } ?? value
        default:
            return value
        }
    }

    static let dateColumns: Set<String> = [
        "vote_date", "start", "end", "extended_end", "twelve_month_limit", "year_limit", "closed_date", "requested_date",
        "target_date", "signed_date", "in_force_date",
    ]

    /// The French header of each column.
    static let headers: [String: String] = [
        "seq": "lignes", "vote_date": "date du vote", "partner_id": "partenaire", "partner_name": "nom du partenaire",
        "partner_kind": "type de partenaire", "year": "année", "body": "instance", "reference": "délibération",
        "outcome": "issue", "action_id": "action", "action_title": "intitulé de l'action", "line_kind": "nature",
        "basis": "base", "source": "source", "amount_eur": "montant (€)", "amount_cents": "montant (centimes)",
        "priority_id": "priorité", "measure": "mesure", "publics": "publics", "partner_ids": "partenaires",
        "start": "début", "end": "fin", "extended_end": "fin prorogée", "state_year": "année des crédits de l'État",
        "twelve_month_limit": "limite des 12 mois", "year_limit": "limite du 31 décembre N+1", "closed_date": "date de clôture",
        "state_cash_planned_eur": "État prévu (€)", "state_cash_planned_cents": "État prévu (centimes)",
        "other_cash_planned_eur": "autres prévus (€)", "other_cash_planned_cents": "autres prévus (centimes)",
        "in_kind_planned_eur": "en nature prévu (€)", "in_kind_planned_cents": "en nature prévu (centimes)",
        "state_cash_voted_eur": "État voté (€)", "state_cash_voted_cents": "État voté (centimes)",
        "other_cash_voted_eur": "autres votés (€)", "other_cash_voted_cents": "autres votés (centimes)",
        "in_kind_voted_eur": "en nature voté (€)", "in_kind_voted_cents": "en nature voté (centimes)",
        "document": "document", "statutory_body": "instance statutaire", "requested_date": "date de la demande",
        "target_date": "date visée", "vote_reference": "délibération", "vote_outcome": "issue du vote",
        "signed_date": "date de signature", "signatory_name": "signataire", "signatory_role": "fonction",
        "days_to_sign": "jours pour signer", "state": "état", "in_force_date": "en vigueur le",
    ]
}
