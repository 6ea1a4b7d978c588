import PacteEvents
import PactTesting
import PacteProjections
import Testing

/// Folding while reading (``StreamedView``, two passes) gives the state the in-memory
/// view gives, corrections, `asOf` and `knownAt` included.
@Suite("Folding while reading")
struct StreamedViewTests {
    static let ledgers: [(String, [LedgerEvent])] = [
        ("baseline", PactFixture.baseline.events),
        ("amendment", PactFixture.withAmendment.events),
        ("corrected amount", LedgerViewTests.correctedAmount.events),
        ("retracted signature", LedgerViewTests.retractedSignature.events),
        ("correction of a correction", LedgerViewTests.retractedSignature.adding(
            "undo", .correctionRecorded, "2025-06-20", recorded: "2025-06-20T09:00:00Z",
            #"{"target":"retract-etat","reason":"La signature était valable","replacement":null}"#).events),
    ]

    static let moments: [(CivilDate?, Timestamp?)] = [
        (nil, nil), (day("2025-05-04"), nil), (nil, Timestamp("2025-06-12T00:00:00Z")),
        (day("2026-03-01"), Timestamp("2025-06-16T00:00:00Z")),
    ]

    /// The two passes over `events`, as the CLI makes them over the file.
    static func streamedState(_ events: [LedgerEvent], asOf: CivilDate?, knownAt: Timestamp?) -> PactState? {
        var survey = StreamedView.Survey(asOf: asOf, knownAt: knownAt)
        for event in events { survey.note(event) }
        guard survey.isInValidTimeOrder else { return nil }
        let view = StreamedView(survey: survey) { id in events.first { $0.id.hasSameBytes(as: id) }?.type }
        var state = PactState()
        for event in events {
            if let event = view.event(event) { state.apply(event) }
        }
        return state
    }

    @Test(arguments: ledgers.indices)
    func sameStateAsTheViewInMemory(ledger: Int) {
        let (name, events) = Self.ledgers[ledger]
        for (asOf, knownAt) in Self.moments {
            let expected = PactState(events: events, asOf: asOf, knownAt: knownAt)
            guard let streamed = Self.streamedState(events, asOf: asOf, knownAt: knownAt) else {
                // Out of valid-time order: the CLI reads such a ledger into memory instead.
                continue
            }
            #expect(streamed == expected, "\(name) as of \(asOf?.description ?? "-") known at \(knownAt?.description ?? "-")")
        }
    }

    @Test func eventsOutOfValidTimeOrderAreLeftToTheViewInMemory() {
        #expect(Self.streamedState(LedgerViewTests.lateVoteLedger(), asOf: nil, knownAt: nil) == nil)
        // Known before the late vote was recorded, the rest is in order.
        #expect(Self.streamedState(LedgerViewTests.lateVoteLedger(), asOf: nil, knownAt: Timestamp("2025-04-01T00:00:00Z")) != nil)
    }

    @Test func linesAppendedAfterTheSurveyWait() {
        let events = PactFixture.baseline.events
        var survey = StreamedView.Survey()
        for event in events.dropLast() { survey.note(event) }
        let view = StreamedView(survey: survey) { _ in nil }
        #expect(view.event(events[events.count - 1]) == nil)
        #expect(view.event(events[0]) != nil)
    }
}
