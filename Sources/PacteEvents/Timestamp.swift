/// A moment in UTC to the second, written `YYYY-MM-DDTHH:MM:SSZ` (RFC 3339): the
/// transaction time (`recorded`) of a ledger line.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The UTC calendar date.
    public let date: CivilDate
    /// Seconds since midnight UTC, `0..<86400`.
    public let secondOfDay: Int

    public init(date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        precondition((0..<24).contains(hour) && (0..<60).contains(minute) && (0..<60).contains(second))
        self.date = date
        self.secondOfDay = hour * 3600 + minute * 60 + second
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    public init(secondsSinceEpoch seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        self.date = CivilDate(daysSinceEpoch: days)
        self.secondOfDay = seconds - days * 86_400
    }

    /// Parses exactly `YYYY-MM-DDTHH:MM:SSZ`.
    public init?(_ text: some StringProtocol) {
        var text = String(text)
        guard let timestamp = text.withUTF8({ Timestamp(utf8: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = timestamp
    }

    /// Parses exactly the twenty bytes `YYYY-MM-DDTHH:MM:SSZ`.
    public init?(utf8 bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
            let date = CivilDate(utf8: UnsafeRawBufferPointer(rebasing: bytes[0..<10])),
            let hour = CivilDate.digits(bytes, 11, 2), hour < 24,
            let minute = CivilDate.digits(bytes, 14, 2), minute < 60,
            let second = CivilDate.digits(bytes, 17, 2), second < 60
        else { return nil }
        self.init(date: date, hour: hour, minute: minute, second: second)
    }

    /// The moment `count` seconds later (earlier when negative).
    public func adding(seconds count: Int) -> Timestamp {
        Timestamp(secondsSinceEpoch: secondsSinceEpoch + count)
    }

    public var secondsSinceEpoch: Int {
        date.daysSinceEpoch * 86_400 + secondOfDay
    }

    public var description: String {
        let hour = secondOfDay / 3600
        let minute = secondOfDay / 60 % 60
        let second = secondOfDay % 60
        return "\(date)T\(CivilDate.padded(hour, 2)):\(CivilDate.padded(minute, 2)):\(CivilDate.padded(second, 2))Z"
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.date, lhs.secondOfDay) < (rhs.date, rhs.secondOfDay)
    }
}
