import PacteDocuments
import PacteEvents
import PacteProjections

/// `log`, `verify` and `repair`.
enum Inspection {
    /// `log` and `log --json`, streamed: each line is printed as it is read (and written
    /// out by a live run as the output grows), so memory stays that of the reader's index
    /// whatever the ledger's size.
    static func log(
        file: String, types: [EventType], since: CivilDate?, ids: Bool = false, invocation: Invocation, output: inout CommandOutput
    ) throws {
        let language = invocation.language
        let fr = language == .french
        if invocation.json {
            output.standardOutput += "["
        } else {
            output.standardOutput += Display.rightAligned(fr ? "ligne" : "line", 5) + "  " + Display.padded(fr ? "date" : "effective", 10)
                + "  " + Display.padded("type", 19) + "  " + (fr ? "résumé" : "summary") + "\n"
        }
        var total = 0
        var selected = 0
        let scan: LedgerScan
        do {
            scan = try LedgerFile(path: file).forEachEvent { event, index in
                total += 1
                guard (types.isEmpty || types.contains(event.type)) && (since.map { event.effective >= $0 } ?? true) else { return }
                selected += 1
                if invocation.json {
                    if selected > 1 { output.standardOutput += "," }
                    output.standardOutput += JSONWriter.string(of: .object(event.envelope))
                } else {
                    var summary = EventSummary.text(of: event, lineOfId: index.lineOfId, language: language)
                    if event.isRecordedLate {
                        let recorded = Formatted.date(event.recorded.date, in: language)
                        summary += fr ? " [enregistré le \(recorded)]" : " [recorded \(recorded)]"
                    }
                    output.standardOutput += Display.rightAligned(String(event.seq), 5) + "  " + Formatted.date(event.effective, in: language)
                        + "  " + Display.padded(event.type.rawValue, 19) + "  " + Display.truncated(summary, 38) + "\n"
                    if ids { output.standardOutput += String(repeating: " ", count: 7) + "id " + event.id + "\n" }
                }
                output.flushIfLarge()
            }
        } catch {
            output.discardUnflushedOutput()
            throw error
        }
        warnAboutTornTail(scan.tornTail, file: file, invocation: invocation, output: &output)
        if invocation.json {
            output.standardOutput += "]\n"
        } else {
            output.standardOutput += fr ? Formatted.count(selected, "événement", in: .french) + " sur \(total)\n" : "\(selected) of " + Formatted.count(total, "event", in: .english) + "\n"
        }
    }

    static func verify(file: String, digest: SHA256Digest?, invocation: Invocation, output: inout CommandOutput) throws {
        let report = try LedgerFile(path: file).verify(publishedDigest: digest, usingAllCores: true)
        let language = invocation.language
        let fr = language == .french
        let problemMessage = report.firstProblem(file: file)?.message(in: language)
        output.exitCode = report.isValid ? 0 : 1
        if invocation.json {
            var object = JSONObject()
            object["valid"] = .bool(report.isValid)
            object["file"] = .string(file)
            object["eventCount"] = .number(JSONNumber(report.eventCount))
            object["digest"] = .string(report.digest.hexadecimal)
            object["firstBadLine"] = (report.problem?.line ?? report.tornTail?.line).map { .number(JSONNumber($0)) } ?? .null
            object["problem"] = problemMessage.map(JSONValue.string) ?? .null
            object["publishedDigest"] = report.publishedDigest.map { .string($0.hexadecimal) } ?? .null
            object["publishedDigestLine"] = report.publishedDigestLine.map { .number(JSONNumber($0)) } ?? .null
            output.print(JSONWriter.string(of: .object(object)))
            return
        }
        if let problemMessage {
            output.warn(problemMessage)
            output.print(fr
                ? "Registre NON VALIDE : " + Formatted.count(report.eventCount, "ligne vérifiée", in: .french) + " avant la première ligne en défaut."
                : "Ledger NOT VALID: " + Formatted.count(report.eventCount, "line", in: .english) + " verified before the first bad line.")
        } else {
            output.print(fr
                ? "Registre valide : \(report.eventCount) événements, séquence et chaîne de hachage intactes."
                : "Ledger valid: \(report.eventCount) events, sequence and hash chain intact.")
        }
        output.print((fr ? "Empreinte : " : "Digest: ") + report.digest.hexadecimal)
        if let published = report.publishedDigest {
            if let line = report.publishedDigestLine {
                let added = report.eventCount - line
                output.print(fr
                    ? "L'empreinte publiée est celle de la ligne \(line) : le registre n'a été qu'étendu depuis (" + Formatted.count(added, "ligne ajoutée", in: .french) + ")."
                    : "The published digest is line \(line)'s hash: the ledger was only appended to since (" + Formatted.count(added, "line", in: .english) + " added).")
            } else {
                let message = fr
                    ? "L'empreinte publiée \(published) ne figure dans aucune ligne valide : le registre n'est plus celui qui a été publié."
                    : "The published digest \(published) is not the hash of any valid line: the ledger is no longer the one published."
                output.warn(message)
            }
        }
    }

