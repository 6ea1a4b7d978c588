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

    /// Reads the file's next bytes into `buffer` after its first `filled` ones (which hold
    /// the file's bytes from `fileOffset`): how many were read, 0 at the end of the file.
    static func readMore(
        into buffer: inout [UInt8], after filled: Int, at fileOffset: Int, descriptor: Int32, path: String, system: FileSystem
    ) throws(LedgerError) -> Int {
        let count = buffer.withUnsafeMutableBytes { bytes in
            system.retrying { system.pread(descriptor, UnsafeMutableRawBufferPointer(rebasing: bytes[filled...]), fileOffset + filled) }
        }
        guard count >= 0 else {
            let code = errno
            throw code == EISDIR ? .isDirectory(path: path) : .inputOutput(path: path, operation: .read, code: code)
        }
        return count
    }
}
