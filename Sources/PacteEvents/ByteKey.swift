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
        // Native strings (small ones included) hold their UTF-8 contiguously: compare the
        // buffers (the generic comparison of two `UTF8View`s walks them index by index).
        let contiguous = utf8.withContiguousStorageIfAvailable { lhs in
            other.utf8.withContiguousStorageIfAvailable { rhs in
                Self.equalBytes(UnsafeRawBufferPointer(lhs), UnsafeRawBufferPointer(rhs))
            }
        }
        if let equal = contiguous ?? nil { return equal }
        return utf8.elementsEqual(other.utf8)
    }

    /// Whether two buffers of the same length hold the same bytes, compared eight at a time.
    private static func equalBytes(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        let count = Swift.min(lhs.count, rhs.count)
        var offset = 0
        while offset + 8 <= count {
            if lhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != rhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if lhs[offset] != rhs[offset] { return false }
            offset += 1
        }
        return lhs.count == rhs.count
    }
}
