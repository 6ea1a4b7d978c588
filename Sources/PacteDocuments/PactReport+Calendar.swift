import PacteEvents
import PacteProjections

// Part 4: the signing calendar of each document, then the actions against their State
// windows.
extension PactReport {
    static func calendarPart(_ context: ReportContext) -> ReportPart {
        var blocks: [ReportBlock] = [
            .note([.text("Un délai moyen de 6 mois est prévu entre la mise en signature (J0) et l'obtention des engagements, plusieurs partenaires devant présenter le projet à leurs instances statutaires. Un partenaire qui n'a pas signé après l'échéance est en retard.")]),
        ]
        if context.timeline.documents.isEmpty {
            blocks.append(.paragraph([.text("Aucun document n'a encore été mis en signature.")]))
        }
        for document in context.timeline.documents {
            blocks.append(.group(signingGroup(document, context: context)))
        }

        var windowBlocks: [ReportBlock] = [
            .note([.text("L'État ne s'engage qu'à titre annuel : l'action financée démarre au cours de l'exercice N, à compter de la signature de la convention, et se termine dans les 12 mois suivants et au plus tard le 31 décembre N+1. Tout dépassement demande une prorogation expresse et un avenant qui précise le nouveau calendrier.")]),
        ]
        let chart = scheduleChart(context)
        if chart.rows.isEmpty {
            windowBlocks.append(.paragraph([.text("Aucune action.")]))
        } else {
            windowBlocks.append(.figure(ReportFigure(
                caption: "Calendrier des actions face aux fenêtres des crédits de l'État", chart: .schedule(chart),
                table: scheduleTable(chart, context: context))))
        }
        blocks.append(.group(ReportGroup(
            title: "Calendrier des actions et crédits de l'État", id: "fenetres-etat", newPage: false, keepTogether: true,
            blocks: windowBlocks)))
        return ReportPart(number: 4, id: "calendrier", title: "Le calendrier", blocks: blocks)
    }

    /// One document's signing: its request, target and entry into force, the chart and
    /// the table of votes and signatures.
    static func signingGroup(_ document: SigningTimeline.Document, context: ReportContext) -> ReportGroup {
        let state = context.state
        let name = ReportLabel.document(document.document)
        var blocks: [ReportBlock] = []
        if case .amendment(let number) = document.document, let amendment = state.amendments.first(where: { $0.number == number }) {
            blocks.append(.paragraph([.text("Objet : " + amendment.purpose + " (proposé le " + LongDate.french(amendment.proposedOn) + ").")]))
        }
        let group = { (blocks: [ReportBlock]) in
            ReportGroup(title: "Signature – " + name, id: "signature-" + anchor(document.document.description), newPage: false,
                        keepTogether: true, blocks: blocks)
        }
        guard let dayZero = document.requestedOn else {
            blocks.append(.paragraph([.flag("Pas encore mis en signature.", .neutral)]))
            return group(blocks)
        }
        var facts = [
            ReportFact("Demande de signature (J0)", LongDate.french(dayZero) + " (ligne " + ReportContext.lines(document.requestSeq) + ")"),
            ReportFact("Échéance (\(document.targetMonths) mois)", LongDate.french(document.targetDate)),
        ]
        if let since = document.inForceSince {
            facts.append(ReportFact("Entrée en vigueur", [.flag("en vigueur", .good), .text(" depuis le " + LongDate.french(since) + " (J+\(dayZero.days(until: since)))")]))
        } else {
            facts.append(ReportFact("Entrée en vigueur", [.flag("pas encore", .warning)]))
        }
        let late = document.partners.filter { $0.state == .late }
        if !late.isEmpty {
            facts.append(ReportFact("En retard", [.flag("⚠ " + late.map(\.name).joined(separator: ", "), .bad)]))
        }
        blocks.append(.facts(facts))
        let chart = SigningChart(
            document: document, dayZero: dayZero, state: state, today: context.judgementDate, todayLabel: context.todayLabel)
        blocks.append(.figure(ReportFigure(
            caption: "Calendrier de signature – " + name, chart: .signing(chart),
            table: signingTable(document, chart: chart, context: context))))
        return group(blocks)
    }

