import Foundation
import PacteEvents
import PacteDocuments
import PacteProjections

/// Shared material of the report and export tests.
public enum ReportFixtures {
    /// `ledgers/pacte-coteaux-aussonne.jsonl` in this checkout.
    public static let example: String = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("ledgers/pacte-coteaux-aussonne.jsonl")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return "ledgers/pacte-coteaux-aussonne.jsonl"
    }()

    /// A fixed clock: 1 December 2026, 10:00 UTC.
    public static let now = Timestamp("2026-12-01T10:00:00Z")!

    /// The report of the ledger at `file`, as `report` writes it (the file named by its
    /// last component).
    public static func report(
        _ file: String = example, asOf: String? = nil, knownAt: String? = nil, today: String, format: Format = .html
    ) throws -> String {
        let report = PactReport(
            contents: try LedgerFile(path: file).read(), fileName: URL(fileURLWithPath: file).lastPathComponent,
            asOf: asOf.flatMap(CivilDate.init), knownAt: knownAt.flatMap(Timestamp.init), today: CivilDate(today)!,
            generatedAt: now)
        return format == .html ? report.html() : report.markdown()
    }

    public enum Format: Sendable {
        case html, markdown
    }

    /// One table of `export`, as CSV text.
    public static func export(
        _ table: PactExport.Table, _ file: String = example, asOf: String? = nil, today: String = "2026-12-01",
        separator: Character = ","
    ) throws -> String {
        let view = LedgerView(events: try LedgerFile(path: file).read().events, asOf: asOf.flatMap(CivilDate.init))
        let state = PactState(replaying: view.events)
        return PactExport.table(table, state: state, judgementDate: view.judgementDate(today: CivilDate(today)!), separator: separator)
            .text(separator: separator)
    }

    /// The HTML report of the example ledger (cached: it is read by many tests).
    public static let exampleHTML: String = try! report(today: "2026-12-01")

    public static let exampleMarkdown: String = try! report(today: "2026-12-01", format: .markdown)

    /// Text a hostile user could type in a ledger.
    public static let hostile = #"<script>alert(1)</script> & "x" 'y'"#
    /// The same text as the HTML writer escapes it.
    public static let hostileEscaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;"

    /// Writes a small ledger whose every free text holds ``hostile`` (and a line end, a
    /// pipe, a semicolon), through the library as `record` does; returns its path.
    public static func hostileLedger(in folder: TemporaryFolder, name: String = "hostile.jsonl", text: String = hostile) throws -> String {
        let file = folder.path(name)
        func json(_ value: Any) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
        }
        func draft(_ type: String, _ effective: String, _ data: [String: Any]) throws -> EventDraft {
            guard let eventType = EventType(rawValue: type), case .object(let object) = try JSONParser.parse(try json(data)) else {
                throw FixtureError.refused(type, "not an event type or not an object")
            }
            return EventDraft(type: eventType, effective: CivilDate(effective)!, recordedBy: "tester", data: object)
        }
        func record(_ type: String, _ effective: String, _ data: [String: Any]) throws {
            _ = try LedgerFile(path: file).append(try draft(type, effective, data), now: now)
        }
        _ = try LedgerFile.create(at: file, with: try draft("pact.drafted", "2025-01-10", [
            "pactId": "hostile", "title": "Pacte " + text, "territory": ["name": "Territoire " + text],
            "porteur": ["id": "cc-x", "name": "CC " + text, "kind": "epci", "statutoryBody": "conseil"],
            "period": ["start": "2025-01-01", "end": "2026-12-31"], "context": "Contexte " + text + "\nsuite | tube",
            "ambition": "Ambition " + text, "governance": ["body": "Comité " + text], "revision": "Révision " + text,
        ]), recordedAt: Timestamp("2025-01-10T09:00:00Z")!)
        try record("partner.joined", "2025-01-11", [
            "partner": ["id": "etat", "name": "État " + text, "kind": "state", "signatory": ["name": "Préfet " + text, "role": "Préfet"]],
            "via": "initial",
        ])
        try record("priority.set", "2025-01-12", [
            "priorityId": "P1", "title": "Priorité " + text, "rationale": "Raison " + text, "sources": ["Source " + text],
            "publics": ["children", "other:" + text],
        ])
        try record("action.added", "2025-01-13", [
            "sheet": [
                "actionId": "A1", "priorityId": "P1", "title": "Action " + text, "summary": "Résumé " + text,
                "objectives": ["Objectif " + text], "perimeter": "Périmètre " + text, "publics": ["youth"], "measure": 3,
                "schedule": ["start": "2025-03-01", "end": "2026-02-28", "milestones": [["date": "2025-06-01", "label": "Étape " + text]]],
                "partners": [["partnerId": "cc-x", "role": "Rôle " + text], ["partnerId": "etat", "role": "Financeur"]],
                "funding": [
                    ["partnerId": "etat", "year": 2025, "amountCents": 1_000_000, "source": "BOP 304 action 23", "basis": "dedicated"],
                    ["partnerId": "cc-x", "year": 2025, "amountCents": 1_250_050, "source": "Budget; " + text, "basis": "common-law"],
                ],
                "inKind": [["partnerId": "cc-x", "description": "Locaux " + text, "valuationCents": 50_000]],
                "indicators": [["name": "Indicateur " + text, "unit": "u", "target": 10]],
                "impact": ["indicator": "Impact " + text, "baseline": "0", "target": "5", "method": "Méthode " + text],
                "participation": ["controlGroup": true, "stages": ["design", "implementation", "evaluation"], "description": "Groupe " + text],
                "participationSheet": true,
            ] as [String: Any],
        ])
        try record("annex.attached", "2025-01-14", [
            "annex": 1, "title": "Annexe " + text, "source": "Source " + text, "uri": "javascript:alert(1)", "sha256": text,
        ])
        try record("signature.requested", "2025-01-20", ["document": "convention", "partners": ["cc-x", "etat"], "targetMonths": 6])
        try record("approval.voted", "2025-02-01", [
            "partnerId": "cc-x", "document": "convention", "body": "conseil", "reference": "Délibération " + text, "outcome": "adopted",
        ])
        try record("commitment.voted", "2025-02-01", [
            "partnerId": "cc-x", "year": 2025, "body": "conseil", "reference": "=HYPERLINK(\"x\"); " + text, "outcome": "adopted",
            "lines": [["actionId": "A1", "amountCents": 1_250_050, "source": "Budget\n" + text, "basis": "common-law"]],
            "inKind": [["actionId": "A1", "description": "Locaux " + text, "valuationCents": 50_000]],
        ])
        try record("signature.received", "2025-02-02", ["partnerId": "cc-x", "document": "convention", "signatory": ["name": "Maire " + text, "role": "Maire"]])
        return file
    }

    public enum FixtureError: Error {
        case refused(String, String)
    }
}

extension String {
    /// The text with its no-break spaces (U+00A0, U+202F) as plain spaces, for tests
    /// about content rather than typography.
    public var spaced: String {
        String(map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : $0 })
    }
}
