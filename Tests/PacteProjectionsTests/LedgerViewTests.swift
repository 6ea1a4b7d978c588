import PacteEvents
import PactTesting
import PacteProjections
import Testing

@Suite("Bitemporal selection and corrections")
struct LedgerViewTests {
    /// A vote held on 2025-03-10 but recorded on 2025-04-02, after a signature of
    /// 2025-03-20 recorded on 2025-03-21.
    static func lateVoteLedger() -> [LedgerEvent] {
        lateVoteBuilder().events
    }

    static func lateVoteBuilder() -> LedgerBuilder {
        var builder = LedgerBuilder()
        builder.add(.pactDrafted, "2025-01-06", recorded: "2025-01-06T10:00:00Z", """
            {"pactId":"p","title":"Pacte","territory":{"name":"Val"},
             "porteur":{"id":"cc-val","name":"CC du Val","kind":"epci","statutoryBody":"conseil communautaire"}}
            """)
        builder.add(.signatureRequested, "2025-03-01", recorded: "2025-03-01T10:00:00Z", #"{"document":"convention","partners":["cc-val"]}"#)
        builder.add(.signatureReceived, "2025-03-20", recorded: "2025-03-21T10:00:00Z", #"{"partnerId":"cc-val","document":"convention","signatory":{"name":"J","role":"Présidente"}}"#)
        builder.add(.approvalVoted, "2025-03-10", recorded: "2025-04-02T08:00:00Z", """
            {"partnerId":"cc-val","document":"convention","body":"conseil communautaire","reference":"DEL-1","outcome":"adopted"}
            """)
        return builder
    }

    @Test func lateVoteCountsForItsEffectiveDate() {
        let events = Self.lateVoteLedger()
        let state = PactState(events: events, asOf: day("2025-03-15"))
        #expect(state.signing(of: .convention)?.adoptedVote(of: "cc-val")?.date == day("2025-03-10"))
        #expect(state.signing(of: .convention)?.signature(of: "cc-val") == nil)
        #expect(state.status == .inSignature)
    }

    @Test func knownAtBeforeTheRecordingHidesTheVote() {
        let events = Self.lateVoteLedger()
        let before = PactState(events: events, asOf: day("2025-03-15"), knownAt: Timestamp("2025-04-01T00:00:00Z"))
        #expect(before.signing(of: .convention)?.votes.isEmpty == true)
        let after = PactState(events: events, asOf: day("2025-03-15"), knownAt: Timestamp("2025-04-02T08:00:00Z"))
        #expect(after.signing(of: .convention)?.adoptedVote(of: "cc-val") != nil)
    }

    @Test func viewOrdersByEffectiveThenSeq() {
        let view = LedgerView(events: Self.lateVoteLedger())
        #expect(view.events.map(\.seq) == [1, 2, 4, 3])
        #expect(view.knownEvents.map(\.seq) == [1, 2, 3, 4])
    }

    /// The late vote (seq 4) corrected (seq 5): the view reads it with its replacement, in
    /// its place in valid time, without the correction event.
    static func correctedLateVoteLedger() -> [LedgerEvent] {
        var builder = lateVoteBuilder()
        builder.add(.correctionRecorded, "2025-04-03", recorded: "2025-04-03T08:00:00Z", """
            {"target":"e4","reason":"Référence erronée","replacement":
             {"partnerId":"cc-val","document":"convention","body":"conseil communautaire","reference":"DEL-2","outcome":"adopted"}}
            """)
        return builder.events
    }

    @Test(arguments: [
        (nil, [1, 2, 4, 3]), ("2025-03-15", [1, 2, 4]), ("2025-03-05", [1, 2]),
    ] as [(String?, [Int])])
    func correctedViewOrdersByEffectiveThenSeq(asOf: String?, seq: [Int]) {
        let view = LedgerView(events: Self.correctedLateVoteLedger(), asOf: asOf.map(day))
        #expect(view.events.map(\.seq) == seq)
        var replayed: [LedgerEvent] = []
        view.forEachEvent { replayed.append($0) }
        #expect(replayed == view.events)
        #expect(PactState(replaying: view) == PactState(replaying: view.events))
        let vote = view.events.first { $0.seq == 4 }
        if seq.contains(4) {
            guard case .approvalVoted(let voted)? = vote?.payload else {
                Issue.record("the corrected vote is missing: \(String(describing: vote))")
                return
            }
            #expect(voted.reference == "DEL-2")
            #expect(vote?.effective == day("2025-03-10"))
        }
    }

    @Test func whatTheLedgerKnewDecidesSignAfterVote() {
        let events = Self.lateVoteLedger()
        let today = day("2025-06-01")
        let then = RuleCheck.findings(events: events, knownAt: Timestamp("2025-04-01T00:00:00Z"), today: today)
        #expect(then.contains { $0.rule == .signAfterVote })
        let now = RuleCheck.findings(events: events, today: today)
        #expect(!now.contains { $0.rule == .signAfterVote })
    }

    // MARK: - Corrections

    static let correctedAmount = PactFixture.baseline.adding(
        "fix-cd", .correctionRecorded, "2025-06-10", recorded: "2025-06-10T09:00:00Z", """
        {"target":"commit-cd","reason":"Montant erroné dans la délibération saisie","replacement":
         {"partnerId":"cd11","year":2025,"body":"commission permanente","reference":"CP-2025-15","outcome":"adopted",
          "lines":[{"actionId":"A1","amountCents":2500000,"source":"budget départemental","basis":"common-law-contracted"}]}}
        """)

    @Test func replacementIsReadOnceKnown() {
        let events = Self.correctedAmount.events
        let corrected = PactState(events: events)
        let commitment = corrected.commitments.first { $0.partnerId == "cd11" }
        #expect(commitment?.cashCents == 2_500_000)
        #expect(commitment?.decidedOn == day("2025-04-14"))
        #expect(commitment?.source.seq == Self.correctedAmount.seq(of: "commit-cd"))

        let original = PactState(events: events, knownAt: Timestamp("2025-06-10T08:59:59Z"))
        #expect(original.commitments.first { $0.partnerId == "cd11" }?.cashCents == 2_000_000)
    }

    @Test func correctionAppliesWhateverItsEffectiveDate() {
        // As of April the pact already reads the corrected amount: the correction
        // applies as soon as it is known.
        let state = PactState(events: Self.correctedAmount.events, asOf: day("2025-04-30"))
        #expect(state.commitments.first { $0.partnerId == "cd11" }?.cashCents == 2_500_000)
    }

    @Test func auditKeepsOriginalCorrectionWhoAndWhy() {
        let view = LedgerView(events: Self.correctedAmount.events)
        #expect(view.corrections.count == 1)
        let record = view.corrections[0]
        #expect(record.original.id == "commit-cd")
        #expect(record.original.data["lines"] != record.replacement?["lines"])
        #expect(record.correction.recordedBy == "agent-test")
        #expect(record.reason == "Montant erroné dans la délibération saisie")
        #expect(record.status == .applied)
        #expect(!record.isRetraction)
        #expect(!view.events.contains { $0.type == .correctionRecorded })
    }

    static let retractedSignature = PactFixture.baseline.adding(
        "retract-etat", .correctionRecorded, "2025-06-15", recorded: "2025-06-15T09:00:00Z",
        #"{"target":"sign-etat","reason":"Signature saisie par erreur : arrêté non signé","replacement":null}"#)

    @Test func retractionRemovesTheEvent() {
        let events = Self.retractedSignature.events
        let now = PactState(events: events)
        #expect(now.inForceSince == nil)
        #expect(now.status == .inSignature)
        let before = PactState(events: events, knownAt: Timestamp("2025-06-01T00:00:00Z"))
        #expect(before.inForceSince == day("2025-05-05"))
        let record = LedgerView(events: events).corrections.first
        #expect(record?.isRetraction == true)
    }

    @Test func correctionOfACorrection() {
        let fixture = Self.retractedSignature.adding(
            "undo", .correctionRecorded, "2025-06-20", recorded: "2025-06-20T09:00:00Z",
            #"{"target":"retract-etat","reason":"La signature était valable","replacement":null}"#)
        let view = LedgerView(events: fixture.events)
        #expect(PactState(replaying: view.events).inForceSince == day("2025-05-05"))
        #expect(view.corrections.map(\.status) == [.retracted, .applied])
    }

    @Test func laterCorrectionOfTheSameTargetWins() {
        let fixture = Self.correctedAmount.adding(
            "fix-cd-2", .correctionRecorded, "2025-06-11", recorded: "2025-06-11T09:00:00Z", """
            {"target":"commit-cd","reason":"Second correctif","replacement":
             {"partnerId":"cd11","year":2025,"body":"commission permanente","reference":"CP-2025-15","outcome":"adopted",
              "lines":[{"actionId":"A1","amountCents":3000000,"source":"budget","basis":"dedicated"}]}}
            """)
        let view = LedgerView(events: fixture.events)
        #expect(PactState(replaying: view.events).commitments.first { $0.partnerId == "cd11" }?.cashCents == 3_000_000)
        #expect(view.corrections.map(\.status) == [.superseded, .applied])
    }
}
