import PacteEvents
import PacteProjections

/// The schedules of the actions against their State windows: for a State-funded action,
/// year N (shaded: the action must start in it), the 12-month limit and 31 December
/// N+1 (triangles), the action's bar, and the part of it an extension covers (dashed).
/// Actions without State money are drawn without a window. Each row ends with a text
/// verdict, so that no state rests on colour alone.
struct ScheduleChart {
    struct Row {
        var actionId: String
        var title: String
        var start: CivilDate?
        var end: CivilDate?
        /// Year N, for a State-funded action.
        var year: Int?
        var twelveMonthLimit: CivilDate?
        var yearLimit: CivilDate?
        /// The end the action had before a granted extension, when one applies.
        var endBeforeExtension: CivilDate?
        var extendedEnd: CivilDate?
        var verdict: String
        var verdictTone: ReportTone
    }

    var rows: [Row]
    var conventionInForce: CivilDate?
    var today: CivilDate
    /// `aujourd'hui`, or `situation au` when the report shows an earlier date.
    var todayLabel: String

    func svg() -> String {
        let width = 680.0
        let labelWidth = 150.0
        let verdictWidth = 118.0
        let plotLeft = labelWidth + 8
        let plotRight = width - verdictWidth - 6
        let headerHeight = 36.0
        let rowHeight = 30.0
        let plotTop = headerHeight
        let plotBottom = plotTop + Double(rows.count) * rowHeight
        let height = plotBottom + 72

        var dates: [CivilDate] = []
        for row in rows {
            dates += [row.start, row.end, row.twelveMonthLimit, row.yearLimit, row.extendedEnd].compactMap { $0 }
            if let year = row.year { dates.append(CivilDate.startOfYear(year)) }
        }
        if let conventionInForce { dates.append(conventionInForce) }
        guard let firstDate = dates.min(), let lastDate = dates.max() else { return "" }
        let start = firstDate.firstOfMonth
        var end = lastDate.adding(days: 20)
        let todayOnScale = today >= start && start.days(until: today) <= start.days(until: end) * 5 / 4
        if todayOnScale { end = max(end, today.adding(days: 10)) }
        let totalDays = Double(max(1, start.days(until: end)))
        func x(_ date: CivilDate) -> Double {
            plotLeft + Double(start.days(until: date)) / totalDays * (plotRight - plotLeft)
        }

        var canvas = ChartCanvas(width: width, height: height, title: "Calendrier des actions et fenêtres des crédits de l'État")
        for (index, _) in rows.enumerated() where index % 2 == 1 {
            canvas.rectangle(0, plotTop + Double(index) * rowHeight, width, rowHeight, fill: "#f3f5f8")
        }
        for tick in ChartAxis.monthTicks(from: start, to: end, pixels: plotRight - plotLeft) {
            canvas.line(x(tick), plotTop, x(tick), plotBottom, stroke: "#d9dde3", width: 0.6)
            canvas.text(LongDate.shortMonthAndYear(tick), x(tick), plotBottom + 13, size: 8.5, anchor: .middle, fill: "#444")
        }
        canvas.line(plotLeft, plotBottom, plotRight, plotBottom, stroke: "#888", width: 0.8)

        var labels = HeaderLabels(left: plotLeft, right: width)
        if let conventionInForce, conventionInForce >= start, conventionInForce <= end {
            canvas.line(x(conventionInForce), plotTop - 4, x(conventionInForce), plotBottom, stroke: ChartColour.green, width: 1.2, dash: "2 2")
            labels.add("convention en vigueur : " + LongDate.french(conventionInForce), at: x(conventionInForce), colour: ChartColour.green)
        }
        if todayOnScale {
            canvas.line(x(today), plotTop - 4, x(today), plotBottom, stroke: "#6a1b9a", width: 1.4)
            labels.add(todayLabel + " : " + LongDate.french(today), at: x(today), colour: "#6a1b9a")
        } else if today > end {
            labels.add(todayLabel + " : " + LongDate.french(today) + " (hors échelle) →", at: plotRight, colour: "#6a1b9a")
        }
        labels.draw(on: &canvas)

        for (index, row) in rows.enumerated() {
            let top = plotTop + Double(index) * rowHeight
            let middle = top + rowHeight / 2
            let label = row.actionId + (row.year.map { " · État \($0)" } ?? " · sans crédits État")
            canvas.text(label, 2, middle - 2, size: 9.5, bold: true)
            canvas.text(ChartCanvas.fitted(row.title, width: labelWidth - 4, size: 8.5), 2, middle + 9, size: 8.5, fill: "#444",
                        tooltip: row.title)
            if let year = row.year {
                let bandStart = max(start, CivilDate.startOfYear(year))
                let bandEnd = min(end, CivilDate.endOfYear(year))
                if bandStart <= bandEnd {
                    canvas.rectangle(x(bandStart), top + 3, x(bandEnd) - x(bandStart), rowHeight - 6, fill: "#dfe9f7",
                                     tooltip: "année N = \(year) : l'action doit démarrer cette année-là")
                    canvas.text("N = \(year)", x(bandStart) + 3, top + 11, size: 7.5, fill: ChartColour.blue)
                }
            }
            if let startDate = row.start, let endDate = row.end {
                let plainEnd = row.endBeforeExtension.map { min($0, endDate) } ?? endDate
                canvas.rectangle(x(startDate), middle - 4, max(1, x(plainEnd) - x(startDate)), 9, fill: ChartColour.state,
                                 tooltip: "du " + LongDate.french(startDate) + " au " + LongDate.french(plainEnd))
                if plainEnd < endDate {
                    canvas.rectangle(x(plainEnd), middle - 4, x(endDate) - x(plainEnd), 9, fill: "#ffffff", stroke: ChartColour.state,
                                     strokeWidth: 1.2, dash: "3 2",
                                     tooltip: "prorogation jusqu'au " + LongDate.french(endDate))
                    canvas.text("prorogée", x(endDate) + 3, middle + 3, size: 7.5, fill: ChartColour.state)
                }
            } else {
                canvas.text("calendrier non renseigné", plotLeft + 4, middle + 3, size: 8.5, fill: ChartColour.red)
            }
            if let limit = row.twelveMonthLimit {
                canvas.downTriangle(x(limit), middle - 5, size: 4, fill: ChartColour.orange)
            }
            if let limit = row.yearLimit {
                canvas.downTriangle(x(limit), middle - 5, size: 4, fill: ChartColour.red)
                canvas.line(x(limit), top + 3, x(limit), top + rowHeight - 3, stroke: ChartColour.red, width: 1)
            }
            let colour = row.verdictTone == .bad ? ChartColour.red : (row.verdictTone == .good ? ChartColour.green : "#444")
            canvas.text(row.verdict, plotRight + 8, middle + 3.5, size: 9, fill: colour, bold: row.verdictTone == .bad)
        }

        let legendY = plotBottom + 34
        canvas.rectangle(2, legendY - 8, 16, 9, fill: "#dfe9f7")
        canvas.text("année N (démarrage)", 22, legendY, size: 8.5)
        canvas.rectangle(130, legendY - 8, 16, 9, fill: ChartColour.state)
        canvas.text("calendrier de l'action", 150, legendY, size: 8.5)
        canvas.rectangle(262, legendY - 8, 16, 9, fill: "#ffffff", stroke: ChartColour.state, dash: "3 2")
        canvas.text("prorogation", 282, legendY, size: 8.5)
        canvas.downTriangle(352, legendY, size: 4, fill: ChartColour.orange)
        canvas.text("début + 12 mois", 360, legendY, size: 8.5)
        canvas.downTriangle(452, legendY, size: 4, fill: ChartColour.red)
        canvas.text("31 décembre N+1", 460, legendY, size: 8.5)
        canvas.text("Une action financée par l'État démarre en année N, après l'entrée en vigueur de la convention,",
                    2, legendY + 16, size: 8, fill: "#555")
        canvas.text("et finit dans les 12 mois, au plus tard le 31 décembre N+1, sauf prorogation portée par un avenant.",
                    2, legendY + 27, size: 8, fill: "#555")
        return canvas.finish()
    }
}
