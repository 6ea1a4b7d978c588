import PacteEvents
import PacteProjections

private let base = PactFixture.baseline

private let msaAdhesion = #"{"partner":{"id":"msa11","name":"MSA Grand Sud","kind":"msa"},"via":"adhesion","amendment":1}"#

/// The baseline with A1 closed on 2026-06-30, with `json` as the closure's data.
private func closingA1(_ json: String) -> PactFixture {
    base.adding("a1-closed", .actionClosed, "2026-06-30", json)
}

/// Judged by `RuleCheckTests` with the other tables. The firing cases of SIGNATORIES, PRIORITY-LINK, PERIOD and IMPACT-RESULT, and of the
/// orders DRAFT-ORDER, SIGN-AFTER-VOTE and GOVERNANCE-YEARLY were made precise on.
public let structureFiringCases: [RuleCase] = [
    RuleCase(name: "an initial partner not asked to sign the convention", rule: .signatories, severity: .error,
             fixture: base.setting("request", "partners", #"["cc-val","etat","cd11"]"#).without("sign-caf"),
             french: ["CAF de l'Aude (caf11), partenaire depuis le 06/01/2025", "n'est pas appelé à signer la convention", "03/03/2025"]),
    RuleCase(name: "an adhesion by avenant 1 not asked to sign it", rule: .signatories, severity: .error,
             fixture: PactFixture.withAmendment.adding("join-msa", .partnerJoined, "2026-02-05", msaAdhesion),
             today: PactFixture.amendmentToday, french: ["MSA Grand Sud (msa11)", "l'avenant n° 1", "20/02/2026"]),
    RuleCase(name: "no State partner asked to sign", rule: .signatories, severity: .error,
             fixture: base.setting("request", "partners", #"["cc-val","cd11","caf11"]"#).without("sign-etat"),
             french: ["Préfecture de l'Aude (etat)", "Aucun service de l'État"]),
    RuleCase(name: "the action's priority was withdrawn", rule: .priorityLink, severity: .error,
             fixture: base.adding("p1-out", .priorityWithdrawn, "2025-06-01", #"{"priorityId":"P1","reason":"fusion"}"#),
             french: ["L'action A1 « Maison des droits »", "priorité P1 « Accès aux droits », retirée le 01/06/2025"]),
    RuleCase(name: "an unknown priority", rule: .priorityLink, severity: .error,
             fixture: base.setting("a2", "sheet.priorityId", #""P9""#), french: ["A2", "priorité P9, inconnue du registre"]),
    RuleCase(name: "no priority", rule: .priorityLink, severity: .error,
             fixture: base.removing("a2", "sheet.priorityId"), french: ["A2", "n'est rattachée à aucune priorité"]),
    RuleCase(name: "ends after the convention's period", rule: .period, severity: .warning,
             fixture: base.setting("a2", "sheet.schedule.end", #""2028-06-30""#),
             french: ["A2 « Participation des habitants »", "finit le 30/06/2028", "après la fin de la convention le 31/12/2027"]),
    RuleCase(name: "starts before the convention's period", rule: .period, severity: .warning,
             fixture: base.setting("drafted", "period.start", #""2025-07-01""#),
             french: ["A2", "démarre le 01/06/2025, avant le début de la convention le 01/07/2025"]),
    RuleCase(name: "extended beyond the convention's period", rule: .period, severity: .warning,
             fixture: PactFixture.withAmendment.without("a1-amend")
                .setting("drafted", "period.end", #""2026-08-31""#).setting("a2", "sheet.schedule.end", #""2026-06-30""#),
             today: PactFixture.amendmentToday, french: ["A1", "finit le 30/09/2026 (prorogation accordée)", "31/08/2026"]),
    RuleCase(name: "completed without its impact result", rule: .impactResult, severity: .warning,
             fixture: closingA1(#"{"actionId":"A1","outcome":"completed","summary":"fait"}"#), today: day("2026-07-01"),
             french: ["A1 « Maison des droits », menée à bien le 30/06/2026", "« droits ouverts à 6 mois »"]),
    RuleCase(name: "the only compliant presentation comes after the submission", rule: .draftOrder, severity: .warning,
             fixture: base.setting("presented", "commissionerInvited", "false")
                .adding("presented-2", .draftPresented, "2025-02-25", #"{"attendees":["cc-val","etat"],"stateServiceInvited":true,"commissionerInvited":true}"#),
             french: ["n'a pas convié le commissaire", "La présentation du 25/02/2025", "postérieure à la soumission du projet le 20/02/2025"]),
    RuleCase(name: "submitted after the first signature request, before a second one", rule: .draftOrder, severity: .warning,
             fixture: base.without("submitted")
                .adding("submitted-late", .draftSubmitted, "2025-03-10", #"{"to":["DDETS de l'Aude"]}"#)
                .adding("request-2", .signatureRequested, "2025-03-12", #"{"document":"convention","partners":["caf11"]}"#),
             french: ["mise en signature le 03/03/2025, avant la soumission du projet à l'État et au commissaire le 10/03/2025"]),
    RuleCase(name: "closed at term without a meeting in its last year", rule: .governanceYearly, severity: .error,
             fixture: base.adding("closed", .pactClosed, "2026-12-31", #"{"reason":"term","summary":"terme"}"#),
             today: day("2027-02-01"), french: ["ne s'est pas réunie en 2026, année où le pacte a été clos à son terme le 31/12/2026"]),
    RuleCase(name: "closed at term in October without a meeting that year", rule: .governanceYearly, severity: .error,
             fixture: base.adding("closed", .pactClosed, "2026-10-31", #"{"reason":"term","summary":"terme"}"#),
             today: day("2026-11-27"), french: ["ne s'est pas réunie en 2026"]),
    RuleCase(name: "signed again after the vote", rule: .signAfterVote, severity: .info,
             fixture: base.moving("sign-cd", to: "2025-04-10")
                .adding("sign-cd-2", .signatureReceived, "2025-04-22", #"{"partnerId":"cd11","document":"convention","signatory":{"name":"Hélène Blanc","role":"Présidente"}}"#),
             french: ["a signé la convention le 10/04/2025", "Signature régularisée : nouvelle signature le 22/04/2025", "délibération du 14/04/2025 (CP-2025-14)", "reste datée par la première signature"]),
]

/// Each case keeps its rule quiet although it looks close to a breach.
public let structureQuietCases: [RuleCase] = [
    RuleCase(name: "a second State service need not be asked", rule: .signatories, severity: .error,
             fixture: base.adding("join-ddets", .partnerJoined, "2025-01-07", #"{"partner":{"id":"ddets11","name":"DDETS de l'Aude","kind":"state"},"via":"initial"}"#)),
    RuleCase(name: "a partner who withdrew before the request", rule: .signatories, severity: .error,
             fixture: base
                .adding("join-asso", .partnerJoined, "2025-01-07", #"{"partner":{"id":"asso","name":"Association","kind":"association"},"via":"initial"}"#)
                .adding("asso-out", .partnerWithdrew, "2025-02-15", #"{"partnerId":"asso","reason":"fusion"}"#)),
    RuleCase(name: "an adhesion whose avenant is not sent yet", rule: .signatories, severity: .error,
             fixture: base
                .adding("amend-1", .amendmentProposed, "2025-06-01", #"{"number":1,"purpose":"Adhésion de la MSA"}"#)
                .adding("join-msa", .partnerJoined, "2025-06-02", msaAdhesion)),
    RuleCase(name: "an adhesion asked to sign its avenant", rule: .signatories, severity: .error,
             fixture: PactFixture.withAmendment.adding("join-msa", .partnerJoined, "2026-02-05", msaAdhesion)
                .adding("req-msa", .signatureRequested, "2026-02-21", #"{"document":"amendment-1","partners":["msa11"]}"#),
             today: PactFixture.amendmentToday),
    RuleCase(name: "a closed action of a withdrawn priority", rule: .priorityLink, severity: .error,
             fixture: base
                .adding("p2", .prioritySet, "2025-01-10", #"{"priorityId":"P2","title":"Participation","rationale":"r","sources":["INSEE"],"publics":["excluded"]}"#)
                .setting("a2", "sheet.priorityId", #""P2""#)
                .adding("a2-closed", .actionClosed, "2025-09-01", #"{"actionId":"A2","outcome":"completed","summary":"fait"}"#)
                .adding("p2-out", .priorityWithdrawn, "2025-09-15", #"{"priorityId":"P2","reason":"action terminée"}"#)),
    RuleCase(name: "a priority withdrawn after the date judged", rule: .priorityLink, severity: .error,
             fixture: base.adding("p1-out", .priorityWithdrawn, "2026-01-10", #"{"priorityId":"P1","reason":"fusion"}"#),
             asOf: day("2025-12-01")),
    RuleCase(name: "an abandoned action beyond the period", rule: .period, severity: .warning,
             fixture: base.setting("a2", "sheet.schedule.end", #""2028-06-30""#)
                .adding("a2-closed", .actionClosed, "2025-09-01", #"{"actionId":"A2","outcome":"abandoned","summary":"faute de participants"}"#)),
    RuleCase(name: "a refused extension beyond the period", rule: .period, severity: .warning,
             fixture: base.setting("drafted", "period.end", #""2026-12-31""#).setting("a2", "sheet.schedule.end", #""2026-12-31""#)
                .adding("ext-req", .extensionRequested, "2026-02-01", #"{"actionId":"A1","currentEnd":"2026-06-30","requestedEnd":"2027-03-31","reason":"retard","requestedBy":"cc-val"}"#)
                .adding("ext-dec", .extensionDecided, "2026-02-15", #"{"request":"ext-req","decision":"refused"}"#),
             today: day("2026-03-01")),
    RuleCase(name: "completed with its impact result", rule: .impactResult, severity: .warning,
             fixture: closingA1(#"{"actionId":"A1","outcome":"completed","summary":"fait","impactResult":{"value":120,"note":"à 6 mois"}}"#),
             today: day("2026-07-01")),
    RuleCase(name: "completed with an impact waiver", rule: .impactResult, severity: .warning,
             fixture: base.adding("a2-closed", .actionClosed, "2025-11-01", #"{"actionId":"A2","outcome":"completed","summary":"fait"}"#)),
    RuleCase(name: "abandoned without an impact result", rule: .impactResult, severity: .warning,
             fixture: closingA1(#"{"actionId":"A1","outcome":"abandoned","summary":"arrêt"}"#), today: day("2026-07-01")),
    RuleCase(name: "a second, compliant presentation before the submission", rule: .draftOrder, severity: .warning,
             fixture: base.setting("presented", "commissionerInvited", "false")
                .adding("presented-2", .draftPresented, "2025-02-15", #"{"attendees":["cc-val","etat"],"stateServiceInvited":true,"commissionerInvited":true}"#)),
    RuleCase(name: "terminated early, its year is exempt", rule: .governanceYearly, severity: .error,
             fixture: base.adding("closed", .pactClosed, "2026-10-01", #"{"reason":"terminated","summary":"résiliation"}"#),
             today: day("2027-02-01")),
    RuleCase(name: "closed at term after a meeting that year", rule: .governanceYearly, severity: .error,
             fixture: base
                .adding("copil-2026", .governanceHeld, "2026-11-20", #"{"body":"comité de pilotage","attendees":["cc-val","etat"]}"#)
                .adding("closed", .pactClosed, "2026-12-31", #"{"reason":"term","summary":"terme"}"#),
             today: day("2027-02-01")),
]
