import PacteEvents
import PacteProjections

/// The signing of one document as a chart: a row per partner it was sent to, from day 0
/// (the request) to the approval vote (diamond) and the signature (circle); the target
/// line (day 0 + 6 months), the entry into force and today's line. A late partner is
/// drawn in red *and* labelled « EN RETARD »; a signature after the target is labelled
/// « hors délai ».
struct SigningChart {
    struct Row {
        var name: String
        var voteDate: CivilDate?
        var signatureDate: CivilDate?
        /// For a partner who withdrew without signing: the date of the withdrawal.
        var withdrawalDate: CivilDate?
        var state: SigningTimeline.PartnerState
        var signedAfterTarget: Bool
    }

    var document: DocumentReference
    var dayZero: CivilDate
    var targetDate: CivilDate
    var targetMonths: Int
    var inForceSince: CivilDate?
    /// The judgement date ("today" on the chart).
    var today: CivilDate
    /// `aujourd'hui`, or `situation au` when the report shows an earlier date.
    var todayLabel: String
    var rows: [Row]

    init(document: SigningTimeline.Document, dayZero: CivilDate, state: PactState, today: CivilDate, todayLabel: String) {
        self.todayLabel = todayLabel
        self.document = document.document
        self.dayZero = dayZero
        targetMonths = document.targetMonths
        targetDate = document.targetDate ?? dayZero.adding(months: document.targetMonths)
        inForceSince = document.inForceSince
        self.today = today
        rows = document.partners.map { progress in
            Row(
                name: progress.name, voteDate: progress.voteDate, signatureDate: progress.signatureDate,
                withdrawalDate: progress.state == .withdrawn ? state.partner(progress.partnerId)?.withdrawal?.date : nil,
                state: progress.state,
                signedAfterTarget: progress.signedLate)
        }
    }

    /// The status text at the end of a row: it says what the colour shows.
    static func statusText(_ row: Row) -> String {
        switch row.state {
        case .signed: row.signedAfterTarget ? "signé hors délai" : "signé"
        case .late: "EN RETARD"
        case .withdrawn: "retiré"
        case .votedAwaitingSignature: "délibéré, à signer"
        case .awaitingVote: "délibération attendue"
        case .awaitingSignature: "signature attendue"
        }
    }

    static func colour(_ row: Row) -> String {
        switch row.state {
        case .signed: row.signedAfterTarget ? ChartColour.orange : ChartColour.green
        case .late: ChartColour.red
        case .withdrawn: ChartColour.grey
        case .votedAwaitingSignature, .awaitingVote, .awaitingSignature: ChartColour.blue
        }
    }

    // MARK: - Drawing

