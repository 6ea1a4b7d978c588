/// Text compared and hashed by its UTF-8 bytes, as the format compares ids, member
/// names and references.
///
/// Swift's `String` equality and hashing follow Unicode canonical equivalence: `"é"`
/// precomposed (NFC) and decomposed (NFD) are equal, and so are `"K"` and the KELVIN
/// SIGN in `"in\u{212A}ind"`. In a ledger they are different bytes, hence different
/// ids and members: every dictionary or set keyed by an id uses this key, and every
/// comparison of ids uses ``Swift/String/hasSameBytes(as:)``.
public struct ByteKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public init(stringLiteral text: String) {
        self.text = text
    }

    public var description: String { text }

    public static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        lhs.text.hasSameBytes(as: rhs.text)
    }

    public func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension String {
    /// Whether the two strings hold the same UTF-8 bytes (not merely canonically
    /// equivalent characters, which `==` accepts).
    public func hasSameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        // Length first, then `memcmp` over both strings' contiguous UTF-8.
        var left = self
        var right = other
        return left.withUTF8 { left in
            right.withUTF8 { right in UnsafeRawBufferPointer(left).hasSameBytes(as: UnsafeRawBufferPointer(right)) }
        }
    }
}
