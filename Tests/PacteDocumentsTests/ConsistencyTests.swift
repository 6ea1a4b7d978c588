import Foundation
@testable import PacteDocuments
import PacteEvents
import PacteProjections
import PactTesting
import Testing

/// One truth: a judgment the report shows — a State window, a co-financing share and its
/// verdict, a late signature and its days, a governance year — is what `check` finds, on
/// every ledger the tests have (the example, the one-truth scenario, the generated corpus,
/// the rule fixtures), at several dates. The report is read back from what it shows (its
/// tables and charts), never from the projection it is built on.
@Suite("Consistency: the report and check")
struct ConsistencyTests {
    /// What `check` found, and the pact it judged.
    struct Judged {
        var state: PactState
        var date: CivilDate
        var found: CheckFindings

        func label(_ actionId: String) -> String {
            CheckFindings.label(actionId, in: state)
        }
    }

    @Test(arguments: ConsistencyCase.all)
    func theReportShowsWhatCheckFinds(_ ledger: ConsistencyCase) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let contents = try LedgerFile(path: try ledger.path(in: folder)).read()
        let asOf = ledger.asOf.flatMap(CivilDate.init)
        let today = try #require(CivilDate(ledger.today))
        let check = RuleCheck(view: LedgerView(events: contents.events, asOf: asOf), today: today)
        let judged = Judged(state: check.state, date: check.date, found: CheckFindings(check.findings()))
        let report = PactReport(
            contents: contents, fileName: "pacte.jsonl", asOf: asOf, knownAt: nil, today: today, generatedAt: ReportFixtures.now)
        let shown = ReportTables(report)
        stateWindows(shown, judged)
        cofinancing(shown, judged)
        signingDelays(shown, judged)
        governanceYears(shown, judged)
    }

    /// STATE-WINDOW: the State-credits table's verdict per action and year N (« ✓ dans la
    /// fenêtre », « ✗ début avant vigueur, fin hors délai »…) names exactly the breaches
    /// check finds, and the chart says the same.
    func stateWindows(_ shown: ReportTables, _ judged: Judged) {
        let found = judged.found.of(.stateWindow)
        guard let table = shown.tables(withColumns: "Année N", "Limite 12 mois", "Constat").first else {
            #expect(found.isEmpty, "no State-credits table, yet \(found)")
            return
        }
        var shownCount = 0
        for action in judged.state.actions {
            var shownBreaches: [StateFundingWindow.Breach] = []
            for (index, row) in table.rows.enumerated() where table.cell(row, "Action") == action.id {
                let verdict = table.cell(row, "Constat")
                #expect(shown.htmlShows(table, row: index, "Constat"), "« \(verdict) » is not in the HTML report")
                guard verdict.hasPrefix("✗ ") else { continue }
                for label in verdict.dropFirst(2).components(separatedBy: ", ") {
                    let breach = StateFundingWindow.Breach.allCases.first { $0.label(in: .french) == label }
                    #expect(breach != nil, "« \(label) » names no breach")
                    if let breach { shownBreaches.append(breach) }
                }
            }
            let foundBreaches = judged.found.stateWindowBreaches(ofAction: judged.label(action.id))
            #expect(shownBreaches.map(\.rawValue).sorted() == foundBreaches, "\(action.id): the report shows \(shownBreaches), check finds \(found)")
            shownCount += shownBreaches.count
        }
        #expect(shownCount == found.count, "check finds \(found)")
        let svg = shown.svg(of: table) ?? ""
        for index in table.rows.indices {
            #expect(table.markup[index][table.columns.count - 1].allSatisfy(svg.contains), "the chart does not say « \(table.rows[index].last ?? "") »")
        }
    }

    /// COFINANCING: per action, year and money (planned, voted), the share of the other
    /// partners is shown rounded down from the figures shown beside it, and the verdict
    /// (« ✓ au moins 50 % », « … votes attendus », « ✗ il manque … ») is what check finds
    /// (nothing, an info, an error with the same amount). The budget table and chart mark
    /// an action ✗ exactly when check finds a shortfall.
    func cofinancing(_ shown: ReportTables, _ judged: Judged) {
        let found = judged.found.of(.cofinancing)
        #expect(judged.found.of(.cofinancing, .warning).isEmpty)
        func money(_ cell: String) -> ActionFunding.Money {
            cell == "prévu" ? .planned : .voted
        }
        guard let table = shown.tables(withColumns: "Part des autres", "Constat").first else {
            Issue.record("no co-financing table")
            return
        }
        var judgedRows = 0
        for (index, row) in table.rows.enumerated() where table.cell(row, "Action") != "—" {
            let actionId = table.cell(row, "Action")
            let key = "\(actionId) \(table.cell(row, "Année")) \(table.cell(row, ""))"
            let own = judged.found.cofinancing(money(table.cell(row, "")), ofAction: judged.label(actionId), year: table.cell(row, "Année"))
            let verdict = table.cell(row, "Constat")
            #expect(shown.htmlShows(table, row: index, "Constat") && shown.htmlShows(table, row: index, "Part des autres"), "« \(verdict) » is not in the HTML report")
            guard let state = ShownFigure.cents(table.cell(row, "État")), let others = ShownFigure.cents(table.cell(row, "Autres partenaires")),
                  let total = ShownFigure.cents(table.cell(row, "Total numéraire")), let permille = ShownFigure.permille(table.cell(row, "Part des autres"))
            else {
                Issue.record("unreadable figures: \(row)")
                continue
            }
            #expect(state + others == total && total > 0, "\(row)")
            // One rounding rule: down, so that 49.99 % never reads as 50 %.
            #expect(permille == others * 1000 / total, "\(row): \(permille) ‰ shown for \(others) of \(total)")
            if verdict.hasPrefix("✓") {
                #expect(own.isEmpty, "\(key) shown ✓, check finds \(own)")
                #expect(others >= state && permille >= 500, "\(row)")
            } else if verdict.hasPrefix("✗ il manque ") {
                judgedRows += 1
                #expect(own.map(\.severity) == ["error"], "\(key) shown ✗, check finds \(own)")
                let amount = String(verdict.dropFirst("✗ il manque ".count))
                #expect(ShownFigure.cents(amount) == state - others)
                #expect(own.allSatisfy { $0.message.contains("il manque " + amount + " de cofinancement") }, "\(amount)")
                #expect(others < state && permille < 500, "\(row)")
            } else if verdict.hasPrefix("… votes attendus") {
                judgedRows += 1
                #expect(own.map(\.severity) == ["info"], "\(key) shown awaiting votes, check finds \(own)")
                #expect(others < state && permille < 500, "\(row)")
            } else {
                Issue.record("unknown verdict « \(verdict) »")
            }
        }
        #expect(judgedRows == found.count, "check finds \(found)")

        guard let budget = shown.tables(withColumns: "Part de l'État", "En nature").first else {
            #expect(judged.state.actions.isEmpty, "no budget table")
            return
        }
        var marked = 0
        for (index, row) in budget.rows.enumerated() {
            #expect(shown.htmlShows(budget, row: index, "Part de l'État"))
            let share = budget.cell(row, "Part de l'État")
            let own = judged.found.cofinancing(money(budget.cell(row, "")), ofAction: judged.label(budget.cell(row, "Action")))
            if share == "—" {
                #expect(ShownFigure.cents(budget.cell(row, "État")) == 0 && own.isEmpty, "\(row)")
                continue
            }
            let crossed = share.hasSuffix("✗")
            if crossed { marked += 1 }
            #expect(crossed == own.contains { $0.severity == "error" }, "\(row) vs \(own)")
            // Every year at least half: the State's share, rounded up, is at most 50 %.
            if !crossed, own.isEmpty { #expect((ShownFigure.permille(share) ?? 1000) <= 500, "\(row)") }
        }
        let svg = shown.svg(of: budget) ?? ""
        #expect(svg.contains("</svg>") && svg.components(separatedBy: "✗").count - 1 == marked, "the chart's ✗ marks differ from the table's")
    }

    /// SIGNING-DELAY: a partner shown late (« ⚠ en retard depuis N jours », « EN RETARD »
    /// on the chart) has check's warning with the same days, and only those; a signature
    /// shown « après l'échéance » is dated after the target shown.
    func signingDelays(_ shown: ReportTables, _ judged: Judged) {
        let found = judged.found.of(.signingDelay, .warning)
        let timeline = SigningTimeline(state: judged.state, today: judged.date)
        var late = 0
        for table in shown.tables {
            guard case .signing(let chart)? = table.chart else { continue }
            let document = timeline.documents.first { $0.document == chart.document }
            let partners = document?.partners ?? []
            #expect(table.rows.count == partners.count)
            let svg = shown.svg(of: table) ?? ""
            #expect(svg.contains("</svg>"))
            var chartLate = 0
            var chartAfter = 0
            for ((index, row), partner) in zip(table.rows.enumerated(), partners) {
                #expect(table.cell(row, "Partenaire") == partner.name.spaced)
                let status = table.cell(row, "État")
                #expect(shown.htmlShows(table, row: index, "État"), "« \(status) » is not in the HTML report")
                let own = judged.found.lateSignatures(of: partner.partnerId, on: chart.document)
                if status.contains("en retard") {
                    late += 1
                    chartLate += 1
                    #expect(own.count == 1, "\(partner.partnerId) shown late, check finds \(own)")
                    let days = ShownFigure.number(after: "depuis ", in: status)
                    #expect(days != nil && own.allSatisfy { CheckFindings.daysLate($0) == days }, "\(status)")
                } else {
                    #expect(own.isEmpty, "\(partner.partnerId) shown « \(status) », check finds \(own)")
                }
                let after = status.contains("(après l'échéance)")
                if after { chartAfter += 1 }
                #expect(after == (partner.signatureDate.map { $0 > chart.targetDate } ?? false), "\(status)")
            }
            #expect(svg.components(separatedBy: "EN RETARD").count - 1 == chartLate)
            #expect(svg.components(separatedBy: "signé hors délai").count - 1 == chartAfter)
        }
        #expect(late == found.count, "check finds \(found)")
    }

    /// GOVERNANCE-YEARLY: a year shown « MANQUANTE » is check's error for that year, one
    /// shown « à tenir » its info, and no other year has a finding.
    func governanceYears(_ shown: ReportTables, _ judged: Judged) {
        let errors = judged.found.of(.governanceYearly, .error)
        let infos = judged.found.of(.governanceYearly, .info)
        let table = shown.tables.first { $0.caption == "Réunion annuelle de la gouvernance" }
        let rows = table?.rows ?? []
        for (index, row) in rows.enumerated() {
            let year = row[0]
            let status = row[2]
            #expect(table.map { shown.htmlShows($0, row: index, "Constat") } == true, "« \(status) » is not in the HTML report")
            let (missing, due) = judged.found.governance(year)
            #expect(missing.count == (status == "MANQUANTE" ? 1 : 0), "\(year) shown « \(status) », check finds \(missing)")
            #expect(due.count == (status.hasPrefix("à tenir") ? 1 : 0), "\(year) shown « \(status) », check finds \(due)")
        }
        #expect(rows.filter { $0[2] == "MANQUANTE" }.count == errors.count, "check finds \(errors)")
        #expect(rows.filter { $0[2].hasPrefix("à tenir") }.count == infos.count, "check finds \(infos)")
    }

    /// The rule fixtures the consistency tests leave out are those the reader refuses for a
    /// reference to something the ledger never recorded: no output can show them.
    @Test func onlyRuleFixturesTheReaderRefusesAreLeftOut() {
        var leftOut: [String] = []
        for situation in ConsistencyCase.ruleTables {
            guard let error = ConsistencyCase.readingError(of: situation.fixture) else { continue }
            leftOut.append(situation.description)
            guard case .unresolvedReference? = error as? LedgerError else {
                Issue.record("\(situation): \(error)")
                continue
            }
        }
        #expect(leftOut.count < ConsistencyCase.ruleTables.count / 10, "\(leftOut)")
        #expect(!ConsistencyCase.ruleFixtures.isEmpty)
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
