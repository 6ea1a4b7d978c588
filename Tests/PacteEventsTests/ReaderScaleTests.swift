import PacteEvents
import Testing

/// The reader stays linear in the members of an object. The probe of issue 9 measured
/// the old duplicate check (every name against every name before it) at 58 s for one
/// object of 100,000 members in a release build, quadratic; 400,000 members would take
/// about 15 minutes there, longer in a debug build: this test could not finish within its
/// hang guard before the fix. Speed itself is measured by pacte-bench, not here.
@Suite("Reader at scale", .timeLimit(.minutes(10)))
struct ReaderScaleTests {
    static let memberCount = 400_000

    static func object(members: Int, duplicateLast: Bool = false) -> [UInt8] {
        var text = "{"
        text.reserveCapacity(members * 16)
        for index in 0..<members {
            if index > 0 { text += "," }
            text += "\"m\(index)\":\(index)"
        }
        if duplicateLast { text += ",\"m0\":0" }
        text += "}"
        return Array(text.utf8)
    }

    @Test func anObjectOfManyMembersIsReadInLinearTime() throws {
        let bytes = Self.object(members: Self.memberCount)
        let value = try bytes.withUnsafeBytes { try JSONParser.parse($0) }
        let object = try #require(value.objectValue)
        #expect(object.members.count == Self.memberCount)
        #expect(object["m\(Self.memberCount - 1)"] == .number(JSONNumber(Self.memberCount - 1)))
        #expect(object.hasSameContent(as: object))
    }

    @Test func aDuplicateAmongManyMembersIsStillRefused() {
        let bytes = Self.object(members: Self.memberCount, duplicateLast: true)
        #expect(throws: JSONSyntaxError.self) { try bytes.withUnsafeBytes { try JSONParser.parse($0) } }
    }
}
