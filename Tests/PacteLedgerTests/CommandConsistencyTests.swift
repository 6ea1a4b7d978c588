import Foundation
import PacteEvents
import PacteProjections
import PactTesting
import Testing
@testable import pacte_ledger

/// One truth through the command line: what `timeline --json` and `summary --json` show
/// — a State window's status and breaches, a partner late and by how many days, a
/// governance year, the co-financing percentage and the finding counts — is what
/// `check --json` finds, on every ledger the tests have at several dates. Run in process
/// (the code the binary runs) over all of them, and through the built binary over some.
@Suite("Consistency: timeline, summary and check on the command line")
struct CommandConsistencyTests {
    /// The three outputs of one ledger at one date.
    struct Outputs {
        var check: String
        var timeline: String
        var summary: String
    }

    static func arguments(_ ledger: ConsistencyCase, file: String) -> [String] {
        [file, "--json", "--today", ledger.today] + (ledger.asOf.map { ["--as-of", $0] } ?? [])
    }

    static func inProcess(_ ledger: ConsistencyCase, file: String) -> Outputs {
        func run(_ command: String) -> String {
            let output = ReportFixtures.run([command] + arguments(ledger, file: file))
            #expect(output.exitCode == 0 || (command == "check" && output.exitCode == 1), "\(command): \(output.standardError)")
            return output.standardOutput
        }
        return Outputs(check: run("check"), timeline: run("timeline"), summary: run("summary"))
    }

