import Foundation
import PactTesting
import PacteEvents
import Testing

/// The refusals of "Additions of 2026-11-30" through the built binary, as a user meets
/// them: exit 2, the message naming the option typed (or the member), the ledger's bytes
/// unchanged.
@Suite("pacte-ledger refuses facts that cannot be true")
struct FactRefusalCommandTests {
    /// A pact drafted on 03/02/2025 with the CAF and action A1 (ending 28/02/2026).
    static func makeLedger(in folder: TemporaryFolder) throws -> String {
        let file = folder.path("pacte.jsonl")
        let steps: [([String], String?)] = [
            (["init", file, "--pact", "val", "--title", "Pacte du Val", "--territory", "CC du Val", "--porteur", "cc-val",
              "--porteur-name", "CC du Val", "--porteur-kind", "epci", "--effective", "2025-02-03", "--by", "sec"], nil),
            (["record", file, "partner.joined", "--effective", "2025-02-10", "--by", "sec"],
             #"{"partner":{"id":"caf-65","name":"CAF des Hautes-Pyrénées","kind":"caf","statutoryBody":"conseil d'administration"},"via":"initial"}"#),
            (["record", file, "action.added", "--effective", "2025-02-12", "--by", "sec"],
             #"{"sheet":{"actionId":"A1","title":"Petits déjeuners","schedule":{"start":"2025-03-01","end":"2026-02-28"}}}"#),
        ]
        for (arguments, input) in steps {
            let result = try BuiltBinary.run(arguments, standardInput: input)
            guard result.exitCode == 0 else { throw FixtureFailure(message: result.standardError) }
        }
        return file
    }

    struct FixtureFailure: Error { var message: String }

    /// One refused command line (`FILE` stands for the ledger) and what its message says.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var label: String
        var arguments: [String]
        var input: String? = nil
        var message: String
        var testDescription: String { label }
    }

    static let sign = ["sign", "FILE", "--partner", "caf-65", "--signatory", "Paul Durand", "--role", "Directeur", "--by", "sec"]

    static let refusals: [Refusal] = [
        Refusal(label: "signature dated before the pact", arguments: sign + ["--effective", "2020-01-01"],
                message: "FILE : --effective\u{202F}: le 01/01/2020 est avant la rédaction du pacte (ligne 1, le 03/02/2025)"),
        Refusal(label: "signature dated in the future", arguments: sign + ["--effective", "2031-01-01"],
                message: "--effective\u{202F}: le 01/01/2031 est après aujourd'hui ("),
        Refusal(label: "signature on an avenant never proposed", arguments: sign + ["--effective", "2025-05-01", "--document", "amendment-3"],
                message: "--document\u{202F}: l'avenant n°\u{00A0}3 n'a jamais été proposé dans les lignes précédentes. Enregistrez d'abord amendment.proposed (number 3) puis signature.requested pour amendment-3. Rien n'a été écrit."),
        Refusal(label: "signature on a convention never sent", arguments: sign + ["--effective", "2025-05-01"],
                message: "--document\u{202F}: la convention n'a pas été mise en signature"),
        Refusal(label: "a second partner.joined renaming the CAF",
                arguments: ["record", "FILE", "partner.joined", "--effective", "2025-03-01", "--by", "sec"],
                input: #"{"partner":{"id":"caf-65","name":"Autre nom","kind":"caf"},"via":"initial"}"#,
                message: "data.partner.id\u{202F}: « caf-65 » est déjà partenaire (ligne 2) et ne s'est pas retiré. Pour corriger ses informations, enregistrez correction.recorded de sa ligne partner.joined (ligne 2)"),
        Refusal(label: "a meeting with no attendee",
                arguments: ["meeting", "FILE", "--body", "Copil", "--effective", "2025-05-01", "--by", "sec"],
                message: "--attendee\u{202F}: aucun participant"),
        Refusal(label: "an extension ending before the current end",
                arguments: ["request-extension", "FILE", "--action", "A1", "--current-end", "2026-02-28", "--requested-end", "2026-01-31",
                            "--reason", "Retard", "--requested-by", "cc-val", "--effective", "2025-06-01", "--by", "sec"],
                message: "--requested-end\u{202F}: la fin demandée (31/01/2026) n'est pas après la fin actuelle (28/02/2026)"),
        Refusal(label: "statutoryBdy and signatroy",
                arguments: ["record", "FILE", "partner.joined", "--effective", "2025-03-01", "--by", "sec"],
                input: #"{"partner":{"id":"mairie","name":"Mairie","kind":"commune","statutoryBdy":"conseil municipal","signatroy":{"name":"A","role":"Maire"}},"via":"adhesion"}"#,
                message: "data.partner.statutoryBdy\u{202F}: membre inconnu de partner.joined v1\u{202F}; vouliez-vous dire statutoryBody\u{202F}? Corrigez son nom, ou ajoutez --keep-unknown"),
        Refusal(label: "a NIR in an indicator note",
                arguments: ["record", "FILE", "indicator.reported", "--effective", "2025-06-01", "--by", "sec", "--allow-contact"],
                input: #"{"actionId":"A1","indicator":"Familles suivies","period":"2025","value":3,"note":"dont 2 84 05 2A 123 456 32"}"#,
                message: "data.note\u{202F}: contient un numéro de sécurité sociale (NIR)"),
        Refusal(label: "a phone number in a decision",
                arguments: ["meeting", "FILE", "--body", "Copil", "--attendee", "cc-val", "--decision", "Rappeler la famille au 06 12 34 56 78",
                            "--effective", "2025-05-01", "--by", "sec"],
                message: "--decision\u{202F}: contient un numéro de téléphone\u{202F}; le registre ne peut rien effacer"),
    ]

    @Test(arguments: refusals)
    func refused(_ refusal: Refusal) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.makeLedger(in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let result = try BuiltBinary.run(refusal.arguments.map { $0 == "FILE" ? file : $0 }, standardInput: refusal.input)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains(refusal.message.replacingOccurrences(of: "FILE", with: file)), "\(result.standardError)")
        #expect(result.standardError.hasSuffix("Rien n'a été écrit.\n"))
        #expect(result.standardOutput.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "the ledger changed")
    }

