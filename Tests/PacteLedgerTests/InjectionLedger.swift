import Foundation
import PactTesting
@testable import pacte_ledger

/// A small ledger whose ids, names, free texts and `--by` are chosen by the test
/// (spreadsheet formulas, terminal escapes), written in process through the command
/// line as a user would: a porteur and a State partner, a priority, an action funded by
/// both, a convention sent to both, approved, funded and signed by the porteur.
struct InjectionLedger: Sendable {
    var pactId = "pact"
    var territory = "Territoire"
    var porteurId = "cc-x"
    var stateId = "etat"
    var priorityId = "P1"
    var actionId = "A1"
    var by = "tester"
    /// The porteur's cash for the action, planned and voted (the State brings 10 000 €);
    /// `nil`: 12 500,50 € planned, 10 000 € voted (exactly half of the voted cash).
    var porteurCents: Int?
    /// The free text written where `label` would be.
    var text: @Sendable (String) -> String = { $0 }

    func write(to file: String) throws {
        func json(_ value: Any) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
        }
        func run(_ arguments: [String]) throws {
            let output = ReportFixtures.run(arguments)
            guard output.exitCode == 0 else { throw ReportFixtures.FixtureError.refused(arguments[0], output.standardError) }
        }
        func record(_ type: String, _ effective: String, _ data: [String: Any]) throws {
            try run(["record", file, type, "--effective", effective, "--by", by, "--data", try json(data)])
        }
        try run([
            "init", file, "--pact", pactId, "--title", text("Pacte"), "--territory", territory,
            "--porteur", porteurId, "--porteur-name", text("CC"), "--porteur-kind", "epci", "--porteur-body", text("conseil"),
            "--start", "2025-01-01", "--end", "2026-12-31", "--context", text("Contexte"), "--ambition", text("Ambition"),
            "--governance-body", text("Comité"), "--revision", text("Révision"),
            "--effective", "2025-01-10", "--by", by, "--recorded", "2025-01-10T09:00:00Z",
        ])
        try record("partner.joined", "2025-01-11", [
            "partner": [
                "id": stateId, "name": text("État"), "kind": "state", "statutoryBody": text("préfecture"),
                "signatory": ["name": text("Préfet"), "role": text("Préfet")],
            ],
            "via": "initial",
        ])
        try record("priority.set", "2025-01-12", [
            "priorityId": priorityId, "title": text("Priorité"), "rationale": text("Raison"), "sources": [text("Source")],
            "publics": ["children"],
        ])
        try record("action.added", "2025-01-13", [
            "sheet": [
                "actionId": actionId, "priorityId": priorityId, "title": text("Action"), "summary": text("Résumé"),
                "objectives": [text("Objectif")], "perimeter": text("Périmètre"), "publics": ["youth"], "measure": 3,
                "schedule": ["start": "2025-03-01", "end": "2026-02-28", "milestones": [] as [Any]],
                "partners": [["partnerId": porteurId, "role": text("Rôle")], ["partnerId": stateId, "role": text("Financeur")]],
                "funding": [
                    ["partnerId": stateId, "year": 2025, "amountCents": 1_000_000, "source": text("BOP"), "basis": "dedicated"],
                    ["partnerId": porteurId, "year": 2025, "amountCents": porteurCents ?? 1_250_050, "source": text("Budget"), "basis": "common-law"],
                ],
                "inKind": [["partnerId": porteurId, "description": text("Locaux"), "valuationCents": 50_000]],
                "indicators": [["name": text("Indicateur"), "unit": "u", "target": 10]],
                "impact": ["indicator": text("Impact"), "baseline": "0", "target": "5", "method": text("Méthode")],
                "participation": ["controlGroup": true, "stages": ["design"], "description": text("Groupe")],
                "participationSheet": true,
            ] as [String: Any],
        ])
        try record("signature.requested", "2025-01-20", ["document": "convention", "partners": [porteurId, stateId], "targetMonths": 6])
        try record("approval.voted", "2025-02-01", [
            "partnerId": porteurId, "document": "convention", "body": text("conseil"), "reference": text("Délibération"),
            "outcome": "adopted",
        ])
        for (partnerId, basis, cents) in [(porteurId, "common-law", porteurCents ?? 1_000_000), (stateId, "dedicated", 1_000_000)] {
            try record("commitment.voted", "2025-02-01", [
                "partnerId": partnerId, "year": 2025, "body": text("conseil"), "reference": text("Arrêté"), "outcome": "adopted",
                "lines": [["actionId": actionId, "amountCents": cents, "source": text("Ligne"), "basis": basis]],
                "inKind": [["actionId": actionId, "description": text("Salle"), "valuationCents": 50_000]],
            ])
        }
        try record("signature.received", "2025-02-02", [
            "partnerId": porteurId, "document": "convention", "signatory": ["name": text("Maire"), "role": text("Maire")],
        ])
    }
}
