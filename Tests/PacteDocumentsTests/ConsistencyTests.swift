import Foundation
import PacteEvents
import PacteProjections
import Testing
import PacteDocuments

/// One truth: a judgment shown by a document or the timeline and the finding of `check`
/// come from the same projection, so they cannot disagree — on every ledger the tests
/// have, at several dates.
@Suite("Consistency: documents, timeline and check")
struct ConsistencyTests {
    /// A ledger and the dates it is read at.
    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var asOf: String?
        var today: String
        var description: String { URL(fileURLWithPath: file).lastPathComponent + " as of " + (asOf ?? "-") + ", today " + today }
    }

    static func cases() throws -> [Case] {
        var cases = [nil, "2025-02-25", "2025-06-30", "2025-08-30", "2026-04-20", "2027-01-01"].map {
            Case(file: ReportFixtures.example, asOf: $0, today: "2026-12-01")
        }
        let folder = try TemporaryFolder()
        let scenario = try ReportFixtures.hostileLedger(in: folder, name: "scenario.jsonl", text: "(fictif)")
        cases += ["2025-02-01", "2025-03-01", "2025-03-02", "2026-12-01", "2027-01-02"].map { Case(file: scenario, asOf: nil, today: $0) }
        return cases
    }

    @Test(arguments: try cases())
    func everyOutputShowsTheSameJudgment(_ ledger: Case) throws {
        let events = try LedgerFile(path: ledger.file).read().events
        let view = LedgerView(events: events, asOf: ledger.asOf.flatMap(CivilDate.init))
        let check = RuleCheck(view: view, today: CivilDate(ledger.today)!)
        let all = check.findings()
        let timeline = SigningTimeline(state: check.state, today: check.date)
        let html = try ReportFixtures.report(ledger.file, asOf: ledger.asOf, today: ledger.today)
        let text = ReportMarkupChecker(html).text
        func findings(_ rule: Rule, _ severity: Severity? = nil) -> [Finding] {
            all.filter { $0.rule == rule && (severity == nil || $0.severity == severity) }
        }

        // STATE-WINDOW: an action is marked breaching its window exactly when check finds it.
        for window in timeline.stateFundedActions {
            let action = try #require(check.state.action(window.actionId))
            let own = findings(.stateWindow).filter { $0.seq.contains(action.source.seq) }
            #expect((window.status == .breached) == !own.isEmpty, "\(window.actionId): \(window.status) vs \(own.map(\.frenchMessage))")
            #expect(own.count == window.breaches.count)
            let mark = window.status == .breached ? "✗ " + window.breaches.map { $0.label(in: .french) }.joined(separator: ", ") : nil
            if let mark { #expect(text.contains(mark), "\(mark)") }
        }
        #expect(findings(.stateWindow).count == timeline.stateFundedActions.map(\.breaches.count).reduce(0, +))
        if timeline.stateFundedActions.allSatisfy({ $0.status != .breached }) { #expect(!text.contains("✗ début")) }

        // COFINANCING: a shortfall is an error, votes awaited an info, both shown by the report.
        let fundings = ActionFunding.all(in: check.state, judgedAt: check.date)
        #expect(findings(.cofinancing, .error).count == fundings.filter { $0.status == .shortfall }.count)
        #expect(findings(.cofinancing, .info).count == fundings.filter { $0.status == .awaitingVotes }.count)
        #expect(findings(.cofinancing, .warning).isEmpty)
        for funding in fundings where funding.status == .shortfall {
            #expect(text.contains("✗ il manque " + Formatted.euros(funding.shortfallCents, in: .french)))
        }

        // SIGNING-DELAY: a partner marked late has a warning, and only those.
        let late = timeline.documents.flatMap(\.partners).filter { $0.state == .late }
        #expect(findings(.signingDelay, .warning).count == late.count)
        if !late.isEmpty { #expect(text.contains("⚠ en retard")) }

        // GOVERNANCE-YEARLY: a missing year is an error, the current year due an info.
        #expect(findings(.governanceYearly, .error).count == timeline.governanceYears.filter { $0.status == .missing }.count)
        #expect(findings(.governanceYearly, .info).count == timeline.governanceYears.filter { $0.status == .due }.count)
    }

    /// The issue's scenario: State-funded A1 starts on 1 March 2025 while the convention is
    /// not in force (the State has not signed): check, the timeline and the report agree.
    @Test func anActionStartingBeforeEntryIntoForceIsMarkedEverywhere() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try ReportFixtures.hostileLedger(in: folder, name: "scenario.jsonl", text: "(fictif)")
        let events = try LedgerFile(path: file).read().events
        let today = CivilDate("2025-03-02")!
        let check = RuleCheck(view: LedgerView(events: events), today: today)
        let window = try #require(SigningTimeline(state: check.state, today: today).stateFundedActions.first)
        #expect(window.actionId == "A1")
        #expect(window.status == .breached)
        #expect(window.breaches == [.startBeforeEntryIntoForce])
        #expect(window.endIsWithinLimits)
        #expect(!window.startIsWithinLimits)
        #expect(check.findings(for: .stateWindow).count == 1)
        let json = JSONWriter.string(of: SigningTimeline(state: check.state, today: today).jsonValue)
        #expect(json.contains(#""status":"breached""#))
        #expect(json.contains(#""breaches":["start-before-entry-into-force"]"#))
        let text = ReportMarkupChecker(try ReportFixtures.report(file, today: "2025-03-02")).text
        #expect(text.contains("✗ début avant vigueur"))
        #expect(!text.contains("✓ dans la fenêtre"))
        // Before the start, nothing is breached yet.
        let before = RuleCheck(view: LedgerView(events: events), today: CivilDate("2025-02-15")!)
        #expect(before.findings(for: .stateWindow).isEmpty)
    }
}
