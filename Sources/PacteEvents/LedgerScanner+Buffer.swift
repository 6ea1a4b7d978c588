#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LedgerScanner {
    /// Moves the bytes of `buffer` not yet read as lines (after the first `consumed` of the
    /// `filled` ones) to its front, before the next chunk of the file is read after them.
    static func keepUnread(_ buffer: inout [UInt8], consumed: Int, filled: inout Int, fileOffset: inout Int) {
        guard consumed > 0 else { return }
        let remaining = filled - consumed
        buffer.withUnsafeMutableBytes { bytes in
            if remaining > 0 { memmove(bytes.baseAddress!, bytes.baseAddress! + consumed, remaining) }
        }
        filled = remaining
        fileOffset += consumed
    }
}
