import PacteEvents
import PactTesting
import PacteProjections
import Testing

/// Every projection is O(n log n) or better in events, partners and members. Each test
/// runs a case of issue 9 at a size the old code could not fold within the suite's
/// 10-minute hang guard (the probe's release-build figures and growth rate are given for
/// each; a debug build is slower still). Nothing here is timed: speed is pacte-bench's.
@Suite("Projections at scale", .timeLimit(.minutes(10)))
struct ProjectionScaleTests {
    /// The baseline's first line (the pact, its porteur `cc-val`) then `events`.
    static func ledger(_ build: (inout LedgerBuilder) -> Void) -> [LedgerEvent] {
        var builder = LedgerBuilder()
        builder.add(.pactDrafted, "2025-01-06", PactFixture.baseline.steps[0].data)
        build(&builder)
        return builder.events
    }

    static func partnerJoined(_ id: String) -> JSONObject {
        JSONObject([
            JSONMember("partner", .object(JSONObject([
                JSONMember("id", .string(id)), JSONMember("name", .string("Association \(id)")),
                JSONMember("kind", .string("association")),
            ]))),
            JSONMember("via", .string("initial")),
        ])
    }

    /// A request to n partners then their n signatures: settling the entry into force
    /// scanned every partner for every signature (5,000 partners: 124 s, growing about as
    /// n³; 10,000 would take about 17 minutes).
    @Test func signaturesOfManyPartners() {
        let count = 10_000
        let ids = (0..<count).map { "p\($0)" }
        let events = Self.ledger { builder in
            for id in ids { builder.add(.partnerJoined, "2025-01-07", Self.partnerJoined(id)) }
            builder.add(.signatureRequested, "2025-02-01", JSONObject([
                JSONMember("document", .string("convention")), JSONMember("partners", .array((["cc-val"] + ids).map { JSONValue.string($0) })),
                JSONMember("targetMonths", .number(JSONNumber(6))),
            ]))
            for id in ["cc-val"] + ids {
                builder.add(.signatureReceived, "2025-03-01", JSONObject([
                    JSONMember("partnerId", .string(id)), JSONMember("document", .string("convention")),
                    JSONMember("signatory", .object(JSONObject([JSONMember("name", .string("S")), JSONMember("role", .string("R"))]))),
                ]))
            }
        }
        let today = day("2025-04-01")
        let state = PactState(events: events)
        #expect(state.inForceSince == day("2025-03-01"))
        #expect(state.status == .inForce)
        #expect(state.signing(of: .convention)?.requestedPartnerIds.count == count + 1)
        let timeline = SigningTimeline(events: events, today: today)
        #expect(timeline.documents.first?.partners.count == count + 1)
        let findings = RuleCheck.findings(events: events, today: today)
        #expect(!findings.contains { $0.rule == .signingDelay })
        let summary = PactSummary(events: events, today: today)
        #expect(summary.partnersSigned == count + 1)
        #expect(state.jsonValue.objectValue != nil)
        #expect(timeline.jsonValue.objectValue != nil)
    }

    /// n `partner.joined`: each searched the partner list (100,000: 36 s, quadratic;
    /// 300,000 would take about 5.4 minutes in a release build, well over 10 in debug).
    @Test func manyPartnersJoining() {
        let count = 300_000
        let events = Self.ledger { builder in
            for index in 0..<count { builder.add(.partnerJoined, "2025-01-07", Self.partnerJoined("p\(index)")) }
        }
        let state = PactState(events: events)
        #expect(state.partners.count == count + 1)
        #expect(state.partner("p\(count - 1)")?.partner.name == "Association p\(count - 1)")
    }

    /// n `action.amended` on one action: each revision was matched against every entry of
    /// the history (40,000: 95 s, quadratic; 120,000 would take about 14 minutes).
    @Test func manyAmendmentsOfOneAction() {
        let count = 120_000
        let events = Self.ledger { builder in
            builder.add(.actionAdded, "2025-01-07", JSONObject([
                JSONMember("sheet", .object(JSONObject([JSONMember("actionId", .string("A1")), JSONMember("title", .string("Action"))]))),
            ]))
            for index in 0..<count {
                builder.add(.actionAmended, "2025-01-08", JSONObject([
                    JSONMember("actionId", .string("A1")),
                    JSONMember("changes", .object(JSONObject([JSONMember("title", .string("Titre \(index)"))]))),
                    JSONMember("reason", .string("r")),
                ]))
            }
        }
        let history = AmendmentHistory(events: events)
        #expect(history.entries.filter { $0.kind == .actionAmended }.count == count)
        #expect(history.state.action("A1")?.sheet.title == "Titre \(count - 1)")
        #expect(history.entries.last?.changes.first?.after == .string("Titre \(count - 1)"))
    }

    /// n actions and n commitment votes, each naming one action: the funding of each
    /// action scanned every commitment, and the votes awaited every commitment again per
    /// sheet line. At 10,000 the old `ActionFunding.all` ran into this suite's 10-minute
    /// guard (debug build, loaded machine: 699 s); the one pass over the votes takes 1.5 s.
    @Test func fundingOfManyActionsAndVotes() {
        let count = 10_000
        let events = Self.ledger { builder in
            for index in 0..<count {
                builder.add(.actionAdded, "2025-01-07", JSONObject([
                    JSONMember("sheet", .object(JSONObject([
                        JSONMember("actionId", .string("A\(index)")), JSONMember("title", .string("Action \(index)")),
                        JSONMember("funding", .array([.object(JSONObject([
                            JSONMember("partnerId", .string("cc-val")), JSONMember("year", .number(JSONNumber(2025))),
                            JSONMember("amountCents", .number(JSONNumber(100))), JSONMember("source", .string("budget")),
                            JSONMember("basis", .string("dedicated")),
                        ]))])),
                    ]))),
                ]))
            }
            for index in 0..<count {
                builder.add(.commitmentVoted, "2025-03-20", JSONObject([
                    JSONMember("partnerId", .string("cc-val")), JSONMember("year", .number(JSONNumber(2025))),
                    JSONMember("body", .string("conseil")), JSONMember("reference", .string("D-\(index)")),
                    JSONMember("outcome", .string("adopted")),
                    JSONMember("lines", .array([.object(JSONObject([
                        JSONMember("actionId", .string("A\(index)")), JSONMember("amountCents", .number(JSONNumber(100))),
                        JSONMember("source", .string("budget")), JSONMember("basis", .string("dedicated")),
                    ]))])),
                ]))
            }
        }
        let state = PactState(events: events)
        let fundings = ActionFunding.all(in: state, judgedAt: day("2025-12-01"))
        #expect(fundings.count == 2 * count)
        #expect(fundings.filter { $0.money == .voted }.allSatisfy { $0.otherCashCents == 100 && $0.seq.count == 1 })
        #expect(fundings.last?.actionId == "A\(count - 1)")
    }
}
