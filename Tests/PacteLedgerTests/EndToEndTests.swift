import Foundation
import PactTesting
import PacteEvents
import Testing

/// The built `pacte-ledger` binary on real files in a temporary folder.
@Suite("pacte-ledger end to end")
struct EndToEndTests {
    @Test func initRecordLogVerify() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path("pacte.jsonl")
        let created = try BuiltBinary.run(initArguments(file))
        #expect(created.exitCode == 0, "\(created.standardError)")
        #expect(created.standardOutput.contains("Ligne 1 ajoutée"))

        let joined = try BuiltBinary.run(
            ["record", file, "partner.joined", "--effective", "2025-01-20", "--by", "secretariat"],
            standardInput: #"{"partner":{"id":"caf-31","name":"CAF","kind":"caf","statutoryBody":"conseil d'administration"},"via":"initial"}"#)
        #expect(joined.exitCode == 0, "\(joined.standardError)")

        let voted = try BuiltBinary.run([
            "approve", file, "--partner", "caf-31", "--body", "conseil d'administration", "--reference", "CA-2025-04",
            "--effective", "2025-03-10", "--by", "secretariat", "--json",
        ])
        #expect(voted.exitCode == 0, "\(voted.standardError)")
        #expect(voted.standardOutput.contains(#""outcome":"appended","seq":3"#))

        let log = try BuiltBinary.run(["log", file])
        #expect(log.exitCode == 0)
        #expect(log.standardOutput.contains("approval.voted"))
        #expect(log.standardOutput.contains("10/03/2025"))

        let verified = try BuiltBinary.run(["verify", file])
        #expect(verified.exitCode == 0)
        #expect(verified.standardOutput.contains("Registre valide : 3 événements"))

        let english = try BuiltBinary.run(["verify", file, "--lang", "en"])
        #expect(english.standardOutput.contains("Ledger valid: 3 events"))
    }

