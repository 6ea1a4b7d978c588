import Foundation
import PactTesting
import PacteEvents
import Testing
@testable import pacte_ledger

/// French words, dates and euros as people type them, and events named by line number,
/// through the command line.
@Suite("Typed input on the command line")
struct PeopleInputCommandTests {
    /// A copy of the example ledger in a fresh folder.
    static func example(_ folder: TemporaryFolder) throws -> String {
        let path = folder.path("pacte.jsonl")
        try FileManager.default.copyItem(atPath: ReportFixtures.example, toPath: path)
        return path
    }

    static func lastEvent(_ path: String) throws -> LedgerEvent {
        try #require(try LedgerFile(path: path).read().events.last)
    }

    @Test("French words are stored as the format's codes", arguments: [
        (["--outcome", "adoptée", "--document", "avenant-1"], "adopted", "amendment-1"),
        (["--outcome", "Rejeté", "--document", "Avenant n° 1"], "rejected", "amendment-1"),
        (["--outcome", "ajournee"], "deferred", "convention"),
        (["--outcome", "adopted", "--document", "amendment-1"], "adopted", "amendment-1"),
    ])
    func approveInFrench(options: [String], outcome: String, document: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try Self.example(folder)
        let output = ReportFixtures.run(
            ["approve", path, "--partner", "cd-31", "--body", "commission permanente", "--reference", "CP-1",
             "--effective", "15/11/2026", "--by", "secretariat"] + options)
        #expect(output.exitCode == 0, "\(output.standardError)")
        let event = try Self.lastEvent(path)
        #expect(event.data["outcome"] == .string(outcome))
        #expect(event.data["document"] == .string(document))
        #expect(event.effective == CivilDate("2026-11-15"))
    }

