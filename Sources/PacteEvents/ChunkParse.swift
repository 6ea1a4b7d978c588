import Dispatch
import Synchronization

/// One chunk's lines being parsed and hashed on other threads (a line's parse and hash
/// depend on its bytes alone) while the scanning thread checks the chunk before it.
///
/// The chunk's lines are shared among `workers` threads, each a contiguous run. Every line
/// is parsed, bad ones included (their problem is their result): the checking thread stops
/// at the first, and at most the chunk after it is parsed in vain.
final class ChunkParse: Sendable {
    let chunk: LineChunk
    private let done = DispatchGroup()
    private let runs: Mutex<[[Result<LedgerEvent, LedgerError>]]>

    /// Fewer lines in a chunk than this are parsed on one thread.
    static let parallelLineThreshold = 16

    /// Starts parsing `chunk`'s lines of the ledger `path` on `workers` threads.
    init(_ chunk: LineChunk, path: String, workers: Int) {
        self.chunk = chunk
        let workers = chunk.lineCount >= Self.parallelLineThreshold ? max(1, workers) : 1
        runs = Mutex([[Result<LedgerEvent, LedgerError>]](repeating: [], count: workers))
        DispatchQueue.global().async(group: done) { [self] in
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let lines = run(worker, of: workers)
                var results: [Result<LedgerEvent, LedgerError>] = []
                results.reserveCapacity(lines.count)
                var scratch = LineScratch()
                chunk.bytes.withUnsafeBytes { bytes in
                    for position in lines {
                        let line = UnsafeRawBufferPointer(rebasing: bytes[chunk.range(ofLine: position)])
                        let location = LedgerLocation(file: path, line: chunk.firstLine + position)
                        do throws(LedgerError) {
                            results.append(.success(try LedgerLine.parse(line, at: location, scratch: &scratch)))
                        } catch {
                            results.append(.failure(error))
                        }
                    }
                }
                runs.withLock { $0[worker] = results }
            }
        }
    }

    /// The positions in the chunk of the lines of run `worker`.
    private func run(_ worker: Int, of workers: Int) -> Range<Int> {
        (chunk.lineCount * worker / workers)..<(chunk.lineCount * (worker + 1) / workers)
    }

    /// The parsed lines, once every thread is done (handed over as they are: no copy of the events).
    func wait() -> ParsedLines {
        done.wait()
        return runs.withLock { runs in
            var parsed = ParsedLines()
            for worker in runs.indices {
                parsed.append(run: runs[worker], startingAt: run(worker, of: runs.count).lowerBound)
                runs[worker] = []
            }
            return parsed
        }
    }
}
