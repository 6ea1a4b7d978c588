import PacteEvents
import PacteProjections
import Testing

/// One situation of the rule table: a fixture, the date it is judged at, and what must
/// (or must not) be found.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var name: String
    var rule: Rule
    var severity: Severity
    var fixture: PactFixture
    var today: CivilDate = PactFixture.today
    var asOf: CivilDate?
    /// Fragments the French message must contain.
    var french: [String] = []

    var testDescription: String { "\(rule.id): \(name)" }

    func findings() -> [Finding] {
        RuleCheck.findings(events: fixture.events, asOf: asOf, today: today).filter { $0.rule == rule }
    }
}

private let base = PactFixture.baseline

/// Each case makes its rule fire.
let firingCases: [RuleCase] = [
    RuleCase(name: "four priorities once submitted", rule: .priorityCount, severity: .error,
             fixture: base.addingThreePriorities(), french: ["4 priorités actives (P1, P2, P3, P4)", "soumis le 20/02/2025"]),
    RuleCase(name: "no priority once submitted", rule: .priorityCount, severity: .error,
             fixture: base.adding("p1-out", .priorityWithdrawn, "2025-01-12", #"{"priorityId":"P1","reason":"fusion"}"#),
             french: ["Aucune priorité active"]),
    RuleCase(name: "no statistical source", rule: .priorityEvidence, severity: .warning,
             fixture: base.setting("p1", "sources", "[]"), french: ["P1 « Accès aux droits »", "aucune source statistique"]),
    RuleCase(name: "no rationale", rule: .priorityEvidence, severity: .warning,
             fixture: base.removing("p1", "rationale"), french: ["sa justification"]),
    RuleCase(name: "no measure nor justification", rule: .domainMeasure, severity: .error,
             fixture: base.removing("a1", "sheet.measure"), french: ["A1 « Maison des droits »", "25 mesures"]),
    RuleCase(name: "priority without public", rule: .publics, severity: .error,
             fixture: base.setting("p1", "publics", "[]"), french: ["La priorité P1"]),
    RuleCase(name: "action without public", rule: .publics, severity: .error,
             fixture: base.setting("a1", "sheet.publics", "[]"), french: ["L'action A1"]),
    RuleCase(name: "no follow-up indicator", rule: .sheetComplete, severity: .error,
             fixture: base.removing("a1", "sheet.indicators"), french: ["A1", "indicateurs de suivi"]),
    RuleCase(name: "no perimeter nor schedule", rule: .sheetComplete, severity: .error,
             fixture: base.removing("a2", "sheet.perimeter").removing("a2", "sheet.schedule"),
             french: ["A2", "périmètre", "déroulé calendaire"]),
    RuleCase(name: "no credits", rule: .sheetComplete, severity: .error,
             fixture: base.removing("a2", "sheet.funding"), french: ["crédits mobilisés"]),
    RuleCase(name: "neither impact nor waiver", rule: .impact, severity: .error,
             fixture: base.removing("a1", "sheet.impact"), french: ["ni indicateur d'impact"]),
    RuleCase(name: "impact repeats a follow-up indicator", rule: .impact, severity: .error,
             fixture: base.setting("a1", "sheet.impact", #"{"indicator":"Personnes accueillies"}"#),
             french: ["reprend l'indicateur de suivi"]),
    RuleCase(name: "no participation sheet", rule: .participationSheet, severity: .error,
             fixture: base.setting("a2", "sheet.participationSheet", "false"), french: ["fiche-action spécifique"]),
    RuleCase(name: "participation sheet abandoned", rule: .participationSheet, severity: .error,
             fixture: base.adding("a2-closed", .actionClosed, "2025-09-01", #"{"actionId":"A2","outcome":"abandoned","summary":"faute de participants"}"#)),
    RuleCase(name: "control group not in evaluation", rule: .participationGroup, severity: .error,
             fixture: base.setting("a1", "sheet.participation.stages", #"["design","implementation"]"#),
             french: ["A1 (évaluation)"]),
    RuleCase(name: "no control group", rule: .participationGroup, severity: .error,
             fixture: base.setting("a1", "sheet.participation.controlGroup", "false")),
    RuleCase(name: "voted State commitment for the next year", rule: .stateAnnual, severity: .error,
             fixture: base.setting("commit-etat", "year", "2026"),
             french: ["[engagement voté]", "voté le 20/05/2025", "porte sur l'année 2026"]),
    RuleCase(name: "planned State credits over two years", rule: .stateAnnual, severity: .error,
             fixture: base.setting("a1", "sheet.funding", """
                [{"partnerId":"etat","year":2025,"amountCents":2000000,"source":"BOP 304 action 23","basis":"dedicated"},
                 {"partnerId":"etat","year":2026,"amountCents":2000000,"source":"BOP 304 action 23","basis":"dedicated"},
                 {"partnerId":"cc-val","year":2025,"amountCents":3000000,"source":"budget","basis":"dedicated"},
                 {"partnerId":"cc-val","year":2026,"amountCents":3000000,"source":"budget","basis":"dedicated"}]
                """), french: ["[financement prévu à la fiche-action]", "2025 et 2026"]),
    RuleCase(name: "planned State credits from another BOP", rule: .stateSource, severity: .error,
             fixture: base.setting("a1", "sheet.funding", """
                [{"partnerId":"etat","year":2025,"amountCents":4000000,"source":"BOP 177","basis":"dedicated"},
                 {"partnerId":"cc-val","year":2025,"amountCents":5000000,"source":"budget","basis":"dedicated"}]
                """), french: ["[financement prévu à la fiche-action]", "40 000,00 €", "« BOP 177 »"]),
    RuleCase(name: "voted State credits without the action", rule: .stateSource, severity: .error,
             fixture: base.setting("commit-etat", "lines", #"[{"actionId":"A1","amountCents":4000000,"source":"BOP 304","basis":"dedicated"}]"#),
             french: ["[engagement voté]", "« BOP 304 »"]),
    RuleCase(name: "planned co-financing below half", rule: .cofinancing, severity: .error,
             fixture: base.setting("a1", "sheet.funding", """
                [{"partnerId":"etat","year":2025,"amountCents":4000000,"source":"BOP 304 action 23","basis":"dedicated"},
                 {"partnerId":"cc-val","year":2025,"amountCents":3000000,"source":"budget","basis":"dedicated"},
                 {"partnerId":"cd11","year":2025,"amountCents":750000,"source":"budget","basis":"dedicated"}]
                """),
             french: [
                "[financement prévu à la fiche-action]", "A1 « Maison des droits », année 2025", "apportent 37 500,00 €",
                "77 500,00 €", "48,3 %", "il manque 2 500,00 €", "valorisés à 15 000,00 €",
             ]),
    RuleCase(name: "voted co-financing below half", rule: .cofinancing, severity: .error,
             fixture: base.setting("commit-cd", "lines", #"[{"actionId":"A1","amountCents":500000,"source":"budget","basis":"dedicated"}]"#),
             french: ["[engagement voté]", "35 000,00 €", "il manque 5 000,00 €"]),
    RuleCase(name: "voted co-financing short while a co-financer has not voted: votes awaited", rule: .cofinancing, severity: .info,
             fixture: base.without("commit-cd"),
             french: ["[engagement voté]", "il manque 10 000,00 €", "Votes attendus pour 2025", "(cd11)"]),
    RuleCase(name: "voted co-financing still short once the year is over", rule: .cofinancing, severity: .error,
             fixture: base.without("commit-cd"), today: day("2026-01-05"), french: ["[engagement voté]", "il manque 10 000,00 €"]),
    RuleCase(name: "voted co-financing still short once every co-financer voted", rule: .cofinancing, severity: .error,
             fixture: base.setting("commit-cd", "outcome", #""rejected""#), french: ["[engagement voté]", "il manque 10 000,00 €"]),
    RuleCase(name: "ends more than 12 months after its start", rule: .stateWindow, severity: .error,
             fixture: base.setting("a1", "sheet.schedule.end", #""2026-07-31""#),
             french: ["finit le 31/07/2026", "plus de 12 mois", "au plus tard le 30/06/2026"]),
    RuleCase(name: "starts before entry into force", rule: .stateWindow, severity: .error,
             fixture: base.setting("a1", "sheet.schedule", #"{"start":"2025-04-01","end":"2026-03-31"}"#),
             french: ["démarre le 01/04/2025, avant l'entrée en vigueur de la convention le 05/05/2025"]),
    RuleCase(name: "starts outside year N", rule: .stateWindow, severity: .error,
             fixture: base.moving("commit-etat", to: "2026-01-15").setting("commit-etat", "year", "2026"),
             today: day("2026-02-01"), french: ["hors de l'année N = 2026"]),
    RuleCase(name: "ends after 31 December N+1", rule: .stateWindow, severity: .error,
             fixture: base.setting("a1", "sheet.schedule", #"{"start":"2025-12-15","end":"2027-01-10"}"#),
             french: ["après le 31/12/2026"]),
    RuleCase(name: "extension granted without amendment", rule: .extensionAmendment, severity: .error,
             fixture: base
                .adding("ext-req", .extensionRequested, "2026-02-01", #"{"actionId":"A1","currentEnd":"2026-06-30","requestedEnd":"2026-09-30","reason":"retard","requestedBy":"cc-val"}"#)
                .adding("ext-dec", .extensionDecided, "2026-02-15", #"{"request":"ext-req","decision":"granted","newEnd":"2026-09-30"}"#),
             today: day("2026-03-01"), french: ["ne nomme aucun avenant"]),
    RuleCase(name: "extension whose amendment is not in force", rule: .extensionAmendment, severity: .error,
             fixture: PactFixture.withAmendment.without("sign-etat-1"), today: PactFixture.amendmentToday,
             french: ["avenant n° 1", "pas en vigueur", "en signature depuis le 20/02/2026"]),
    RuleCase(name: "extension naming an amendment never proposed", rule: .extensionAmendment, severity: .error,
             fixture: PactFixture.withAmendment.setting("ext-dec", "amendment", "7"), today: PactFixture.amendmentToday,
             french: ["jamais été proposé"]),
    RuleCase(name: "sent for signature without submission", rule: .draftOrder, severity: .warning,
             fixture: base.without("submitted"), french: ["mise en signature le 03/03/2025 sans que le projet"]),
    RuleCase(name: "Commissioner not invited", rule: .draftOrder, severity: .warning,
             fixture: base.setting("presented", "commissionerInvited", "false"), french: ["commissaire"]),
    RuleCase(name: "submitted after the signature request", rule: .draftOrder, severity: .warning,
             fixture: base.moving("submitted", to: "2025-03-05"), french: ["avant la soumission du projet"]),
    RuleCase(name: "submitted before presented", rule: .draftOrder, severity: .warning,
             fixture: base.moving("presented", to: "2025-02-25"), french: ["avant d'être présenté"]),
    RuleCase(name: "signed before the vote", rule: .signAfterVote, severity: .error,
             fixture: base.moving("sign-cd", to: "2025-04-10"),
             french: ["Département de l'Aude (cd11) a signé la convention le 10/04/2025", "14/04/2025", "ne régularise pas"]),
    RuleCase(name: "signed with no vote at all", rule: .signAfterVote, severity: .error,
             fixture: base.without("vote-cc"), french: ["Aucune délibération favorable"]),
    RuleCase(name: "signed after a rejected vote", rule: .signAfterVote, severity: .error,
             fixture: base.setting("vote-cd", "outcome", #""rejected""#)),
    RuleCase(name: "State unsigned past the target", rule: .signingDelay, severity: .warning,
             fixture: base.without("sign-etat"), today: day("2025-10-01"),
             french: ["Préfecture de l'Aude (etat) n'a pas signé", "03/09/2025", "retard de 28 jours"]),
    RuleCase(name: "State unsigned inside the window", rule: .signingDelay, severity: .info,
             fixture: base.without("sign-etat"), today: day("2025-06-01"), french: ["d'ici le 03/09/2025", "94 jours restants"]),
    RuleCase(name: "no meeting in a past year", rule: .governanceYearly, severity: .error,
             fixture: base.without("copil-2025"), today: day("2026-02-01"), french: ["ne s'est pas réunie en 2025"]),
    RuleCase(name: "no meeting yet this year", rule: .governanceYearly, severity: .info,
             fixture: base, today: day("2026-02-01"), french: ["pas encore réunie en 2026"]),
    RuleCase(name: "annex 5 attached after submission", rule: .annexes, severity: .warning,
             fixture: base.moving("annex5", to: "2025-02-25"), french: ["L'annexe 5", "20/02/2025", "annexe 5 le 25/02/2025"]),
    RuleCase(name: "annexes 1 and 2 missing", rule: .annexes, severity: .warning,
             fixture: base.without("annex1", "annex2"), french: ["Les annexes 1 et 2"]),
    RuleCase(name: "no revision article", rule: .articles, severity: .error,
             fixture: base.removing("drafted", "revision"), french: ["révision"]),
    RuleCase(name: "no duration", rule: .articles, severity: .error,
             fixture: base.removing("drafted", "period"), french: ["durée"]),
    RuleCase(name: "no governance article", rule: .articles, severity: .error,
             fixture: base.removing("drafted", "governance"), french: ["gouvernance"]),
    RuleCase(name: "empty context", rule: .articles, severity: .error,
             fixture: base.setting("drafted", "context", #""  ""#), french: ["contexte"]),
    RuleCase(name: "no ambition", rule: .articles, severity: .error,
             fixture: base.removing("drafted", "ambition"), french: ["ambition"]),
    RuleCase(name: "a partner without commitment", rule: .articles, severity: .error,
             fixture: base
                .setting("a1", "sheet.partners", #"[{"partnerId":"cc-val","role":"porteur"},{"partnerId":"etat","role":"financeur"},{"partnerId":"cd11","role":"cofinanceur"}]"#)
                .removing("a1", "sheet.inKind"),
             french: ["CAF de l'Aude (caf11)"]),
]

/// Each case keeps its rule quiet although it looks close to a breach.
let quietCases: [RuleCase] = [
    RuleCase(name: "a partner joining by an amendment not yet in force", rule: .articles, severity: .error,
             fixture: base
                .adding("amend-1", .amendmentProposed, "2025-06-01", #"{"number":1,"purpose":"Adhésion de la MSA"}"#)
                .adding("join-msa", .partnerJoined, "2025-06-02",
                        #"{"partner":{"id":"msa11","name":"MSA Grand Sud","kind":"msa"},"via":"adhesion","amendment":1}"#)),
    RuleCase(name: "four priorities before submission", rule: .priorityCount, severity: .error,
             fixture: base.addingThreePriorities(), asOf: day("2025-02-15")),
    RuleCase(name: "three priorities", rule: .priorityCount, severity: .error,
             fixture: base.addingThreePriorities().adding("p4-out", .priorityWithdrawn, "2025-01-11", #"{"priorityId":"P4","reason":"fusion"}"#)),
    RuleCase(name: "local justification instead of a measure", rule: .domainMeasure, severity: .error, fixture: base),
    RuleCase(name: "waiver instead of an impact indicator", rule: .impact, severity: .error,
             fixture: base.removing("a1", "sheet.impact").setting("a1", "sheet.impactWaiver", #""Effet non mesurable""#)),
    RuleCase(name: "source written BOP304 - action 23 « Pacte des solidarités »", rule: .stateSource, severity: .error,
             fixture: base.setting("commit-etat", "lines", #"[{"actionId":"A1","amountCents":4000000,"source":"BOP304 - action 23 « Pacte des solidarités »","basis":"dedicated"}]"#)
                .setting("a1", "sheet.funding", """
                [{"partnerId":"etat","year":2025,"amountCents":4000000,"source":"bop 304, Action n° 23","basis":"dedicated"},
                 {"partnerId":"cc-val","year":2025,"amountCents":5000000,"source":"budget","basis":"dedicated"}]
                """)),
    RuleCase(name: "co-financing at exactly 50 %", rule: .cofinancing, severity: .error,
             fixture: base.setting("commit-cd", "lines", #"[{"actionId":"A1","amountCents":1000000,"source":"budget","basis":"dedicated"}]"#)),
    RuleCase(name: "a rejected State vote does not count", rule: .stateAnnual, severity: .error,
             fixture: base.adding("commit-etat-2", .commitmentVoted, "2025-06-01", """
                {"partnerId":"etat","year":2026,"body":"préfet","reference":"AP-X","outcome":"rejected","lines":[{"actionId":"A1","amountCents":100,"source":"autre","basis":"dedicated"}]}
                """)),
    RuleCase(name: "an extension granted by an amendment in force covers the new end", rule: .stateWindow, severity: .error,
             fixture: PactFixture.withAmendment, today: PactFixture.amendmentToday),
    RuleCase(name: "an extension carried by an amendment in force", rule: .extensionAmendment, severity: .error,
             fixture: PactFixture.withAmendment, today: PactFixture.amendmentToday),
    RuleCase(name: "a refused extension needs no amendment", rule: .extensionAmendment, severity: .error,
             fixture: base
                .adding("ext-req", .extensionRequested, "2026-02-01", #"{"actionId":"A1","currentEnd":"2026-06-30","requestedEnd":"2026-09-30","reason":"retard","requestedBy":"cc-val"}"#)
                .adding("ext-dec", .extensionDecided, "2026-02-15", #"{"request":"ext-req","decision":"refused"}"#),
             today: day("2026-03-01")),
    RuleCase(name: "presented and submitted the same day, in order", rule: .draftOrder, severity: .warning,
             fixture: base.moving("presented", to: "2025-02-20")),
    RuleCase(name: "voted the day it signed", rule: .signAfterVote, severity: .error,
             fixture: base.moving("vote-cd", to: "2025-04-20")),
    RuleCase(name: "no statutory body, no vote needed", rule: .signAfterVote, severity: .error,
             fixture: base.without("vote-cc").setting("drafted", "porteur", #"{"id":"cc-val","name":"Communauté de communes du Val","kind":"epci"}"#)),
    RuleCase(name: "a partner who withdrew is not awaited", rule: .signingDelay, severity: .warning,
             fixture: base.without("sign-etat").adding("etat-out", .partnerWithdrew, "2025-09-01", #"{"partnerId":"etat","reason":"retrait"}"#),
             today: day("2025-10-01")),
    RuleCase(name: "the year of a meeting", rule: .governanceYearly, severity: .error, fixture: base, today: day("2025-12-31")),
    RuleCase(name: "before entry into force", rule: .governanceYearly, severity: .info,
             fixture: base.without("copil-2025"), asOf: day("2025-05-01")),
    RuleCase(name: "an annex attached the day of submission", rule: .annexes, severity: .warning,
             fixture: base.moving("annex5", to: "2025-02-20")),
    RuleCase(name: "annexes are not judged before submission", rule: .annexes, severity: .warning,
             fixture: base.without("annex1"), asOf: day("2025-02-15")),
]

@Suite("Rule checks")
struct RuleCheckTests {
    @Test func baselineMeetsEveryRule() {
        let findings = RuleCheck.findings(events: PactFixture.baseline.events, today: PactFixture.today)
        #expect(findings.isEmpty, "\(findings.map { $0.ruleId + ": " + $0.message(in: .english) })")
    }

    @Test func amendedBaselineMeetsEveryRule() {
        let findings = RuleCheck.findings(events: PactFixture.withAmendment.events, today: day("2026-12-01"))
        #expect(findings.isEmpty, "\(findings.map { $0.ruleId + ": " + $0.message(in: .english) })")
    }

    @Test("Every rule has a firing case", arguments: Rule.allCases)
    func everyRuleHasAFiringCase(rule: Rule) {
        #expect((firingCases + structureFiringCases).contains { $0.rule == rule })
    }

    @Test("The rule fires", arguments: firingCases + structureFiringCases)
    func fires(_ situation: RuleCase) {
        let findings = situation.findings()
        #expect(findings.contains { $0.severity == situation.severity }, "\(findings.map(\.frenchMessage))")
        guard let finding = findings.first(where: { $0.severity == situation.severity }) else { return }
        for fragment in situation.french where !fragment.isEmpty {
            #expect(finding.frenchMessage.contains(fragment), "« \(fragment) » not in: \(finding.frenchMessage)")
        }
        #expect(!finding.englishMessage.isEmpty)
        #expect(!finding.seq.isEmpty)
        #expect(finding.seq.allSatisfy { $0 >= 1 && $0 <= situation.fixture.steps.count })
    }

    @Test("The rule stays quiet", arguments: quietCases + structureQuietCases)
    func staysQuiet(_ situation: RuleCase) {
        let findings = situation.findings()
        #expect(findings.isEmpty, "\(findings.map(\.frenchMessage))")
    }

    /// A shortfall in voted money while the votes are awaited is an info, never an error:
    /// the report made mid-signing does not call the pact in breach.
    @Test func votesAwaitedAreNoBreach() {
        let fixture = base.without("commit-cd")
        let findings = RuleCheck.findings(events: fixture.events, today: PactFixture.today).filter { $0.rule == .cofinancing }
        #expect(findings.map(\.severity) == [.info])
        let state = PactState(replaying: fixture.events)
        let voted = ActionFunding.all(in: state, judgedAt: PactFixture.today).filter { $0.money == .voted && $0.actionId == "A1" }
        #expect(voted.map(\.status) == [.awaitingVotes])
        #expect(voted.first?.awaitedPartnerIds == ["cd11"])
        #expect(voted.first?.othersShare == Share(3_000_000, of: 7_000_000))
    }

    @Test func findingsFollowTheTableOrder() {
        let fixture = base.removing("drafted", "revision").setting("p1", "sources", "[]").removing("a1", "sheet.measure")
        let findings = RuleCheck.findings(events: fixture.events, today: PactFixture.today)
        let order = findings.map { Rule.allCases.firstIndex(of: $0.rule)! }
        #expect(order == order.sorted())
        #expect(findings.map(\.rule) == [.priorityEvidence, .domainMeasure, .articles])
    }

    @Test func findingNamesTheEventsInvolved() {
        let fixture = base.moving("sign-cd", to: "2025-04-10")
        let finding = RuleCheck.findings(events: fixture.events, today: PactFixture.today).first { $0.rule == .signAfterVote }
        #expect(finding?.seq == [fixture.seq(of: "vote-cd"), fixture.seq(of: "sign-cd")].sorted())
    }

    @Test func checkIsJudgedAsOfADate() {
        // As of 2025-04-15 the State has not signed yet: inside the 6 months, an info.
        let findings = RuleCheck.findings(events: base.events, asOf: day("2025-04-15"), today: PactFixture.today)
        #expect(findings.contains { $0.rule == .signingDelay && $0.severity == .info })
        #expect(!findings.contains { $0.severity == .error })
    }

    @Test func findingsAsJSON() {
        let fixture = base.setting("p1", "sources", "[]")
        let findings = RuleCheck.findings(events: fixture.events, today: PactFixture.today)
        let text = JSONWriter.string(of: findings.jsonValue(in: .english))
        #expect(text.hasPrefix(#"[{"rule":"PRIO-EVIDENCE","severity":"warning","message":"Priority P1"#))
        #expect(text.hasSuffix(#","seq":[5]}]"#))
    }
}