    @Test(arguments: ConsistencyCase.all)
    func theCommandsShowWhatCheckFinds(_ ledger: ConsistencyCase) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try ledger.path(in: folder)
        try Self.expectConsistent(Self.inProcess(ledger, file: file), ledger: ledger, file: file)
    }

    /// The built binary prints the same outputs, and they agree with each other.
    @Test(arguments: ConsistencyCase.example.prefix(1) + ConsistencyCase.scenario.suffix(3)
        + ConsistencyCase.generated.filter { $0.asOf == "2025-06-01" || $0.asOf == nil }.prefix(6))
    func theBuiltBinaryShowsWhatCheckFinds(_ ledger: ConsistencyCase) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try ledger.path(in: folder)
        func run(_ command: String) throws -> String {
            let result = try BuiltBinary.run([command] + Self.arguments(ledger, file: file))
            #expect(result.exitCode == 0 || (command == "check" && result.exitCode == 1), "\(command): \(result.standardError)")
            return result.standardOutput
        }
        let binary = Outputs(check: try run("check"), timeline: try run("timeline"), summary: try run("summary"))
        let inProcess = Self.inProcess(ledger, file: file)
        #expect(binary.check == inProcess.check)
        #expect(binary.timeline == inProcess.timeline)
        #expect(binary.summary == inProcess.summary)
        try Self.expectConsistent(binary, ledger: ledger, file: file)
    }

    /// `check` judges the pact it folds (streamed, or whole when the lines are not in
    /// valid-time order): an extension decided before its request is found as the
    /// library, `summary` and the report find it.
    @Test func checkFindsAnExtensionDecidedBeforeItsRequest() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path("chronology.jsonl")
        try PactFixture.withAmendment.moving("ext-dec", to: "2026-01-25").write(to: file)
        let output = ReportFixtures.run(["check", file, "--json", "--today", "2026-12-01"])
        let found = try CheckFindings(json: output.standardOutput)
        #expect(found.of(.chronology).map(\.severity) == ["warning"])
        #expect(found.of(.chronology).allSatisfy { $0.message.contains("décidée le 25/01/2026") }, "\(found.items)")
        let summary = ReportFixtures.run(["summary", file, "--json", "--today", "2026-12-01"]).standardOutput
        #expect(summary.contains(#""warnings":\#(found.items.filter { $0.severity == "warning" }.count)"#), "\(summary)")
    }

    static func expectConsistent(_ outputs: Outputs, ledger: ConsistencyCase, file: String) throws {
        let found = try CheckFindings(json: outputs.check)
        let timeline = try #require(try JSONParser.parse(outputs.timeline).objectValue)
        let events = try LedgerFile(path: file).read().events
        let state = PactState(replaying: LedgerView(events: events, asOf: ledger.asOf.flatMap(CivilDate.init)).events)
        stateWindows(timeline, found, state)
        signingDelays(timeline, found)
        governanceYears(timeline, found)
        try summary(outputs.summary, found, events: events, ledger: ledger)
    }

    /// STATE-WINDOW: each action's windows in `timeline --json` (`status`, `breaches`,
    /// `withinLimits`, `startWithinLimits`) name exactly the breaches check finds.
    static func stateWindows(_ timeline: JSONObject, _ found: CheckFindings, _ state: PactState) {
        let windows = (timeline["stateFundedActions"]?.arrayValue ?? []).compactMap(\.objectValue)
        var byAction: [String: [String]] = [:]
        for window in windows {
            let breaches = (window["breaches"]?.arrayValue ?? []).compactMap(\.stringValue)
            let status = window["status"]?.stringValue
            #expect((status == "breached") == !breaches.isEmpty, "\(window)")
            #expect((window["withinLimits"] == .bool(false)) == breaches.contains("end-beyond-limit"), "\(window)")
            #expect((window["startWithinLimits"] == .bool(false)) == breaches.contains { $0 != "end-beyond-limit" }, "\(window)")
            byAction[window["actionId"]?.stringValue ?? "", default: []] += breaches
        }
        for action in state.actions {
            let shown = (byAction[action.id] ?? []).sorted()
            #expect(shown == found.stateWindowBreaches(ofAction: CheckFindings.label(action.id, in: state)),
                    "\(action.id): timeline shows \(shown), check finds \(found.of(.stateWindow))")
        }
        #expect(byAction.values.map(\.count).reduce(0, +) == found.of(.stateWindow).count, "check finds \(found.of(.stateWindow))")
    }

    /// SIGNING-DELAY: a partner `late` in `timeline --json` has check's warning, with its
    /// `daysPastTarget` as the days of delay; `signedLate` says a signature after `target`.
    static func signingDelays(_ timeline: JSONObject, _ found: CheckFindings) {
        var late = 0
        for document in (timeline["documents"]?.arrayValue ?? []).compactMap(\.objectValue) {
            guard let reference = document["document"]?.stringValue.flatMap(DocumentReference.init) else {
                Issue.record("no document in \(document)")
                continue
            }
            let target = document["target"]?.stringValue.flatMap(CivilDate.init)
            for partner in (document["partners"]?.arrayValue ?? []).compactMap(\.objectValue) {
                let partnerId = partner["partnerId"]?.stringValue ?? ""
                let own = found.lateSignatures(of: partnerId, on: reference)
                if partner["state"]?.stringValue == "late" {
                    late += 1
                    #expect(own.count == 1, "\(partnerId) late on \(reference), check finds \(own)")
                    #expect(own.allSatisfy { CheckFindings.daysLate($0) == partner["daysPastTarget"]?.integerValue }, "\(partner) vs \(own)")
                } else {
                    #expect(own.isEmpty, "\(partnerId) \(partner["state"]?.stringValue ?? "?") on \(reference), check finds \(own)")
                }
                let signed = partner["signed"]?.stringValue.flatMap(CivilDate.init)
                let signedLate = signed != nil && target != nil && signed! > target!
                #expect(partner["signedLate"] == .bool(signedLate), "\(partner)")
            }
        }
        #expect(late == found.of(.signingDelay, .warning).count, "check finds \(found.of(.signingDelay, .warning))")
    }

    /// GOVERNANCE-YEARLY: a year `missing` in `timeline --json` is check's error for that
    /// year, a year `due` its info; no other year has a finding.
    static func governanceYears(_ timeline: JSONObject, _ found: CheckFindings) {
        let years = (timeline["governance"]?.arrayValue ?? []).compactMap(\.objectValue)
        for year in years {
            let number = year["year"]?.integerValue.map(String.init) ?? "?"
            let status = year["status"]?.stringValue
            let (missing, due) = found.governance(number)
            #expect(missing.count == (status == "missing" ? 1 : 0), "\(number) \(status ?? "?"), check finds \(missing)")
            #expect(due.count == (status == "due" ? 1 : 0), "\(number) \(status ?? "?"), check finds \(due)")
        }
        #expect(years.filter { $0["status"]?.stringValue == "missing" }.count == found.of(.governanceYearly, .error).count)
        #expect(years.filter { $0["status"]?.stringValue == "due" }.count == found.of(.governanceYearly, .info).count)
    }

    /// `summary --json`: the finding counts are check's; the co-financing share of the
    /// voted State-funded money is the one the funding projection holds, rounded down
    /// (percent and per mille); at least 50 % when check finds no voted shortfall, and
    /// below when every voted State-funded year falls short.
    static func summary(_ text: String, _ found: CheckFindings, events: [LedgerEvent], ledger: ConsistencyCase) throws {
        guard case .array(let rows) = try JSONParser.parse(text), rows.count == 1, let row = rows.first?.objectValue else {
            Issue.record("summary --json: \(text)")
            return
        }
        for severity in [Severity.error, .warning, .info] {
            let count = found.items.filter { $0.severity == severity.rawValue }.count
            #expect(row[severity.rawValue + "s"]?.integerValue == count, "\(severity): \(row) vs \(found.items)")
        }
        let check = RuleCheck(
            view: LedgerView(events: events, asOf: ledger.asOf.flatMap(CivilDate.init)), today: CivilDate(ledger.today)!)
        let voted = ActionFunding.all(in: check.state, judgedAt: check.date).filter { $0.money == .voted && $0.stateCashCents > 0 }
        let percent = row["cofinancingPercent"]?.integerValue
        let permille = row["cofinancingPermille"]?.integerValue
        guard !voted.isEmpty else {
            #expect(row["cofinancingPercent"] == .null && row["cofinancingPermille"] == .null, "\(row)")
            return
        }
        let share = Share(voted.map(\.otherCashCents).reduce(0, +), of: voted.map(\.cashCents).reduce(0, +))
        #expect(permille == share.permilleRoundedDown, "\(row) vs \(share)")
        #expect(percent == share.percentRoundedDown && percent == permille.map { $0 / 10 }, "\(row)")
        let short = voted.filter { funding in
            !found.cofinancing(.voted, ofAction: CheckFindings.label(funding.actionId, in: check.state), year: String(funding.year)).isEmpty
        }
        if short.isEmpty { #expect((percent ?? 0) >= 50, "no voted shortfall found, yet \(row)") }
        if short.count == voted.count { #expect((percent ?? 100) < 50, "every voted year short, yet \(row)") }
    }
}
