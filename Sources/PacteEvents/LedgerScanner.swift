#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

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
///
/// With several `workers`, the lines of each chunk are first parsed and hashed on that many
/// threads (a line's parse and hash depend on its bytes alone), then checked against the
/// lines before them (`seq`, `prev`, ids, references) in order, in one pass: the first bad
/// line and its message are the same as with one worker.
enum LedgerScanner {
    static let chunkSize = 1 << 20

    /// Fewer complete lines in a chunk than this are parsed on the scanning thread alone.
    static let parallelLineThreshold = 16

    /// `visit` gets each event with the index of the lines up to it (its own included).
    static func scan(
        descriptor: Int32, path: String, system: FileSystem, workers: Int = 1, visit: (LedgerEvent, LedgerIndex) -> Void
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
        var scratch = LineScratch()

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
                let parsedAhead = workers > 1
                    ? parseAhead(bytes, from: consumed, firstLine: lineNumber + 1, path: path, workers: workers) : ParsedLines()
                var lineInChunk = 0
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
                    let ahead = parsedAhead[lineInChunk]
                    lineInChunk += 1
                    do throws(LedgerError) {
                        let event: LedgerEvent
                        if let ahead {
                            event = try ahead.get()
                        } else {
                            event = try LedgerLine.parse(line, at: location, scratch: &scratch)
                        }
                        try index.admit(event, file: path)
                        visit(event, index)
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
            keepUnread(&buffer, consumed: consumed, filled: &filled, fileOffset: &fileOffset)
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

    /// Parses the complete lines of `bytes` from `start` (line numbers from `firstLine`) on
    /// `workers` threads, each a contiguous run of lines. A run stops at its first bad line,
    /// leaving `nil` for the rest of its lines: the scan never goes past a bad line (a
    /// malformed one is reported as soon as another line follows it). Returns no results
    /// when the chunk holds too few lines to be worth sharing.
    static func parseAhead(
        _ bytes: UnsafeRawBufferPointer, from start: Int, firstLine: Int, path: String, workers: Int
    ) -> ParsedLines {
        var lines: [Range<Int>] = []
        var position = start
        while position < bytes.count, let newline = memchr(bytes.baseAddress! + position, 0x0A, bytes.count - position) {
            let end = bytes.baseAddress!.distance(to: UnsafeRawPointer(newline))
            lines.append(position..<end)
            position = end + 1
        }
        guard lines.count >= parallelLineThreshold else { return ParsedLines() }

        let lineRanges = lines
        @Sendable func run(of worker: Int) -> Range<Int> {
            (lineRanges.count * worker / workers)..<(lineRanges.count * (worker + 1) / workers)
        }
        // The chunk's memory outlives every worker: `concurrentPerform` returns after them.
        nonisolated(unsafe) let chunk = bytes
        let runs = Mutex([[Result<LedgerEvent, LedgerError>]](repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var results: [Result<LedgerEvent, LedgerError>] = []
            results.reserveCapacity(run(of: worker).count)
            var scratch = LineScratch()
            for lineIndex in run(of: worker) {
                let line = UnsafeRawBufferPointer(rebasing: chunk[lineRanges[lineIndex]])
                let location = LedgerLocation(file: path, line: firstLine + lineIndex)
                do throws(LedgerError) {
                    results.append(.success(try LedgerLine.parse(line, at: location, scratch: &scratch)))
                } catch {
                    results.append(.failure(error))
                    break
                }
            }
            runs.withLock { $0[worker] = results }
        }
        // The runs are handed over as they are (no copy of their events).
        var parsed = ParsedLines()
        runs.withLock { runs in
            for worker in 0..<workers {
                parsed.append(run: runs[worker], startingAt: run(of: worker).lowerBound)
                runs[worker] = []
            }
        }
        return parsed
    }
}

/// The lines of a chunk parsed ahead of the in-order pass, in the runs the workers parsed.
struct ParsedLines {
    private var runs: [[Result<LedgerEvent, LedgerError>]] = []
    /// The position in the chunk of each run's first line.
    private var starts: [Int] = []

    mutating func append(run: [Result<LedgerEvent, LedgerError>], startingAt start: Int) {
        runs.append(run)
        starts.append(start)
    }

    /// The result of the line at `position` in the chunk; `nil` when it was not parsed
    /// (after a bad line of its run, or no lines were parsed ahead).
    subscript(position: Int) -> Result<LedgerEvent, LedgerError>? {
        var run = runs.count - 1
        while run >= 0, starts[run] > position { run -= 1 }
        guard run >= 0 else { return nil }
        let offset = position - starts[run]
        return offset < runs[run].count ? runs[run][offset] : nil
    }
}
