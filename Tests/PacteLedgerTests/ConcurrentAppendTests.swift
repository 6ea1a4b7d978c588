import Foundation
import PactTesting
import PacteEvents
import Testing

/// Several processes appending to one ledger at once: the lock serialises them.
@Suite("Concurrent appends")
struct ConcurrentAppendTests {
    @Test("two processes appending 500 events each end with 1,000 events, contiguous seq, valid chain")
    func twoWriters() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path("pacte.jsonl")
        try BuiltBinary.run(initArguments(file))
        let writers = (1...2).map { writer -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [
                "-c",
                """
                for i in $(seq 500); do
                  "$0" meeting "$1" --body COPIL --attendee cc-val --decision "writer \(writer) event $i" \
                    --effective 2025-02-01 --by writer-\(writer) > /dev/null || exit 1
                done
                """,
                BuiltBinary.url.path, file,
            ]
            return process
        }
        for writer in writers { try writer.run() }
        for writer in writers {
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
        }
        let contents = try LedgerFile(path: file).read()
        #expect(contents.events.count == 1001)
        #expect(contents.events.map(\.seq) == Array(1...1001))
        #expect(contents.tornTail == nil)
        let report = try LedgerFile(path: file).verify()
        #expect(report.isValid)
        #expect(contents.events.filter { $0.recordedBy == "writer-1" }.count == 500)
        #expect(contents.events.filter { $0.recordedBy == "writer-2" }.count == 500)
    }
}
