import PacteEvents
import PactTesting
import PacteProjections
import Testing

private let base = PactFixture.baseline

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
