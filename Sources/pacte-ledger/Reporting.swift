import PacteDocuments
import PacteEvents
import PacteProjections

/// `report` and `export`: documents people read, built from the ledger.
enum Reporting {
    /// `report FILE [--as-of] [--known-at] [--today] [--format html|markdown] [--output]`.
    static func report(_ request: ReportRequest, invocation: Invocation, environment: Environment, output: inout CommandOutput) throws {
        let contents = try LedgerFile(path: request.file).read()
        Inspection.warnAboutTornTail(contents.tornTail, file: request.file, invocation: invocation, output: &output)
        let now = environment.now()
        let today = request.today ?? CivilDate.paris(at: now)
        let report = PactReport(
            contents: contents, fileName: fileName(of: request.file), asOf: request.asOf, knownAt: request.knownAt, today: today,
            generatedAt: now, sections: request.sections)
        let text: String
        switch request.format {
        case .html: text = report.html()
        case .markdown: text = report.markdown()
        }
        let fr = invocation.language == .french
        let format = request.format == .html ? "HTML" : "Markdown"
        deliver(text, to: request.output, ledger: request.file, invocation: invocation, output: &output) { path, bytes in
            fr ? "Rapport \(format) écrit dans \(path) (\(bytes) octets)." : "\(format) report written to \(path) (\(bytes) bytes)."
        }
    }

    /// `export FILE --table commitments|actions|signatures [--as-of] [--known-at] [--today] [--separator] [--output]`.
    static func export(_ request: ExportRequest, invocation: Invocation, environment: Environment, output: inout CommandOutput) throws {
        let contents = try LedgerFile(path: request.file).read()
        Inspection.warnAboutTornTail(contents.tornTail, file: request.file, invocation: invocation, output: &output)
        let view = LedgerView(events: contents.events, asOf: request.asOf, knownAt: request.knownAt)
        let state = PactState(replaying: view)
        // Deadlines (a partner late to sign) are judged as `check` judges them: at the
        // earlier of the as-of date and today (`--today`, else today in Paris).
        let judgementDate = view.judgementDate(today: request.today ?? CivilDate.paris(at: environment.now()))
        let table = PactExport.table(request.table, state: state, judgementDate: judgementDate, separator: request.separator)
        let fr = invocation.language == .french
        let rows = table.rows.count
        deliver(request.excel ? ExcelCSV.text(table) : table.text(separator: request.separator), to: request.output, ledger: request.file, invocation: invocation,
                output: &output) { path, _ in
            fr ? "Table \(request.table.rawValue) écrite dans \(path) (" + Formatted.count(rows, "ligne", in: .french) + " et l'en-tête)."
                : "Table \(request.table.rawValue) written to \(path) (" + Formatted.count(rows, "row", in: .english) + " and the header)."
        }
    }

    // MARK: - Output

    /// Prints `text`, or writes it to `path` and prints one line saying where.
    static func deliver(
        _ text: String, to path: String?, ledger: String, invocation: Invocation, output: inout CommandOutput,
        message: (String, Int) -> String
    ) {
        guard let path else {
            output.standardOutput += text
            output.standardOutputIsDocument = true
            return
        }
        let bytes = Array(text.utf8)
        if let problem = DocumentFile.write(bytes, to: path, ledger: ledger, language: invocation.language) {
            output.warn(problem)
            output.exitCode = 2
            return
        }
        if invocation.json {
            output.print(JSONWriter.string(of: .object(JSONObject([
                JSONMember("output", .string(path)), JSONMember("bytes", .number(JSONNumber(bytes.count))),
            ]))))
        } else {
            output.print(message(path, bytes.count))
        }
    }

    /// The last component of a path (`ledgers/pacte.jsonl` → `pacte.jsonl`).
    static func fileName(of path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        return name.isEmpty ? path : name
    }
}
