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

    /// Whether these bytes are exactly `other`'s (length first, then the bytes: a loop for
    /// names and ids of a few bytes, `memcmp` beyond).
    @inline(__always)
    func hasSameBytes(as other: UnsafeRawBufferPointer) -> Bool {
        guard count == other.count else { return false }
        if count <= 16 {
            for index in 0..<count where self[index] != other[index] { return false }
            return true
        }
        return memcmp(baseAddress!, other.baseAddress!, count) == 0
    }
}