    /// `verify` of several ledgers, in parallel: one line each; the exit code is the
    /// worst (2 unreadable, 1 tampered or broken, 0 valid).
    static func verify(files: [String], invocation: Invocation, output: inout CommandOutput) {
        let language = invocation.language
        let fr = language == .french
        let reports = files.parallelMap { file in Result { () throws(LedgerError) in try LedgerFile(path: file).verify() } }
        var entries: [JSONValue] = []
        for (file, result) in zip(files, reports) {
            switch result {
            case .success(let report):
                let problem = report.firstProblem(file: file)?.message(in: language)
                if !report.isValid { output.exitCode = max(output.exitCode, 1) }
                if invocation.json {
                    entries.append(.object(JSONObject([
                        JSONMember("file", .string(file)), JSONMember("valid", .bool(report.isValid)),
                        JSONMember("eventCount", .number(JSONNumber(report.eventCount))),
                        JSONMember("digest", .string(report.digest.hexadecimal)),
                        JSONMember("problem", problem.map(JSONValue.string) ?? .null),
                    ])))
                } else if let problem {
                    output.print(fr ? "NON VALIDE  \(file)" : "NOT VALID  \(file)")
                    output.warn(problem)
                } else {
                    output.print((fr ? "valide      " : "valid      ") + "\(file) : \(report.eventCount) " + (fr ? "événements, " : "events, ") + report.digest.hexadecimal)
                }
            case .failure(let error):
                output.exitCode = 2
                output.warn(error.message(in: language))
                if invocation.json {
                    entries.append(.object(JSONObject([
                        JSONMember("file", .string(file)), JSONMember("valid", .bool(false)),
                        JSONMember("error", .string(error.message(in: language))),
                    ])))
                }
            }
        }
        if invocation.json { output.print(JSONWriter.string(of: .array(entries))) }
    }

    static func repair(file: String, now: Timestamp, invocation: Invocation, output: inout CommandOutput) throws {
        let outcome = try LedgerFile(path: file).repair(now: now)
        let fr = invocation.language == .french
        switch outcome {
        case .nothingToRepair(let eventCount):
            if invocation.json {
                output.print(#"{"repaired":false,"eventCount":\#(eventCount)}"#)
            } else {
                output.print(fr ? "Rien à réparer : les \(eventCount) lignes sont complètes." : "Nothing to repair: all \(eventCount) lines are complete.")
            }
        case .removedEmpty:
            if invocation.json {
                output.print(#"{"repaired":true,"removed":true,"eventCount":0}"#)
            } else {
                output.print(fr
                    ? "Réparé : le registre était vide (0 octet, un init interrompu) ; il est supprimé, relancez « pacte-ledger init \(file) »."
                    : "Repaired: the ledger was empty (0 bytes, an interrupted init); it is removed, run \"pacte-ledger init \(file)\" again.")
            }
        case .repaired(let sideFile, let line, let byteCount, 0):
            if invocation.json {
                output.print(JSONWriter.string(of: .object(JSONObject([
                    JSONMember("repaired", .bool(true)), JSONMember("removed", .bool(true)), JSONMember("sideFile", .string(sideFile)),
                    JSONMember("line", .number(JSONNumber(line))), JSONMember("byteCount", .number(JSONNumber(byteCount))),
                    JSONMember("eventCount", .number(JSONNumber(0))),
                ]))))
            } else {
                output.print(fr
                    ? "Réparé : les \(byteCount) octets de la ligne 1 interrompue sont conservés dans \(sideFile) ; le registre n'avait aucune ligne complète, il est supprimé : relancez « pacte-ledger init \(file) »."
                    : "Repaired: the \(byteCount) bytes of interrupted line 1 are kept in \(sideFile); the ledger had no complete line and is removed: run \"pacte-ledger init \(file)\" again.")
            }
        case .repaired(let sideFile, let line, let byteCount, let eventCount):
            if invocation.json {
                output.print(JSONWriter.string(of: .object(JSONObject([
                    JSONMember("repaired", .bool(true)), JSONMember("sideFile", .string(sideFile)),
                    JSONMember("line", .number(JSONNumber(line))), JSONMember("byteCount", .number(JSONNumber(byteCount))),
                    JSONMember("eventCount", .number(JSONNumber(eventCount))),
                ]))))
            } else {
                output.print(fr
                    ? "Réparé : les \(byteCount) octets de la ligne \(line) interrompue sont conservés dans \(sideFile) ; le registre s'arrête à la ligne \(eventCount)."
                    : "Repaired: the \(byteCount) bytes of interrupted line \(line) are kept in \(sideFile); the ledger ends at line \(eventCount).")
            }
        }
    }

    static func warnAboutTornTail(_ contents: LedgerContents, file: String, invocation: Invocation, output: inout CommandOutput) {
        warnAboutTornTail(contents.tornTail, file: file, invocation: invocation, output: &output)
    }

    static func warnAboutTornTail(_ tornTail: TornTail?, file: String, invocation: Invocation, output: inout CommandOutput) {
        guard let torn = tornTail else { return }
        let message = torn.error(file: file).message(in: invocation.language)
        output.warn(invocation.language == .french ? "attention : \(message)" : "warning: \(message)")
    }
}

extension LedgerEvent {
    /// The line's members as stored (for `--json` outputs).
    var envelope: JSONObject {
        var object = JSONObject()
        object["seq"] = .number(JSONNumber(seq))
        object["id"] = .string(id)
        object["type"] = .string(type.rawValue)
        object["v"] = .number(JSONNumber(version))
        object["effective"] = .string(effective.description)
        object["recorded"] = .string(recorded.description)
        object["by"] = .string(recordedBy)
        object["data"] = .object(data)
        // Members a newer writer added survive a read-and-report by this version.
        for member in otherMembers { object[member.key] = member.value }
        object["prev"] = .string(previousHash.hexadecimal)
        object["hash"] = .string(hash.hexadecimal)
        return object
    }
}
