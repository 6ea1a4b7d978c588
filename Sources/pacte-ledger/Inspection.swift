import PacteDocuments
import PacteEvents
import PacteProjections

/// `log`, `verify` and `repair`: read the ledger's lines, print what the printers of
/// PacteDocuments make of them.
enum Inspection {
    /// `log` and `log --json`, streamed: each line is printed as it is read (and written
    /// out by a live run as the output grows), so memory stays that of the reader's index
    /// whatever the ledger's size.
    static func log(
        file: String, types: [EventType], since: CivilDate?, ids: Bool = false, invocation: Invocation, output: inout CommandOutput
    ) throws {
        let language = invocation.language
        output.standardOutput += invocation.json ? "[" : LogPrinter.header(in: language)
        var total = 0
        var selected = 0
        let scan: LedgerScan
        do {
            scan = try LedgerFile(path: file).forEachEvent { event, index in
                total += 1
                guard (types.isEmpty || types.contains(event.type)) && (since.map { event.effective >= $0 } ?? true) else { return }
                selected += 1
                if invocation.json {
                    output.standardOutput += (selected > 1 ? "," : "") + JSONWriter.string(of: .object(event.envelope))
                } else {
                    output.standardOutput += LogPrinter.line(event, lineOfId: index.lineOfId, showingId: ids, in: language)
                }
                output.flushIfLarge()
            }
        } catch {
            output.discardUnflushedOutput()
            throw error
        }
        warnAboutTornTail(scan.tornTail, file: file, invocation: invocation, output: &output)
        output.standardOutput += invocation.json ? "]\n" : LogPrinter.footer(selected: selected, total: total, in: language)
    }

    static func verify(file: String, digest: SHA256Digest?, invocation: Invocation, output: inout CommandOutput) throws {
        let report = try LedgerFile(path: file).verify(publishedDigest: digest, usingAllCores: true)
        let language = invocation.language
        let problem = report.firstProblem(file: file)?.message(in: language)
        output.exitCode = report.isValid ? 0 : 1
        if invocation.json {
            output.print(VerificationPrinter.json(report, file: file, problem: problem))
            return
        }
        if let problem { output.warn(problem) }
        output.print(VerificationPrinter.text(report, problem: problem, in: language))
        if let warning = VerificationPrinter.unknownPublishedDigest(report, in: language) { output.warn(warning) }
    }

    /// `verify` of several ledgers, in parallel: one line each; the exit code is the
    /// worst (2 unreadable, 1 tampered or broken, 0 valid).
    static func verify(files: [String], invocation: Invocation, output: inout CommandOutput) {
        let language = invocation.language
        let reports = files.parallelMap { file in Result { () throws(LedgerError) in try LedgerFile(path: file).verify() } }
        var entries: [JSONValue] = []
        for (file, result) in zip(files, reports) {
            switch result {
            case .success(let report):
                let problem = report.firstProblem(file: file)?.message(in: language)
                if !report.isValid { output.exitCode = max(output.exitCode, 1) }
                if invocation.json {
                    entries.append(VerificationPrinter.entry(report, file: file, problem: problem))
                } else {
                    output.print(VerificationPrinter.row(report, file: file, problem: problem, in: language))
                    if let problem { output.warn(problem) }
                }
            case .failure(let error):
                output.exitCode = 2
                output.warn(error.message(in: language))
                if invocation.json { entries.append(VerificationPrinter.entry(unreadable: file, error: error.message(in: language))) }
            }
        }
        if invocation.json { output.print(JSONWriter.string(of: .array(entries))) }
    }

    static func repair(file: String, now: Timestamp, invocation: Invocation, output: inout CommandOutput) throws {
        let outcome = try LedgerFile(path: file).repair(now: now)
        output.print(invocation.json
            ? RepairPrinter.json(outcome) : RepairPrinter.text(outcome, file: file, in: invocation.language))
    }

    static func warnAboutTornTail(_ tornTail: TornTail?, file: String, invocation: Invocation, output: inout CommandOutput) {
        guard let torn = tornTail else { return }
        let message = torn.error(file: file).message(in: invocation.language)
        output.warn(invocation.language == .french ? "attention : \(message)" : "warning: \(message)")
    }
}
