import Foundation
import PacteEvents
import Testing

/// "More refusals at append" (ledger-format-v1.md, additions of 2026-11-30): facts that
/// cannot be true, members the writer does not know, a beneficiary's personal data. Each
/// is refused on a real ledger file, with the exact refusal and the file's bytes unchanged.
struct FactRefusalTests {
    /// One refused append after the base ledger (7 lines) and `before` (appended first).
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var before: [EventDraft] = []
        var refused: EventDraft
        var policy = WritePolicy()
        var expected: AppendRefusal
        var testDescription: String { label }
    }

    static func draft(_ type: EventType, _ number: Int, _ json: String) -> EventDraft {
        draft(type, number, "2025-06-01", json)
    }

    static func draft(_ type: EventType, _ number: Int, _ effective: String, _ json: String) -> EventDraft {
        // The literals below are valid; a failure would show as a test failure.
        (try? LedgerFixtures.draft(type, id: LedgerFixtures.id(number), effective: effective, json))
            ?? EventDraft(type: type, effective: CivilDate(year: 2025, month: 1, day: 1)!, recordedBy: "", data: JSONObject())
    }

    static let requestConvention = draft(.signatureRequested, 50, "2025-04-02", #"{"document":"convention","partners":["cc-val","ddets-31","caf-31"]}"#)
    static func signature(_ partner: String, _ number: Int, _ effective: String, document: String = "convention") -> EventDraft {
        draft(.signatureReceived, number, effective, #"{"partnerId":"\#(partner)","document":"\#(document)","signatory":{"name":"Paul Durand","role":"Directeur"}}"#)
    }
    static func vote(_ partner: String, _ number: Int, _ effective: String, document: String = "convention") -> EventDraft {
        draft(.approvalVoted, number, effective, #"{"partnerId":"\#(partner)","document":"\#(document)","body":"conseil","reference":"DEL-1","outcome":"adopted"}"#)
    }
    static func date(_ text: String) -> CivilDate { CivilDate(text)! }

    static let cases: [Case] = [
        Case(label: "effective after today (Paris)",
             refused: draft(.draftSubmitted, 60, "2028-02-01", #"{"to":["DDETS"]}"#),
             expected: .effectiveInTheFuture(member: "effective", effective: date("2028-02-01"), today: date("2028-01-03"))),
        Case(label: "effective before line 1",
             refused: draft(.draftSubmitted, 60, "2025-01-15", #"{"to":["DDETS"]}"#),
             expected: .effectiveBeforePact(member: "effective", effective: date("2025-01-15"), pactDrafted: date("2025-02-03"))),
        Case(label: "signature on an avenant never proposed", before: [requestConvention],
             refused: signature("caf-31", 60, "2025-06-01", document: "amendment-3"),
             expected: .amendmentNotProposed(member: "data.document", number: 3)),
        Case(label: "avenant sent for signature, never proposed",
             refused: draft(.signatureRequested, 60, #"{"document":"amendment-2","partners":["caf-31"]}"#),
             expected: .amendmentNotProposed(member: "data.document", number: 2)),
        Case(label: "vote on an avenant never proposed",
             refused: vote("caf-31", 60, "2025-06-01", document: "amendment-1"),
             expected: .amendmentNotProposed(member: "data.document", number: 1)),
        Case(label: "signature on a document never sent for signature",
             refused: signature("caf-31", 60, "2025-06-01"),
             expected: .signatureNotRequested(member: "data.document", document: .convention)),
        Case(label: "partner.joined of a current partner",
             refused: draft(.partnerJoined, 60, #"{"partner":{"id":"caf-31","name":"Autre nom","kind":"caf"},"via":"adhesion"}"#),
             expected: .partnerAlreadyJoined(member: "data.partner.id", partnerId: "caf-31", line: 3)),
        Case(label: "partner.joined of the porteur",
             refused: draft(.partnerJoined, 60, #"{"partner":{"id":"cc-val","name":"CC","kind":"epci"},"via":"initial"}"#),
             expected: .partnerAlreadyJoined(member: "data.partner.id", partnerId: "cc-val", line: 1)),
        Case(label: "second signature by the same partner", before: [requestConvention, signature("ddets-31", 51, "2025-04-20")],
             refused: signature("ddets-31", 60, "2025-05-02"),
             expected: .alreadySigned(member: "data.partnerId", partnerId: "ddets-31", document: .convention, line: 9)),
        Case(label: "second signature after the vote, the first also after it",
             before: [requestConvention, vote("caf-31", 51, "2025-04-10"), signature("caf-31", 52, "2025-04-20")],
             refused: signature("caf-31", 60, "2025-05-02"),
             expected: .alreadySigned(member: "data.partnerId", partnerId: "caf-31", document: .convention, line: 10)),
        Case(label: "requested end before the current end",
             refused: draft(.extensionRequested, 60, #"{"actionId":"A1","currentEnd":"2026-02-28","requestedEnd":"2026-01-31","reason":"r","requestedBy":"cc-val"}"#),
             expected: .requestedEndNotAfterCurrentEnd(member: "data.requestedEnd", requestedEnd: date("2026-01-31"), currentEnd: date("2026-02-28"))),
        Case(label: "requested end equal to the current end",
             refused: draft(.extensionRequested, 60, #"{"actionId":"A1","currentEnd":"2026-02-28","requestedEnd":"2026-02-28","reason":"r","requestedBy":"cc-val"}"#),
             expected: .requestedEndNotAfterCurrentEnd(member: "data.requestedEnd", requestedEnd: date("2026-02-28"), currentEnd: date("2026-02-28"))),
        Case(label: "meeting with no attendee",
             refused: draft(.governanceHeld, 60, #"{"body":"Copil","attendees":[]}"#),
             expected: .noAttendee(member: "data.attendees")),
        Case(label: "a correction's replacement holding a fact that cannot be true",
             refused: draft(.correctionRecorded, 60, #"{"target":"\#(LedgerFixtures.id(7))","reason":"r","replacement":{"sheet":{"actionId":"A2","summary":"Suivi de Mme X, NIR 1 84 12 76 451 089 46"}}}"#),
             expected: .socialSecurityNumber(member: "data.replacement.sheet.summary")),
        // Members this writer does not know, at any depth, with the nearest known name.
        Case(label: "statutoryBdy",
             refused: draft(.partnerJoined, 60, #"{"partner":{"id":"mairie","name":"Mairie","kind":"commune","statutoryBdy":"conseil municipal"},"via":"adhesion"}"#),
             expected: .unknownMember(member: "data.partner.statutoryBdy", type: .partnerJoined, version: 1, nearest: "statutoryBody")),
        Case(label: "signatroy",
             refused: draft(.partnerJoined, 60, #"{"partner":{"id":"mairie","name":"Mairie","kind":"commune","signatroy":{"name":"A","role":"Maire"}},"via":"adhesion"}"#),
             expected: .unknownMember(member: "data.partner.signatroy", type: .partnerJoined, version: 1, nearest: "signatory")),
        Case(label: "inside a signatory",
             refused: signature("caf-31", 60, "2025-06-01").replacingData(#"{"partnerId":"caf-31","document":"convention","signatory":{"name":"P","rol":"Directeur"}}"#),
             expected: .unknownMember(member: "data.signatory.rol", type: .signatureReceived, version: 1, nearest: "role")),
        Case(label: "inside a sheet's funding line",
             refused: draft(.actionAdded, 60, #"{"sheet":{"actionId":"A3","funding":[{"partnerId":"caf-31","year":2025,"amountCents":1,"amountCent":1,"source":"x","basis":"dedicated"}]}}"#),
             expected: .unknownMember(member: "data.sheet.funding[0].amountCent", type: .actionAdded, version: 1, nearest: "amountCents")),
        Case(label: "inside an amendment's changes",
             refused: draft(.actionAmended, 60, #"{"actionId":"A1","changes":{"titel":"Nouveau titre"},"reason":"r"}"#),
             expected: .unknownMember(member: "data.changes.titel", type: .actionAmended, version: 1, nearest: "title")),
        Case(label: "inside a correction's replacement",
             refused: draft(.correctionRecorded, 60, #"{"target":"\#(LedgerFixtures.id(4))","reason":"r","replacement":{"priorityId":"P1","title":"t","rationalle":"x"}}"#),
             expected: .unknownMember(member: "data.replacement.rationalle", type: .correctionRecorded, version: 1, nearest: "rationale")),
        Case(label: "a member far from every known name",
             refused: draft(.draftSubmitted, 60, #"{"to":["DDETS"],"couleur":"bleu"}"#),
             expected: .unknownMember(member: "data.couleur", type: .draftSubmitted, version: 1, nearest: nil)),
        Case(label: "a member of another type (amendment in a withdrawal)",
             refused: draft(.partnerWithdrew, 60, #"{"partnerId":"caf-31","reason":"r","amendment":2}"#),
             expected: .unknownMember(member: "data.amendment", type: .partnerWithdrew, version: 1, nearest: nil)),
        // Personal data of beneficiaries.
        Case(label: "NIR in an indicator note",
             refused: draft(.indicatorReported, 60, #"{"actionId":"A1","indicator":"Repas","period":"2025","value":3,"note":"dont 184127645108946"}"#),
             expected: .socialSecurityNumber(member: "data.note")),
        Case(label: "NIR of Corsica (2A), grouped",
             refused: draft(.governanceHeld, 60, #"{"body":"Copil","attendees":["cc-val"],"decisions":["Suivre 2 84 05 2A 123 456 32"]}"#),
             policy: WritePolicy(allowContact: true),
             expected: .socialSecurityNumber(member: "data.decisions[0]")),
        Case(label: "e-mail in a decision",
             refused: draft(.governanceHeld, 60, #"{"body":"Copil","attendees":["cc-val"],"decisions":["Écrire à jean.dupont@exemple.fr"]}"#),
             expected: .contact(member: "data.decisions[0]", kind: .email)),
        Case(label: "phone number in a reason",
             refused: draft(.extensionRequested, 60, #"{"actionId":"A1","currentEnd":"2026-02-28","requestedEnd":"2026-06-30","reason":"Famille joignable au 06 12 34 56 78","requestedBy":"cc-val"}"#),
             expected: .contact(member: "data.reason", kind: .phone)),
        Case(label: "international phone number in a summary",
             refused: draft(.actionClosed, 60, #"{"actionId":"A2","outcome":"completed","summary":"Contact +33 6 12 34 56 78"}"#),
             expected: .contact(member: "data.summary", kind: .phone)),
    ]

    @Test(arguments: cases)
    func appendRefuses(_ item: Case) throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts() + item.before, at: path)
            let before = try FileBytes.read(path)
            let line = 8 + item.before.count
            #expect(throws: LedgerError.refused(LedgerLocation(file: path, line: line), item.expected)) {
                try LedgerFile(path: path).append(item.refused, now: LedgerFixtures.recorded(line: line), policy: item.policy)
            }
            #expect(try FileBytes.read(path) == before, "the ledger changed")
        }
    }

    /// Appends `drafts` after the base ledger; every one must be accepted.
    private func acceptsAll(_ drafts: [EventDraft], policy: WritePolicy = WritePolicy()) throws -> [LedgerEvent] {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let file = LedgerFile(path: path)
            var events: [LedgerEvent] = []
            for (offset, draft) in drafts.enumerated() {
                events.append(try file.append(draft, now: LedgerFixtures.recorded(line: 8 + offset), policy: policy).event)
            }
            #expect(try file.verify().isValid)
            return try file.read().events
        }
    }

    @Test func aPartnerWhoWithdrewMayJoinAgain() throws {
        let events = try acceptsAll([
            Self.draft(.partnerWithdrew, 60, #"{"partnerId":"caf-31","reason":"r"}"#),
            Self.draft(.partnerJoined, 61, "2025-07-01", #"{"partner":{"id":"caf-31","name":"CAF","kind":"caf"},"via":"adhesion"}"#),
        ])
        #expect(events.count == 9)
    }

    @Test func aPartnerRetractedByACorrectionMayJoinAgain() throws {
        let events = try acceptsAll([
            Self.draft(.correctionRecorded, 60, #"{"target":"\#(LedgerFixtures.id(3))","reason":"Doublon","replacement":null}"#),
            Self.draft(.partnerJoined, 61, #"{"partner":{"id":"caf-31","name":"CAF","kind":"caf"},"via":"initial"}"#),
        ])
        #expect(events.count == 9)
    }

    @Test func signingAgainAfterTheVotePutsAnEarlierSignatureRight() throws {
        let events = try acceptsAll([
            Self.requestConvention, Self.signature("caf-31", 61, "2025-04-05"), Self.vote("caf-31", 62, "2025-04-10"),
            Self.signature("caf-31", 63, "2025-04-12"),
        ])
        #expect(events.count == 11)
    }

    @Test func signingAgainAfterARetractedSignatureIsAccepted() throws {
        let events = try acceptsAll([
            Self.requestConvention, Self.signature("ddets-31", 61, "2025-04-05"),
            Self.draft(.correctionRecorded, 62, #"{"target":"\#(LedgerFixtures.id(61))","reason":"Mauvais signataire","replacement":null}"#),
            Self.signature("ddets-31", 63, "2025-04-12"),
        ])
        #expect(events.count == 11)
    }

    /// A body may vote on a draft before it is sent; a change may name an avenant
    /// proposed later (it waits for it).
    @Test func votesNeedNoRequestAndIntegerAmendmentsMayComeFirst() throws {
        let events = try acceptsAll([
            Self.vote("caf-31", 60, "2025-04-10"),
            Self.draft(.actionAmended, 61, #"{"actionId":"A1","changes":{"title":"t"},"reason":"r","amendment":4}"#),
            Self.draft(.amendmentProposed, 62, #"{"number":1,"purpose":"p"}"#),
            Self.vote("caf-31", 63, "2025-06-10", document: "amendment-1"),
        ])
        #expect(events.count == 11)
    }

    @Test func keepUnknownLetsADeliberateMemberThroughAndTheReaderKeepsIt() throws {
        let events = try acceptsAll(
            [Self.draft(.draftSubmitted, 60, #"{"to":["DDETS"],"canal":"courrier"}"#)], policy: WritePolicy(keepUnknownMembers: true))
        #expect(events.last?.data["canal"] == .string("courrier"))
    }

    @Test func contactsAreAllowedWhenSaidSoAndInASignatory() throws {
        let events = try acceptsAll([
            Self.draft(.governanceHeld, 60, #"{"body":"Copil","attendees":["cc-val"],"decisions":["Écrire à contact@caf31.fr, 05 61 00 00 00"]}"#),
        ], policy: WritePolicy(allowContact: true))
        #expect(events.count == 8)
        let signatory = try acceptsAll([
            Self.draft(.partnerJoined, 60, #"{"partner":{"id":"ccas","name":"CCAS","kind":"ccas","signatory":{"name":"A. Roy","role":"Directrice, a.roy@ccas.fr"}},"via":"adhesion"}"#),
        ])
        #expect(signatory.count == 8)
    }

    @Test(arguments: [
        ("184127645108946", true), ("1 84 12 76 451 089 46", true), ("1.84.12.76.451.089.46", true),
        ("284052A12345632", true), ("2 84 05 2a 123 456 32", true), ("269059935012384", true),
        ("184127645108947", false), ("284052B12345632", false), ("584127645108946", false),
        ("A184127645108946", false), ("1841276451089461", false), ("2025-03-01", false), ("1 500 000 €", false),
    ])
    func nirIsCheckedWithItsKey(_ text: String, _ found: Bool) {
        #expect(PersonalData.containsSocialSecurityNumber("Note : " + text + ".") == found, "\(text)")
    }

    @Test(arguments: [
        ("06 12 34 56 78", true), ("05.61.12.34.56", true), ("0561123456", true), ("+33 5 61 12 34 56", true),
        ("00000000-0000-4000-8000-000000000001", false), ("12 000 repas", false), ("2025-2026", false), ("0612", false),
    ])
    func phoneNumbers(_ text: String, _ found: Bool) {
        #expect(PersonalData.containsPhoneNumber(text) == found, "\(text)")
    }

    @Test func nearestNames() {
        #expect(PayloadSchema.editDistance("statutoryBdy", "statutoryBody") == 1)
        #expect(PayloadSchema.editDistance("signatroy", "signatory") == 1)
        #expect(PayloadSchema.editDistance("", "abc") == 3)
    }
}

extension EventDraft {
    /// The same draft with other data (a JSON literal of the tests).
    func replacingData(_ json: String) -> EventDraft {
        var copy = self
        copy.data = (try? LedgerFixtures.object(json)) ?? JSONObject()
        return copy
    }
}
