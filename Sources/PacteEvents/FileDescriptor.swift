#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place bytes are written to a file descriptor: every writer (the ledger's
/// appends, `report --output`, standard output and error) goes through it.
public enum FileDescriptor {
    /// Writes every byte of `bytes` to `descriptor`, retrying after a short write and
    /// after an interruption (`EINTR`). Returns `nil` when all were written, else the
    /// `errno` of the failure and how many bytes were written before it.
    public static func writeAll(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> (code: Int32, written: Int)? {
        let contiguous = Array(bytes)
        var written = 0
        while written < contiguous.count {
            let count = contiguous.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                return (code, written)
            }
            // A write of zero bytes to a regular file or pipe means no room: report it.
            if count == 0 { return (ENOSPC, written) }
            written += count
        }
        return nil
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #elseif canImport(Darwin)
        Darwin.write(descriptor, buffer, count)
        #endif
    }
}
