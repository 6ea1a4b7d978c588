import PacteEvents
import PactTesting
import PacteProjections
import Testing

/// `action.added` v2 with `amendment`: the action waits until its avenant is in force,
/// is shown as pending, is judged by no rule until then, and `history` names the avenant.
struct PendingActionTests {
    /// Amendment 1 (in force on 2026-04-02) also adds action A3, recorded on 2026-02-16.
    static let fixture = PactFixture.withAmendment.adding("a3", .actionAdded, "2026-02-16", """
        {"sheet":{"actionId":"A3","priorityId":"P1","title":"Aide aux devoirs"},"amendment":1}
        """)

    @Test func theActionWaitsForItsAmendment() throws {
        let before = PactState(events: Self.fixture.events, asOf: day("2026-03-01"))
        #expect(before.action("A3") == nil)
        #expect(before.pendingActions.map(\.id) == ["A3"])
        #expect(before.pendingActions.first?.amendment == 1)

        let after = PactState(events: Self.fixture.events, asOf: day("2026-04-02"))
        let action = try #require(after.action("A3"))
        #expect(action.addedOn == day("2026-04-02"))
        #expect(action.amendment == 1)
        #expect(after.pendingActions.isEmpty)
    }

    @Test func anActionAddedWithAnAmendmentAlreadyInForceTakesEffectAtOnce() throws {
        let fixture = PactFixture.withAmendment.adding("a3", .actionAdded, "2026-05-01", """
            {"sheet":{"actionId":"A3","priorityId":"P1","title":"Aide aux devoirs"},"amendment":1}
            """)
        let state = PactState(events: fixture.events)
        #expect(try #require(state.action("A3")).addedOn == day("2026-05-01"))
    }

    /// A pending action's incomplete sheet is judged by no rule; once in force it is.
    @Test func aPendingActionIsJudgedByNoRuleUntilInForce() {
        let pending = RuleCheck.findings(events: Self.fixture.events, asOf: day("2026-03-01"), today: day("2026-12-01"))
        #expect(!pending.contains { $0.message(in: .english).contains("A3") })
        let inForce = RuleCheck.findings(events: Self.fixture.events, asOf: day("2026-04-02"), today: day("2026-12-01"))
        #expect(inForce.contains { $0.rule == .sheetComplete && $0.message(in: .english).contains("A3") })
    }

    @Test func historyShowsTheAmendmentThatCarriedIt() throws {
        let history = AmendmentHistory(events: Self.fixture.events)
        let entry = try #require(history.entries.first { $0.kind == .actionAdded && $0.actionId == "A3" })
        #expect(entry.amendment == 1)
        #expect(entry.appliesFrom == day("2026-04-02"))
        #expect(!entry.isPending)
        let earlier = AmendmentHistory(events: Self.fixture.events, asOf: day("2026-03-01"))
        let waiting = try #require(earlier.entries.first { $0.kind == .actionAdded && $0.actionId == "A3" })
        #expect(waiting.isPending)
        #expect(waiting.appliesFrom == nil)
    }

    @Test func aV1LineIsNotPending() {
        // The same action without amendment (v1): in force from its own date.
        let fixture = PactFixture.withAmendment.adding("a3", .actionAdded, "2026-02-16", """
            {"sheet":{"actionId":"A3","priorityId":"P1","title":"Aide aux devoirs"}}
            """)
        #expect(PactState(events: fixture.events, asOf: day("2026-03-01")).action("A3") != nil)
        #expect(fixture.events.last?.version == 1)
        #expect(Self.fixture.events.last?.version == 2)
    }
}