    func svg() -> String {
        let width = 680.0
        let labelWidth = 232.0
        let statusWidth = 104.0
        let plotLeft = labelWidth + 8
        let plotRight = width - statusWidth - 6
        let headerHeight = 46.0
        let rowHeight = 22.0
        let plotTop = headerHeight
        let plotBottom = plotTop + Double(rows.count) * rowHeight
        let height = plotBottom + 58

        // The time span: day 0 to the last fact, the target and (when something is
        // still awaited, or when it is near) today.
        var first = dayZero
        var last = targetDate
        for row in rows {
            for date in [row.voteDate, row.signatureDate, row.withdrawalDate].compactMap({ $0 }) {
                first = min(first, date)
                last = max(last, date)
            }
        }
        if let inForceSince { last = max(last, inForceSince) }
        let awaiting = rows.contains { $0.signatureDate == nil && $0.state != .withdrawn }
        let span = max(30, first.days(until: last))
        var todayOnScale = today >= first
        if today > last {
            if awaiting || first.days(until: today) <= span + span / 4 {
                last = today
            } else {
                todayOnScale = false
            }
        }
        let start = first.adding(days: -3)
        let end = last.adding(days: max(7, first.days(until: last) / 25))
        let totalDays = Double(max(1, start.days(until: end)))
        func x(_ date: CivilDate) -> Double {
            plotLeft + Double(start.days(until: date)) / totalDays * (plotRight - plotLeft)
        }

        var canvas = ChartCanvas(
            width: width, height: height,
            title: "Calendrier de signature : " + ReportLabel.document(document).lowercased() + ", demandée le " + LongDate.french(dayZero))

        // Row backgrounds and month grid.
        for (index, _) in rows.enumerated() where index % 2 == 1 {
            canvas.rectangle(0, plotTop + Double(index) * rowHeight, width, rowHeight, fill: "#f3f5f8")
        }
        let ticks = ChartAxis.monthTicks(from: start, to: end, pixels: plotRight - plotLeft)
        for tick in ticks {
            canvas.line(x(tick), plotTop, x(tick), plotBottom, stroke: "#d9dde3", width: 0.6)
            canvas.text(LongDate.shortMonthAndYear(tick), x(tick), plotBottom + 13, size: 8.5, anchor: .middle, fill: "#444")
        }
        canvas.line(plotLeft, plotBottom, plotRight, plotBottom, stroke: "#888", width: 0.8)

        // Reference lines, each labelled on its own line of the header.
        var labels = HeaderLabels(left: plotLeft, right: width)
        canvas.line(x(dayZero), plotTop - 4, x(dayZero), plotBottom, stroke: "#333", width: 1.2)
        labels.add("J0 : demande " + LongDate.french(dayZero), at: x(dayZero), colour: "#333")
        canvas.line(x(targetDate), plotTop - 4, x(targetDate), plotBottom, stroke: ChartColour.red, width: 1.2, dash: "5 3")
        labels.add("échéance \(targetMonths) mois : " + LongDate.french(targetDate), at: x(targetDate), colour: ChartColour.red)
        if let inForceSince {
            canvas.line(x(inForceSince), plotTop - 4, x(inForceSince), plotBottom, stroke: ChartColour.green, width: 1.2, dash: "2 2")
            labels.add("en vigueur : " + LongDate.french(inForceSince), at: x(inForceSince), colour: ChartColour.green)
        }
        if todayOnScale {
            canvas.line(x(today), plotTop - 4, x(today), plotBottom, stroke: "#6a1b9a", width: 1.4)
            labels.add(todayLabel + " : " + LongDate.french(today), at: x(today), colour: "#6a1b9a")
        } else {
            labels.add(todayLabel + " : " + LongDate.french(today) + " (hors échelle) →", at: plotRight, colour: "#6a1b9a")
        }
        labels.draw(on: &canvas)

        // One row per partner.
        for (index, row) in rows.enumerated() {
            let top = plotTop + Double(index) * rowHeight
            let middle = top + rowHeight / 2
            let name = ChartCanvas.fitted(row.name, width: labelWidth - 4, size: 9.5)
            canvas.text(name, 2, middle + 3.5, size: 9.5, tooltip: row.name)
            let colour = Self.colour(row)
            let barEnd = row.signatureDate ?? row.withdrawalDate ?? (todayOnScale ? today : last)
            let left = x(dayZero)
            let right = max(left + 1, x(max(barEnd, dayZero)))
            let pending = row.signatureDate == nil && row.state != .withdrawn
            canvas.rectangle(
                left, middle - 4, right - left, 8, fill: pending ? "#ffffff" : colour, stroke: colour, strokeWidth: 1.2,
                dash: pending ? "3 2" : nil)
            if let vote = row.voteDate {
                canvas.diamond(x(vote), middle, size: 5, fill: "#ffffff", stroke: "#222")
            }
            if let signature = row.signatureDate {
                canvas.circle(x(signature), middle, radius: 4.5, fill: colour, stroke: "#222")
            }
            let mark = row.state == .late ? "⚠ " : (row.signedAfterTarget ? "! " : "")
            canvas.text(mark + Self.statusText(row), plotRight + 8, middle + 3.5, size: 9, fill: colour,
                        bold: row.state == .late || row.signedAfterTarget)
        }

        // Legend.
        let legendY = plotBottom + 34
        var legendX = 2.0
        canvas.diamond(legendX + 5, legendY - 3, size: 4.5, fill: "#ffffff", stroke: "#222")
        canvas.text("délibération", legendX + 14, legendY, size: 8.5)
        legendX += 80
        canvas.circle(legendX + 5, legendY - 3, radius: 4, fill: ChartColour.green, stroke: "#222")
        canvas.text("signature", legendX + 14, legendY, size: 8.5)
        legendX += 66
        canvas.rectangle(legendX, legendY - 7, 16, 7, fill: ChartColour.orange)
        canvas.text("signé après l'échéance", legendX + 20, legendY, size: 8.5)
        legendX += 128
        canvas.rectangle(legendX, legendY - 7, 16, 7, fill: "#ffffff", stroke: ChartColour.blue, dash: "3 2")
        canvas.text("en attente", legendX + 20, legendY, size: 8.5)
        legendX += 70
        canvas.rectangle(legendX, legendY - 7, 16, 7, fill: "#ffffff", stroke: ChartColour.red, dash: "3 2")
        canvas.text("en retard (après l'échéance)", legendX + 20, legendY, size: 8.5)
        canvas.text("Axe : jours depuis la demande de signature (J0) ; échelle en mois.", 2, legendY + 16, size: 8, fill: "#555")
        return canvas.finish()
    }
}

