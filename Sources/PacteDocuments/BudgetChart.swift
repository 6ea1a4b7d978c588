import PacteEvents
import PacteProjections

/// The budget of each action as horizontal bars, planned (action sheet) and voted
/// (adopted commitments): the State's cash, the other partners' cash, then the in-kind
/// valuations (outside the cash budget). A tick marks half of the cash: the State's
/// segment must end at or before it (the others bring at least 50 %). Each bar ends with
/// the State's share in text.
struct BudgetChart {
    /// One action's money over its years, planned or voted.
    struct Money {
        /// The action's years together, as `check` judges them.
        var cash = ActionFunding.Total()
        var inKindCents = 0

        var stateCents: Int { cash.stateCashCents }
        var othersCents: Int { cash.otherCashCents }
        var cashCents: Int { cash.cashCents }
        var status: ActionFunding.Status { cash.status }
    }

    struct Row {
        var actionId: String
        var title: String
        var planned: Money
        var voted: Money
    }

    var rows: [Row]

    func svg() -> String {
        let width = 680.0
        let labelWidth = 52.0
        let shareWidth = 150.0
        let plotLeft = labelWidth
        let plotRight = width - shareWidth - 6
        let groupHeight = 58.0
        let top = 8.0
        let plotBottom = top + Double(rows.count) * groupHeight
        let height = plotBottom + 64
        let maximum = max(1, rows.map {
            max($0.planned.cashCents.addingSaturating($0.planned.inKindCents), $0.voted.cashCents.addingSaturating($0.voted.inKindCents))
        }.max() ?? 1)
        let step = Self.tickStep(for: maximum)
        let scaleMaximum = Double(step) * (Double(maximum) / Double(step)).rounded(.up)
        func x(_ cents: Int) -> Double {
            plotLeft + Double(cents) / scaleMaximum * (plotRight - plotLeft)
        }

        var canvas = ChartCanvas(width: width, height: height, title: "Budget par action : État, autres partenaires, apports en nature")
        var tick = 0
        while Double(tick) <= scaleMaximum {
            canvas.line(x(tick), top, x(tick), plotBottom, stroke: "#d9dde3", width: 0.6)
            canvas.text(Formatted.euros(tick, in: .french), x(tick), plotBottom + 13, size: 8, anchor: tick == 0 ? .start : .middle,
                        fill: "#444")
            let (next, overflow) = tick.addingReportingOverflow(step)
            if overflow { break }
            tick = next
        }
        canvas.line(plotLeft, plotBottom, plotRight, plotBottom, stroke: "#888", width: 0.8)

        for (index, row) in rows.enumerated() {
            let groupTop = top + Double(index) * groupHeight
            if index % 2 == 1 { canvas.rectangle(0, groupTop, width, groupHeight, fill: "#f6f7f9") }
            canvas.text(
                ChartCanvas.fitted(row.actionId + " – " + row.title, width: width - 8, size: 9.5), 2, groupTop + 12, size: 9.5,
                bold: true, tooltip: row.actionId + " – " + row.title)
            for (offset, money, label) in [(0.0, row.planned, "prévu"), (1.0, row.voted, "voté")] {
                let barTop = groupTop + 18 + offset * 18
                canvas.text(label, 2, barTop + 10, size: 8.5, fill: "#444")
                var left = x(0)
                let stateRight = x(money.stateCents)
                canvas.rectangle(left, barTop, stateRight - left, 12, fill: ChartColour.state,
                                 tooltip: "État : " + Formatted.euros(money.stateCents, in: .french))
                left = stateRight
                let othersRight = x(money.cashCents)
                canvas.rectangle(left, barTop, othersRight - left, 12, fill: ChartColour.others,
                                 tooltip: "autres partenaires : " + Formatted.euros(money.othersCents, in: .french))
                left = othersRight
                if money.inKindCents > 0 {
                    canvas.rectangle(left + 1, barTop, x(money.cashCents.addingSaturating(money.inKindCents)) - left - 1, 12, fill: ChartColour.inKind,
                                     stroke: "#7a828c", strokeWidth: 0.8, dash: "2 2",
                                     tooltip: "apports en nature : " + Formatted.euros(money.inKindCents, in: .french))
                }
                if money.stateCents > 0 {
                    // Half of the cash: the State's segment must not pass it.
                    let half = plotLeft + Double(money.cashCents) / 2 / scaleMaximum * (plotRight - plotLeft)
                    canvas.line(half, barTop - 3, half, barTop + 15, stroke: "#111", width: 1.6)
                }
                let share: String
                let tone: String
                if money.cashCents == 0 {
                    share = money.inKindCents > 0 ? "en nature seulement" : "aucun"
                    tone = "#444"
                } else if money.stateCents == 0 {
                    share = "sans crédits de l'État"
                    tone = "#444"
                } else {
                    let percent = Formatted.percent(Share(money.stateCents, of: money.cashCents), in: .french, roundingUp: true)
                    switch money.status {
                    case .cofinanced, .notStateFunded: (share, tone) = ("État " + percent + " ✓ ≤ 50 %", ChartColour.green)
                    case .awaitingVotes: (share, tone) = ("État " + percent + " … votes attendus", ChartColour.orange)
                    case .shortfall: (share, tone) = ("État " + percent + " ✗ > 50 %", ChartColour.red)
                    }
                }
                canvas.text(share, plotRight + 8, barTop + 10, size: 9, fill: tone, bold: money.status == .shortfall)
            }
        }

        let legendY = plotBottom + 34
        canvas.rectangle(2, legendY - 8, 14, 9, fill: ChartColour.state)
        canvas.text("État (numéraire)", 20, legendY, size: 8.5)
        canvas.rectangle(112, legendY - 8, 14, 9, fill: ChartColour.others)
        canvas.text("autres partenaires (numéraire)", 130, legendY, size: 8.5)
        canvas.rectangle(282, legendY - 8, 14, 9, fill: ChartColour.inKind, stroke: "#7a828c", strokeWidth: 0.8, dash: "2 2")
        canvas.text("apports en nature (hors budget)", 300, legendY, size: 8.5)
        canvas.line(462, legendY - 10, 462, legendY + 2, stroke: "#111", width: 1.6)
        canvas.text("50 % du numéraire", 468, legendY, size: 8.5)
        canvas.text("Les autres partenaires apportent au moins 50 % du budget total en numéraire (hors valorisation des apports en nature).",
                    2, legendY + 16, size: 8, fill: "#555")
        return canvas.finish()
    }

    /// A round step (1, 2 or 5 × 10ⁿ euros) giving 3 to 6 ticks up to `maximum` cents.
    static func tickStep(for maximum: Int) -> Int {
        var step = 100
        while true {
            for factor in [1, 2, 5] where maximum / (step * factor) <= 5 {
                return step * factor
            }
            step *= 10
        }
    }
}
