import Foundation
import PacteEvents
@testable import pacte_ledger

/// Shared material of the report and export tests.
enum ReportFixtures {
    /// `ledgers/pacte-coteaux-aussonne.jsonl` in this checkout.
    static let example: String = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("ledgers/pacte-coteaux-aussonne.jsonl")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return "ledgers/pacte-coteaux-aussonne.jsonl"
    }()

    /// A fixed clock, in the past (lines recorded with it are never dated in the future):
    /// 20 November 2026, 10:00 UTC, after the example ledger's last line.
    static let now = Timestamp("2026-11-20T10:00:00Z")!

    static let environment = Environment(now: { now }, readStandardInput: { [] })

    /// Runs one command line in process, with the fixed clock.
    static func run(_ arguments: [String]) -> CommandOutput {
        PacteLedger.execute(arguments, environment: environment)
    }

    /// The HTML report of the example ledger (cached: it is read by many tests).
    static let exampleHTML: String = run(["report", example, "--today", "2026-12-01"]).standardOutput

    static let exampleMarkdown: String = run(["report", example, "--today", "2026-12-01", "--format", "markdown"]).standardOutput

    /// Text a hostile user could type in a ledger.
    static let hostile = #"<script>alert(1)</script> & "x" 'y'"#
    /// The same text as the HTML writer escapes it.
    static let hostileEscaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;"

    /// Writes a small ledger whose every free text holds ``hostile`` (and a line end, a
    /// pipe, a semicolon), through the command line as a user would; returns its path.
    static func hostileLedger(in folder: TemporaryFolder, name: String = "hostile.jsonl") throws -> String {
        let file = folder.path(name)
        let text = hostile
        func json(_ value: Any) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
        }
        func record(_ type: String, _ effective: String, _ data: [String: Any]) throws {
            let output = run(["record", file, type, "--effective", effective, "--by", "tester", "--data", try json(data)])
            guard output.exitCode == 0 else { throw FixtureError.refused(type, output.standardError) }
        }
        let created = run([
            "init", file, "--pact", "hostile", "--title", "Pacte " + text, "--territory", "Territoire " + text,
            "--porteur", "cc-x", "--porteur-name", "CC " + text, "--porteur-kind", "epci", "--porteur-body", "conseil",
            "--start", "2025-01-01", "--end", "2026-12-31", "--context", "Contexte " + text + "\nsuite | tube",
            "--ambition", "Ambition " + text, "--governance-body", "Comité " + text, "--revision", "Révision " + text,
            "--effective", "2025-01-10", "--by", "tester", "--recorded", "2025-01-10T09:00:00Z",
        ])
        guard created.exitCode == 0 else { throw FixtureError.refused("init", created.standardError) }
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

    enum FixtureError: Error {
        case refused(String, String)
    }
}
