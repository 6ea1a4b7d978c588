import PacteEvents
import PactTesting
import PacteProjections
import Testing

@Suite("The pact as of a date")
struct PactStateTests {
    @Test func statusMovesForwardWithItsDates() {
        let events = PactFixture.baseline.events
        let expectations: [(String, PactStatus, String)] = [
            ("2025-01-31", .drafted, "2025-01-06"), ("2025-02-10", .presented, "2025-02-10"),
            ("2025-02-25", .submitted, "2025-02-20"), ("2025-03-02", .validated, "2025-03-01"),
            ("2025-05-04", .inSignature, "2025-03-03"), ("2025-05-05", .inForce, "2025-05-05"),
        ]
        for (asOf, status, since) in expectations {
            let state = PactState(events: events, asOf: day(asOf))
            #expect(state.status == status, "as of \(asOf)")
            #expect(state.statusSince == day(since), "as of \(asOf)")
        }
        #expect(PactState(events: events, asOf: day("2025-01-01")).status == nil)
    }

    @Test func closedPact() {
        let fixture = PactFixture.baseline.adding("close", .pactClosed, "2027-12-31", #"{"reason":"term","summary":"Fin"}"#)
        let state = PactState(events: fixture.events)
        #expect(state.status == .closed)
        #expect(state.closure?.reason == .term)
    }

    @Test func porteurIsAPartner() {
        let state = PactState(events: PactFixture.baseline.events)
        #expect(state.partners.first?.id == "cc-val")
        #expect(state.partners.first?.entry == .porteur)
        #expect(state.partners.map(\.id) == ["cc-val", "etat", "cd11", "caf11"])
        #expect(state.statePartnerIds == ["etat"])
    }

    @Test func entryIntoForceIgnoresPartnersWhoWithdrewBeforeSigning() {
        let fixture = PactFixture.baseline.without("sign-etat")
            .adding("etat-out", .partnerWithdrew, "2025-06-01", #"{"partnerId":"etat","reason":"désengagement"}"#)
        #expect(PactState(events: fixture.events, asOf: day("2025-05-31")).inForceSince == nil)
        let state = PactState(events: fixture.events)
        // The last signature among the others: the département's, 2025-04-20.
        #expect(state.inForceSince == day("2025-04-20"))
        #expect(state.partner("etat")?.isWithdrawn == true)
    }

    @Test func notInForceWhileAPartnerHasNotSigned() {
        let state = PactState(events: PactFixture.baseline.without("sign-caf").events)
        #expect(state.inForceSince == nil)
        #expect(state.status == .inSignature)
    }

    @Test func prioritiesAreReplacedAndWithdrawn() {
        let fixture = PactFixture.baseline
            .adding("p1-bis", .prioritySet, "2025-02-01", #"{"priorityId":"P1","title":"Accès aux droits et aux soins","sources":["DREES"],"publics":["youth"]}"#)
            .adding("p2", .prioritySet, "2025-02-01", #"{"priorityId":"P2","title":"Jeunes","publics":["youth"]}"#)
            .adding("p2-out", .priorityWithdrawn, "2025-02-02", #"{"priorityId":"P2","reason":"fusion avec P1"}"#)
        let state = PactState(events: fixture.events)
        #expect(state.priorities.map(\.id) == ["P1"])
        #expect(state.priorities[0].priority.title == "Accès aux droits et aux soins")
        #expect(state.priorities[0].firstSetOn == day("2025-01-10"))
        #expect(state.withdrawnPriorities.map(\.id) == ["P2"])
        #expect(state.withdrawnPriorities[0].withdrawal?.reason == "fusion avec P1")
    }

    @Test func pendingAmendmentChangesWaitForEntryIntoForce() {
        let events = PactFixture.withAmendment.events
        let before = PactState(events: events, asOf: day("2026-04-01"))
        #expect(before.action("A1")?.sheet.schedule?.end == day("2026-06-30"))
        #expect(before.pendingChanges.map(\.actionId) == ["A1"])
        #expect(before.amendmentStage(1) == .inSignature)
        #expect(before.extendedEnd(ofAction: "A1") == nil)

        let after = PactState(events: events, asOf: day("2026-04-02"))
        #expect(after.action("A1")?.sheet.schedule?.end == day("2026-09-30"))
        #expect(after.pendingChanges.isEmpty)
        #expect(after.amendmentStage(1) == .inForce(since: day("2026-04-02")))
        let revision = after.action("A1")?.revisions.last
        #expect(revision?.amendment == 1)
        #expect(revision?.appliedOn == day("2026-04-02"))
        #expect(revision?.changes.map(\.member) == ["schedule"])
        #expect(after.extendedEnd(ofAction: "A1") == day("2026-09-30"))
        // The convention's status is not moved by an amendment.
        #expect(after.status == .inForce)
        #expect(after.inForceSince == day("2025-05-05"))
    }

    @Test func changeRecordedAfterTheAmendmentIsInForceAppliesAtOnce() {
        let fixture = PactFixture.withAmendment.adding("a2-amend", .actionAmended, "2026-04-10", """
            {"actionId":"A2","changes":{"title":"Participation des habitants du Val"},"reason":"précision","amendment":1}
            """)
        let state = PactState(events: fixture.events)
        #expect(state.action("A2")?.sheet.title == "Participation des habitants du Val")
        #expect(state.action("A2")?.revisions.last?.appliedOn == day("2026-04-10"))
    }

    @Test func amendmentWithoutNumberAppliesFromItsDate() {
        let fixture = PactFixture.baseline.adding("a2-amend", .actionAmended, "2025-11-15", """
            {"actionId":"A2","changes":{"perimeter":"Val et Haut-Val"},"reason":"comité de pilotage"}
            """)
        #expect(PactState(events: fixture.events, asOf: day("2025-11-14")).action("A2")?.sheet.perimeter == "Communes du Val")
        #expect(PactState(events: fixture.events).action("A2")?.sheet.perimeter == "Val et Haut-Val")
    }

    @Test func commitmentsKeepEveryOutcomeButOnlyAdoptedCount() {
        let fixture = PactFixture.baseline.adding("commit-caf", .commitmentVoted, "2025-06-01", """
            {"partnerId":"caf11","year":2025,"body":"conseil d'administration","reference":"CA-9","outcome":"deferred",
             "lines":[{"actionId":"A1","amountCents":999900,"source":"fonds locaux","basis":"dedicated"}],
             "inKind":[{"actionId":"A1","description":"agents","valuationCents":1500000}]}
            """)
        let state = PactState(events: fixture.events)
        #expect(state.commitments.count == 4)
        #expect(state.commitments.last?.isAdopted == false)
        let totals = state.totals
        #expect(totals.voted.cashCents == 10_000_000)
        #expect(totals.voted.inKindCents == 0)
        #expect(totals.votedByPartner["etat"]?.dedicatedCents == 4_000_000)
        #expect(totals.votedByAction["A1"]?.cashCents == 9_000_000)
        #expect(totals.votedByYear[2025]?.commonLawContractedCents == 2_000_000)
        #expect(totals.planned.cashCents == 10_000_000)
        #expect(totals.planned.inKindCents == 1_500_000)
        #expect(totals.votedByPartner["caf11"] == nil)
        #expect(totals.votedDetails.map { "\($0.partnerId)/\($0.year)/\($0.actionId)" } == ["cc-val/2025/A1", "cc-val/2025/A2", "cd11/2025/A1", "etat/2025/A1"])
        #expect(totals.votedDetails.last?.sources == ["BOP 304 action 23"])
        #expect(totals.votedDetails.last?.amounts.dedicatedCents == 4_000_000)
    }

    @Test func extensionsAndTheirDecisions() {
        let state = PactState(events: PactFixture.withAmendment.events)
        #expect(state.extensions.count == 1)
        #expect(state.extensions[0].isGranted)
        #expect(state.extensions[0].grantedEnd == day("2026-09-30"))
        #expect(state.extensions[0].decision?.amendment == 1)
    }

    @Test func governanceAnnexesAndDraft() {
        let state = PactState(events: PactFixture.baseline.events)
        #expect(state.governanceMeetings.map(\.date) == [day("2025-11-15")])
        #expect(state.annexes.map(\.number) == [1, 2, 3, 4, 5])
        #expect(state.draft.presentedOn == day("2025-02-10"))
        #expect(state.draft.submittedOn == day("2025-02-20"))
        #expect(state.draft.validatedOn == day("2025-03-01"))
    }

    @Test func adhesionCarriedByAnAmendment() {
        let fixture = PactFixture.withAmendment.adding("join-ccas", .partnerJoined, "2026-02-01", """
            {"partner":{"id":"ccas","name":"CCAS de Val","kind":"ccas"},"via":"adhesion","amendment":1}
            """)
        let state = PactState(events: fixture.events)
        #expect(state.partner("ccas")?.entry == .adhesion)
        #expect(state.partner("ccas")?.amendment == 1)
    }
}
