import PacteEvents
import Testing

/// "What an append refuses" (ledger-format-v1.md): each refusal on a real ledger file,
/// with the exact error and the file's bytes unchanged.
struct AppendRefusalTests {
    /// One refused append, on the base ledger of ``LedgerFixtures/baseDrafts()`` (7
    /// lines), so the refused line would have been line 8.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var label: String
        var type: EventType
        var id: String? = LedgerFixtures.id(99)
        var version = 1
        var json: String
        var expected: @Sendable (LedgerLocation) -> LedgerError
        var testDescription: String { label }
    }

    private static func field(_ path: String, _ expected: ExpectedValue, _ found: String?) -> @Sendable (LedgerLocation) -> LedgerError {
        { location in .invalidMember(location, FieldError(path: path, expected: expected, found: found)) }
    }

    private static func unresolved(_ path: String, _ kind: LedgerError.ReferenceKind, _ id: String)
        -> @Sendable (LedgerLocation) -> LedgerError
    {
        { location in .unresolvedReference(location, path: path, kind: kind, id: id) }
    }

    private static let bases = ExpectedValue.oneOf(["dedicated", "common-law-contracted", "common-law"])

    /// commitment.voted data whose `lines` are `lines` (JSON array text).
    private static func commitment(lines: String, inKind: String = "[]") -> String {
        #"{"partnerId":"ddets-31","year":2025,"body":"Préfet","reference":"AP-1","outcome":"adopted","lines":\#(lines),"inKind":\#(inKind)}"#
    }

    private static let line = #"{"actionId":"A1","amountCents":100,"source":"BOP 304 action 23","basis":"dedicated"}"#

    static let refusals: [Refusal] = [
        // A missing or mistyped required member, named by its path.
        Refusal(
            label: "missing data.lines[2].amountCents", type: .commitmentVoted,
            json: commitment(lines: "[\(line),\(line),{\"actionId\":\"A2\",\"source\":\"BOP\",\"basis\":\"dedicated\"}]"),
            expected: field("data.lines[2].amountCents", .cents, nil)),
        Refusal(
            label: "missing data.reference", type: .approvalVoted,
            json: #"{"partnerId":"cc-val","document":"convention","body":"conseil","outcome":"adopted"}"#,
            expected: field("data.reference", .string, nil)),
        Refusal(
            label: "missing data.sheet.funding[1].basis", type: .actionAdded,
            json: #"{"sheet":{"actionId":"A3","funding":[{"partnerId":"cc-val","year":2025,"amountCents":1,"source":"x","basis":"common-law"},{"partnerId":"cc-val","year":2025,"amountCents":1,"source":"x"}]}}"#,
            expected: field("data.sheet.funding[1].basis", bases, nil)),
        Refusal(
            label: "missing data.sheet.actionId", type: .actionAdded, json: #"{"sheet":{"title":"Sans id"}}"#,
            expected: field("data.sheet.actionId", .string, nil)),
        Refusal(
            label: "boolean given as a string", type: .draftPresented,
            json: #"{"attendees":["cc-val"],"stateServiceInvited":"yes","commissionerInvited":true}"#,
            expected: field("data.stateServiceInvited", .boolean, "\"yes\"")),
        Refusal(
            label: "id given as a number", type: .partnerWithdrew, json: #"{"partnerId":42,"reason":"x"}"#,
            expected: field("data.partnerId", .string, "42")),
        Refusal(
            label: "sheet given as an array", type: .actionAdded, json: #"{"sheet":[]}"#,
            expected: field("data.sheet", .object, "[]")),
        Refusal(
            label: "array member given as a string", type: .signatureRequested,
            json: #"{"document":"convention","partners":"cc-val"}"#,
            expected: field("data.partners", .array, "\"cc-val\"")),
        Refusal(
            label: "value outside its choices", type: .approvalVoted,
            json: #"{"partnerId":"cc-val","document":"convention","body":"b","reference":"r","outcome":"approved"}"#,
            expected: field("data.outcome", .oneOf(["adopted", "rejected", "deferred"]), "\"approved\"")),
        Refusal(
            label: "document amendment-0", type: .signatureRequested,
            json: #"{"document":"amendment-0","partners":["cc-val"]}"#,
            expected: field("data.document", .document, "\"amendment-0\"")),
        Refusal(
            label: "annex 6", type: .annexAttached, json: #"{"annex":6,"title":"t","source":"s"}"#,
            expected: field("data.annex", .integerInRange(1...5), "6")),
        Refusal(
            label: "unknown public", type: .prioritySet,
            json: #"{"priorityId":"P3","title":"t","publics":["children","elderly"]}"#,
            expected: field("data.publics[1]", .publicName, "\"elderly\"")),
        Refusal(
            label: "data of another type", type: .pactClosed, json: #"{"partnerId":"cc-val","reason":"x"}"#,
            expected: field("data.reason", .oneOf(["term", "terminated"]), "\"x\"")),
        Refusal(
            label: "version 2", type: .draftSubmitted, version: 2, json: #"{"to":["DDETS"]}"#,
            expected: field("v", .version(1), "2")),
        Refusal(
            label: "empty id", type: .draftSubmitted, id: "", json: #"{"to":["DDETS"]}"#,
            expected: field("id", .nonEmptyString, "\"\"")),
        // Invalid calendar dates.
        Refusal(
            label: "2025-02-29", type: .extensionRequested,
            json: #"{"actionId":"A1","currentEnd":"2025-02-29","requestedEnd":"2026-06-30","reason":"r","requestedBy":"cc-val"}"#,
            expected: field("data.currentEnd", .date, "\"2025-02-29\"")),
        Refusal(
            label: "month 13 in a schedule", type: .actionAdded,
            json: #"{"sheet":{"actionId":"A3","schedule":{"start":"2025-13-01","end":"2026-01-01"}}}"#,
            expected: field("data.sheet.schedule.start", .date, "\"2025-13-01\"")),
        Refusal(
            label: "date without zero padding", type: .governanceHeld,
            json: #"{"body":"Copil","attendees":[],"nextMeeting":"2026-6-15"}"#,
            expected: field("data.nextMeeting", .date, "\"2026-6-15\"")),
        // Amounts.
        Refusal(
            label: "negative amount", type: .commitmentVoted,
            json: commitment(lines: #"[{"actionId":"A1","amountCents":-100,"source":"s","basis":"dedicated"}]"#),
            expected: field("data.lines[0].amountCents", .cents, "-100")),
        Refusal(
            label: "fractional amount", type: .commitmentVoted,
            json: commitment(lines: #"[{"actionId":"A1","amountCents":100.5,"source":"s","basis":"dedicated"}]"#),
            expected: field("data.lines[0].amountCents", .cents, "100.5")),
        Refusal(
            label: "amount -0", type: .commitmentVoted,
            json: commitment(lines: #"[{"actionId":"A1","amountCents":-0,"source":"s","basis":"dedicated"}]"#),
            expected: field("data.lines[0].amountCents", .cents, "-0")),
        Refusal(
            label: "amount with an exponent", type: .commitmentVoted,
            json: commitment(lines: #"[{"actionId":"A1","amountCents":1e3,"source":"s","basis":"dedicated"}]"#),
            expected: field("data.lines[0].amountCents", .cents, "1e3")),
        Refusal(
            label: "amount as a string", type: .commitmentVoted,
            json: commitment(lines: #"[{"actionId":"A1","amountCents":"100","source":"s","basis":"dedicated"}]"#),
            expected: field("data.lines[0].amountCents", .cents, "\"100\"")),
        Refusal(
            label: "negative in-kind valuation", type: .commitmentVoted,
            json: commitment(lines: "[]", inKind: #"[{"actionId":"A1","description":"Locaux","valuationCents":-1}]"#),
            expected: field("data.inKind[0].valuationCents", .cents, "-1")),
        Refusal(
            label: "fractional amount in a sheet", type: .actionAdded,
            json: #"{"sheet":{"actionId":"A3","funding":[{"partnerId":"cc-val","year":2025,"amountCents":0.5,"source":"x","basis":"dedicated"}]}}"#,
            expected: field("data.sheet.funding[0].amountCents", .cents, "0.5")),
        // References that do not resolve against the lines before.
        Refusal(
            label: "unknown partner", type: .approvalVoted,
            json: #"{"partnerId":"mairie-x","document":"convention","body":"b","reference":"r","outcome":"adopted"}"#,
            expected: unresolved("data.partnerId", .partner, "mairie-x")),
        Refusal(
            label: "unknown partner in a sheet's funding", type: .actionAdded,
            json: #"{"sheet":{"actionId":"A3","funding":[{"partnerId":"inconnu","year":2025,"amountCents":1,"source":"x","basis":"dedicated"}]}}"#,
            expected: unresolved("data.sheet.funding[0].partnerId", .partner, "inconnu")),
        Refusal(
            label: "unknown attendee", type: .governanceHeld,
            json: #"{"body":"Copil","attendees":["cc-val","absent"]}"#,
            expected: unresolved("data.attendees[1]", .partner, "absent")),
        Refusal(
            label: "unknown action", type: .actionClosed,
            json: #"{"actionId":"A9","outcome":"completed","summary":"s"}"#,
            expected: unresolved("data.actionId", .action, "A9")),
        Refusal(
            label: "unknown action in a commitment line", type: .commitmentVoted,
            json: commitment(lines: "[\(line),{\"actionId\":\"A9\",\"amountCents\":1,\"source\":\"s\",\"basis\":\"dedicated\"}]"),
            expected: unresolved("data.lines[1].actionId", .action, "A9")),
        Refusal(
            label: "unknown action amended", type: .actionAmended,
            json: #"{"actionId":"A9","changes":{"title":"t"},"reason":"r"}"#,
            expected: unresolved("data.actionId", .action, "A9")),
        Refusal(
            label: "unknown priority", type: .priorityWithdrawn, json: #"{"priorityId":"P9","reason":"r"}"#,
            expected: unresolved("data.priorityId", .priority, "P9")),
        Refusal(
            label: "unknown priority in a sheet", type: .actionAdded,
            json: #"{"sheet":{"actionId":"A3","priorityId":"P7"}}"#,
            expected: unresolved("data.sheet.priorityId", .priority, "P7")),
        Refusal(
            label: "unknown partner in amended changes", type: .actionAmended,
            json: #"{"actionId":"A1","changes":{"partners":[{"partnerId":"inconnu"}]},"reason":"r"}"#,
            expected: unresolved("data.changes.partners[0].partnerId", .partner, "inconnu")),
        Refusal(
            label: "unknown extension request", type: .extensionDecided,
            json: #"{"request":"11111111-2222-4333-8444-555555555555","decision":"refused"}"#,
            expected: unresolved("data.request", .extensionRequest, "11111111-2222-4333-8444-555555555555")),
        Refusal(
            label: "extension request naming a partner.joined event", type: .extensionDecided,
            json: #"{"request":"\#(LedgerFixtures.id(2))","decision":"granted"}"#,
            expected: unresolved("data.request", .extensionRequest, LedgerFixtures.id(2))),
        Refusal(
            label: "unknown correction target", type: .correctionRecorded,
            json: #"{"target":"11111111-2222-4333-8444-555555555555","reason":"r","replacement":null}"#,
            expected: unresolved("data.target", .event, "11111111-2222-4333-8444-555555555555")),
        // Corrections.
        Refusal(
            label: "replacement of another type than its target", type: .correctionRecorded,
            json: #"{"target":"\#(LedgerFixtures.id(2))","reason":"r","replacement":{"priorityId":"P3","title":"t"}}"#,
            expected: field("data.replacement.partner", .object, nil)),
        Refusal(
            label: "replacement with a mistyped member", type: .correctionRecorded,
            json: #"{"target":"\#(LedgerFixtures.id(4))","reason":"r","replacement":{"priorityId":"P1","title":7}}"#,
            expected: field("data.replacement.title", .string, "7")),
        Refusal(
            label: "replacement naming an unknown partner", type: .correctionRecorded,
            json: #"{"target":"\#(LedgerFixtures.id(7))","reason":"r","replacement":{"sheet":{"actionId":"A2","partners":[{"partnerId":"inconnu"}]}}}"#,
            expected: unresolved("data.replacement.sheet.partners[0].partnerId", .partner, "inconnu")),
        Refusal(
            label: "replacement neither an object nor null", type: .correctionRecorded,
            json: #"{"target":"\#(LedgerFixtures.id(2))","reason":"r","replacement":"x"}"#,
            expected: field("data.replacement", .objectOrNull, "\"x\"")),
        Refusal(
            label: "replacement missing", type: .correctionRecorded,
            json: #"{"target":"\#(LedgerFixtures.id(2))","reason":"r"}"#,
            expected: field("data.replacement", .objectOrNull, nil)),
        // Line 1 only.
        Refusal(
            label: "second pact.drafted", type: .pactDrafted,
            json: #"{"pactId":"autre","title":"Autre","territory":{"name":"T"},"porteur":{"id":"p","name":"P","kind":"commune"}}"#,
            expected: { location in .secondPactDrafted(location) }),
    ]

    @Test(arguments: refusals)
    func appendRefuses(_ refusal: Refusal) throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let before = try FileBytes.read(path)
            let draft = EventDraft(
                type: refusal.type, id: refusal.id, version: refusal.version,
                effective: try LedgerFixtures.date("2025-06-01"), recordedBy: LedgerFixtures.recorder,
                data: try LedgerFixtures.object(refusal.json)
            )
            let expected = refusal.expected(LedgerLocation(file: path, line: 8))
            #expect(throws: expected) {
                try LedgerFile(path: path).append(draft, now: LedgerFixtures.recorded(line: 8))
            }
            #expect(try FileBytes.read(path) == before, "the ledger changed")
            #expect(try LedgerFile(path: path).verify().isValid)
        }
    }

    @Test func refusalsCoverEveryReferenceKind() {
        let kinds = Set(Self.refusals.compactMap { refusal -> LedgerError.ReferenceKind? in
            if case .unresolvedReference(_, _, let kind, _) = refusal.expected(LedgerLocation(file: "", line: 0)) {
                return kind
            }
            return nil
        })
        #expect(kinds == [.partner, .action, .priority, .extensionRequest, .event])
    }

    // MARK: - Same id

    @Test func idReusedWithDifferentContentIsAConflict() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            let base = try LedgerFixtures.baseDrafts()
            try LedgerFixtures.writeLedger(base, at: path)
            let before = try FileBytes.read(path)
            let file = LedgerFile(path: path)
            let location = LedgerLocation(file: path, line: 8)
            let expected = LedgerError.idConflict(location, id: LedgerFixtures.id(2), existingLine: 2)

            var otherData = base[1]
            otherData.data["via"] = .string("adhesion")
            #expect(throws: expected) { try file.append(otherData, now: LedgerFixtures.recorded(line: 8)) }

            var otherDate = base[1]
            otherDate.effective = try LedgerFixtures.date("2025-02-11")
            #expect(throws: expected) { try file.append(otherDate, now: LedgerFixtures.recorded(line: 8)) }

            var otherRecorder = base[1]
            otherRecorder.recordedBy = "quelqu'un d'autre"
            #expect(throws: expected) { try file.append(otherRecorder, now: LedgerFixtures.recorded(line: 8)) }

            var otherType = try LedgerFixtures.draft(.partnerWithdrew, id: LedgerFixtures.id(2), effective: "2025-02-10", #"""
                {"partnerId":"ddets-31","reason":"x"}
                """#)
            #expect(throws: expected) { try file.append(otherType, now: LedgerFixtures.recorded(line: 8)) }
            otherType.id = LedgerFixtures.id(1)
            #expect(throws: LedgerError.idConflict(location, id: LedgerFixtures.id(1), existingLine: 1)) {
                try file.append(otherType, now: LedgerFixtures.recorded(line: 8))
            }

            #expect(try FileBytes.read(path) == before)
        }
    }

    @Test func theSameEventAgainIsANoOp() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            let base = try LedgerFixtures.baseDrafts()
            let events = try LedgerFixtures.writeLedger(base, at: path)
            let before = try FileBytes.read(path)
            let file = LedgerFile(path: path)

            for (draft, event) in zip(base, events) {
                // Later, with another clock: still the same fact.
                let outcome = try file.append(draft, now: LedgerFixtures.recorded(line: 50))
                #expect(outcome == .alreadyPresent(event))
                #expect(outcome.event == event)
            }
            // The data's members in another order: still the same fact.
            var reordered = base[5]
            reordered.data = JSONObject(reordered.data.members.reversed())
            var sheet = try #require(reordered.data["sheet"]?.objectValue)
            sheet = JSONObject(sheet.members.reversed())
            reordered.data["sheet"] = .object(sheet)
            #expect(try file.append(reordered, now: LedgerFixtures.recorded(line: 50)) == .alreadyPresent(events[5]))

            #expect(try FileBytes.read(path) == before)
        }
    }

    // MARK: - What is accepted

    @Test func aLateFactAboutAWithdrawnPartnerIsAccepted() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let file = LedgerFile(path: path)
            let withdrawal = try LedgerFixtures.draft(.partnerWithdrew, id: LedgerFixtures.id(8), effective: "2026-01-10", #"""
                {"partnerId":"caf-31","reason":"Retrait"}
                """#)
            #expect(try file.append(withdrawal, now: LedgerFixtures.recorded(line: 8)).event.seq == 8)

            let lateFacts = [
                // The convention was sent for signature (a signature answers a request).
                try LedgerFixtures.draft(.signatureRequested, id: LedgerFixtures.id(12), effective: "2025-04-02", #"""
                    {"document":"convention","partners":["cc-val","ddets-31","caf-31"]}
                    """#),
                try LedgerFixtures.draft(.approvalVoted, id: LedgerFixtures.id(9), effective: "2025-04-10", #"""
                    {"partnerId":"caf-31","document":"convention","body":"conseil d'administration","reference":"CA-12","outcome":"adopted"}
                    """#),
                try LedgerFixtures.draft(.signatureReceived, id: LedgerFixtures.id(10), effective: "2025-04-25", #"""
                    {"partnerId":"caf-31","document":"convention","signatory":{"name":"Paul Durand","role":"Directeur"}}
                    """#),
                try LedgerFixtures.draft(.commitmentVoted, id: LedgerFixtures.id(11), effective: "2025-04-10", #"""
                    {"partnerId":"caf-31","year":2025,"body":"CA","reference":"CA-13","outcome":"adopted",\#
                    "lines":[{"actionId":"A1","amountCents":1500000,"source":"Fonds locaux","basis":"common-law-contracted"}]}
                    """#),
            ]
            for (offset, draft) in lateFacts.enumerated() {
                let outcome = try file.append(draft, now: LedgerFixtures.recorded(line: 9 + offset))
                guard case .appended(let event) = outcome else {
                    Issue.record("\(draft.type) not appended: \(outcome)")
                    continue
                }
                #expect(event.seq == 9 + offset)
            }
            #expect(try file.verify().isValid)
        }
    }

    @Test func aRetractionAndAReplacementOfTheRightTypeAreAccepted() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let file = LedgerFile(path: path)
            let retraction = try LedgerFixtures.draft(.correctionRecorded, id: LedgerFixtures.id(8), effective: "2025-03-01", #"""
                {"target":"\#(LedgerFixtures.id(5))","reason":"Doublon","replacement":null}
                """#)
            let replacement = try LedgerFixtures.draft(.correctionRecorded, id: LedgerFixtures.id(9), effective: "2025-03-01", #"""
                {"target":"\#(LedgerFixtures.id(3))","reason":"Nom","replacement":{"partner":{"id":"caf-haute-garonne",\#
                "name":"CAF 31","kind":"caf"},"via":"initial"}}
                """#)
            #expect(try file.append(retraction, now: LedgerFixtures.recorded(line: 8)).event.seq == 8)
            #expect(try file.append(replacement, now: LedgerFixtures.recorded(line: 9)).event.seq == 9)
            // The corrected partner's new id resolves from then on.
            let withdrawal = try LedgerFixtures.draft(.partnerWithdrew, id: LedgerFixtures.id(10), effective: "2026-01-10", #"""
                {"partnerId":"caf-haute-garonne","reason":"Retrait"}
                """#)
            #expect(try file.append(withdrawal, now: LedgerFixtures.recorded(line: 10)).event.seq == 10)
        }
    }

    @Test func aCorrectedPorteurIsAPartnerFromThenOn() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let file = LedgerFile(path: path)
            // Line 1 named the wrong porteur: the correction replaces the whole pact.drafted data.
            var corrected = try LedgerFixtures.pactDrafted().data
            corrected["porteur"] = .object(try LedgerFixtures.object(#"""
                {"id":"mairie-val","name":"Mairie du Val","kind":"commune","statutoryBody":"conseil municipal"}
                """#))
            var correction = try LedgerFixtures.draft(.correctionRecorded, id: LedgerFixtures.id(8), effective: "2025-02-03", #"""
                {"target":"\#(LedgerFixtures.id(1))","reason":"Mauvais porteur"}
                """#)
            correction.data["replacement"] = .object(corrected)
            #expect(try file.append(correction, now: LedgerFixtures.recorded(line: 8)).event.seq == 8)
            // Like a corrected partner.joined, the corrected porteur's id now resolves.
            let vote = try LedgerFixtures.draft(.approvalVoted, id: LedgerFixtures.id(9), effective: "2025-04-10", #"""
                {"partnerId":"mairie-val","document":"convention","body":"conseil municipal","reference":"DEL-1","outcome":"adopted"}
                """#)
            let outcome = try file.append(vote, now: LedgerFixtures.recorded(line: 9))
            #expect(outcome.event.seq == 9)
            // And a ledger holding both reads back.
            #expect(try file.verify().isValid)
        }
    }

    // MARK: - Creating

    @Test func createRefusesAFirstLineOtherThanPactDrafted() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            let draft = try LedgerFixtures.baseDrafts()[1]
            #expect(throws: LedgerError.firstLineNotDrafted(LedgerLocation(file: path, line: 1), found: "partner.joined")) {
                try LedgerFile.create(at: path, with: draft, recordedAt: LedgerFixtures.firstRecorded)
            }
            #expect(!FileBytes.exists(path))
        }
    }

    @Test func createRefusesAnInvalidPact() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            var draft = try LedgerFixtures.pactDrafted()
            draft.data["porteur"] = .object(try LedgerFixtures.object(#"{"id":"p","name":"P","kind":"mairie"}"#))
            let kinds = ExpectedValue.oneOf(Partner.Kind.allCases.map(\.rawValue))
            let expected = LedgerError.invalidMember(
                LedgerLocation(file: path, line: 1), FieldError(path: "data.porteur.kind", expected: kinds, found: "\"mairie\""))
            #expect(throws: expected) {
                try LedgerFile.create(at: path, with: draft, recordedAt: LedgerFixtures.firstRecorded)
            }
            #expect(!FileBytes.exists(path))
        }
    }
}
