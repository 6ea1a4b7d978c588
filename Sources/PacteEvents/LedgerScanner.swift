#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

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
/// With one worker, the scanning thread reads, parses and checks each line in turn. With
/// several, it works as a pipeline: the lines of chunk k+1 are parsed and hashed on
/// `workers` threads (``ChunkParse``) while the scanning thread checks those of chunk k
/// against the lines before them (`seq`, `prev`, ids, references), in order, and hands
/// them to `visit`. The first bad line and its message are the same either way.
enum LedgerScanner {
    static let chunkSize = 1 << 20

    /// The bytes of a chunk of the pipeline (``pipelinedScan(descriptor:path:system:workers:chunkSize:visit:)``).
    /// 4 MB measured no faster than 1 MB, for about 25 MB more memory.
    static let pipelineChunkSize = chunkSize

    /// `visit` gets each event with the index of the lines up to it (its own included).
    /// `pipelineChunkSize` is for tests (many chunks from a small file).
    static func scan(
        descriptor: Int32, path: String, system: FileSystem, workers: Int = 1, pipelineChunkSize: Int = pipelineChunkSize,
        visit: (LedgerEvent, LedgerIndex) -> Void
    ) throws(LedgerError) -> LedgerScan {
        if workers > 1 {
            return try pipelinedScan(
                descriptor: descriptor, path: path, system: system, workers: workers, chunkSize: pipelineChunkSize, visit: visit)
        }
        var progress = ScanProgress(path: path)
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0  // bytes of buffer holding file data
        var fileOffset = 0  // offset in the file of buffer[0]
        var endOfFile = false
        var scratch = LineScratch()

        while !endOfFile {
            if buffer.count - filled < chunkSize / 2 {
                buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count))
            }
            let count = try readMore(into: &buffer, after: filled, at: fileOffset, descriptor: descriptor, path: path, system: system)
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
                    let location: LedgerLocation
                    switch progress.beginLine() {
                    case .success(let next): location = next
                    case .failure(let problem): return problem
                    }
                    let parsed: Result<LedgerEvent, LedgerError>
                    do throws(LedgerError) {
                        parsed = .success(try LedgerLine.parse(line, at: location, scratch: &scratch))
                    } catch {
                        parsed = .failure(error)
                    }
                    if let problem = progress.take(parsed, offset: lineOffset, nextOffset: fileOffset + consumed, visit: visit) {
                        return problem
                    }
                }
                return nil
            }
            if let problem { return progress.stopped(by: problem) }
            keepUnread(&buffer, consumed: consumed, filled: &filled, fileOffset: &fileOffset)
        }
        return progress.finished(unreadOffset: fileOffset, unreadCount: filled)
    }

    /// ``scan(descriptor:path:system:workers:pipelineChunkSize:visit:)`` with several workers:
    /// chunk k+1 is read and parsed while chunk k is checked.
    private static func pipelinedScan(
        descriptor: Int32, path: String, system: FileSystem, workers: Int, chunkSize: Int,
        visit: (LedgerEvent, LedgerIndex) -> Void
    ) throws(LedgerError) -> LedgerScan {
        var reader = LineChunk.Reader(descriptor: descriptor, path: path, system: system, chunkSize: chunkSize)
        var progress = ScanProgress(path: path)
        // A read that fails is reported after the chunks before it are checked, as with one worker.
        var readProblem: LedgerError?
        func startNext() -> ChunkParse? {
            guard readProblem == nil else { return nil }
            do throws(LedgerError) {
                return try reader.next().map { ChunkParse($0, path: path, workers: workers) }
            } catch {
                readProblem = error
                return nil
            }
        }

        var current = startNext()
        while let parse = current {
            let next = startNext()
            let parsed = parse.wait()
            let chunk = parse.chunk
            for position in 0..<chunk.lineCount {
                // The line numbers match: the chunk's were counted from the lines before it.
                if case .failure(let problem) = progress.beginLine() {
                    _ = next?.wait()
                    return progress.stopped(by: problem)
                }
                let range = chunk.range(ofLine: position)
                let offset = chunk.fileOffset + range.lowerBound
                if let problem = progress.take(
                    parsed[position], offset: offset, nextOffset: chunk.fileOffset + range.upperBound + 1, visit: visit)
                {
                    _ = next?.wait()
                    return progress.stopped(by: problem)
                }
            }
            current = next
        }
        if let readProblem { throw readProblem }
        return progress.finished(unreadOffset: reader.fileOffset, unreadCount: reader.unreadCount)
    }
}