    static func signingTable(_ document: SigningTimeline.Document, chart: SigningChart, context: ReportContext) -> ReportTable {
        var table = ReportTable(
            [("Partenaire", .left), ("Délibération", .left), ("Signature", .left), ("État", .left), ("Lignes", .right)])
        for (progress, row) in zip(document.partners, chart.rows) {
            var vote = "non requise"
            if let date = progress.voteDate {
                vote = LongDate.french(date) + " (" + ReportContext.dayCount(progress.voteDays) + ")"
            } else if progress.needsVote {
                vote = "—"
            }
            var status: [ReportInline] = [.flag((progress.state == .late ? "⚠ " : "") + progress.state.label(in: .french),
                                                 ReportLabel.partnerStateTone(progress.state))]
            if progress.state == .late, let days = progress.daysPastTarget {
                status.append(.text(" depuis " + Formatted.count(days, "jour", in: .french)))
            }
            if row.signedAfterTarget { status.append(.flag(" (après l'échéance)", .warning)) }
            table.append([
                [.strong(progress.name)], [.text(vote)],
                [.text(progress.signatureDate.map { LongDate.french($0) + " (" + ReportContext.dayCount(progress.signatureDays) + ")" } ?? "—")],
                status, [.text(ReportContext.lines(progress.seq))],
            ])
        }
        return table
    }

    static func scheduleChart(_ context: ReportContext) -> ScheduleChart {
        let state = context.state
        var rows: [ScheduleChart.Row] = []
        let windows = context.timeline.stateFundedActions
        for action in state.actions {
            let title = action.sheet.title ?? ""
            let schedule = action.sheet.schedule
            let actionWindows = windows.filter { $0.actionId == action.id }
            if actionWindows.isEmpty {
                rows.append(ScheduleChart.Row(
                    actionId: action.id, title: title, start: schedule?.start, end: schedule?.end, year: nil,
                    twelveMonthLimit: nil, yearLimit: nil, endBeforeExtension: nil, extendedEnd: nil,
                    verdict: "hors fenêtre État", verdictTone: .neutral))
                continue
            }
            for window in actionWindows {
                let granted = window.extensions.filter { $0.grantedEnd != nil }
                let endBefore = window.extendedEnd != nil ? granted.map(\.request.currentEnd).min() : nil
                let verdict: String
                let tone: ReportTone
                switch window.status {
                case .unscheduled:
                    verdict = "? sans calendrier"
                    tone = .warning
                case .breached:
                    verdict = "✗ " + window.breaches.map { $0.label(in: .french) }.joined(separator: ", ")
                    tone = .bad
                case .extended:
                    verdict = "✓ prorogée (avenant)"
                    tone = .good
                case .within:
                    verdict = "✓ dans la fenêtre"
                    tone = .good
                }
                rows.append(ScheduleChart.Row(
                    actionId: action.id, title: title, start: window.start, end: window.end, year: window.year,
                    twelveMonthLimit: window.twelveMonthLimit, yearLimit: window.yearLimit, endBeforeExtension: endBefore,
                    extendedEnd: window.extendedEnd, verdict: verdict, verdictTone: tone))
            }
        }
        return ScheduleChart(
            rows: rows, conventionInForce: state.inForceSince, today: context.judgementDate, todayLabel: context.todayLabel)
    }

    static func scheduleTable(_ chart: ScheduleChart, context: ReportContext) -> ReportTable {
        var table = ReportTable(
            [("Action", .left), ("Année N", .left), ("Crédits État", .right), ("Début", .left), ("Fin", .left),
             ("Limite 12 mois", .left), ("31/12/N+1", .left), ("Prorogation", .left), ("Constat", .left)], isCompact: true)
        let windows = context.timeline.stateFundedActions
        for row in chart.rows {
            let window = windows.first { $0.actionId == row.actionId && $0.year == row.year }
            var extensionText = "—"
            let extensions = context.state.extensions.filter { $0.actionId == row.actionId }
            if !extensions.isEmpty {
                extensionText = extensions.map { record -> String in
                    var text = "demandée le " + LongDate.french(record.requestSource.effective) + " jusqu'au " + LongDate.french(record.request.requestedEnd)
                    if let decision = record.decision {
                        text += ", " + ReportLabel.decision(decision.decision)
                        if let end = record.grantedEnd { text += " jusqu'au " + LongDate.french(end) }
                        if let amendment = decision.amendment {
                            text += " (avenant n° \(amendment)" + (context.state.inForceSince(.amendment(amendment)) == nil ? ", pas encore en vigueur)" : ")")
                        }
                    } else {
                        text += ", non décidée"
                    }
                    return text
                }.joined(separator: " ; ")
            }
            table.append([
                [.strong(row.actionId)], [.text(row.year.map(String.init) ?? "—")],
                [.text(window.map { context.euros($0.stateCashCents) + ($0.basis == .planned ? " (prévu)" : " (voté)") } ?? "—")],
                [.text(LongDate.french(row.start))], [.text(LongDate.french(row.end))], [.text(LongDate.french(row.twelveMonthLimit))],
                [.text(LongDate.french(row.yearLimit))], [.text(extensionText)], [.flag(row.verdict, row.verdictTone)],
            ])
        }
        return table
    }
}
