import PacteEvents
import PacteProjections

// Rule CHRONOLOGY: a fact dated before the fact it answers (votes exempt). These cases
// join the rule tables (firing and quiet).

/// Each case makes CHRONOLOGY fire, naming both lines.
public let chronologyFiringCases: [RuleCase] = [
    RuleCase(name: "a signature before the request", rule: .chronology, severity: .warning,
             fixture: PactFixture.baseline.moving("sign-cc", to: "2025-03-01"),
             french: ["le 01/03/2025 (ligne", "avant sa mise en signature le 03/03/2025 (ligne"]),
    RuleCase(name: "an extension decided before it was requested", rule: .chronology, severity: .warning,
             fixture: PactFixture.withAmendment.moving("ext-dec", to: "2026-01-25"),
             french: ["décidée le 25/01/2026 (ligne", "avant d'être demandée le 01/02/2026 (ligne"]),
    RuleCase(name: "an amendment sent for signature before it was proposed", rule: .chronology, severity: .warning,
             fixture: PactFixture.withAmendment.moving("req-1", to: "2026-01-25"),
             french: ["mis en signature le 25/01/2026 (ligne", "avant d'être proposé le 01/02/2026 (ligne"]),
]

/// Each case keeps CHRONOLOGY quiet.
public let chronologyQuietCases: [RuleCase] = [
    RuleCase(name: "every fact after the one it answers", rule: .chronology, severity: .warning,
             fixture: PactFixture.withAmendment, today: CivilDate("2026-12-01")!),
    RuleCase(name: "a vote before the request (a body may vote on a draft)", rule: .chronology, severity: .warning,
             fixture: PactFixture.baseline.moving("vote-cc", to: "2025-03-01")),
    RuleCase(name: "an extension decided the day it was requested", rule: .chronology, severity: .warning,
             fixture: PactFixture.withAmendment.moving("ext-dec", to: "2026-02-01"), today: CivilDate("2026-12-01")!),
]
