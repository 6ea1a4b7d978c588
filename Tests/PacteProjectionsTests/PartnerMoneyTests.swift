import PacteEvents
import PactTesting
@testable import PacteProjections
import Testing

@Suite("Each partner's money")
struct PartnerMoneyTests {
    /// A named fixture, for parameterized tests.
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var fixture: PactFixture
    }

    /// Action A3, funded over two years and on two bases by the Department and the State,
    /// partly voted in 2026 (one adopted vote, one rejected, one deferred).
    static let twoYears = PactFixture.baseline
        .adding("a3", .actionAdded, "2025-01-20", """
            {"sheet":{"actionId":"A3","priorityId":"P1","title":"Aller-vers","summary":"Tournées.",
             "partners":[{"partnerId":"cd11","role":"porteur"}],
             "funding":[{"partnerId":"cd11","year":2025,"amountCents":100000,"source":"budget départemental","basis":"dedicated"},
                        {"partnerId":"cd11","year":2026,"amountCents":250000,"source":"budget départemental","basis":"common-law"},
                        {"partnerId":"etat","year":2026,"amountCents":300000,"source":"BOP 304 action 23","basis":"dedicated"},
                        {"partnerId":"cd11","year":2026,"amountCents":50000,"source":"fonds social","basis":"common-law"},
                        {"partnerId":"cd11","year":2026,"amountCents":70000,"source":"budget départemental","basis":"common-law"}]}}
            """)
        .adding("commit-cd-2026", .commitmentVoted, "2026-02-10", """
            {"partnerId":"cd11","year":2026,"body":"commission permanente","reference":"CP-2026-02","outcome":"adopted",
             "lines":[{"actionId":"A3","amountCents":200000,"source":"budget départemental","basis":"common-law"},
                      {"actionId":"A3","amountCents":40000,"source":"budget départemental","basis":"dedicated"}]}
            """)
        .adding("commit-cd-2026-rejected", .commitmentVoted, "2026-03-10", """
            {"partnerId":"cd11","year":2026,"body":"commission permanente","reference":"CP-2026-03","outcome":"rejected",
             "lines":[{"actionId":"A3","amountCents":999900,"source":"budget départemental","basis":"common-law"}]}
            """)
        .adding("commit-cd-2026-deferred", .commitmentVoted, "2026-04-10", """
            {"partnerId":"cd11","year":2026,"body":"commission permanente","reference":"CP-2026-04","outcome":"deferred",
             "lines":[{"actionId":"A3","amountCents":888800,"source":"fonds social","basis":"common-law"}]}
            """)

    static let cases: [Case] = [
        Case(description: "baseline", fixture: .baseline),
        Case(description: "with amendment", fixture: .withAmendment),
        Case(description: "two years", fixture: twoYears),
        Case(description: "withdrawn partner",
             fixture: twoYears.adding("cd-out", .partnerWithdrew, "2026-06-01", #"{"partnerId":"cd11","reason":"désengagement"}"#)),
    ] + GeneratedCorpus(count: 8).pacts.map { Case(description: $0.name, fixture: $0.fixture) }

    // MARK: - Against the fixtures' lines

    @Test("each account holds its sheet lines and adopted votes, summed by key, year and basis, and in total", arguments: cases)
    func accountsMatchTheLines(_ pact: Case) {
        let expected = ExpectedMoney(pact.fixture)
        let money = PactState(events: pact.fixture.events).partnerMoney
        var planned: [ExpectedMoney.Cell: Int] = [:]
        var voted: [ExpectedMoney.Cell: Int] = [:]
        for account in money.accounts {
            for line in account.lines {
                let cell = ExpectedMoney.Cell(
                    partner: account.partnerId, action: line.actionId, year: line.year, basis: line.basis.rawValue, source: line.source)
                if line.isPlanned { planned[cell] = line.plannedCents } else { #expect(line.plannedCents == 0, "\(cell)") }
                if line.isVoted { voted[cell] = line.votedCents } else { #expect(line.votedCents == 0, "\(cell)") }
            }
        }
        #expect(planned == expected.planned)
        #expect(voted == expected.voted)

        let partners = Set(expected.planned.keys.map(\.partner)).union(expected.voted.keys.map(\.partner))
            .union(expected.plannedInKind.keys.map(\.partner)).union(expected.votedInKind.keys.map(\.partner))
        #expect(Set(money.accounts.map(\.partnerId)) == partners)
        for partner in partners {
            guard let account = money.account(of: partner) else {
                Issue.record("no account for \(partner)")
                continue
            }
            #expect(account.plannedCashCents == expected.planned.filter { $0.key.partner == partner }.values.reduce(0, +), "\(partner)")
            #expect(account.votedCashCents == expected.voted.filter { $0.key.partner == partner }.values.reduce(0, +), "\(partner)")
            // By year and basis: every key of a line, sorted by year then basis.
            var byYear: [String: (planned: Int, voted: Int)] = [:]
            for (cell, cents) in expected.planned where cell.partner == partner {
                byYear["\(cell.year) \(cell.basis)", default: (0, 0)].planned += cents
            }
            for (cell, cents) in expected.voted where cell.partner == partner {
                byYear["\(cell.year) \(cell.basis)", default: (0, 0)].voted += cents
            }
            let rows = account.byYearAndBasis
            #expect(rows.map { "\($0.year) \($0.basis.rawValue)" } == byYear.keys.sorted { Self.yearThenBasis($0) < Self.yearThenBasis($1) })
            for row in rows {
                let sums = byYear["\(row.year) \(row.basis.rawValue)"]
                #expect(row.plannedCents == sums?.planned && row.votedCents == sums?.voted, "\(partner) \(row)")
            }
            // In kind.
            let inKind = expected.plannedInKind.filter { $0.key.partner == partner }
            #expect(account.plannedInKindCents == inKind.values.reduce(0, +), "\(partner)")
            for (key, cents) in inKind {
                #expect(account.planned(onAction: key.action).inKindCents == cents, "\(partner) \(key.action)")
            }
            let votedInKind = expected.votedInKind.filter { $0.key.partner == partner }
            #expect(Dictionary(uniqueKeysWithValues: account.votedInKind.map { (ExpectedMoney.PartnerAction(partner: partner, action: $0.actionId, year: $0.year), $0.cents) })
                == votedInKind)
            // Planned cash by action.
            for action in Set(expected.planned.keys.filter { $0.partner == partner }.map(\.action)) {
                let cents = expected.planned.filter { $0.key.partner == partner && $0.key.action == action }.values.reduce(0, +)
                #expect(account.planned(onAction: action).cashCents == cents, "\(partner) \(action)")
            }
        }
    }

    @Test("the sums over the partners are the pact's totals", arguments: cases)
    func partnersAddUpToTheTotals(_ pact: Case) {
        let expected = ExpectedMoney(pact.fixture)
        let state = PactState(events: pact.fixture.events)
        let money = state.partnerMoney
        let totals = state.totals
        // The totals, from the fixture's lines.
        #expect(totals.planned.cashCents == expected.planned.values.reduce(0, +))
        #expect(totals.voted.cashCents == expected.voted.values.reduce(0, +))
        #expect(totals.planned.inKindCents == expected.plannedInKind.values.reduce(0, +))
        #expect(totals.voted.inKindCents == expected.votedInKind.values.reduce(0, +))
        // The accounts, summed.
        #expect(money.accounts.map(\.plannedCashCents).reduce(0, +) == totals.planned.cashCents)
        #expect(money.accounts.map(\.votedCashCents).reduce(0, +) == totals.voted.cashCents)
        #expect(money.accounts.map(\.plannedInKindCents).reduce(0, +) == totals.planned.inKindCents)
        #expect(money.accounts.map(\.votedInKindCents).reduce(0, +) == totals.voted.inKindCents)
        for account in money.accounts {
            let key = ByteKey(account.partnerId)
            #expect(account.plannedCashCents == totals.plannedByPartner[key]?.cashCents ?? 0, "\(account.partnerId)")
            #expect(account.votedCashCents == totals.votedByPartner[key]?.cashCents ?? 0, "\(account.partnerId)")
            #expect(account.plannedInKindCents == totals.plannedByPartner[key]?.inKindCents ?? 0, "\(account.partnerId)")
            #expect(account.votedInKindCents == totals.votedByPartner[key]?.inKindCents ?? 0, "\(account.partnerId)")
        }
        // State and other partners by action, from the fixture's lines.
        let statePartners = Set(state.partners.filter(\.isState).map(\.id))
        for action in state.actions {
            let key = ByteKey(action.id)
            for (lines, byState, byOthers) in [
                (expected.planned, totals.plannedByStateByAction, totals.plannedByOthersByAction),
                (expected.voted, totals.votedByStateByAction, totals.votedByOthersByAction),
            ] {
                let own = lines.filter { $0.key.action == action.id }
                #expect(byState[key]?.cashCents ?? 0 == own.filter { statePartners.contains($0.key.partner) }.values.reduce(0, +))
                #expect(byOthers[key]?.cashCents ?? 0 == own.filter { !statePartners.contains($0.key.partner) }.values.reduce(0, +))
            }
        }
        // State and other partners over the pact, from the fixture's lines.
        for (lines, byState, byOthers) in [
            (expected.planned, totals.plannedByState, totals.plannedByOthers), (expected.voted, totals.votedByState, totals.votedByOthers),
        ] {
            #expect(byState.cashCents == lines.filter { statePartners.contains($0.key.partner) }.values.reduce(0, +))
            #expect(byOthers.cashCents == lines.filter { !statePartners.contains($0.key.partner) }.values.reduce(0, +))
        }
    }

    // MARK: - Cases

    @Test("planned and voted by year and basis: only adopted votes count, each key once, in sheet then vote order")
    func plannedAndVotedByYearAndBasis() throws {
        let money = PactState(events: Self.twoYears.events).partnerMoney
        let department = try #require(money.account(of: "cd11"))
        // Baseline: 20 000 € common-law-contracted in 2025 on A1, planned and voted. A3: the
        // sheet's 1 000 € dedicated 2025; 2 500 + 700 € and 500 € common-law 2026; voted
        // 2 000 € common-law and 400 € dedicated in 2026 (the rejected and deferred votes
        // count for nothing).
        #expect(department.byYearAndBasis.map { "\($0.year) \($0.basis.rawValue) \($0.plannedCents) \($0.votedCents)" } == [
            "2025 dedicated 100000 0", "2025 common-law-contracted 2000000 2000000",
            "2026 dedicated 0 40000", "2026 common-law 370000 200000",
        ])
        #expect(department.lines.map { "\($0.actionId) \($0.year) \($0.basis.rawValue) \($0.source) \($0.plannedCents) \($0.votedCents)" } == [
            "A1 2025 common-law-contracted budget départemental 2000000 2000000",
            "A3 2025 dedicated budget départemental 100000 0",
            "A3 2026 common-law budget départemental 320000 200000",
            "A3 2026 common-law fonds social 50000 0",
            "A3 2026 dedicated budget départemental 0 40000",
        ])
        #expect(department.plannedCashCents == 2_000_000 + 100_000 + 250_000 + 50_000 + 70_000)
        #expect(department.votedCashCents == 2_000_000 + 200_000 + 40_000)
        #expect(department.planned(onAction: "A3").cashCents == 470_000)
        let state = try #require(money.account(of: "etat"))
        #expect(state.isState)
        #expect(state.byYearAndBasis.map { "\($0.year) \($0.basis.rawValue) \($0.plannedCents) \($0.votedCents)" } == [
            "2025 dedicated 4000000 4000000", "2026 dedicated 300000 0",
        ])
        #expect(!department.isState)
    }

    @Test("an amended sheet's lines replace the old ones from its date; a sheet awaiting its avenant counts for nothing")
    func amendedSheet() throws {
        let amended = PactFixture.baseline.adding("a1-funding", .actionAmended, "2025-10-01", """
            {"actionId":"A1","changes":{"funding":[
               {"partnerId":"etat","year":2025,"amountCents":4500000,"source":"BOP 304 action 23","basis":"dedicated"},
               {"partnerId":"cc-val","year":2025,"amountCents":3500000,"source":"budget intercommunal","basis":"dedicated"}]},
             "reason":"le Département se retire du financement"}
            """)
            .adding("amend-2", .amendmentProposed, "2025-10-05", #"{"number":2,"purpose":"Nouvelle action"}"#)
            .adding("a4", .actionAdded, "2025-10-05", """
                {"sheet":{"actionId":"A4","priorityId":"P1","title":"Épicerie solidaire","summary":"Épicerie.",
                 "funding":[{"partnerId":"cd11","year":2026,"amountCents":700000,"source":"budget départemental","basis":"dedicated"}]},
                 "amendment":2}
                """)
        let after = PactState(events: amended.events).partnerMoney
        let department = try #require(after.account(of: "cd11"))
        // The Department's line is gone from the sheet; its vote stays.
        #expect(department.plannedCashCents == 0)
        #expect(department.votedCashCents == 2_000_000)
        #expect(department.lines.map { "\($0.actionId) \($0.isPlanned) \($0.isVoted) \($0.plannedCents) \($0.votedCents)" } == [
            "A1 false true 0 2000000",
        ])
        #expect(department.planned(onAction: "A4").cashCents == 0)
        #expect(after.account(of: "etat")?.plannedCashCents == 4_500_000)
        #expect(after.account(of: "cc-val")?.plannedCashCents == 3_500_000 + 1_000_000)
        #expect(PactState(events: amended.events).totals.planned.cashCents == 4_500_000 + 3_500_000 + 1_000_000)
        // Before the amendment, the sheet's first lines.
        let before = PactState(events: amended.events, asOf: day("2025-09-30")).partnerMoney
        #expect(before.account(of: "cd11")?.plannedCashCents == 2_000_000)
        #expect(before.account(of: "etat")?.plannedCashCents == 4_000_000)
    }

    @Test("a partner who withdrew keeps its planned and voted money, as the totals do")
    func withdrawnPartner() throws {
        let fixture = Self.twoYears.adding("cd-out", .partnerWithdrew, "2026-06-01", #"{"partnerId":"cd11","reason":"désengagement"}"#)
        let state = PactState(events: fixture.events)
        #expect(state.partner("cd11")?.isWithdrawn == true)
        let department = try #require(state.partnerMoney.account(of: "cd11"))
        #expect(department.plannedCashCents == 2_470_000)
        #expect(department.votedCashCents == 2_240_000)
        #expect(state.totals.plannedByPartner["cd11"]?.cashCents == 2_470_000)
        #expect(state.totals.votedByPartner["cd11"]?.cashCents == 2_240_000)
    }

    @Test("a partner with in-kind money only has no cash line")
    func inKindOnly() throws {
        let fixture = PactFixture.baseline.adding("commit-caf", .commitmentVoted, "2025-06-01", """
            {"partnerId":"caf11","year":2025,"body":"conseil d'administration","reference":"CA-12","outcome":"adopted","lines":[],
             "inKind":[{"actionId":"A1","description":"deux agents","valuationCents":800000},
                       {"actionId":"A1","description":"un local","valuationCents":120000}]}
            """)
        let state = PactState(events: fixture.events)
        let caf = try #require(state.partnerMoney.account(of: "caf11"))
        #expect(caf.lines.isEmpty)
        #expect(caf.byYearAndBasis.isEmpty)
        #expect(caf.plannedCashCents == 0 && caf.votedCashCents == 0)
        #expect(caf.plannedInKindCents == 1_500_000)
        #expect(caf.planned(onAction: "A1") == PartnerMoney.ActionAmounts(actionId: "A1", cashCents: 0, inKindCents: 1_500_000))
        #expect(caf.votedInKind == [PartnerMoney.VotedInKind(actionId: "A1", year: 2025, cents: 920_000)])
        #expect(caf.votedInKindCents == 920_000)
        #expect(caf.inKindItems.map { "\($0.actionId) \($0.description) \($0.votedYear.map(String.init) ?? "fiche") \($0.cents)" } == [
            "A1 deux agents fiche 1500000", "A1 deux agents 2025 800000", "A1 un local 2025 120000",
        ])
        #expect(state.totals.votedByPartner["caf11"] == {
            var amounts = PactTotals.Amounts()
            amounts.inKindCents = 920_000
            return amounts
        }())
        // A partner without money has no account.
        #expect(PactState(events: PactFixture.baseline.without("a1").events).partnerMoney.account(of: "caf11") == nil)
    }

    @Test("sums beyond Int hold at Int.max instead of trapping")
    func sumsSaturate() throws {
        var state = PactState(events: PactFixture.baseline.events)
        let huge = Int.max / 2 + 1
        let action = try #require(state.actions.firstIndex { $0.id == "A1" })
        state.actions[action].sheet.funding = [
            FundingLine(partnerId: "etat", year: 2025, amountCents: huge, source: "BOP 304", basis: .dedicated),
            FundingLine(partnerId: "etat", year: 2025, amountCents: huge, source: "BOP 304", basis: .dedicated),
            FundingLine(partnerId: "etat", year: 2025, amountCents: 5, source: "BOP 177", basis: .dedicated),
            FundingLine(partnerId: "cd11", year: 2025, amountCents: 7, source: "budget", basis: .commonLaw),
        ]
        let commitment = try #require(state.commitments.firstIndex { $0.partnerId == "etat" })
        var line = try #require(state.commitments[commitment].lines.first)
        line.amountCents = huge
        state.commitments[commitment].lines = [line, line, line]
        // The exact sums, in 128 bits, held at Int.max.
        func held(_ amounts: [Int]) -> Int {
            let exact = amounts.map { Int128($0) }.reduce(0, +)
            return exact > Int128(Int.max) ? .max : Int(exact)
        }
        let expectedPlanned = held([huge, huge, 5])
        #expect(expectedPlanned == .max)
        let money = state.partnerMoney
        let etat = try #require(money.account(of: "etat"))
        #expect(etat.plannedCashCents == expectedPlanned)
        #expect(etat.votedCashCents == held([huge, huge, huge]))
        // The sheet's two sources, then the vote's (`BOP 304 action 23`, voted only).
        #expect(etat.lines.map(\.plannedCents) == [held([huge, huge]), 5, 0])
        #expect(etat.lines.map(\.votedCents) == [0, 0, held([huge, huge, huge])])
        #expect(etat.byYearAndBasis.map(\.plannedCents) == [expectedPlanned])
        #expect(etat.planned(onAction: "A1").cashCents == expectedPlanned)
        #expect(money.account(of: "cd11")?.plannedCashCents == 7)
        let totals = PactTotals(money: money)
        #expect(totals.planned.cashCents == held([huge, huge, 5, 7]))
        #expect(totals.plannedByStateByAction["A1"]?.cashCents == expectedPlanned)
        #expect(totals.plannedByOthersByAction["A1"]?.cashCents == 7)
        #expect(totals.voted.dedicatedCents == .max)
        #expect(totals.votedByPartner["etat"]?.cashCents == .max)
    }

    // MARK: - Helpers

    static func yearThenBasis(_ key: String) -> (Int, Int) {
        let parts = key.split(separator: " ")
        return (Int(parts[0])!, FundingLine.Basis.allCases.firstIndex { $0.rawValue == parts[1] }!)
    }
}