    @Test("a line from a newer writer: members in another order, escapes, unknown members kept by log --json")
    func newerWriterLineIsReadAndItsUnknownMembersKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path("newer.jsonl")
        let body = #"{"type":"pact.drafted","seq":1,"v":1,"id":"a1","by":"x","effective":"2025-01-01","recorded":"2025-01-01T00:00:00Z","extra":{"k":[1,2]},"data":{"pactId":"p","title":"Caf\u00e9 \"test\"","territory":{"name":"T"},"porteur":{"id":"c","name":"C","kind":"commune"},"newField":{"a":null}},"prev":"0000000000000000000000000000000000000000000000000000000000000000""#
        let line = body + #","hash":""# + SHA256.hash(Array(body.utf8)).hexadecimal + "\"}\n"
        try Data(line.utf8).write(to: URL(fileURLWithPath: file))
        #expect(try BuiltBinary.run(["verify", file]).exitCode == 0)
        let log = try BuiltBinary.run(["log", file, "--json"])
        #expect(log.exitCode == 0)
        #expect(log.standardOutput.contains(#""extra":{"k":[1,2]}"#))
        #expect(log.standardOutput.contains(#""newField":{"a":null}"#))
        #expect(log.standardOutput.contains(#""title":"Café \"test\"""#))
    }

    @Test func initRefusesToOverwrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path("pacte.jsonl")
        try BuiltBinary.run(initArguments(file))
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let again = try BuiltBinary.run(initArguments(file))
        #expect(again.exitCode == 2)
        #expect(again.standardError.contains("existe déjà"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    }

    @Test func structuralRefusalNamesLineAndPathAndExitsTwo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path("pacte.jsonl")
        try BuiltBinary.run(initArguments(file))
        let refused = try BuiltBinary.run(
            ["record", file, "commitment.voted", "--effective", "2025-04-01", "--by", "me", "--data",
             #"{"partnerId":"cc-val","year":2025,"body":"b","reference":"r","outcome":"adopted","lines":[{"actionId":"A1","amountCents":-5,"source":"s","basis":"dedicated"}]}"#])
        #expect(refused.exitCode == 2)
        #expect(refused.standardError.contains("pacte.jsonl:2"))
        #expect(refused.standardError.contains("data.lines[0].amountCents"))
        #expect(refused.standardOutput.isEmpty)
        #expect(!refused.standardError.contains("Fatal error"))
    }

    @Test func verifyNamesTheTamperedLineAndExitsOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path("pacte.jsonl")
        try BuiltBinary.run(initArguments(file))
        for day in 10...14 {
            try BuiltBinary.run([
                "meeting", file, "--body", "COPIL", "--attendee", "cc-val", "--effective", "2025-02-\(day)", "--by", "me",
            ])
        }
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "2025-02-12", with: "2025-02-13")
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        let verified = try BuiltBinary.run(["verify", file])
        #expect(verified.exitCode == 1)
        #expect(verified.standardError.contains("pacte.jsonl:4"))
        let json = try BuiltBinary.run(["verify", file, "--json"])
        #expect(json.exitCode == 1)
        #expect(json.standardOutput.contains(#""firstBadLine":4"#))
    }

    @Test func verifyWithPublishedDigest() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path("pacte.jsonl")
        let created = try BuiltBinary.run(initArguments(file) + ["--json"])
        let digest = try #require(created.standardOutput.split(separator: "\"").drop { $0 != "digest" }.dropFirst(2).first)
        try BuiltBinary.run(["meeting", file, "--body", "COPIL", "--attendee", "cc-val", "--effective", "2025-02-10", "--by", "me"])
        let proven = try BuiltBinary.run(["verify", file, "--digest", String(digest)])
        #expect(proven.exitCode == 0)
        #expect(proven.standardOutput.contains("ligne 1"))
        let unknown = try BuiltBinary.run(["verify", file, "--digest", String(repeating: "ab", count: 32)])
        #expect(unknown.exitCode == 1)
    }

    @Test func idempotentRecordAndExpectedSeq() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path("pacte.jsonl")
        try BuiltBinary.run(initArguments(file))
        // A signature answers a request for signature (line 2).
        let request = try BuiltBinary.run(
            ["record", file, "signature.requested", "--effective", "2025-04-01", "--by", "me"],
            standardInput: #"{"document":"convention","partners":["cc-val"]}"#)
        #expect(request.exitCode == 0, "\(request.standardError)")
        let arguments = ["sign", file, "--partner", "cc-val", "--signatory", "M. Maire", "--role", "Président",
                         "--effective", "2025-05-02", "--by", "me", "--id", "6f1c0d2e-1111-4222-8333-444455556666"]
        #expect(try BuiltBinary.run(arguments).exitCode == 0)
        let again = try BuiltBinary.run(arguments)
        #expect(again.exitCode == 0)
        #expect(again.standardOutput.contains("rien n'a été écrit"))
        var changed = arguments
        changed[changed.firstIndex(of: "2025-05-02")!] = "2025-05-03"
        let conflicting = try BuiltBinary.run(changed)
        #expect(conflicting.exitCode == 2)
        #expect(conflicting.standardError.contains("autre contenu"))

        let stale = try BuiltBinary.run(["meeting", file, "--body", "COPIL", "--attendee", "cc-val", "--effective", "2025-06-01",
                                          "--by", "me", "--expect-seq", "1"])
        #expect(stale.exitCode == 2)
        #expect(stale.standardError.contains("seq actuel 3"))
        let current = try BuiltBinary.run(["meeting", file, "--body", "COPIL", "--attendee", "cc-val", "--effective", "2025-06-01",
                                            "--by", "me", "--expect-seq=3"])
        #expect(current.exitCode == 0)
    }

    @Test func tornTailIsReportedThenRepaired() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path("pacte.jsonl")
        try BuiltBinary.run(initArguments(file))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"seq":2,"id":"torn","ty"#.utf8))
        try handle.close()

        let verified = try BuiltBinary.run(["verify", file])
        #expect(verified.exitCode == 1)
        #expect(verified.standardError.contains("repair"))
        let refused = try BuiltBinary.run(["meeting", file, "--body", "COPIL", "--attendee", "cc-val", "--effective", "2025-06-01", "--by", "me"])
        #expect(refused.exitCode == 2)

        let repaired = try BuiltBinary.run(["repair", file, "--json"])
        #expect(repaired.exitCode == 0)
        let sideFiles = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".torn-") }
        #expect(sideFiles.count == 1)
        let kept = try String(contentsOfFile: folder.path(sideFiles[0]), encoding: .utf8)
        #expect(kept == #"{"seq":2,"id":"torn","ty"#)
        #expect(try BuiltBinary.run(["verify", file]).exitCode == 0)
        #expect(try BuiltBinary.run(["meeting", file, "--body", "COPIL", "--attendee", "cc-val", "--effective", "2025-06-01", "--by", "me"]).exitCode == 0)
    }

    @Test(arguments: [["log", "missing.jsonl"], ["verify", "missing.jsonl"], ["verify", "."], ["frob"], ["log", "--nope"]])
    func unusableInputExitsTwoWithAMessage(arguments: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try BuiltBinary.run(arguments, in: folder.url)
        #expect(result.exitCode == 2)
        #expect(!result.standardError.isEmpty)
        #expect(!result.standardError.contains("Fatal error"))
        #expect(!result.standardError.contains("could not be completed"))
    }

    @Test func helpIsFrenchByDefault() throws {
        let french = try BuiltBinary.run(["record", "--help"])
        #expect(french.exitCode == 0)
        #expect(french.standardOutput.contains("UTILISATION"))
        let english = try BuiltBinary.run(["--help", "--lang", "en"])
        #expect(english.standardOutput.contains("OVERVIEW"))
    }
}
