import PacteEvents
import PactTesting
import PacteProjections
import Testing

private let base = PactFixture.baseline

@Suite("Rule checks: structure and order")
struct StructureRuleCheckTests {
    /// A signature put right by a new one is no longer an error, and the first signature
    /// still dates the entry into force.
    @Test func aSignaturePutRightIsNoError() {
        let fixture = base.moving("vote-cd", to: "2025-05-12").moving("sign-cd", to: "2025-05-10")
            .adding("sign-cd-2", .signatureReceived, "2025-05-15", #"{"partnerId":"cd11","document":"convention","signatory":{"name":"Hélène Blanc","role":"Présidente"}}"#)
        let findings = RuleCheck.findings(events: fixture.events, today: PactFixture.today).filter { $0.rule == .signAfterVote }
        #expect(findings.map(\.severity) == [.info])
        #expect(PactState(events: fixture.events).inForceSince == day("2025-05-10"))
        // Without the new signature, the same facts are an error.
        let unrepaired = RuleCheck.findings(events: fixture.without("sign-cd-2").events, today: PactFixture.today)
        #expect(unrepaired.filter { $0.rule == .signAfterVote }.map(\.severity) == [.error])
    }

    /// A pact closed at term is judged for its last year only once closed: before, the
    /// year is the current one (an info).
    @Test func theLastYearIsJudgedOnceClosed() {
        let fixture = base.adding("closed", .pactClosed, "2026-12-31", #"{"reason":"term","summary":"terme"}"#)
        let before = RuleCheck.findings(events: fixture.events, asOf: day("2026-12-30"), today: day("2027-02-01"))
        #expect(before.filter { $0.rule == .governanceYearly }.map(\.severity) == [.info])
    }
}
