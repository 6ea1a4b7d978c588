import PacteEvents
import PacteProjections

// Part 5: the budget — per action, the State's cash against the other partners' cash
// and the in-kind valuations, planned and voted; the co-financing check per action and
// year; the totals per year.
extension PactReport {
    static func budgetPart(_ context: ReportContext) -> ReportPart {
        let state = context.state
        var blocks: [ReportBlock] = [
            .note([.text("Prévu : les financements des fiches-action en vigueur. Voté : les engagements annuels adoptés par les instances des partenaires (les votes rejetés ou ajournés ne comptent pas). La contribution de l'État relève de l'action 23 « Pacte des solidarités » du BOP 304 ; le cofinancement des autres partenaires, hors valorisation des apports en nature, atteint au moins 50 % du budget total.")]),
        ]
        let votedState = context.totals.votedByState.cashCents
        let plannedState = context.totals.plannedByState.cashCents
        var totals = ReportTable(
            caption: "Totaux du pacte",
            [("", .left), ("Numéraire", .right), ("dont État", .right), ("dont autres partenaires", .right), ("En nature", .right)])
        totals.append([
            [.text("Prévu (fiches-action)")], [.text(context.euros(context.totals.planned.cashCents))], [.text(context.euros(plannedState))],
            [.text(context.euros(context.totals.plannedByOthers.cashCents))], [.text(context.euros(context.totals.planned.inKindCents))],
        ])
        totals.append([
            [.text("Voté (délibérations adoptées)")], [.text(context.euros(context.totals.voted.cashCents))], [.text(context.euros(votedState))],
            [.text(context.euros(context.totals.votedByOthers.cashCents))], [.text(context.euros(context.totals.voted.inKindCents))],
        ])
        blocks.append(.table(totals))

        // Per action.
        let fundings = context.fundings
        let rows = state.actions.map { action in
            let own = fundings.filter { $0.actionId == action.id }
            return BudgetChart.Row(
                actionId: action.id, title: action.sheet.title ?? "",
                planned: BudgetChart.Money(
                    cash: ActionFunding.Total(own.filter { $0.money == .planned }),
                    inKindCents: context.totals.plannedByAction[ByteKey(action.id)]?.inKindCents ?? 0),
                voted: BudgetChart.Money(
                    cash: ActionFunding.Total(own.filter { $0.money == .voted }),
                    inKindCents: context.totals.votedByAction[ByteKey(action.id)]?.inKindCents ?? 0))
        }
        if rows.isEmpty {
            blocks.append(.paragraph([.text("Aucune action.")]))
        } else {
            var table = ReportTable(
                [("Action", .left), ("", .left), ("État", .right), ("Autres partenaires", .right), ("Total numéraire", .right),
                 ("Part de l'État", .right), ("En nature", .right)])
            for row in rows {
                for (label, money) in [("prévu", row.planned), ("voté", row.voted)] {
                    let share: [ReportInline]
                    if money.stateCents == 0 {
                        share = [.text("—")]
                    } else {
                        let percent = Formatted.percent(money.cash.stateShare, in: .french, roundingUp: true)
                        switch money.status {
                        case .cofinanced, .notStateFunded: share = [.flag(percent + " ✓", .good)]
                        case .awaitingVotes: share = [.flag(percent + " … votes attendus", .warning)]
                        case .shortfall: share = [.flag(percent + " ✗", .bad)]
                        }
                    }
                    table.append([
                        [.strong(row.actionId)], [.text(label)], [.text(context.euros(money.stateCents))],
                        [.text(context.euros(money.othersCents))], [.text(context.euros(money.cashCents))], share,
                        [.text(context.euros(money.inKindCents))],
                    ])
                }
            }
            blocks.append(.figure(ReportFigure(
                caption: "Budget par action : crédits de l'État, des autres partenaires et apports en nature",
                chart: .budget(BudgetChart(rows: rows)), table: table)))
        }

        blocks.append(.heading("Cofinancement par action et par année", level: 3, id: "cofinancement"))
        blocks.append(.table(cofinancingTable(context)))

        blocks.append(.heading("Par année", level: 3, id: "budget-annees"))
        var years = ReportTable(
            [("Année", .left), ("Numéraire prévu", .right), ("Numéraire voté", .right), ("dont État (voté)", .right),
             ("En nature (voté)", .right)])
        let allYears = Set(context.totals.plannedByYear.keys).union(context.totals.votedByYear.keys).sorted()
        for year in allYears {
            let stateCents = context.totals.votedByStateByYear[year]?.cashCents ?? 0
            years.append([
                [.text(String(year))], [.text(context.euros(context.totals.plannedByYear[year]?.cashCents ?? 0))],
                [.text(context.euros(context.totals.votedByYear[year]?.cashCents ?? 0))], [.text(context.euros(stateCents))],
                [.text(context.euros(context.totals.votedByYear[year]?.inKindCents ?? 0))],
            ])
        }
        if !years.rows.isEmpty { blocks.append(.table(years)) }
        return ReportPart(number: 5, id: "budget", title: "Le budget", blocks: blocks)
    }

    /// For each action and year with State cash: the other partners' share of the cash,
    /// planned and voted (rule COFINANCING).
    static func cofinancingTable(_ context: ReportContext) -> ReportTable {
        var table = ReportTable(
            [("Action", .left), ("Année", .left), ("", .left), ("État", .right), ("Autres partenaires", .right),
             ("Total numéraire", .right), ("Part des autres", .right), ("Constat", .left)])
        for action in context.state.actions {
            for money in ActionFunding.Money.allCases {
                for funding in context.fundings where funding.actionId == action.id && funding.money == money && funding.stateCashCents > 0 {
                    let verdict: [ReportInline]
                    switch funding.status {
                    case .notStateFunded, .cofinanced:
                        verdict = [.flag("✓ au moins 50 %", .good)]
                    case .awaitingVotes:
                        verdict = [.flag("… votes attendus : " + funding.awaitedPartnerIds.map(context.name).joined(separator: ", "), .warning)]
                    case .shortfall:
                        verdict = [.flag("✗ il manque " + context.euros(funding.shortfallCents), .bad)]
                    }
                    table.append([
                        [.strong(action.id)], [.text(String(funding.year))], [.text(money == .planned ? "prévu" : "voté")],
                        [.text(context.euros(funding.stateCashCents))], [.text(context.euros(funding.otherCashCents))],
                        [.text(context.euros(funding.cashCents))], [.text(Formatted.percent(funding.othersShare, in: .french))], verdict,
                    ])
                }
            }
        }
        if table.rows.isEmpty {
            table.append([[.text("—")], [.text("")], [.text("")], [.text("")], [.text("")], [.text("")], [.text("")], [.text("aucune action financée par l'État")]])
        }
        return table
    }
}
