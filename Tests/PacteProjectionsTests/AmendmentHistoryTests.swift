import PacteEvents
import PactTesting
import PacteProjections
import Testing

@Suite("Amendment history")
struct AmendmentHistoryTests {
    @Test func amendedSheetFieldByField() {
        let history = AmendmentHistory(events: PactFixture.withAmendment.events)
        let entry = history.entries.first { $0.kind == .actionAmended && $0.actionId == "A1" }
        #expect(entry?.amendment == 1)
        #expect(entry?.appliesFrom == day("2026-04-02"))
        #expect(entry?.isPending == false)
        #expect(entry?.source.effective == day("2026-02-15"))
        #expect(entry?.source.recordedBy == "agent-test")
        #expect(entry?.reason == "Prorogation accordée")
        #expect(entry?.changes.count == 1)
        #expect(entry?.changes.first?.member == "schedule")
        #expect(entry?.changes.first?.beforeText == #"{"start":"2025-07-01","end":"2026-06-30","milestones":[]}"#)
        #expect(entry?.changes.first?.afterText == #"{"start":"2025-07-01","end":"2026-09-30"}"#)
    }

    @Test func pendingChangeBeforeTheAmendmentIsInForce() {
        let history = AmendmentHistory(events: PactFixture.withAmendment.events, asOf: day("2026-03-25"))
        let entry = history.entries.first { $0.kind == .actionAmended && $0.actionId == "A1" }
        #expect(entry?.isPending == true)
        #expect(entry?.appliesFrom == nil)
        #expect(!history.entries.contains { $0.kind == .amendmentInForce })
    }

    @Test func extensionsAndTheirOutcome() {
        let history = AmendmentHistory(events: PactFixture.withAmendment.events)
        let request = history.entries.first { $0.kind == .extensionRequested }
        let decision = history.entries.first { $0.kind == .extensionDecided }
        #expect(request?.reason == "Retard des travaux")
        #expect(request?.isPending == false)
        #expect(decision?.note == "granted")
        #expect(decision?.amendment == 1)
        #expect(decision?.appliesFrom == day("2026-04-02"))
        #expect(history.entries.contains { $0.kind == .amendmentInForce && $0.amendment == 1 && $0.appliesFrom == day("2026-04-02") })
    }

    @Test func changeCarriedByAGovernanceMeeting() {
        let fixture = PactFixture.baseline.adding("a2-amend", .actionAmended, "2025-11-15", """
            {"actionId":"A2","changes":{"perimeter":"Val et Haut-Val"},"reason":"revue annuelle"}
            """)
        let history = AmendmentHistory(events: fixture.events)
        let entry = history.entries.first { $0.kind == .actionAmended }
        #expect(entry?.governanceMeeting?.seq == fixture.seq(of: "copil-2025"))
        #expect(entry?.changes == [FieldChange(member: "perimeter", before: .string("Communes du Val"), after: .string("Val et Haut-Val"))])
    }

    @Test func priorityReplacedFieldByField() {
        let fixture = PactFixture.baseline.adding("p1-bis", .prioritySet, "2025-02-01", """
            {"priorityId":"P1","title":"Accès aux droits","rationale":"Non-recours élevé au RSA.","sources":["INSEE 2023","CAF 2024"],"publics":["single-parent-families","youth"]}
            """)
        let entry = AmendmentHistory(events: fixture.events).entries.last { $0.kind == .prioritySet }
        #expect(entry?.note == "replaced")
        #expect(entry?.changes.map(\.member) == ["sources"])
    }

    @Test func filteredByActionAndDate() {
        let history = AmendmentHistory(events: PactFixture.withAmendment.events)
        let a2 = history.filtered(actionId: "A2")
        #expect(a2.entries.allSatisfy { $0.actionId == "A2" })
        #expect(a2.entries.map(\.kind) == [.actionAdded])
        let recent = history.filtered(actionId: "A1", since: day("2026-01-01"))
        #expect(recent.entries.map(\.kind) == [.extensionRequested, .extensionDecided, .actionAmended])
    }

    @Test func correctionsInTheAudit() {
        let history = AmendmentHistory(events: LedgerViewTests.correctedAmount.events)
        #expect(history.corrections.count == 1)
        #expect(history.filtered(actionId: "A1").corrections.count == 1)
        #expect(history.filtered(actionId: "A2").corrections.isEmpty)
        let json = JSONWriter.string(of: history.corrections[0].jsonValue)
        #expect(json.contains(#""reason":"Montant erroné dans la délibération saisie""#))
        #expect(json.contains(#""status":"applied","retraction":false"#))
        #expect(json.contains(#""changes":[{"member":"lines""#))
    }
}
