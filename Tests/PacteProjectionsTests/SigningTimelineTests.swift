import PacteEvents
import PactTesting
import PacteProjections
import Testing

@Suite("Signing timeline")
struct SigningTimelineTests {
    func progress(_ fixture: PactFixture, today: String) -> [String: SigningTimeline.PartnerProgress] {
        let timeline = SigningTimeline(events: fixture.events, today: day(today))
        let convention = timeline.documents.first { $0.document == .convention }!
        return Dictionary(uniqueKeysWithValues: convention.partners.map { ($0.partnerId, $0) })
    }

    @Test func signedPartnersWithDaysSinceDayZero() {
        let partners = progress(PactFixture.baseline, today: "2025-12-01")
        #expect(partners["cc-val"]?.state == .signed)
        #expect(partners["cc-val"]?.voteDate == day("2025-03-20"))
        #expect(partners["cc-val"]?.voteDays == 17)
        #expect(partners["cc-val"]?.signatureDays == 22)
        #expect(partners["etat"]?.needsVote == false)
    }

    @Test func eachWaitingState() {
        let fixture = PactFixture.baseline.without("sign-cd", "vote-cd", "commit-cd", "sign-etat")
        let early = progress(fixture, today: "2025-04-01")
        #expect(early["cd11"]?.state == .awaitingVote)
        #expect(early["etat"]?.state == .awaitingSignature)
        #expect(early["caf11"]?.state == .signed)

        let voted = progress(PactFixture.baseline.without("sign-cd"), today: "2025-04-16")
        #expect(voted["cd11"]?.state == .votedAwaitingSignature)

        let late = progress(fixture, today: "2025-09-04")
        #expect(late["cd11"]?.state == .late)
        #expect(late["etat"]?.state == .late)
        #expect(late["cc-val"]?.state == .signed)
        // The target day itself is not late yet.
        #expect(progress(fixture, today: "2025-09-03")["etat"]?.state == .awaitingSignature)
    }

    @Test func projectedAndActualEntryIntoForce() {
        let pending = SigningTimeline(events: PactFixture.baseline.without("sign-etat").events, today: day("2025-06-01"))
        let convention = pending.documents[0]
        #expect(convention.requestedOn == day("2025-03-03"))
        #expect(convention.targetDate == day("2025-09-03"))
        #expect(convention.isProjected)
        #expect(convention.entryIntoForce == day("2025-09-03"))

        let done = SigningTimeline(events: PactFixture.baseline.events, today: day("2025-06-01"))
        #expect(done.documents[0].entryIntoForce == day("2025-05-05"))
        #expect(!done.documents[0].isProjected)
    }

    @Test func amendmentsFollowTheSamePath() {
        let timeline = SigningTimeline(events: PactFixture.withAmendment.events, asOf: day("2026-03-25"), today: day("2026-05-01"))
        let amendment = timeline.documents.first { $0.document == .amendment(1) }
        #expect(amendment?.requestedOn == day("2026-02-20"))
        #expect(amendment?.targetDate == day("2026-08-20"))
        #expect(amendment?.partners.first { $0.partnerId == "etat" }?.state == .awaitingSignature)
        #expect(amendment?.partners.first { $0.partnerId == "cd11" }?.state == .signed)
    }

    @Test func stateFundedActionLimits() {
        let timeline = SigningTimeline(events: PactFixture.withAmendment.events, today: day("2026-05-01"))
        #expect(timeline.stateFundedActions.count == 1)
        let window = timeline.stateFundedActions[0]
        #expect(window.actionId == "A1")
        #expect(window.year == 2025)
        #expect(window.basis == .voted)
        #expect(window.twelveMonthLimit == day("2026-06-30"))
        #expect(window.yearLimit == day("2026-12-31"))
        #expect(window.endLimit == day("2026-06-30"))
        #expect(window.end == day("2026-09-30"))
        #expect(window.extendedEnd == day("2026-09-30"))
        #expect(window.endIsWithinLimits)
        #expect(window.extensions.count == 1)
    }

    @Test("12 months from the start, end inclusive", arguments: [
        ("2025-03-01", "2026-02-28"), ("2025-01-31", "2026-01-30"), ("2025-12-15", "2026-12-14"),
    ])
    func twelveMonthLimit(start: String, limit: String) {
        #expect(day(start).adding(months: 12).adding(days: -1) == day(limit))
    }

    @Test func governanceYearsFromEntryIntoForce() {
        let timeline = SigningTimeline(events: PactFixture.baseline.events, today: day("2027-03-01"))
        #expect(timeline.governanceYears.map(\.year) == [2025, 2026, 2027])
        #expect(timeline.governanceYears.map(\.status) == [.held, .missing, .due])
    }
}
