import PacteEvents

/// Makes `LedgerEvent` values in memory from (type, effective, recorded, data JSON
/// text): `seq` increasing from 1, hashes zero (projections do not check them).
public struct LedgerBuilder: Sendable {
    public private(set) var events: [LedgerEvent] = []

    public init() {}

    /// Appends an event. `recorded` defaults to noon UTC of the effective date, or one
    /// minute after the previous line when that is later (recorded never decreases).
    @discardableResult
    public mutating func add(
        _ type: EventType, _ effective: String, recorded: String? = nil, id: String? = nil, by: String = "agent-test",
        _ data: String
    ) -> LedgerEvent {
        let object = try! JSONParser.parse(data).objectValue!
        return add(type, effective, recorded: recorded, id: id, by: by, object)
    }

    @discardableResult
    public mutating func add(
        _ type: EventType, _ effective: String, recorded: String? = nil, id: String? = nil, by: String = "agent-test",
        _ data: JSONObject
    ) -> LedgerEvent {
        let seq = events.count + 1
        let date = CivilDate(effective)!
        var stamp = recorded.map { Timestamp($0)! } ?? Timestamp(date: date, hour: 12)
        if recorded == nil, let last = events.last?.recorded, stamp <= last {
            stamp = Timestamp(secondsSinceEpoch: last.secondsSinceEpoch + 60)
        }
        // The version a writer writes: the lowest able to carry the data.
        let target = data["target"]?.stringValue.flatMap { id in events.first { $0.id == id }?.type }
        let version = type.lowestVersion(carrying: data, targetType: type == .correctionRecorded ? target : nil)
        let payload: EventPayload
        do {
            payload = try EventPayload(type: type, version: version, data: .object(data))
        } catch {
            fatalError("fixture \(type) \(effective): \(error)")
        }
        let event = LedgerEvent(
            seq: seq, id: id ?? "e\(seq)", type: type, version: version, effective: date, recorded: stamp, recordedBy: by, data: data,
            payload: payload, previousHash: .zero, hash: .zero)
        events.append(event)
        return event
    }
}

extension JSONValue {
    /// Parses fixture JSON text.
    public static func parsing(_ text: String) -> JSONValue {
        try! JSONParser.parse(text)
    }
}

public func day(_ text: String) -> CivilDate {
    CivilDate(text)!
}
