/// The schema versions of each event type's `data` (ledger-format-v1.md, "Versions of an
/// event type"). A reader accepts every version from 1 to ``newestVersion`` and reads an
/// old one as the newest through the upcasts of `EventPayload+Upcast.swift`.
extension EventType {
    /// The newest version of this type's `data` this reader knows.
    public var newestVersion: Int {
        switch self {
        case .actionAdded, .correctionRecorded: 2
        default: 1
        }
    }

    /// The lowest version able to carry `data` (what a writer writes, so that older
    /// readers can still read every line they can). `targetType` is the type of the
    /// event a correction targets.
    public func lowestVersion(carrying data: JSONObject, targetType: EventType? = nil) -> Int {
        switch self {
        case .actionAdded:
            return Self.hasMember(data, "amendment") ? 2 : 1
        case .correctionRecorded:
            guard let targetType, let replacement = data["replacement"]?.objectValue else { return 1 }
            return targetType.lowestVersion(carrying: replacement) > 1 ? 2 : 1
        default:
            return 1
        }
    }

    /// The version of `targetType` that a replacement carried by `correction.recorded`
    /// of version `correctionVersion` is read as: a v1 correction carries only v1 data.
    public static func replacementVersion(of targetType: EventType, inCorrectionVersion correctionVersion: Int) -> Int {
        correctionVersion >= 2 ? targetType.newestVersion : 1
    }

    private static func hasMember(_ object: JSONObject, _ key: String) -> Bool {
        guard let value = object[key] else { return false }
        return value != .null
    }
}
