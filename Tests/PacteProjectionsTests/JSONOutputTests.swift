import PacteEvents
import PactTesting
import PacteProjections
import Testing

@Suite("JSON for programs")
struct JSONOutputTests {
    @Test func stateHasTheDocumentedMembers() throws {
        let json = PactState(events: PactFixture.withAmendment.events).jsonValue
        let object = try #require(json.objectValue)
        for key in ["status", "inForceSince", "partners", "priorities", "actions", "commitments", "amendments",
                    "extensions", "governance", "annexes", "totals"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["status"] == .string("in-force"))
        #expect(object["inForceSince"] == .string("2025-05-05"))
        let amendment = try #require(object["amendments"].flatMap { if case .array(let items) = $0 { items.first } else { nil } }?.objectValue)
        #expect(amendment["status"] == .string("in-force"))
        #expect(amendment["inForceSince"] == .string("2026-04-02"))
        let totals = try #require(object["totals"]?.objectValue?["voted"]?.objectValue)
        #expect(totals["cashCents"]?.integerValue == 10_000_000)
    }

    @Test func amountsAreIntegerCentsInMembersEndingInCents() {
        var amounts: [String] = []
        func walk(_ value: JSONValue, key: String?) {
            switch value {
            case .object(let object): for member in object.members { walk(member.value, key: member.key) }
            case .array(let items): for item in items { walk(item, key: key) }
            case .number(let number):
                if let key, key.hasSuffix("Cents") {
                    amounts.append(key)
                    #expect(number.integerValue != nil)
                }
            default: break
            }
        }
        walk(PactState(events: PactFixture.baseline.events).jsonValue, key: nil)
        #expect(amounts.contains("amountCents"))
        #expect(amounts.contains("cashCents"))
    }

    @Test func timelineAndHistory() throws {
        let events = PactFixture.withAmendment.events
        let timeline = try #require(SigningTimeline(events: events, today: day("2026-05-01")).jsonValue.objectValue)
        #expect(timeline.keys == ["today", "documents", "stateFundedActions", "governance"])
        let history = try #require(AmendmentHistory(events: events).jsonValue.objectValue)
        #expect(history.keys == ["entries", "corrections"])
        let text = JSONWriter.string(of: AmendmentHistory(events: events).filtered(actionId: "A1", since: day("2026-02-15")).jsonValue)
        #expect(text.contains(#""kind":"action-amended","subject":"action","subjectId":"A1""#))
        #expect(text.contains(#""appliesFrom":"2026-04-02","pending":false"#))
    }
}