    @Test func aSecondSignatureIsRefusedUnlessTheFirstCameBeforeTheVote() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.makeLedger(in: folder)
        func run(_ arguments: [String]) throws -> BuiltBinary.Result {
            try BuiltBinary.run(arguments.map { $0 == "FILE" ? file : $0 })
        }
        let request = try BuiltBinary.run(
            ["record", file, "signature.requested", "--effective", "2025-04-01", "--by", "sec"],
            standardInput: #"{"document":"convention","partners":["cc-val","caf-65"]}"#)
        #expect(request.exitCode == 0, "\(request.standardError)")
        #expect(try run(Self.sign + ["--effective", "2025-04-05"]).exitCode == 0)
        // Signed before its board's vote: signing again after the vote is how it is put right.
        let vote = ["approve", "FILE", "--partner", "caf-65", "--body", "conseil d'administration", "--reference", "CA-1", "--by", "sec"]
        #expect(try run(vote + ["--effective", "2025-04-10"]).exitCode == 0)
        #expect(try run(Self.sign + ["--effective", "2025-04-12"]).exitCode == 0)
        // A third signature stands for nothing: refused, naming the signature that stands.
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let third = try run(Self.sign + ["--effective", "2025-04-20"])
        #expect(third.exitCode == 2)
        #expect(third.standardError.contains("--partner\u{202F}: « caf-65 » a déjà signé la convention (ligne 7)"), "\(third.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    }

    @Test func keepUnknownAndAllowContactLetADeliberateMemberThrough() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.makeLedger(in: folder)
        let kept = try BuiltBinary.run(
            ["record", file, "draft.submitted", "--effective", "2025-03-01", "--by", "sec", "--keep-unknown"],
            standardInput: #"{"to":["DDETS 65"],"canal":"courrier recommandé"}"#)
        #expect(kept.exitCode == 0, "\(kept.standardError)")
        let contact = try BuiltBinary.run([
            "meeting", file, "--body", "Copil", "--attendee", "caf-65", "--decision", "Contact CAF : accueil@caf65.invalid",
            "--effective", "2025-05-01", "--by", "sec", "--allow-contact",
        ])
        #expect(contact.exitCode == 0, "\(contact.standardError)")
        let log = try BuiltBinary.run(["log", file, "--json"])
        #expect(log.standardOutput.contains(#""canal":"courrier recommandé""#))
    }

    /// An action added by avenant 1 waits for it: pending before, in force after, and
    /// `history` names the avenant.
    @Test func anActionAddedByAnAvenantWaitsForIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.makeLedger(in: folder)
        let steps: [([String], String?)] = [
            (["record", file, "signature.requested", "--effective", "2025-04-01", "--by", "sec"],
             #"{"document":"convention","partners":["cc-val","caf-65"]}"#),
            (["approve", file, "--partner", "caf-65", "--body", "CA", "--reference", "CA-1", "--effective", "2025-04-10", "--by", "sec"], nil),
            (["sign", file, "--partner", "cc-val", "--signatory", "A", "--role", "Présidente", "--effective", "2025-04-15", "--by", "sec"], nil),
            (["sign", file, "--partner", "caf-65", "--signatory", "P", "--role", "Directeur", "--effective", "2025-04-20", "--by", "sec"], nil),
            (["record", file, "amendment.proposed", "--effective", "2025-09-01", "--by", "sec"], #"{"number":1,"purpose":"Nouvelle action"}"#),
            (["record", file, "action.added", "--effective", "2025-09-02", "--by", "sec"],
             #"{"sheet":{"actionId":"A2","title":"Aide aux devoirs"},"amendment":1}"#),
            (["record", file, "signature.requested", "--effective", "2025-09-05", "--by", "sec"],
             #"{"document":"amendment-1","partners":["cc-val"]}"#),
            (["sign", file, "--partner", "cc-val", "--document", "amendment-1", "--signatory", "A", "--role", "Présidente",
              "--effective", "2025-10-01", "--by", "sec"], nil),
        ]
        for (arguments, input) in steps {
            let result = try BuiltBinary.run(arguments, standardInput: input)
            #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
        }
        let log = try BuiltBinary.run(["log", file, "--json"])
        #expect(log.standardOutput.contains(#""type":"action.added","v":2"#), "written as v2")

        let before = try BuiltBinary.run(["state", file, "--as-of", "2025-09-30"])
        #expect(before.exactStandardOutput.contains("Aide aux devoirs [en attente de l'avenant n°\u{00A0}1]"), "\(before.exactStandardOutput)")
        let beforeJSON = try BuiltBinary.run(["state", file, "--as-of", "2025-09-30", "--json"])
        #expect(beforeJSON.standardOutput.contains(#""pendingActions":[{"actionId":"A2""#))
        #expect(!beforeJSON.standardOutput.contains(#""actionId":"A2","priorityId""#), "not among the actions in force")

        let after = try BuiltBinary.run(["state", file, "--as-of", "2025-10-01", "--json"])
        #expect(after.standardOutput.contains(#""pendingActions":[]"#))
        #expect(after.standardOutput.contains(#""actionId":"A2","priorityId":null,"title":"Aide aux devoirs","added":"2025-10-01","amendment":1"#), "\(after.standardOutput)")

        let history = try BuiltBinary.run(["history", file, "--action", "A2"])
        #expect(history.exitCode == 0)
        #expect(history.standardOutput.contains("fiche-action ajoutée"))
        #expect(history.standardOutput.contains("avenant n° 1"), "\(history.standardOutput)")

        // The report lists the waiting sheet with its avenant, then the avenant's table names it.
        func report(asOf: String) throws -> String {
            let result = try BuiltBinary.run(["report", file, "--format", "markdown", "--as-of", asOf, "--today", "2025-12-01"])
            #expect(result.exitCode == 0, "\(result.standardError)")
            return String(result.standardOutput.map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : $0 })
        }
        let waiting = try report(asOf: "2025-09-30")
        #expect(waiting.contains("### Fiches-action en attente d'un avenant"))
        #expect(waiting.contains("| **A2** | Aide aux devoirs | n° 1 | **en signature** |"), "\(waiting)")
        #expect(waiting.contains("ajout de A2 (en attente)"))
        let inForce = try report(asOf: "2025-10-01")
        #expect(!inForce.contains("en attente d'un avenant"))
        #expect(inForce.contains("ajout de A2") && !inForce.contains("ajout de A2 (en attente)"), "\(inForce)")
    }

    @Test func aNewerVersionStopsVerifyAndLogWithExit2() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.makeLedger(in: folder)
        let contents = try LedgerFile(path: file).read()
        let last = try #require(contents.events.last)
        let (bytes, _) = LedgerLine.write(
            seq: 4, id: "newer", type: .actionAdded, version: 9, effective: try #require(CivilDate("2025-06-01")),
            recorded: last.recorded, recordedBy: "sec",
            data: JSONObject([JSONMember("sheet", .object(JSONObject([JSONMember("actionId", .string("A9"))])))]),
            previousHash: last.hash)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        handle.seekToEndOfFile()
        handle.write(Data(bytes))
        try handle.close()
        for command in ["verify", "log", "state"] {
            let result = try BuiltBinary.run([command, file, "--lang", "en"])
            #expect(result.exitCode == 2, "\(command)")
            #expect(result.standardError.contains(
                "\(file):4: v: action.added version 9, written by a newer pacte-ledger; this version reads action.added up to version 2."),
                "\(command): \(result.standardError)")
        }
    }
}
