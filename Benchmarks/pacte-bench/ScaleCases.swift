#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PacteEvents

/// The ledgers of issue 9's blow-ups, at the sizes the probe measured: a request to n
/// partners then n signatures, n `partner.joined`, n `action.amended` on one action, n
/// actions and n commitment votes, one
/// payload object of 100,000 members, one ledger of 1,000,000 events and one line of
/// 100 MB. `pacte-bench --scale` times each command on them and shows its peak memory.
enum ScaleCases {
    static let start = CivilDate(year: 2025, month: 1, day: 6)!

    static let drafted = #"{"pactId":"pacte-echelle","title":"Pacte à l'échelle","territory":{"name":"Territoire","department":"31","communes":["31001"]},"porteur":{"id":"porteur","name":"Porteur","kind":"epci","signatory":{"name":"Présidente","role":"Présidente"}},"period":{"start":"2025-01-01","end":"2027-12-31"},"context":"Contexte.","ambition":"Ambition.","governance":{"body":"Comité de pilotage","attachedTo":"CTG"},"revision":"Par avenant."}"#

    static func joined(_ id: String) -> (EventType, CivilDate, String) {
        (.partnerJoined, start.adding(days: 1), #"{"partner":{"id":"\#(id)","name":"Association \#(id)","kind":"association"},"via":"initial"}"#)
    }

    /// A request to `count` partners (and the porteur) then every signature.
    static func signatures(_ count: Int) -> [(EventType, CivilDate, String)] {
        let ids = (0..<count).map { "p\($0)" }
        var events = [(EventType.pactDrafted, start, drafted)] + ids.map(joined)
        let list = (["porteur"] + ids).map { "\"\($0)\"" }.joined(separator: ",")
        events.append((.signatureRequested, start.adding(days: 10), #"{"document":"convention","partners":[\#(list)],"targetMonths":6}"#))
        for id in ["porteur"] + ids {
            events.append((.signatureReceived, start.adding(days: 20), #"{"partnerId":"\#(id)","document":"convention","signatory":{"name":"Signataire","role":"Directeur"}}"#))
        }
        return events
    }

    static func partners(_ count: Int) -> [(EventType, CivilDate, String)] {
        [(EventType.pactDrafted, start, drafted)] + (0..<count).map { joined("p\($0)") }
    }

    static func amendments(_ count: Int) -> [(EventType, CivilDate, String)] {
        var events = [(EventType.pactDrafted, start, drafted)]
        events.append((.actionAdded, start.adding(days: 1), #"{"sheet":{"actionId":"A1","title":"Action"}}"#))
        for index in 0..<count {
            events.append((.actionAmended, start.adding(days: 2), #"{"actionId":"A1","changes":{"title":"Titre \#(index)"},"reason":"Révision \#(index)"}"#))
        }
        return events
    }

    /// `count` actions, each planned by the porteur, then `count` commitment votes, each
    /// naming one action.
    static func fundings(_ count: Int) -> [(EventType, CivilDate, String)] {
        var events = [(EventType.pactDrafted, start, drafted)]
        for index in 0..<count {
            events.append((.actionAdded, start.adding(days: 1), #"{"sheet":{"actionId":"A\#(index)","title":"Action \#(index)","funding":[{"partnerId":"porteur","year":2025,"amountCents":100,"source":"Budget","basis":"dedicated"}]}}"#))
        }
        for index in 0..<count {
            events.append((.commitmentVoted, start.adding(days: 2), #"{"partnerId":"porteur","year":2025,"body":"Conseil","reference":"D-\#(index)","outcome":"adopted","lines":[{"actionId":"A\#(index)","amountCents":100,"source":"Budget","basis":"dedicated"}]}"#))
        }
        return events
    }

    /// An `annex.attached` payload whose object holds `count` members besides its own.
    static func wideObject(_ count: Int) -> String {
        var text = #"{"annex":1,"title":"Annexe","source":"Porteur","extra":{"#
        for index in 0..<count {
            if index > 0 { text += "," }
            text += "\"m\(index)\":\(index)"
        }
        return text + "}}"
    }

    /// The pact then one annex whose title is `bytes` long (one line of about that size).
    static func longLine(_ bytes: Int) -> [(EventType, CivilDate, String)] {
        let title = String(repeating: "a", count: bytes)
        return [(EventType.pactDrafted, start, drafted), (.annexAttached, start.adding(days: 1), #"{"annex":1,"title":"\#(title)","source":"Porteur"}"#)]
    }

    /// Writes the ledgers into `folder` (once) and times each command on them, once each
    /// (the old code took minutes on some), printing wall time and peak memory.
    @MainActor
    static func measureAll(folder: String, binary: String) {
        mkdir(folder, 0o755)
        func ledger(_ name: String, _ events: @autoclosure () -> [(EventType, CivilDate, String)]) -> String {
            let path = "\(folder)/\(name).jsonl"
            var status = stat()
            if stat(path, &status) != 0 {
                do { _ = try CorpusGenerator.writeLedger(events(), pact: 0, to: path) } catch { Options.fail("cannot write \(path): \(error)") }
            }
            return path
        }
        func row(_ name: String, _ arguments: [String]) {
            let run = ChildProcess.run(arguments)
            let status = run.exitCode > 1 ? "  (exit code \(run.exitCode))" : ""
            print(name.padding(toLength: 52, withPad: " ", startingAt: 0)
                + String(format: "%9.3f s %8.0f MB", run.seconds, Double(run.peakMemoryBytes) / 1e6) + status)
        }
        print("measurement (one run each)                              wall    peak")
        for count in [1_000, 2_000, 5_000] {
            let file = ledger("signatures-\(count)", signatures(count))
            row("state: request + signatures of \(count) partners", [binary, "state", file])
            for command in ["check", "timeline"] {
                row("\(command): request + signatures of \(count) partners", [binary, command, file, "--today", "2025-03-01"])
            }
            row("export signatures: \(count) partners", [binary, "export", file, "--table", "signatures"])
            row("summary: request + signatures of \(count) partners", [binary, "summary", file, "--today", "2025-03-01"])
        }
        for count in [25_000, 50_000, 100_000] {
            row("state: \(count) partner.joined", [binary, "state", ledger("partners-\(count)", partners(count))])
        }
        for count in [10_000, 20_000, 40_000] {
            let file = ledger("amendments-\(count)", amendments(count))
            row("history: \(count) action.amended on one action", [binary, "history", file])
            row("report: \(count) action.amended on one action", [binary, "report", file, "--format", "markdown"])
        }
        for count in [10_000, 20_000] {
            let file = ledger("fundings-\(count)", fundings(count))
            row("check: \(count) actions and \(count) votes", [binary, "check", file, "--today", "2025-12-31"])
        }
        let wideData = "\(folder)/wide-100000.json"
        var status = stat()
        if stat(wideData, &status) != 0 {
            do { try FileBytes.write(Array(wideObject(100_000).utf8), to: wideData) } catch { Options.fail("cannot write \(wideData)") }
        }
        let wideLedger = "\(folder)/wide.jsonl"
        let base = ledger("wide-base", [(EventType.pactDrafted, start, drafted)])
        _ = ChildProcess.run(["cp", base, wideLedger])
        row("record: one object of 100,000 members", [
            binary, "record", wideLedger, "annex.attached", "--effective", "2025-02-01", "--by", "bench", "--data", "@" + wideData,
        ])
        row("verify: one object of 100,000 members", [binary, "verify", wideLedger])
        let million = "\(folder)/events-1000000.jsonl"
        if stat(million, &status) != 0 {
            do { _ = try CorpusGenerator(pactCount: 1, eventsPerPact: 1_000_000).writeLedger(pact: 0, to: million) } catch {
                Options.fail("cannot write \(million)")
            }
        }
        _ = stat(million, &status)
        print("(the 1,000,000-event ledger is \(Int(status.st_size) / 1_000_000) MB)")
        row("state: 1,000,000 events", [binary, "state", million])
        row("check: 1,000,000 events", [binary, "check", million, "--today", "2027-12-31"])
        row("log: 1,000,000 events", [binary, "log", million])
        row("log --json: 1,000,000 events", [binary, "log", million, "--json"])
        let long = ledger("line-100MB", longLine(100_000_000))
        row("log: one line of 100 MB", [binary, "log", long])
        row("log --json: one line of 100 MB", [binary, "log", long, "--json"])
    }
}
