import PacteDocuments
import PacteEvents
import PacteProjections

/// `state`, `history`, `timeline`, `agenda`, `check` and `summary`: read the ledger, fold, print.
enum Projecting {
    static func perform(_ invocation: Invocation, environment: Environment, output: inout CommandOutput) throws {
        let language = invocation.language
        let now = environment.now()
        let paris = CivilDate.paris(at: now)
        switch invocation.command {
        case .state(let file, let dates):
            // State judges no deadline: `--today` is the day it is, so without `--as-of`
            // the pact is shown as it stands that day.
            let asOf = dates.asOf ?? dates.today
            let state = try foldedState(file, asOf: asOf, knownAt: dates.knownAt, invocation: invocation, output: &output)
            output.print(invocation.json
                ? JSONWriter.string(of: state.jsonValue)
                : StatePrinter.text(state, asOf: asOf, knownAt: dates.knownAt, language: language))
        case .history(let file, let actionId, let since, let dates):
            let events = try load(file, invocation: invocation, output: &output)
            let history = AmendmentHistory(events: events, asOf: dates.asOf ?? dates.today, knownAt: dates.knownAt)
                .filtered(actionId: actionId, since: since)
            output.print(invocation.json
                ? JSONWriter.string(of: history.jsonValue)
                : HistoryPrinter.text(history, language: language))
        case .timeline(let file, let dates):
            let events = try load(file, invocation: invocation, output: &output)
            // The timeline is the world as of today: facts dated later have not happened yet.
            let day = dates.today(or: paris)
            let timeline = SigningTimeline(events: events, asOf: dates.asOf ?? day, knownAt: dates.knownAt, today: day)
            output.print(invocation.json
                ? JSONWriter.string(of: timeline.jsonValue)
                : TimelinePrinter.text(timeline, language: language))
        case .check(let file, let dates):
            let state = try foldedState(file, asOf: dates.asOf, knownAt: dates.knownAt, invocation: invocation, output: &output)
            let check = RuleCheck(state: state, asOf: dates.asOf, today: dates.today(or: paris))
            let findings = check.findings()
            output.print(invocation.json
                ? JSONWriter.string(of: findings.jsonValue(in: language))
                : FindingsPrinter.text(findings, state: check.state, date: check.date, language: language))
            if findings.contains(where: { $0.severity == .error }) { output.exitCode = 1 }
        case .summary(let paths, let dates, let csv, let separator):
            let files = try LedgerPaths.files(in: paths)
            let rows = LedgerPaths.summaryRows(files: files, dates: dates, today: dates.today(or: paris))
            if invocation.json {
                output.print(SummaryPrinter.json(rows))
            } else if csv {
                output.standardOutput += SummaryPrinter.csv(rows, separator: separator, language: language)
                output.standardOutputIsDocument = true
            } else {
                output.standardOutput += SummaryPrinter.text(rows, language: language)
            }
            for row in rows {
                if case .failure(let error) = row.result { output.warn(error.message(in: language)) }
            }
            if rows.contains(where: { if case .failure = $0.result { true } else { false } }) { output.exitCode = 2 }
        case .agenda(let request):
            let events = try load(request.file, invocation: invocation, output: &output)
            let dates = request.dates
            let agenda = Agenda(events: events, asOf: dates.asOf, knownAt: dates.knownAt, today: dates.today(or: paris))
            if request.ics {
                let calendar = AgendaCalendar.calendar(agenda, file: request.file, language: language)
                let deadlines = AgendaPrinter.deadlines(calendar.events.count, in: language)
                let fr = language == .french
                Reporting.deliver(calendar.text(stamp: now), to: request.output, ledger: request.file,
                                  invocation: invocation, output: &output) { path, _ in
                    fr ? "Calendrier iCalendar écrit dans \(path) (\(deadlines))." : "iCalendar file written to \(path) (\(deadlines))."
                }
            } else {
                output.print(invocation.json ? JSONWriter.string(of: agenda.jsonValue) : AgendaPrinter.text(agenda, language: language))
            }
        default:
            break
        }
    }

    /// The pact in `file` as of `asOf`, known at `knownAt`, folded while the file is read
    /// (twice: see ``StreamedView``), so that memory is the state's rather than the file's;
    /// a ledger whose events are not in valid-time order is read into memory and sorted.
    ///
    /// The first pass skims the file (``LedgerFile/skim(_:)``); the second reads it strictly
    /// and folds only the events it accepts, so a broken ledger is reported as a strict
    /// read reports it (its first problem). When the skim cannot vouch for a line, both
    /// passes are strict.
    static func foldedState(
        _ file: String, asOf: CivilDate?, knownAt: Timestamp?, invocation: Invocation, output: inout CommandOutput
    ) throws -> PactState {
        let ledger = LedgerFile(path: file)
        let view: StreamedView
        let skimmed: Bool
        do {
            // The survey and the first pass's ids end here, before the second pass.
            var survey = StreamedView.Survey(asOf: asOf, knownAt: knownAt)
            let skim = ledger.skim { survey.note($0) }
            var scan: LedgerScan?
            if skim == nil {
                survey = StreamedView.Survey(asOf: asOf, knownAt: knownAt)
                scan = try ledger.forEachEvent { survey.note($0) }
            }
            guard survey.isInValidTimeOrder else {
                return PactState(events: try load(file, invocation: invocation, output: &output), asOf: asOf, knownAt: knownAt)
            }
            skimmed = skim != nil
            if let scan { Inspection.warnAboutTornTail(scan.tornTail, file: file, invocation: invocation, output: &output) }
            view = StreamedView(survey: survey) { id in
                if let skim { return skim.type(ofId: id) }
                return scan.flatMap { scan in scan.index.lineOfId[ByteKey(id)].map { scan.index.types[$0 - 1] } }
            }
        }
        var state = PactState()
        let scan = try ledger.forEachEvent { event in
            if let event = view.event(event) { state.apply(event) }
        }
        if skimmed { Inspection.warnAboutTornTail(scan.tornTail, file: file, invocation: invocation, output: &output) }
        return state
    }

    /// The ledger's events, warning about a torn tail (the lines before it are used).
    static func load(_ file: String, invocation: Invocation, output: inout CommandOutput) throws -> [LedgerEvent] {
        let contents = try LedgerFile(path: file).read()
        Inspection.warnAboutTornTail(contents.tornTail, file: file, invocation: invocation, output: &output)
        return contents.events
    }
}
