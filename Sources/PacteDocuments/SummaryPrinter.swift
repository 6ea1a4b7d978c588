import PacteEvents
import PacteProjections

/// `summary`: one row per pact over many ledgers, as a table for people (80 columns),
/// JSON or CSV. A ledger that could not be read is told on its row.
public enum SummaryPrinter {
    /// One ledger named on the command line and what reading it gave.
    public struct Row: Sendable {
        public var file: String
        public var result: Result<PactSummary, LedgerError>

        public init(file: String, result: Result<PactSummary, LedgerError>) {
            self.file = file
            self.result = result
        }
    }

    public static func text(_ rows: [Row], language: Language) -> String {
        let fr = language == .french
        var table = [[
            fr ? "pacte" : "pact", fr ? "territoire" : "territory", fr ? "statut" : "status", fr ? "en vigueur" : "in force",
            fr ? "signés" : "signed", fr ? "État" : "State", "cofin.", fr ? "err." : "err.", fr ? "avert." : "warn.",
        ]]
        // A pact is named by its id, and by its file too when another row has the same id.
        var idCounts: [String: Int] = [:]
        for row in rows { if let id = try? row.result.get().pactId { idCounts[id, default: 0] += 1 } }
        for row in rows {
            switch row.result {
            case .success(let summary):
                let name = summary.pactId.map { idCounts[$0, default: 0] > 1 ? "\($0) (\(row.file))" : $0 } ?? row.file
                table.append([
                    name,
                    Display.truncated(summary.territory ?? "—", 12),
                    Display.truncated(summary.status?.label(in: language) ?? "—", 13),
                    summary.inForceSince.map { Formatted.date($0, in: language) } ?? "—",
                    "\(summary.partnersSigned)/\(summary.partnersRequested)",
                    Formatted.euros(summary.stateCashCents, in: language),
                    summary.cofinancingShare.map { Formatted.percent($0, in: language) } ?? "—",
                    String(summary.errorCount), String(summary.warningCount),
                ])
            case .failure:
                table.append([row.file, "", fr ? "ILLISIBLE" : "UNREADABLE", "", "", "", "", "", ""])
            }
        }
        let summaries = rows.compactMap { try? $0.result.get() }
        var text = Display.table(table, rightAligned: [5, 6, 7, 8])
        let totals = PactSummary.Totals(summaries)
        text += "\n" + (fr ? "Totaux : " + Formatted.count(rows.count, "registre", in: .french) + ", " + Formatted.count(summaries.count, "lisible", in: .french) + ", " : "Totals: " + Formatted.count(rows.count, "ledger", in: .english) + ", \(summaries.count) readable, ")
            + (fr ? "\(totals.eventCount) événements\n" : "\(totals.eventCount) events\n")
        for year in totals.stateCashByYear.keys.sorted() {
            text += (fr ? "  Crédits de l'État votés \(year) : " : "  State cash voted \(year): ")
                + Formatted.euros(totals.stateCashByYear[year]!, in: language) + "\n"
        }
        text += (fr ? "  Numéraire voté, tous partenaires : " : "  Cash voted, every partner: ")
            + Formatted.euros(totals.cashCents, in: language) + "\n"
        text += (fr ? "  Règles : " : "  Rules: ") + "\(totals.errorCount) "
            + Formatted.noun(totals.errorCount, fr ? "erreur" : "error", in: language) + ", " + "\(totals.warningCount) "
            + Formatted.noun(totals.warningCount, fr ? "avertissement" : "warning", in: language) + "\n"
        return text
    }

    public static func json(_ rows: [Row]) -> String {
        var pacts: [JSONValue] = []
        for row in rows {
            var object = JSONObject([JSONMember("file", .string(row.file))])
            switch row.result {
            case .success(let summary):
                object["pactId"] = summary.pactId.map(JSONValue.string) ?? .null
                object["territory"] = summary.territory.map(JSONValue.string) ?? .null
                object["status"] = summary.status.map { .string($0.rawValue) } ?? .null
                object["inForceSince"] = summary.inForceSince.map { .string($0.description) } ?? .null
                object["partnersSigned"] = .number(JSONNumber(summary.partnersSigned))
                object["partnersRequested"] = .number(JSONNumber(summary.partnersRequested))
                object["stateCashByYear"] = .object(JSONObject(summary.stateCashByYear.keys.sorted().map {
                    JSONMember(String($0), .number(JSONNumber(summary.stateCashByYear[$0]!)))
                }))
                object["cashCents"] = .number(JSONNumber(summary.cashCents))
                object["cofinancingPercent"] = summary.cofinancingPercent.map { .number(JSONNumber($0)) } ?? .null
                object["cofinancingPermille"] = summary.cofinancingShare?.permilleRoundedDown.map { .number(JSONNumber($0)) } ?? .null
                object["errors"] = .number(JSONNumber(summary.errorCount))
                object["warnings"] = .number(JSONNumber(summary.warningCount))
                object["infos"] = .number(JSONNumber(summary.infoCount))
                object["eventCount"] = .number(JSONNumber(summary.eventCount))
            case .failure(let error):
                object["error"] = .string(error.message(in: .english))
            }
            pacts.append(.object(object))
        }
        return JSONWriter.string(of: .array(pacts))
    }

    public static func csv(_ rows: [Row], separator: Character, language: Language) -> String {
        let summaries = rows.compactMap { try? $0.result.get() }
        let years = Set(summaries.flatMap { $0.stateCashByYear.keys }).sorted()
        var table = CSVTable(header: [
            "file", "pactId", "territory", "status", "inForceSince", "partnersSigned", "partnersRequested",
        ] + years.map { "stateCash\($0)Cents" } + ["cashCents", "cofinancingPercent", "errors", "warnings", "infos", "eventCount", "problem"])
        for row in rows {
            switch row.result {
            case .success(let summary):
                table.append([
                    row.file, summary.pactId ?? "", summary.territory ?? "", summary.status?.rawValue ?? "",
                    summary.inForceSince?.description ?? "", String(summary.partnersSigned), String(summary.partnersRequested),
                ] + years.map { String(summary.stateCashByYear[$0] ?? 0) } + [
                    String(summary.cashCents), summary.cofinancingPercent.map(String.init) ?? "", String(summary.errorCount),
                    String(summary.warningCount), String(summary.infoCount), String(summary.eventCount), "",
                ])
            case .failure(let error):
                table.append([row.file, "", "", "", "", "", ""] + years.map { _ in "" } + ["", "", "", "", "", "", error.message(in: language)])
            }
        }
        return table.text(separator: separator)
    }
}
