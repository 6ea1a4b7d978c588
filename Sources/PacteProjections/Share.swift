import PacteEvents

/// An exact part of a whole (`part / whole`), such as the other partners' share of an
/// action's cash. Kept as two integers so that a judgment (at least half?) is exact;
/// shown rounded *down*, so that a failing 49.99 % never reads as 50 %.
public struct Share: Sendable, Hashable {
    public var part: Int
    public var whole: Int

    public init(_ part: Int, of whole: Int) {
        self.part = part
        self.whole = whole
    }

    /// Whether the part is at least half of the whole (a zero whole is not).
    public var isAtLeastHalf: Bool { whole > 0 && part >= whole - part }

    /// Tenths of a percent, rounded down (`nil` for a zero whole).
    public var permilleRoundedDown: Int? { whole > 0 ? part.scaled(by: 1000, over: whole) : nil }

    /// Whole percent, rounded down (`nil` for a zero whole).
    public var percentRoundedDown: Int? { whole > 0 ? part.scaled(by: 100, over: whole) : nil }
}
