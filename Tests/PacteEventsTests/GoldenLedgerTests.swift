import Foundation
import PacteEvents
import Testing

/// The golden example of format v1 (`shared/spec/examples/`), written by an independent
/// implementation: this library must read it, verify it, and write the same bytes.
struct GoldenLedgerTests {
    /// The examples folder, found by walking up from this source file until a folder
    /// holds `shared/spec/examples/golden.jsonl`; else the repository's own copy,
    /// `Tests/Fixtures/golden/` (a checkout without `shared/` beside it).
    /// (The source file's path as given, then with symbolic links resolved.)
    static func examplesFolder(from file: String = #filePath) throws -> URL {
        if let shared = try? sharedExamplesFolder(from: file) { return shared }
        let copy = URL(fileURLWithPath: file).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/golden", isDirectory: true).standardized
        if FileManager.default.fileExists(atPath: copy.appendingPathComponent("golden.jsonl").path) { return copy }
        throw FixtureError("no shared/spec/examples/golden.jsonl above \(file), and no Tests/Fixtures/golden copy")
    }

    /// `shared/spec/examples/` above this source file, if there is one.
    static func sharedExamplesFolder(from file: String = #filePath) throws -> URL {
        let source = URL(fileURLWithPath: file)
        for start in [source, source.resolvingSymlinksInPath()] {
            var folder = start.deletingLastPathComponent()
            while true {
                let candidate = folder.appendingPathComponent("shared/spec/examples", isDirectory: true)
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("golden.jsonl").path) {
                    return candidate
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw FixtureError("no shared/spec/examples/golden.jsonl above \(file)")
    }

    @Test func theRepositoryCopyMatchesShared() throws {
        let copy = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/golden", isDirectory: true).standardized
        for name in ["golden.jsonl", "golden.digest"] {
            let ours = try Data(contentsOf: copy.appendingPathComponent(name))
            #expect(!ours.isEmpty)
            if let shared = try? Self.sharedExamplesFolder() {
                #expect(ours == (try Data(contentsOf: shared.appendingPathComponent(name))), "\(name) differs from shared/")
            }
        }
    }

    static func goldenPath() throws -> String {
        try examplesFolder().appendingPathComponent("golden.jsonl").path
    }

    static func goldenDigest() throws -> String {
        let text = try String(contentsOf: examplesFolder().appendingPathComponent("golden.digest"), encoding: .utf8)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func goldenFileIsFound() throws {
        let path = try Self.goldenPath()
        #expect(path.hasSuffix("shared/spec/examples/golden.jsonl") || path.hasSuffix("Tests/Fixtures/golden/golden.jsonl"))
        #expect(try Self.goldenDigest().count == 64)
    }

    @Test func readsTheGoldenLedger() throws {
        let contents = try LedgerFile(path: Self.goldenPath()).read()
        #expect(contents.events.count == 4)
        #expect(contents.tornTail == nil)
        #expect(contents.events.map(\.type) == [.pactDrafted, .partnerJoined, .prioritySet, .approvalVoted])
        #expect(contents.events.map(\.seq) == [1, 2, 3, 4])
        #expect(contents.digest.hexadecimal == (try Self.goldenDigest()))
        #expect(contents.events.first?.previousHash == .zero)

        guard case .pactDrafted(let drafted) = contents.events[0].payload else {
            Issue.record("line 1 is not pact.drafted")
            return
        }
        #expect(drafted.title == "Pacte d'essai (fictif) — « vecteur de test »")
        #expect(drafted.context == "Texte d'exemple avec \"guillemets\", barre \\ oblique et accents éàü.")
        #expect(drafted.porteur.id == "essai")
        #expect(drafted.porteur.statutoryBody == "conseil municipal")
        #expect(contents.events[3].recorded.description == "2025-03-20T10:15:00Z")
        #expect(contents.events[3].effective.description == "2025-03-01")
    }

    @Test func verifiesTheGoldenLedgerAndItsPublishedDigest() throws {
        let digest = try #require(SHA256Digest(hexadecimal: try Self.goldenDigest()))
        let report = try LedgerFile(path: Self.goldenPath()).verify(publishedDigest: digest)
        #expect(report.isValid)
        #expect(report.problem == nil)
        #expect(report.eventCount == 4)
        #expect(report.digest == digest)
        #expect(report.publishedDigestLine == 4)
    }

    @Test func eachGoldenLineParsesAndIsRewrittenByteForByte() throws {
        let bytes = try FileBytes.read(Self.goldenPath())
        let lines = FileBytes.lines(bytes)
        #expect(lines.count == 4)
        var previous = SHA256Digest.zero
        for (index, line) in lines.enumerated() {
            #expect(line.last == 0x0A)
            let body = Array(line.dropLast())
            // The JSON writer alone gives back the same bytes.
            #expect(JSONWriter.bytes(of: try JSONParser.parse(String(decoding: body, as: UTF8.self))) == body)
            // So does the line writer, from the parsed event.
            let event = try parseLine(body, line: index + 1)
            let rewritten = LedgerLine.write(
                seq: event.seq, id: event.id, type: event.type, version: event.version, effective: event.effective,
                recorded: event.recorded, recordedBy: event.recordedBy, data: event.data, previousHash: previous
            )
            #expect(rewritten.bytes == line, "line \(index + 1)")
            #expect(rewritten.hash == event.hash)
            previous = event.hash
        }
    }

    @Test func writingTheSameFourEventsReproducesTheGoldenBytes() throws {
        let golden = try FileBytes.read(Self.goldenPath())
        // The events as a person would give them: id, effective, recorded, by and data
        // taken from the golden lines' JSON (not from this library's decoder).
        struct Given {
            var draft: EventDraft
            var recorded: Timestamp
        }
        var given: [Given] = []
        for line in FileBytes.lines(golden) {
            let object = try #require(try JSONParser.parse(String(decoding: line.dropLast(), as: UTF8.self)).objectValue)
            let type = try #require(object["type"]?.stringValue.flatMap(EventType.init(rawValue:)))
            let effective = try #require(object["effective"]?.stringValue.flatMap { CivilDate($0) })
            let recorded = try #require(object["recorded"]?.stringValue.flatMap { Timestamp($0) })
            let draft = EventDraft(
                type: type, id: try #require(object["id"]?.stringValue), effective: effective,
                recordedBy: try #require(object["by"]?.stringValue), data: try #require(object["data"]?.objectValue)
            )
            given.append(Given(draft: draft, recorded: recorded))
        }
        #expect(given.count == 4)

        try TemporaryDirectory.with { folder in
            let path = folder + "/golden-copy.jsonl"
            let first = try LedgerFile.create(at: path, with: given[0].draft, recordedAt: given[0].recorded)
            #expect(first.seq == 1)
            let file = LedgerFile(path: path)
            for item in given.dropFirst() {
                let outcome = try file.append(item.draft, now: item.recorded)
                guard case .appended = outcome else {
                    Issue.record("not appended: \(outcome)")
                    return
                }
            }
            let written = try FileBytes.read(path)
            #expect(written == golden)
            #expect(try file.read().digest.hexadecimal == (try Self.goldenDigest()))
        }
    }
}
