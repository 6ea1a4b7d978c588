/// A filled-in `data` skeleton for each event type, to copy and edit before
/// `pacte-ledger record`. Each decodes as its type (a test checks it); the ids it names
/// (partner `cc-exemple`, priority `P1`, action `A1`) must exist in the ledger.
public enum EventTemplate {
    public static func data(for type: EventType) -> String {
        switch type {
        case .pactDrafted:
            return """
                {
                  "pactId": "pacte-exemple-2025",
                  "title": "Pacte local des solidarités de la Communauté de communes Exemple",
                  "territory": {"name": "Communauté de communes Exemple", "department": "31", "communes": ["31001", "31002"]},
                  "porteur": {"id": "cc-exemple", "name": "Communauté de communes Exemple", "kind": "epci", "statutoryBody": "conseil communautaire", "signatory": {"name": "Prénom Nom", "role": "Président"}},
                  "period": {"start": "2025-01-01", "end": "2027-12-31"},
                  "context": "Article 1 : contexte et cadre des pactes des solidarités.",
                  "ambition": "Article 2 : objet, ambition et durée de la convention.",
                  "governance": {"body": "Comité de pilotage du pacte", "attachedTo": "Comité de pilotage de la CTG"},
                  "revision": "Article 5 : adhésion par avenant ; révision par avenant signé de tous les partenaires."
                }
                """
        case .partnerJoined:
            return """
                {
                  "partner": {"id": "caf-31", "name": "CAF de la Haute-Garonne", "kind": "caf", "statutoryBody": "conseil d'administration", "signatory": {"name": "Prénom Nom", "role": "Directrice"}},
                  "via": "initial"
                }
                """
        case .partnerWithdrew:
            return #"{"partnerId": "caf-31", "reason": "Motif du retrait."}"#
        case .prioritySet:
            return """
                {
                  "priorityId": "P1",
                  "title": "Prévenir la pauvreté des enfants",
                  "rationale": "Diagnostic : taux de pauvreté des moins de 18 ans supérieur à la moyenne départementale.",
                  "sources": ["INSEE, panorama du 3 octobre 2023", "Diagnostic départemental 2024"],
                  "publics": ["children", "single-parent-families"]
                }
                """
        case .priorityWithdrawn:
            return #"{"priorityId": "P1", "reason": "Motif du retrait."}"#
        case .actionAdded:
            return """
                {
                  "sheet": {
                    "actionId": "A1",
                    "priorityId": "P1",
                    "title": "Titre de l'action",
                    "summary": "Courte présentation de l'action.",
                    "objectives": ["Objectif 1", "Objectif 2"],
                    "perimeter": "Communes du territoire",
                    "publics": ["children"],
                    "measure": 1,
                    "localJustification": null,
                    "schedule": {"start": "2025-09-01", "end": "2026-08-31", "milestones": [{"date": "2026-01-15", "label": "Bilan d'étape"}]},
                    "partners": [{"partnerId": "cc-exemple", "role": "Porteur de l'action"}],
                    "funding": [
                      {"partnerId": "cc-exemple", "year": 2025, "amountCents": 2000000, "source": "Budget général", "basis": "dedicated"}
                    ],
                    "inKind": [{"partnerId": "cc-exemple", "description": "Mise à disposition d'une salle", "valuationCents": 300000}],
                    "indicators": [{"name": "Familles accompagnées", "unit": "familles", "target": 40}],
                    "impact": {"indicator": "Part des familles dont la situation s'améliore à 6 mois", "baseline": "0", "target": "60 %", "method": "Questionnaire avant / après"},
                    "impactWaiver": null,
                    "participation": {"controlGroup": true, "stages": ["design", "implementation", "evaluation"], "description": "Groupe témoin de 8 parents."},
                    "participationSheet": false
                  }
                }
                """
        case .actionAmended:
            return """
                {
                  "actionId": "A1",
                  "changes": {"schedule": {"start": "2025-10-01", "end": "2026-09-30", "milestones": []}},
                  "reason": "Motif de la modification.",
                  "amendment": 1
                }
                """
        case .actionClosed:
            return #"{"actionId": "A1", "outcome": "completed", "summary": "Bilan de l'action.", "impactResult": {"value": "55 %", "note": "Mesuré à 6 mois."}}"#
        case .indicatorReported:
            return #"{"actionId": "A1", "indicator": "Familles accompagnées", "period": "2025", "value": 32, "note": "Premier semestre."}"#
        case .annexAttached:
            return #"{"annex": 1, "title": "Données INSEE sur les fragilités du territoire", "source": "INSEE", "uri": "https://exemple.invalid/annexe-1.pdf"}"#
        case .draftPresented:
            return #"{"attendees": ["cc-exemple", "caf-31"], "stateServiceInvited": true, "commissionerInvited": true}"#
        case .draftSubmitted:
            return #"{"to": ["DDETS de la Haute-Garonne", "Commissaire à la lutte contre la pauvreté"]}"#
        case .draftValidated:
            return #"{"validatedBy": "DDETS de la Haute-Garonne", "remarks": "Remarques éventuelles."}"#
        case .signatureRequested:
            return #"{"document": "convention", "partners": ["cc-exemple", "caf-31"], "targetMonths": 6}"#
        case .approvalVoted:
            return #"{"partnerId": "cc-exemple", "document": "convention", "body": "conseil communautaire", "reference": "DEL-2025-042", "outcome": "adopted"}"#
        case .commitmentVoted:
            return """
                {
                  "partnerId": "cc-exemple",
                  "year": 2025,
                  "body": "conseil communautaire",
                  "reference": "DEL-2025-043",
                  "outcome": "adopted",
                  "lines": [{"actionId": "A1", "amountCents": 2000000, "source": "Budget général", "basis": "dedicated"}],
                  "inKind": [{"actionId": "A1", "description": "Mise à disposition d'une salle", "valuationCents": 300000}]
                }
                """
        case .signatureReceived:
            return #"{"partnerId": "cc-exemple", "document": "convention", "signatory": {"name": "Prénom Nom", "role": "Président"}}"#
        case .amendmentProposed:
            return #"{"number": 1, "purpose": "Objet de l'avenant."}"#
        case .extensionRequested:
            return #"{"actionId": "A1", "currentEnd": "2026-08-31", "requestedEnd": "2026-12-31", "reason": "Motif de la demande de prorogation.", "requestedBy": "cc-exemple"}"#
        case .extensionDecided:
            return #"{"request": "ID-DE-L-EVENEMENT-extension.requested", "decision": "granted", "newEnd": "2026-12-31", "amendment": 1, "reason": "Motif de la décision."}"#
        case .governanceHeld:
            return """
                {
                  "body": "Comité de pilotage du pacte",
                  "attendees": ["cc-exemple", "caf-31"],
                  "decisions": ["Fiches-action actualisées"],
                  "commitmentsPresented": [2025],
                  "actionsReviewed": ["A1"],
                  "nextMeeting": "2026-06-15"
                }
                """
        case .correctionRecorded:
            return #"{"target": "ID-DE-L-EVENEMENT-A-CORRIGER", "reason": "Motif de la correction.", "replacement": null}"#
        case .pactClosed:
            return #"{"reason": "term", "summary": "Bilan du pacte."}"#
        }
    }
}
