import PacteEvents
import Testing

/// Every event type of the catalogue written through `LedgerFile` and read back.
struct EventRoundTripTests {
    @Test func fixtureCoversEveryEventType() throws {
        let types = Set(try LedgerFixtures.allDrafts().map(\.type))
        #expect(types == Set(EventType.allCases))
        #expect(EventType.allCases.count == 23)
    }

    @Test func fixtureIdsAreUniqueLowercaseUUIDs() throws {
        let ids = try LedgerFixtures.allDrafts().compactMap(\.id)
        #expect(ids.count == 28)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.count == 36 && id == id.lowercased())
        }
    }

    @Test func everyEventTypeRoundTrips() throws {
        let drafts = try LedgerFixtures.allDrafts()
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            let written = try LedgerFixtures.writeLedger(drafts, at: path)
            let contents = try LedgerFile(path: path).read()
            #expect(contents.tornTail == nil)
            #expect(contents.events.count == drafts.count)
            #expect(contents.events == written)
            #expect(contents.digest == written.last?.hash)

            for (line, (draft, event)) in zip(drafts, contents.events).enumerated() {
                #expect(event.seq == line + 1)
                #expect(event.id == draft.id)
                #expect(event.type == draft.type)
                #expect(event.version == 1)
                #expect(event.effective == draft.effective)
                #expect(event.recordedBy == draft.recordedBy)
                #expect(event.recorded == LedgerFixtures.recorded(line: line + 1))
                #expect(event.data == draft.data, "data of line \(line + 1), \(draft.type)")
                #expect(event.data.keys == draft.data.keys)
                #expect(LedgerFixtures.type(of: event.payload) == event.type, "payload of line \(line + 1)")
                #expect(event.otherMembers.isEmpty)
                #expect(draft.hasSameContent(as: event))
            }
        }
    }

    @Test func rewritingEachLineGivesTheFilesBytes() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.allDrafts(), at: path)
            let lines = FileBytes.lines(try FileBytes.read(path))
            let events = try LedgerFile(path: path).read().events
            #expect(lines.count == events.count)
            var previous = SHA256Digest.zero
            for (line, event) in zip(lines, events) {
                let rewritten = LedgerLine.write(
                    seq: event.seq, id: event.id, type: event.type, version: event.version, effective: event.effective,
                    recorded: event.recorded, recordedBy: event.recordedBy, data: event.data, previousHash: previous
                )
                #expect(rewritten.bytes == line, "line \(event.seq)")
                #expect(rewritten.hash == event.hash)
                #expect(event.previousHash == previous)
                previous = event.hash
                // Each line ends with the fixed 75-byte hash ending, then \n.
                let ending = Array(line.suffix(LedgerLine.hashSuffixLength + 1))
                #expect(ending == Array((#","hash":""# + event.hash.hexadecimal + "\"}\n").utf8))
                #expect(SHA256.hash(Array(line.dropLast(LedgerLine.hashSuffixLength + 1))) == event.hash)
            }
        }
    }

    @Test func payloadsDecodeTheirMembers() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.allDrafts(), at: path)
            let events = try LedgerFile(path: path).read().events
            var payloads: [EventType: EventPayload] = [:]
            for event in events where payloads[event.type] == nil {
                payloads[event.type] = event.payload
            }

            if case .pactDrafted(let pact)? = payloads[.pactDrafted] {
                #expect(pact.porteur == Partner(
                    id: "cc-val", name: "Communauté de communes du Val", kind: .epci,
                    statutoryBody: "conseil communautaire", signatory: Signatory(name: "Anne Martin", role: "Présidente")))
                #expect(pact.context?.contains("\u{200F}") == true)
                #expect(pact.context?.contains("\"guillemets\", barre \\ oblique, / barre, émoji 😀") == true)
                #expect(pact.period?.end == CivilDate(year: 2027, month: 12, day: 31))
                #expect(pact.territory.communes == ["31001", "31002"])
            } else {
                Issue.record("pact.drafted payload")
            }
            if case .actionAdded(let added)? = payloads[.actionAdded] {
                let sheet = added.sheet
                #expect(sheet.actionId == "A1")
                #expect(sheet.measure == 3)
                #expect(sheet.localJustification == nil)
                #expect(sheet.funding?.map(\.amountCents) == [1_500_000, 1_500_000])
                #expect(sheet.funding?.map(\.basis) == [.dedicated, .commonLawContracted])
                #expect(sheet.inKind?.first?.valuationCents == 250_000)
                #expect(sheet.participation?.stages == [.design, .implementation, .evaluation])
                #expect(sheet.participationSheet == true)
                #expect(sheet.schedule?.milestones.first?.label == "Rentrée")
            } else {
                Issue.record("action.added payload")
            }
            if case .commitmentVoted(let commitment)? = payloads[.commitmentVoted] {
                #expect(commitment.year == 2025)
                #expect(commitment.outcome == .adopted)
                #expect(commitment.lines.map(\.amountCents) == [1_500_000, 0])
                #expect(commitment.inKind.map(\.valuationCents) == [80_000])
            } else {
                Issue.record("commitment.voted payload")
            }
            if case .prioritySet(let priority)? = payloads[.prioritySet] {
                #expect(priority.publics == [.children, .singleParentFamilies])
            } else {
                Issue.record("priority.set payload")
            }
            if case .extensionDecided(let decision)? = payloads[.extensionDecided] {
                #expect(decision.request == LedgerFixtures.id(19))
                #expect(decision.decision == .granted)
                #expect(decision.newEnd == CivilDate(year: 2026, month: 6, day: 30))
                #expect(decision.amendment == 1)
            } else {
                Issue.record("extension.decided payload")
            }
            if case .correctionRecorded(let correction)? = payloads[.correctionRecorded] {
                #expect(correction.target == LedgerFixtures.id(21))
                #expect(correction.replacement?["value"] == .number(JSONNumber(5450)))
            } else {
                Issue.record("correction.recorded payload")
            }
            if case .signatureRequested(let request)? = payloads[.signatureRequested] {
                #expect(request.document == .convention)
                #expect(request.targetMonths == 6)
            } else {
                Issue.record("signature.requested payload")
            }
        }
    }

    @Test func indexKnowsEveryReferenceableId() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.allDrafts(), at: path)
            let index = try LedgerFile(path: path).read().index
            #expect(index.lastSeq == 28)
            #expect(index.partnerIds == ["cc-val", "ddets-31", "caf-31"])
            #expect(index.priorityIds == ["P1", "P2"])
            #expect(index.actionIds == ["A1", "A2"])
            #expect(index.lineOfId[ByteKey(LedgerFixtures.id(19))] == 19)
            #expect(index.types.count == 28)
            #expect(index.lastRecorded == LedgerFixtures.recorded(line: 28))
        }
    }

    @Test func unknownMembersInDataAreKeptAndWrittenBack() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let draft = try LedgerFixtures.draft(.indicatorReported, id: LedgerFixtures.id(90), effective: "2025-06-30", #"""
                {"actionId":"A1","futureMember":{"z":1,"a":[true]},"indicator":"Repas","period":"T2","value":"12,5 %"}
                """#)
            let event = try LedgerFile(path: path).append(draft, now: LedgerFixtures.recorded(line: 8)).event
            let read = try #require(try LedgerFile(path: path).read().events.last)
            #expect(read == event)
            #expect(read.data.keys == ["actionId", "futureMember", "indicator", "period", "value"])
            #expect(read.data["futureMember"] == draft.data["futureMember"])
        }
    }
}
