#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeRawBufferPointer {
    /// Whether these bytes are exactly the UTF-8 bytes of `literal` (length first, then
    /// `memcmp`): how the readers match member and type names without a `String`.
    @inline(__always)
    func hasBytes(of literal: StaticString) -> Bool {
        literal.withUTF8Buffer { hasSameBytes(as: UnsafeRawBufferPointer($0)) }
    }

    /// Whether these bytes are exactly `other`'s (length first, then `memcmp`).
    @inline(__always)
    func hasSameBytes(as other: UnsafeRawBufferPointer) -> Bool {
        guard count == other.count else { return false }
        return count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0
    }
}
