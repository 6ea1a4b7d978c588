@testable import PacteEvents
import Testing

/// The direct path matches `type` names by length, then bytes: every name of the
/// catalogue is found, and nothing else is.
struct EnvelopeNameTests {
    private static func lookUp(_ name: [UInt8]) -> EventType? {
        name.withUnsafeBytes { JSONParser.eventType($0) }
    }

    @Test(arguments: EventType.allCases)
    func everyTypeIsFoundByItsName(type: EventType) {
        #expect(Self.lookUp(Array(type.rawValue.utf8)) == type)
    }

    @Test(arguments: EventType.allCases)
    func nearMissesAreNotTypes(type: EventType) {
        let name = Array(type.rawValue.utf8)
        #expect(Self.lookUp(Array(name.dropLast())) == nil)
        #expect(Self.lookUp(Array(name.dropFirst())) == nil)
        #expect(Self.lookUp(name + [UInt8(ascii: "s")]) == nil)
        #expect(Self.lookUp(Array(type.rawValue.uppercased().utf8)) == nil)
        for position in name.indices {
            var changed = name
            changed[position] ^= 0x01
            #expect(Self.lookUp(changed) == nil)
        }
    }

    @Test func emptyAndUnknownNames() {
        #expect(Self.lookUp([]) == nil)
        #expect(Self.lookUp(Array("pact".utf8)) == nil)
        #expect(Self.lookUp(Array("pact.drafted\u{0}".utf8)) == nil)
    }
}
