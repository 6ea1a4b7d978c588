import PacteEvents
import Testing

/// Appends from several writers at once: the lock makes them one after the other.
struct ConcurrentAppendTests {
    @Test func concurrentAppendsAllLandOnAValidChain() async throws {
        try await TemporaryDirectory.withAsync { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let writers = 4
            let appendsPerWriter = 5
            var drafts: [[EventDraft]] = []
            for writer in 0..<writers {
                drafts.append(try (0..<appendsPerWriter).map { index in
                    try LedgerFixtures.draft(
                        .draftSubmitted, id: LedgerFixtures.id(200 + writer * 10 + index), effective: "2025-03-15",
                        #"{"to":["écrivain \#(writer)","envoi \#(index)"]}"#)
                })
            }
            let now = LedgerFixtures.recorded(line: 8)
            let outcomes = await withTaskGroup(of: [Result<AppendOutcome, LedgerError>].self) { group in
                for writerDrafts in drafts {
                    group.addTask {
                        writerDrafts.map { draft in
                            do throws(LedgerError) {
                                return .success(try LedgerFile(path: path).append(draft, now: now))
                            } catch {
                                return .failure(error)
                            }
                        }
                    }
                }
                var all: [Result<AppendOutcome, LedgerError>] = []
                for await results in group {
                    all += results
                }
                return all
            }
            #expect(outcomes.count == writers * appendsPerWriter)
            var seqs: [Int] = []
            for outcome in outcomes {
                guard case .success(.appended(let event)) = outcome else {
                    Issue.record("append failed: \(outcome)")
                    continue
                }
                seqs.append(event.seq)
            }
            #expect(seqs.sorted() == Array(8..<(8 + writers * appendsPerWriter)))
            let contents = try LedgerFile(path: path).read()
            #expect(contents.events.count == 7 + writers * appendsPerWriter)
            #expect(Set(contents.events.map(\.id)).count == contents.events.count)
            #expect(try LedgerFile(path: path).verify().isValid)
        }
    }
}