    @Test func unknownWordListsTheFrenchChoices() {
        let output = ReportFixtures.run(
            ["approve", "f.jsonl", "--partner", "p", "--body", "b", "--reference", "r", "--effective", "2026-01-01",
             "--by", "x", "--outcome", "peut-être"])
        #expect(output.exitCode == 2)
        #expect(output.standardError
            == "erreur : --outcome « peut-être » : attendu l'un de : adopté (adopted), rejeté (rejected), ajourné (deferred) (voir « pacte-ledger approve --help »)\n")
    }

    @Test func decisionInFrenchAndLineNumber() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try Self.example(folder)
        let request = try LedgerFile(path: path).read().events[44]
        #expect(request.type == .extensionRequested)
        let output = ReportFixtures.run(
            ["decide-extension", path, "--request", "45", "--decision", "Refusée", "--effective", "2026-11-20", "--by", "ddets"])
        #expect(output.exitCode == 0, "\(output.standardError)")
        let event = try Self.lastEvent(path)
        #expect(event.data["request"] == .string(request.id))
        #expect(event.data["decision"] == .string("refused"))
    }

    @Test func lineNumberErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try Self.example(folder)
        let wrongType = ReportFixtures.run(
            ["decide-extension", path, "--request", "44", "--decision", "accordée", "--effective", "2026-11-20", "--by", "x"])
        #expect(wrongType.exitCode == 2)
        #expect(wrongType.standardError == "--request « 44 » : la ligne 44 de \(path) est un commitment.voted, pas un extension.requested ; voir « pacte-ledger log \(path) --type extension.requested »\n")
        let missing = ReportFixtures.run(
            ["decide-extension", path, "--request", "99", "--decision", "granted", "--effective", "2026-11-20", "--by", "x", "--lang", "en"])
        #expect(missing.exitCode == 2)
        #expect(missing.standardError == "--request \"99\": \(path) has neither an event with that id nor a line 99 (lines 1 to 68); see \"pacte-ledger log \(path)\"\n")
        #expect(try LedgerFile(path: path).read().events.count == 68)
    }

    /// An id is free text: an event whose id is `2` is named by `2`, not line 2.
    @Test func anExactIdWins() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try Self.example(folder)
        let requested = ReportFixtures.run(
            ["request-extension", path, "--id", "2", "--action", "A3", "--current-end", "31/10/2026", "--requested-end",
             "31/12/2026", "--reason", "retard", "--requested-by", "cc-coteaux", "--effective", "2026-11-18", "--by", "x"])
        #expect(requested.exitCode == 0, "\(requested.standardError)")
        let decided = ReportFixtures.run(
            ["decide-extension", path, "--request", "2", "--decision", "accordée", "--effective", "2026-11-20", "--by", "x"])
        #expect(decided.exitCode == 0, "\(decided.standardError)")
        #expect(try Self.lastEvent(path).data["request"] == .string("2"))
    }

    @Test func correctionTargetByLineNumber() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try Self.example(folder)
        let target = try LedgerFile(path: path).read().events[41]
        let output = PacteLedger.execute(
            ["record", path, "correction.recorded", "--effective", "2026-11-20", "--by", "x",
             "--data", #"{"target":"42","reason":"saisie en double","replacement":null}"#],
            environment: ReportFixtures.environment)
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(try Self.lastEvent(path).data["target"] == .string(target.id))
    }

    @Test func logShowsIdsOnRequest() throws {
        let plain = ReportFixtures.run(["log", ReportFixtures.example])
        let withIds = ReportFixtures.run(["log", ReportFixtures.example, "--ids"])
        let firstId = "dc8142f9-9871-414e-8aec-ebcc8ac33136"
        #expect(!plain.standardOutput.contains(firstId))
        #expect(withIds.standardOutput.contains("       id " + firstId + "\n"))
        for line in withIds.standardOutput.split(separator: "\n") { #expect(line.count <= 80) }
    }

    @Test func statePrintsFrenchKinds() {
        let output = ReportFixtures.run(["state", ReportFixtures.example])
        #expect(output.standardOutput.contains("ddets-31       État "))
        #expect(output.standardOutput.contains("cd-31          département "))
        #expect(output.standardOutput.contains("ft-occitanie   France Travail "))
        #expect(!output.standardOutput.contains("france-travail"))
    }

    @Test("dates and years people type", arguments: [
        (["--effective", "30/02/2025"], "erreur : --effective « 30/02/2025 » : le 30 février 2025 n'existe pas (voir « pacte-ledger commit --help »)\n"),
        (["--effective", "2025-02-30"], "erreur : --effective « 2025-02-30 » : le 30 février 2025 n'existe pas (voir « pacte-ledger commit --help »)\n"),
        (["--effective", "15-3-25"], "erreur : --effective « 15-3-25 » : l'année s'écrit sur quatre chiffres (15/03/2025, pas 15/03/25) (voir « pacte-ledger commit --help »)\n"),
        (["--effective", "mars 2025"], "erreur : --effective « mars 2025 » : attendu une date JJ/MM/AAAA ou AAAA-MM-JJ (par exemple 15/03/2025) (voir « pacte-ledger commit --help »)\n"),
        (["--year", "26"], "erreur : --year « 26 » : une année sur quatre chiffres est attendue (par exemple 2026) (voir « pacte-ledger commit --help »)\n"),
        (["--line", "A1:1500,505:dédiés:BOP 304 action 23"], "erreur : --line « A1:1500,505:dédiés:BOP 304 action 23 » : au plus deux décimales (les centimes) ; 1 500 € s'écrit 1500 ou 1 500, sans virgule (voir « pacte-ledger commit --help »)\n"),
        (["--line", "A1:99999999999:dédiés:BOP"], "erreur : --line « A1:99999999999:dédiés:BOP » : montant invraisemblable : au plus 10 000 000 000,00 € (voir « pacte-ledger commit --help »)\n"),
    ])
    func refusedValues(options: [String], message: String) {
        var arguments = ["commit", "f.jsonl", "--partner", "p", "--body", "b", "--reference", "r", "--by", "x"]
        if !options.contains("--effective") { arguments += ["--effective", "2026-01-01"] }
        if !options.contains("--year") { arguments += ["--year", "2026"] }
        let output = ReportFixtures.run(arguments + options)
        #expect(output.exitCode == 2)
        #expect(output.standardError == message)
    }

    @Test func englishMessageForAnImpossibleDay() {
        let output = ReportFixtures.run(["state", "f.jsonl", "--as-of", "29/02/2025", "--lang", "en"])
        #expect(output.standardError == "error: --as-of \"29/02/2025\": 29 February 2025 does not exist (see \"pacte-ledger state --help\")\n")
    }

    @Test func commitInEurosAndFrenchBasis() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try Self.example(folder)
        let output = ReportFixtures.run(
            ["commit", path, "--partner", "caf-31", "--year", "2026", "--body", "conseil", "--reference", "D-7",
             "--effective", "20/11/2026", "--by", "x", "--outcome", "adoptée",
             "--line", "A1:1 500,50:droit commun contractualisé:Fonds CAF", "--in-kind", "A1:250.5:salle"])
        #expect(output.exitCode == 0, "\(output.standardError)")
        let event = try Self.lastEvent(path)
        guard case .array(let lines)? = event.data["lines"], case .object(let line) = lines.first else {
            Issue.record("no line")
            return
        }
        #expect(line["amountCents"] == .number(JSONNumber(150_050)))
        #expect(line["basis"] == .string("common-law-contracted"))
        guard case .array(let inKind)? = event.data["inKind"], case .object(let contribution) = inKind.first else {
            Issue.record("no in-kind")
            return
        }
        #expect(contribution["valuationCents"] == .number(JSONNumber(25_050)))
    }

    @Test func porteurKindInFrench() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("new.jsonl")
        let output = ReportFixtures.run(
            ["init", path, "--pact", "p", "--title", "t", "--territory", "T", "--porteur", "ville", "--porteur-name", "Ville",
             "--porteur-kind", "Commune", "--effective", "01/02/2026", "--by", "x"])
        #expect(output.exitCode == 0, "\(output.standardError)")
        guard case .object(let porteur)? = try Self.lastEvent(path).data["porteur"] else {
            Issue.record("no porteur")
            return
        }
        #expect(porteur["kind"] == .string("commune"))
    }
}
