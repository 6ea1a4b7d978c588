import PacteEvents
import PactTesting
import PacteProjections
import Testing

/// The baseline with the State's signature missing (awaited until 2025-09-03).
private let stateUnsigned = PactFixture.baseline.without("sign-etat")

@Suite("Rule checks: boundaries")
struct BoundaryRuleCheckTests {
    @Test("The rule fires at its edge", arguments: boundaryFiringCases)
    func fires(_ situation: RuleCase) {
        let findings = situation.findings()
        // Exactly the severity named: on the target day an info, never a warning as well.
        #expect(Set(findings.map(\.severity)) == [situation.severity], "\(findings.map(\.frenchMessage))")
        for finding in findings {
            for fragment in situation.french {
                #expect(finding.frenchMessage.contains(fragment), "« \(fragment) » not in: \(finding.frenchMessage)")
            }
        }
    }

    @Test("The rule stays quiet at its edge", arguments: boundaryQuietCases)
    func staysQuiet(_ situation: RuleCase) {
        let findings = situation.findings()
        #expect(findings.isEmpty, "\(findings.map(\.frenchMessage))")
    }

    /// The timeline agrees with the rule: not late on the target day, late the day after,
    /// whatever the target; and an as-of after today is judged at today.
    @Test(arguments: [(nil, "2025-09-03"), (4, "2025-07-03"), (6, "2025-09-03"), (8, "2025-11-03")] as [(Int?, String)])
    func timelineTargetDay(months: Int?, target: String) {
        var fixture = stateUnsigned
        if let months { fixture = fixture.setting("request", "targetMonths", String(months)) }
        if months == nil { fixture = fixture.removing("request", "targetMonths") }
        let targetDay = day(target)
        func stateOfTheState(on today: CivilDate) -> SigningTimeline.PartnerState? {
            SigningTimeline(events: fixture.events, today: today).documents.first?.partners.first { $0.partnerId == "etat" }?.state
        }
        let timeline = SigningTimeline(events: fixture.events, today: targetDay)
        #expect(timeline.documents.first?.targetMonths == (months ?? 6))
        #expect(timeline.documents.first?.targetDate == targetDay)
        #expect(stateOfTheState(on: targetDay) != .late)
        #expect(stateOfTheState(on: targetDay.adding(days: 1)) == .late)
    }

    @Test func anAsOfAfterTodayIsJudgedAtToday() {
        let view = LedgerView(events: stateUnsigned.events, asOf: day("2025-12-01"))
        #expect(view.judgementDate(today: day("2025-06-01")) == day("2025-06-01"))
        #expect(view.judgementDate(today: day("2026-01-01")) == day("2025-12-01"))
        let timeline = SigningTimeline(events: stateUnsigned.events, asOf: day("2025-12-01"), today: day("2025-06-01"))
        #expect(timeline.today == day("2025-06-01"))
        #expect(timeline.documents.first?.partners.first { $0.partnerId == "etat" }?.state != .late)
    }

    /// The extension counts from the day its amendment is in force, not before.
    @Test func theExtendedEndWaitsForTheAmendment() {
        let before = PactState(replaying: LedgerView(events: PactFixture.withAmendment.events, asOf: day("2026-04-01")).events)
        let after = PactState(replaying: LedgerView(events: PactFixture.withAmendment.events, asOf: day("2026-04-02")).events)
        #expect(before.extendedEnd(ofAction: "A1") == nil)
        #expect(after.extendedEnd(ofAction: "A1") == day("2026-09-30"))
    }
}
