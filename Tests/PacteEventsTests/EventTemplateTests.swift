import PacteEvents
import Testing

@Suite("EventTemplate")
struct EventTemplateTests {
    @Test("every template decodes as its event type", arguments: EventType.allCases)
    func templateDecodes(type: EventType) throws {
        let value = try JSONParser.parse(EventTemplate.data(for: type))
        _ = try EventPayload(type: type, data: value)
    }
}
