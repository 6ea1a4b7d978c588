#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LedgerFile {
    /// Skims every complete line in order (``LedgerSkim``), handing each to `visit`: a
    /// first pass for a caller that then reads the ledger strictly (``forEachEvent(_:)-…``),
    /// which reports any problem.
    ///
    /// Returns `nil` when the skim cannot vouch for what it read (a line it cannot read,
    /// a file it cannot open…): the caller then reads strictly from the start. Bytes after
    /// the last `\n`, and a last line that is not JSON, are not skimmed (a torn tail, as
    /// the strict read finds it): the last line is read strictly.
    public func skim(_ visit: (LedgerSkim.Line) -> Void) -> LedgerSkim? {
        try? withDescriptor(write: false) { (descriptor) throws(LedgerError) -> LedgerSkim? in
            var skim = LedgerSkim()
            let chunkSize = LedgerScanner.chunkSize
            var buffer = [UInt8](repeating: 0, count: chunkSize)
            var filled = 0  // bytes of buffer holding file data
            var fileOffset = 0  // offset in the file of buffer[0]
            while true {
                if buffer.count - filled < chunkSize / 2 {
                    buffer.append(contentsOf: repeatElement(0, count: buffer.count))
                }
                let count = buffer.withUnsafeMutableBytes { bytes in
                    system.retrying {
                        system.pread(descriptor, UnsafeMutableRawBufferPointer(rebasing: bytes[filled...]), fileOffset + filled)
                    }
                }
                guard count >= 0 else { return nil }
                let endOfFile = count == 0
                filled += count
                var consumed = 0
                let vouched = buffer.withUnsafeBytes { whole in
                    let bytes = UnsafeRawBufferPointer(rebasing: whole[0..<filled])
                    // A line is skimmed once the line after it is complete: the last complete
                    // line waits for the end of the file, where it is read strictly (a torn
                    // tail if it is not JSON, as the strict read finds it).
                    var lineEnd = memchr(bytes.baseAddress!, 0x0A, bytes.count)
                    while let newline = lineEnd {
                        let end = bytes.baseAddress!.distance(to: UnsafeRawPointer(newline))
                        let nextEnd = end + 1 < bytes.count ? memchr(newline + 1, 0x0A, bytes.count - end - 1) : nil
                        guard nextEnd != nil || endOfFile else { break }
                        let line = UnsafeRawBufferPointer(rebasing: bytes[consumed..<end])
                        consumed = end + 1
                        guard skim.read(line, isLast: nextEnd == nil, path: path, visit: visit) else { return false }
                        lineEnd = nextEnd
                    }
                    return true
                }
                guard vouched else { return nil }
                if endOfFile { return skim }
                LedgerScanner.keepUnread(&buffer, consumed: consumed, filled: &filled, fileOffset: &fileOffset)
            }
        }
    }
}
