/// Sums of amounts that never trap.
///
/// One amount is at most ``ObjectReader/maximumCents`` (10^12 cents), but a ledger may
/// hold any number of them: a sum is held at `Int.max` (92 233 720 368 547 758,07 €)
/// instead of overflowing, and a share of a sum is computed in 128 bits.
extension Int {
    /// `self + other`, or `Int.max` (`Int.min`) when the exact sum is beyond it.
    public func addingSaturating(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// Adds `other`, holding at `Int.max` (`Int.min`) instead of overflowing.
    public mutating func addSaturating(_ other: Int) {
        self = addingSaturating(other)
    }

    /// `self × numerator / denominator`, rounded toward zero, computed without overflow:
    /// a share of a sum (per mille, per cent). `denominator` must not be 0.
    public func scaled(by numerator: Int, over denominator: Int) -> Int {
        let exact = Int128(self) * Int128(numerator) / Int128(denominator)
        return exact > Int128(Int.max) ? .max : exact < Int128(Int.min) ? .min : Int(exact)
    }
}

extension Sequence {
    /// The saturating sum of `amount` over the elements (see ``Swift/Int/addingSaturating(_:)``).
    public func saturatingSum(of amount: (Element) -> Int) -> Int {
        reduce(0) { $0.addingSaturating(amount($1)) }
    }
}
