#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a scan of a ledger found.
public struct LedgerScan: Sendable {
    /// What the good lines established (last seq, last hash, ids…).
    public var index: LedgerIndex
    /// Bytes of good lines from the start of the file.
    public var validLength: Int
    public var tornTail: TornTail?
    /// The first problem other than a torn tail; the scan stops there.
    public var problem: LedgerError?
}

/// Reads a ledger's bytes in large chunks, splits lines on `\n`, parses and checks each.
enum LedgerScanner {
    static let chunkSize = 1 << 20

    static func scan(
        descriptor: Int32, path: String, system: FileSystem, visit: (LedgerEvent) -> Void
    ) throws(LedgerError) -> LedgerScan {
        var index = LedgerIndex()
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0  // bytes of buffer holding file data
        var fileOffset = 0  // offset in the file of buffer[0]
        var validLength = 0
        var lineNumber = 0
        // A line that is not JSON is a torn tail only if it is the last one.
        var pendingMalformed: (error: LedgerError, offset: Int)?
        var endOfFile = false

        while !endOfFile {
            if buffer.count - filled < chunkSize / 2 {
                buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count))
            }
            let count = buffer.withUnsafeMutableBytes { bytes in
                system.retrying { system.pread(descriptor, UnsafeMutableRawBufferPointer(rebasing: bytes[filled...]), fileOffset + filled) }
            }
            guard count >= 0 else {
                let code = errno
                throw code == EISDIR ? .isDirectory(path: path) : .inputOutput(path: path, operation: .read, code: code)
            }
            filled += count
            endOfFile = count == 0

            var consumed = 0
            let problem: LedgerError? = buffer.withUnsafeBytes { whole -> LedgerError? in
                let bytes = UnsafeRawBufferPointer(rebasing: whole[0..<filled])
                while consumed < bytes.count {
                    guard let newline = memchr(bytes.baseAddress! + consumed, 0x0A, bytes.count - consumed) else {
                        break
                    }
                    let end = bytes.baseAddress!.distance(to: UnsafeRawPointer(newline))
                    let line = UnsafeRawBufferPointer(rebasing: bytes[consumed..<end])
                    let lineOffset = fileOffset + consumed
                    consumed = end + 1
                    if let pending = pendingMalformed { return pending.error }
                    lineNumber += 1
                    let location = LedgerLocation(file: path, line: lineNumber)
                    do throws(LedgerError) {
                        let event = try LedgerLine.parse(line, at: location)
                        try index.admit(event, file: path)
                        visit(event)
                        validLength = fileOffset + consumed
                    } catch {
                        if case .malformedLine = error {
                            pendingMalformed = (error, lineOffset)
                        } else {
                            return error
                        }
                    }
                }
                return nil
            }
            if let problem {
                return LedgerScan(index: index, validLength: validLength, tornTail: nil, problem: problem)
            }
            if consumed > 0 {
                let remaining = filled - consumed
                buffer.withUnsafeMutableBytes { bytes in
                    if remaining > 0 { memmove(bytes.baseAddress!, bytes.baseAddress! + consumed, remaining) }
                }
                filled = remaining
                fileOffset += consumed
            }
        }

        let fileLength = fileOffset + filled
        if let pending = pendingMalformed {
            let torn = TornTail(line: lineNumber, offset: pending.offset, byteCount: fileLength - pending.offset)
            return LedgerScan(index: index, validLength: validLength, tornTail: torn, problem: nil)
        }
        if filled > 0 {
            let torn = TornTail(line: lineNumber + 1, offset: fileOffset, byteCount: filled)
            return LedgerScan(index: index, validLength: validLength, tornTail: torn, problem: nil)
        }
        if lineNumber == 0 {
            return LedgerScan(index: index, validLength: 0, tornTail: nil, problem: .empty(path: path))
        }
        return LedgerScan(index: index, validLength: validLength, tornTail: nil, problem: nil)
    }
}