/// The colours of the charts (readable in print; never the only mark of a state).
enum ChartColour {
    static let green = "#2e7d32"
    static let orange = "#d9822b"
    static let red = "#c62828"
    static let blue = "#1f5fa8"
    static let grey = "#8a8f98"
    static let state = "#1f4e9c"
    static let others = "#5aa469"
    static let inKind = "#d8dde4"
}

/// Ticks of a time axis.
enum ChartAxis {
    /// The first days of months between `start` and `end`, every 1, 2, 3, 6 or 12
    /// months so that labels are at least 62 pixels apart.
    static func monthTicks(from start: CivilDate, to end: CivilDate, pixels: Double) -> [CivilDate] {
        let days = Double(max(1, start.days(until: end)))
        let pixelsPerMonth = pixels / days * 30.44
        let step = [1, 2, 3, 6, 12, 24].first { Double($0) * pixelsPerMonth >= 62 } ?? 24
        var ticks: [CivilDate] = []
        var month = start.firstOfMonth
        if month < start { month = month.adding(months: 1) }
        while month <= end {
            if (month.year * 12 + month.month - 1) % step == 0 { ticks.append(month) }
            month = month.adding(months: 1)
        }
        return ticks
    }
}

/// Labels of vertical lines, placed in the header on as few lines as possible without
/// overlapping.
struct HeaderLabels {
    var left: Double
    var right: Double
    private var labels: [(text: String, x: Double, colour: String)] = []

    init(left: Double, right: Double) {
        self.left = left
        self.right = right
    }

    mutating func add(_ text: String, at x: Double, colour: String) {
        labels.append((text, x, colour))
    }

    /// Draws each label on the first of three header lines where it fits, anchored at
    /// its line's x (or ending there when it would run off the right edge).
    func draw(on canvas: inout ChartCanvas, size: Double = 8.5) {
        var occupied: [[(Double, Double)]] = [[], [], []]
        for label in labels.sorted(by: { $0.x < $1.x }) {
            let width = ChartCanvas.textWidth(label.text, size: size)
            var from = label.x - 2
            var anchor = ChartCanvas.Anchor.start
            var textX = label.x + 2
            if label.x + width + 2 > right {
                from = label.x - width - 2
                anchor = .end
                textX = label.x - 2
            }
            let to = from + width + 4
            let line = occupied.firstIndex { spans in spans.allSatisfy { to < $0.0 || from > $0.1 } } ?? 2
            occupied[line].append((from, to))
            canvas.text(label.text, textX, 11 + Double(line) * 11.5, size: size, anchor: anchor, fill: label.colour)
        }
    }
}
