import PacteEvents
import PacteProjections

private let base = PactFixture.baseline
/// The baseline with the State's signature missing: the convention was sent on
/// 2025-03-03, so with the 6-month target the State is awaited until 2025-09-03.
private let stateUnsigned = base.without("sign-etat")
/// The amended baseline with A1's sheet already ending on 2026-09-30 (past its 12 months,
/// 2026-06-30): only the extension granted by amendment 1 covers it, from the day the
/// amendment is in force (2026-04-02, the State's signature).
private let extendedByAmendment = PactFixture.withAmendment.setting("a1", "sheet.schedule.end", #""2026-09-30""#)

/// The cases at the edge of a rule: the day a deadline falls and the day after, a
/// judgement date later than today, a target other than 6 months, an extension waiting
/// for its amendment, a closure at term on the day it is judged.
public let boundaryFiringCases: [RuleCase] = [
    RuleCase(name: "State unsigned on the target day itself (not late)", rule: .signingDelay, severity: .info,
             fixture: stateUnsigned, today: day("2025-09-03"), french: ["d'ici le 03/09/2025 (0 jour restant)"]),
    RuleCase(name: "State unsigned the day after the target", rule: .signingDelay, severity: .warning,
             fixture: stateUnsigned, today: day("2025-09-04"),
             french: ["le délai de 6 mois a expiré le 03/09/2025 (retard de 1 jour au 04/09/2025)"]),
    RuleCase(name: "one day left before the target", rule: .signingDelay, severity: .info,
             fixture: stateUnsigned, today: day("2025-09-02"), french: ["(1 jour restant)"]),
    RuleCase(name: "no targetMonths: 6 months, late the day after", rule: .signingDelay, severity: .warning,
             fixture: stateUnsigned.removing("request", "targetMonths"), today: day("2025-09-04"),
             french: ["le délai de 6 mois a expiré le 03/09/2025"]),
    RuleCase(name: "no targetMonths: 6 months, not late on the target day", rule: .signingDelay, severity: .info,
             fixture: stateUnsigned.removing("request", "targetMonths"), today: day("2025-09-03"),
             french: ["d'ici le 03/09/2025 (0 jour restant)"]),
    RuleCase(name: "a 4-month target, on its day", rule: .signingDelay, severity: .info,
             fixture: stateUnsigned.setting("request", "targetMonths", "4"), today: day("2025-07-03"),
             french: ["d'ici le 03/07/2025 (0 jour restant)"]),
    RuleCase(name: "a 4-month target, the day after", rule: .signingDelay, severity: .warning,
             fixture: stateUnsigned.setting("request", "targetMonths", "4"), today: day("2025-07-04"),
             french: ["le délai de 4 mois a expiré le 03/07/2025 (retard de 1 jour"]),
    RuleCase(name: "an 8-month target, still inside when 6 months have passed", rule: .signingDelay, severity: .info,
             fixture: stateUnsigned.setting("request", "targetMonths", "8"), today: day("2025-10-01"),
             french: ["d'ici le 03/11/2025 (33 jours restants)"]),
    RuleCase(name: "an 8-month target, the day after", rule: .signingDelay, severity: .warning,
             fixture: stateUnsigned.setting("request", "targetMonths", "8"), today: day("2025-11-04"),
             french: ["le délai de 8 mois a expiré le 03/11/2025 (retard de 1 jour"]),
    RuleCase(name: "an as-of after today is judged at today", rule: .signingDelay, severity: .info,
             fixture: stateUnsigned, today: day("2025-06-01"), asOf: day("2025-12-01"),
             french: ["(94 jours restants)"]),
    RuleCase(name: "an extension resting on an amendment not yet in force", rule: .stateWindow, severity: .error,
             fixture: extendedByAmendment.without("sign-etat-1"), today: PactFixture.amendmentToday,
             french: ["finit le 30/09/2026", "au plus tard le 30/06/2026",
                      "La prorogation accordée attend l'entrée en vigueur de l'avenant n° 1"]),
    RuleCase(name: "an extension whose amendment enters into force the next day", rule: .stateWindow, severity: .error,
             fixture: extendedByAmendment, today: PactFixture.amendmentToday, asOf: day("2026-04-01"),
             french: ["attend l'entrée en vigueur de l'avenant n° 1"]),
    RuleCase(name: "closed at term, judged on its closure day", rule: .governanceYearly, severity: .error,
             fixture: base.adding("closed", .pactClosed, "2026-12-31", #"{"reason":"term","summary":"terme"}"#),
             today: day("2027-02-01"), asOf: day("2026-12-31"), french: ["ne s'est pas réunie en 2026"]),
    RuleCase(name: "terminated early: the years before its own are judged", rule: .governanceYearly, severity: .error,
             fixture: base.without("copil-2025")
                .adding("closed", .pactClosed, "2026-10-01", #"{"reason":"terminated","summary":"résiliation"}"#),
             today: day("2027-02-01"), french: ["ne s'est pas réunie en 2025"]),
]

/// Their quiet neighbours.
public let boundaryQuietCases: [RuleCase] = [
    RuleCase(name: "an extension whose amendment entered into force that day", rule: .stateWindow, severity: .error,
             fixture: extendedByAmendment, today: PactFixture.amendmentToday, asOf: day("2026-04-02")),
    RuleCase(name: "an extension whose amendment is in force", rule: .stateWindow, severity: .error,
             fixture: extendedByAmendment, today: PactFixture.amendmentToday),
    RuleCase(name: "signed on the target day", rule: .signingDelay, severity: .warning,
             fixture: base.moving("sign-etat", to: "2025-09-03"),
             today: day("2025-09-04")),
]
