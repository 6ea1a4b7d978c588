import PacteDocuments
import PactTesting
import Foundation
import PacteEvents
import PacteProjections
import Testing
@testable import pacte_ledger

/// The flag forms of the pact's life, declared once (`CommandSpec`): what each builds,
/// the messages a person sees when something is wrong, help and `--json`, `summary`,
/// `export --excel` and `history`.
@Suite struct LifecycleCommandTests {
    static let record = ["--effective", "15/03/2025", "--by", "sec"]

    /// The `data` a command line builds, as the file would hold it.
    static func payload(_ arguments: [String]) throws -> String {
        let invocation = try Command.parse(arguments + record)
        guard case .record(let request) = invocation.command, case .given(let data) = request.payload else {
            Issue.record("\(arguments) does not record a payload given by options")
            return ""
        }
        return JSONWriter.string(of: .object(data))
    }

    @Test(arguments: [
        (["join", "f", "--partner", "caf-31", "--name", "CAF 31", "--kind", "CAF", "--body", "CA", "--signatory", "A. M", "--role", "Directrice"],
         #"{"partner":{"id":"caf-31","name":"CAF 31","kind":"caf","statutoryBody":"CA","signatory":{"name":"A. M","role":"Directrice"}},"via":"initial"}"#),
        (["join", "f", "--partner", "asso", "--name", "Asso", "--kind", "association", "--via", "adhésion", "--amendment", "2"],
         #"{"partner":{"id":"asso","name":"Asso","kind":"association"},"via":"adhesion","amendment":2}"#),
        (["priority", "f", "--priority", "P1", "--title", "T", "--rationale", "R", "--source", "INSEE", "--public", "jeunes", "--public", "autre : aidants"],
         #"{"priorityId":"P1","title":"T","rationale":"R","sources":["INSEE"],"publics":["youth","other:aidants"]}"#),
        (["request-signatures", "f", "--partner", "a", "--partner", "b"],
         #"{"document":"convention","partners":["a","b"],"targetMonths":6}"#),
        (["request-signatures", "f", "--document", "avenant-2", "--partner", "a", "--target-months", "3"],
         #"{"document":"amendment-2","partners":["a"],"targetMonths":3}"#),
        (["propose-amendment", "f", "--number", "1", "--purpose", "Prorogation"], #"{"number":1,"purpose":"Prorogation"}"#),
        (["close-action", "f", "--action", "A1", "--outcome", "abandonnée", "--summary", "S"],
         #"{"actionId":"A1","outcome":"abandoned","summary":"S"}"#),
        (["close-action", "f", "--action", "A1", "--outcome", "réalisée", "--summary", "S", "--impact-result", "58 %", "--impact-note", "n"],
         #"{"actionId":"A1","outcome":"completed","summary":"S","impactResult":{"value":"58 %","note":"n"}}"#),
        (["report-indicator", "f", "--action", "A1", "--indicator", "Familles", "--period", "2025", "--value", "32,5"],
         #"{"actionId":"A1","indicator":"Familles","period":"2025","value":32.5}"#),
        (["report-indicator", "f", "--action", "A1", "--indicator", "Taux", "--period", "2025-S1", "--value", "60 %", "--note", "n"],
         #"{"actionId":"A1","indicator":"Taux","period":"2025-S1","value":"60 %","note":"n"}"#),
        (["close-pact", "f", "--reason", "résilié", "--summary", "S"], #"{"reason":"terminated","summary":"S"}"#),
        (["amend-action", "f", "--action", "A1", "--start", "01/09/2025", "--end", "31/12/2026", "--amendment", "1", "--reason", "R"],
         #"{"actionId":"A1","changes":{"schedule":{"start":"2025-09-01","end":"2026-12-31","milestones":[]}},"reason":"R","amendment":1}"#),
        (["amend-action", "f", "--action", "A1", "--funding", "cc:2026:1 500,50:droit commun:Budget", "--reason", "R"],
         #"{"actionId":"A1","changes":{"funding":[{"partnerId":"cc","year":2026,"amountCents":150050,"source":"Budget","basis":"common-law"}]},"reason":"R"}"#),
        (["add-action", "f", "--action", "A2", "--priority", "P1", "--title", "T", "--start", "01/09/2025", "--end", "31/08/2026",
          "--funding", "cc-val:2025:12 000:dédiés:Budget général", "--partner", "cc-val:Porteur", "--indicator", "Familles:familles:40"],
         #"{"sheet":{"actionId":"A2","priorityId":"P1","title":"T","objectives":[],"publics":[],"schedule":{"start":"2025-09-01","end":"2026-08-31","milestones":[]},"partners":[{"partnerId":"cc-val","role":"Porteur"}],"funding":[{"partnerId":"cc-val","year":2025,"amountCents":1200000,"source":"Budget général","basis":"dedicated"}],"inKind":[],"indicators":[{"name":"Familles","unit":"familles","target":40}]}}"#),
    ])
    func flagFormBuildsThePayload(arguments: [String], expected: String) throws {
        #expect(try Self.payload(arguments) == expected)
    }

    @Test(arguments: [
        (["add-action", "f", "--action", "A1", "--priority", "P1", "--title", "T", "--start", "01/09/2025", "--end", "31/08/2026",
          "--funding", "cc:2025:2000000:dédiés"], "--funding « cc:2025:2000000:dédiés » : attendu ID:ANNÉE:EUROS:BASE:SOURCE"),
        (["add-action", "f", "--action", "A1", "--priority", "P1", "--title", "T", "--start", "01/09/2025", "--end", "31/08/2026",
          "--funding", "cc:2025:20 000,005:dédiés:B"], "--funding « 20 000,005 »"),
        (["add-action", "f", "--action", "A1", "--priority", "P1", "--title", "T"], "l'option --start est obligatoire"),
        (["close-action", "f", "--action", "A1", "--outcome", "finie", "--summary", "S"], "--outcome « finie »"),
        (["join", "f", "--partner", "x", "--name", "X", "--kind", "banque"], "--kind « banque »"),
        (["correct", "f", "--line", "3", "--reason", "r"], "--retract | --set"),
        (["correct", "f", "--line", "3", "--reason", "r", "--retract", "--set", "a=b"], "--retract et --set ne vont pas ensemble"),
        (["request-signatures", "f"], "l'option --partner est obligatoire"),
    ])
    func badFlagSaysWhatToWrite(arguments: [String], message: String) {
        let output = ReportFixtures.run(arguments + Self.record)
        #expect(output.exitCode == 2)
        #expect(output.standardError.contains(message), "\(output.standardError)")
    }

    // MARK: - A small ledger written with the flag forms

    /// A ledger with the porteur `cc-val` and the partners `caf-31`, `ddets-31`.
    static func ledger(in folder: TemporaryFolder) throws -> String {
        let file = folder.path("pacte.jsonl")
        for arguments in [
            ["init", file, "--pact", "val", "--title", "Pacte du Val", "--territory", "CC du Val", "--porteur", "cc-val",
             "--porteur-name", "CC du Val", "--porteur-kind", "EPCI", "--effective", "15/01/2025", "--by", "sec"],
            ["join", file, "--partner", "caf-31", "--name", "CAF", "--kind", "CAF", "--body", "CA"] + record,
            ["join", file, "--partner", "ddets-31", "--name", "DDETS", "--kind", "État"] + record,
            ["approve", file, "--partner", "cc-val", "--body", "conseil", "--reference", "DEL-1", "--outcome", "adopté"] + record,
        ] {
            let output = ReportFixtures.run(arguments)
            guard output.exitCode == 0 else { throw ReportFixtures.FixtureError.refused(arguments.joined(separator: " "), output.standardError) }
        }
        return file
    }

    @Test func unknownPartnerNamesTheOptionAndTheKnownIdsWithoutALineNumber() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.ledger(in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let output = ReportFixtures.run(["approve", file, "--partner", "nobody", "--body", "b", "--reference", "r"] + Self.record)
        #expect(output.exitCode == 2)
        #expect(output.standardError == "\(file) : --partner « nobody » : partenaire inconnu dans ce registre (partenaires connus : cc-val, caf-31, ddets-31) ; rien n'a été écrit\n")
        #expect(!output.standardError.contains("data.partnerId"))
        #expect(!output.standardError.contains("\(file):5"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        let english = ReportFixtures.run(["--lang", "en", "commit", file, "--partner", "cc-val", "--year", "2025", "--body", "b",
                                          "--reference", "r", "--line", "A9:10:dedicated:s"] + Self.record)
        #expect(english.standardError == "\(file): --line \"A9\": unknown action in this ledger (known actions: none yet); nothing written\n")
    }

    @Test func correctionByLineNumberRetractsOrReplacesTheMembersGiven() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.ledger(in: folder)
        let set = ReportFixtures.run(["correct", file, "--line", "4", "--set", "reference=DEL-2", "--set", "outcome=rejeté", "--reason", "Erreur"] + Self.record)
        #expect(set.exitCode == 0, "\(set.standardError)")
        let retract = ReportFixtures.run(["correct", file, "--line", "2", "--retract", "--reason", "Doublon"] + Self.record)
        #expect(retract.exitCode == 0, "\(retract.standardError)")
        let events = try LedgerFile(path: file).read().events
        #expect(JSONWriter.string(of: .object(events[4].data))
            == #"{"target":"\#(events[3].id)","reason":"Erreur","replacement":{"partnerId":"cc-val","document":"convention","body":"conseil","reference":"DEL-2","outcome":"rejected"}}"#)
        #expect(JSONWriter.string(of: .object(events[5].data)) == #"{"target":"\#(events[1].id)","reason":"Doublon","replacement":null}"#)
        let missing = ReportFixtures.run(["correct", file, "--line", "40", "--retract", "--reason", "r"] + Self.record)
        #expect(missing.exitCode == 2)
        #expect(missing.standardError.contains("--line « 40 »"), "\(missing.standardError)")
        let date = ReportFixtures.run(["correct", file, "--line", "4", "--set", "body=x", "--set", "outcome=3", "--reason", "r"] + Self.record)
        #expect(date.exitCode == 2, "a vote outcome that is no word of the format is refused by the ledger")
    }

    // MARK: - The action sheet file

    @Test func sheetFileBuildsTheSameEventAsTheFlags() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sheet = folder.path("a1.txt")
        try """
            # une fiche
            action : A1
            Priorité: P1
            titre : Titre
            début : 01/09/2025
            fin : 31/08/2026
            jalon : 15/01/2026 : Bilan d'étape
            financement : cc-val : 2025 : 20 000,00 : dédiés : Budget général
            en nature : cc-val : 3 000 : Salle
            justification :
            """.write(toFile: sheet, atomically: true, encoding: .utf8)
        let expanded = try ActionSheetFile.expand(["add-action", "f", "--sheet", sheet] + Self.record, read: InputBytes.readAll(fromFile:))
        let flags = ["add-action", "f", "--action", "A1", "--priority", "P1", "--title", "Titre", "--start", "01/09/2025",
                     "--end", "31/08/2026", "--milestone", "15/01/2026:Bilan d'étape",
                     "--funding", "cc-val:2025:20 000,00:dédiés:Budget général", "--in-kind", "cc-val:3 000:Salle"]
        #expect(try Self.payload(Array(expanded.dropLast(Self.record.count))) == (try Self.payload(flags)))
        #expect(try Self.payload(flags).contains(#""amountCents":2000000"#))
        try "action : A1\nmontant : 12\n".write(toFile: sheet, atomically: true, encoding: .utf8)
        let bad = ReportFixtures.run(["add-action", "f", "--sheet", sheet] + Self.record)
        #expect(bad.exitCode == 2)
        #expect(bad.standardError.contains("\(sheet):2 : « montant : 12 » n'est pas une rubrique"), "\(bad.standardError)")
    }

    @Test func templatePrintsASheetWhoseEveryKeyIsKnown() throws {
        let output = ReportFixtures.run(["template", "fiche-action"])
        #expect(output.exitCode == 0)
        let options = try ActionSheetFile.options(in: output.standardOutput, path: "t")
        #expect(options.contains("--funding"))
        #expect(options.contains("cc-exemple : 2025 : 20 000,00 : dédiés : Budget général"))
        #expect(try Self.payload(["add-action", "f"] + options).contains(#""actionId":"A1""#))
        #expect(ReportFixtures.run(["template", "action-sheet"]).standardOutput == output.standardOutput)
    }

    // MARK: - Help, --lang, --json

    @Test func langAndJSONBeforeTheCommand() throws {
        let help = ReportFixtures.run(["--lang", "en", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.standardOutput.hasPrefix("OVERVIEW:"))
        #expect(try Command.parse(["--lang", "en", "check", "f"]).language == .english)
        #expect(try Command.parse(["--lang=en", "approve", "--help"]).language == .english)
        #expect(try Command.parse(["--json", "check", "f"]).json)
        #expect(ReportFixtures.run(["--lang"]).exitCode == 2)
    }

    @Test(arguments: [
        (["template", "action.added", "--json"], "--json ne s'applique pas à « template »"),
        (["report", "f", "--json"], "--json ne s'applique à « report » qu'avec --output"),
        (["export", "f", "--table", "actions", "--json"], "--json ne s'applique à « export » qu'avec --output"),
    ])
    func jsonWhereItDoesNothingIsAnError(arguments: [String], message: String) {
        let output = ReportFixtures.run(arguments)
        #expect(output.exitCode == 2)
        #expect(output.standardError.contains(message), "\(output.standardError)")
    }

    @Test func helpIsDrivenByTheDeclaration() {
        for spec in CommandSpec.all {
            let french = Help.text(for: spec.name, in: .french)
            let english = Help.text(for: spec.name, in: .english)
            #expect(french.contains("OPTIONS :"), "\(spec.name)")
            #expect(english.contains("OPTIONS:"), "\(spec.name)")
            for option in spec.options {
                #expect(french.contains(option.label) && english.contains(option.label), "\(spec.name) help lacks \(option.label)")
            }
            #expect(Help.text(for: nil, in: .french).contains("  \(spec.name) "))
            // Every option a command declares is accepted by its parser.
            #expect(spec.valueOptions.union(spec.flagOptions).count == spec.options.count, "\(spec.name) declares an option twice")
        }
        #expect(!Help.text(for: "template", in: .french).contains("--json"))
        #expect(Help.text(for: "approve", in: .french).contains("--json"))
    }

    @Test func refusedMemberNamesTheOptionThatFillsIt() throws {
        let spec = try #require(CommandSpec.named("commit"))
        #expect(spec.option(forMember: "data.lines[2].amountCents") == "--line")
        #expect(spec.option(forMember: "data.partnerId") == "--partner")
        #expect(CommandSpec.named("add-action")?.option(forMember: "data.sheet.funding[0].partnerId") == "--funding")
        #expect(CommandSpec.named("join")?.option(forMember: "data.partner.kind") == "--kind")
    }

    @Test(arguments: [("12", "12"), ("12,5", "12.5"), ("0.25", "0.25"), ("60 %", "\"60 %\""), ("007", "\"007\""), ("1.2.3", "\"1.2.3\"")])
    func scalarTextReadsNumbersAsPeopleWriteThem(text: String, json: String) {
        #expect(JSONWriter.string(of: ScalarText.value(text)) == json)
    }

    // MARK: - summary, export --excel, history

    @Test func summaryNamesEachPactByItsIdAndItsFileWhenTwoShareIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.ledger(in: folder)
        let copy = folder.path("copie.jsonl")
        try FileManager.default.copyItem(atPath: file, toPath: copy)
        let once = ReportFixtures.run(["summary", file, "--today", "2025-06-01"])
        #expect(once.standardOutput.split(separator: "\n")[0].hasPrefix("pacte "))
        #expect(once.standardOutput.split(separator: "\n")[1].hasPrefix("val "))
        let twice = ReportFixtures.run(["summary", file, copy, "--today", "2025-06-01"])
        #expect(twice.standardOutput.contains("val (\(file))"))
        #expect(twice.standardOutput.contains("val (\(copy))"))
    }

    @Test func excelExportIsFrenchWithAByteOrderMarkAndTheDefaultStaysEnglish() {
        let excel = ReportFixtures.run(["export", ReportFixtures.example, "--table", "signatures", "--excel", "--today", "2026-11-20"])
        #expect(excel.exitCode == 0)
        #expect(excel.standardOutput.hasPrefix("\u{FEFF}document;partenaire;nom du partenaire;type de partenaire;"))
        #expect(excel.standardOutput.contains(";adopté;"))
        #expect(excel.standardOutput.contains(";signé;"))
        #expect(excel.standardOutput.contains(";10/03/2025;"))
        #expect(!excel.standardOutput.contains("2025-03-10"))
        let commitments = ReportFixtures.run(["export", ReportFixtures.example, "--table", "commitments", "--excel"])
        #expect(commitments.standardOutput.contains(";numéraire;crédits dédiés au pacte;"))
        #expect(commitments.standardOutput.contains(";12000,00;1200000"))
        let plain = ReportFixtures.run(["export", ReportFixtures.example, "--table", "signatures", "--today", "2026-11-20"])
        #expect(plain.standardOutput.hasPrefix("document,partner_id,partner_name,partner_kind,"))
        #expect(plain.standardOutput.contains(",adopted,"))
        #expect(!plain.standardOutput.hasPrefix("\u{FEFF}"))
    }

    @Test func historyWritesEventTypesAsLogDoes() {
        let history = ReportFixtures.run(["history", ReportFixtures.example, "--lang", "en"])
        #expect(history.standardOutput.contains("  action.added  "))
        #expect(!history.standardOutput.contains("action-added"))
        #expect(HistoryPrinter.typeName(.conventionInForce) == "convention-in-force")
        #expect(HistoryPrinter.typeName(.partnerJoined) == "partner.joined")
    }
}