/// The money a fixture's steps state, read from their JSON without the projections: the
/// funding and in-kind lines of each `action.added` sheet (replaced by an `action.amended`
/// that changes them), and the lines of each adopted `commitment.voted`. Meant for
/// fixtures whose sheets and changes apply at once (no sheet awaiting an avenant, every
/// partner known).
private struct ExpectedMoney {
    struct Cell: Hashable, CustomStringConvertible {
        var partner: String
        var action: String
        var year: Int
        var basis: String
        var source: String
        var description: String { "\(partner) \(action) \(year) \(basis) \(source)" }
    }

    struct PartnerAction: Hashable {
        var partner: String
        var action: String
        var year: Int?
    }

    var planned: [Cell: Int] = [:]
    var voted: [Cell: Int] = [:]
    var plannedInKind: [PartnerAction: Int] = [:]
    var votedInKind: [PartnerAction: Int] = [:]

    init(_ fixture: PactFixture) {
        var sheets: [(action: String, funding: [JSONValue], inKind: [JSONValue])] = []
        for step in fixture.steps {
            switch step.type {
            case .actionAdded:
                let sheet = step.data["sheet"]!.objectValue!
                precondition(step.data["amendment"] == nil, "a sheet awaiting its avenant")
                sheets.append((sheet["actionId"]!.stringValue!, sheet["funding"]?.arrayValue ?? [], sheet["inKind"]?.arrayValue ?? []))
            case .actionAmended:
                let changes = step.data["changes"]!.objectValue!
                guard let index = sheets.firstIndex(where: { $0.action == step.data["actionId"]!.stringValue! }) else { continue }
                if let funding = changes["funding"]?.arrayValue { sheets[index].funding = funding }
                if let inKind = changes["inKind"]?.arrayValue { sheets[index].inKind = inKind }
            case .commitmentVoted where step.data["outcome"]!.stringValue == "adopted":
                let partner = step.data["partnerId"]!.stringValue!
                let year = step.data["year"]!.integerValue!
                for line in step.data["lines"]?.arrayValue ?? [] {
                    let line = line.objectValue!
                    let cell = Cell(partner: partner, action: line["actionId"]!.stringValue!, year: year,
                                    basis: line["basis"]!.stringValue!, source: line["source"]!.stringValue!)
                    voted[cell, default: 0] += line["amountCents"]!.integerValue!
                }
                for line in step.data["inKind"]?.arrayValue ?? [] {
                    let line = line.objectValue!
                    let key = PartnerAction(partner: partner, action: line["actionId"]!.stringValue!, year: year)
                    votedInKind[key, default: 0] += line["valuationCents"]!.integerValue!
                }
            default:
                break
            }
        }
        for sheet in sheets {
            for line in sheet.funding {
                let line = line.objectValue!
                let cell = Cell(partner: line["partnerId"]!.stringValue!, action: sheet.action, year: line["year"]!.integerValue!,
                                basis: line["basis"]!.stringValue!, source: line["source"]!.stringValue!)
                planned[cell, default: 0] += line["amountCents"]!.integerValue!
            }
            for contribution in sheet.inKind {
                let contribution = contribution.objectValue!
                let key = PartnerAction(partner: contribution["partnerId"]!.stringValue!, action: sheet.action, year: nil)
                plannedInKind[key, default: 0] += contribution["valuationCents"]!.integerValue!
            }
        }
    }
}
