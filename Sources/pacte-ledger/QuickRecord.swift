import PacteEvents

/// The flag-only forms of the facts recorded most often by hand: a statutory body's
/// vote (`approve`, `commit`), a signature (`sign`), a steering meeting (`meeting`),
/// an extension request and its decision. Each builds the event's `data`, members in
/// the format's order; the ledger then validates it like any other.
enum QuickRecord {
    static func payload(for command: String, _ scanned: ScannedArguments) throws(UsageError) -> (EventType, JSONObject) {
        var data = JSONObject()
        switch command {
        case "approve":
            data["partnerId"] = .string(try scanned.required("partner"))
            data["document"] = .string(scanned.value("document") ?? "convention")
            data["body"] = .string(try scanned.required("body"))
            data["reference"] = .string(try scanned.required("reference"))
            data["outcome"] = .string(scanned.value("outcome") ?? "adopted")
            return (.approvalVoted, data)
        case "commit":
            data["partnerId"] = .string(try scanned.required("partner"))
            guard let year = try scanned.integer("year", in: 1900...2999) else {
                throw .missingOption(option: "year", command: command)
            }
            data["year"] = .number(JSONNumber(year))
            data["body"] = .string(try scanned.required("body"))
            data["reference"] = .string(try scanned.required("reference"))
            data["outcome"] = .string(scanned.value("outcome") ?? "adopted")
            var lines: [JSONValue] = []
            for text in scanned.allValues("line") {
                let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 4, let cents = Euros.cents(parts[1]) else {
                    throw .invalidValue(
                        option: "line", value: text, expected: "ACTION:EUROS:BASE:SOURCE (A1:12500,00:dedicated:BOP 304 action 23)",
                        command: command)
                }
                lines.append(.object(JSONObject([
                    JSONMember("actionId", .string(parts[0])), JSONMember("amountCents", .number(JSONNumber(cents))),
                    JSONMember("source", .string(parts[3])), JSONMember("basis", .string(parts[2])),
                ])))
            }
            data["lines"] = .array(lines)
            var inKind: [JSONValue] = []
            for text in scanned.allValues("in-kind") {
                let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 3, let cents = Euros.cents(parts[1]) else {
                    throw .invalidValue(
                        option: "in-kind", value: text, expected: "ACTION:EUROS:DESCRIPTION", command: command)
                }
                inKind.append(.object(JSONObject([
                    JSONMember("actionId", .string(parts[0])), JSONMember("description", .string(parts[2])),
                    JSONMember("valuationCents", .number(JSONNumber(cents))),
                ])))
            }
            data["inKind"] = .array(inKind)
            return (.commitmentVoted, data)
        case "sign":
            data["partnerId"] = .string(try scanned.required("partner"))
            data["document"] = .string(scanned.value("document") ?? "convention")
            data["signatory"] = Signatory(name: try scanned.required("signatory"), role: try scanned.required("role")).json
            return (.signatureReceived, data)
        case "meeting":
            data["body"] = .string(try scanned.required("body"))
            data["attendees"] = .array(scanned.allValues("attendee").map(JSONValue.string))
            data["decisions"] = .array(scanned.allValues("decision").map(JSONValue.string))
            var years: [JSONValue] = []
            for text in scanned.allValues("commitments-year") {
                guard let year = Int(text), (1900...2999).contains(year) else {
                    throw .invalidValue(option: "commitments-year", value: text, expected: "AAAA", command: command)
                }
                years.append(.number(JSONNumber(year)))
            }
            data["commitmentsPresented"] = .array(years)
            data["actionsReviewed"] = .array(scanned.allValues("reviewed").map(JSONValue.string))
            if let next = try scanned.date("next-meeting") { data["nextMeeting"] = .string(next.description) }
            return (.governanceHeld, data)
        case "request-extension":
            data["actionId"] = .string(try scanned.required("action"))
            data["currentEnd"] = .string(try scanned.requiredDate("current-end").description)
            data["requestedEnd"] = .string(try scanned.requiredDate("requested-end").description)
            data["reason"] = .string(try scanned.required("reason"))
            data["requestedBy"] = .string(try scanned.required("requested-by"))
            return (.extensionRequested, data)
        default:  // decide-extension
            data["request"] = .string(try scanned.required("request"))
            data["decision"] = .string(try scanned.required("decision"))
            if let newEnd = try scanned.date("new-end") { data["newEnd"] = .string(newEnd.description) }
            if let amendment = try scanned.integer("amendment", in: 1...9999) {
                data["amendment"] = .number(JSONNumber(amendment))
            }
            if let reason = scanned.value("reason") { data["reason"] = .string(reason) }
            return (.extensionDecided, data)
        }
    }
}

extension QuickRecord {
    /// The option each member of `command`'s payload is built from, by member path
    /// without array indices (`data.decisions[1]` is named by `data.decisions`).
    static func optionNames(for command: String) -> [String: String] {
        switch command {
        case "approve":
            ["data.partnerId": "--partner", "data.document": "--document", "data.body": "--body", "data.reference": "--reference"]
        case "commit":
            ["data.partnerId": "--partner", "data.body": "--body", "data.reference": "--reference", "data.lines": "--line",
             "data.inKind": "--in-kind"]
        case "sign":
            ["data.partnerId": "--partner", "data.document": "--document", "data.signatory.name": "--signatory",
             "data.signatory.role": "--role"]
        case "meeting":
            ["data.body": "--body", "data.attendees": "--attendee", "data.decisions": "--decision",
             "data.actionsReviewed": "--reviewed", "data.nextMeeting": "--next-meeting"]
        case "request-extension":
            ["data.actionId": "--action", "data.currentEnd": "--current-end", "data.requestedEnd": "--requested-end",
             "data.reason": "--reason", "data.requestedBy": "--requested-by"]
        case "decide-extension":
            ["data.request": "--request", "data.newEnd": "--new-end", "data.amendment": "--amendment", "data.reason": "--reason"]
        default: [:]
        }
    }
}

/// Amounts typed by people, in euros: `12500`, `12 500,50`, `12500.5`.
enum Euros {
    /// The amount in cents, or `nil` when the text is not a non-negative amount with at
    /// most two decimals.
    static func cents(_ text: String) -> Int? {
        let compact = text.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" && $0 != "_" }
        let parts = compact.split(separator: ",", omittingEmptySubsequences: false).count == 2
            ? compact.split(separator: ",", omittingEmptySubsequences: false)
            : compact.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, parts[0].allSatisfy(\.isASCII),
            parts[0].allSatisfy(\.isNumber)
        else { return nil }
        var cents = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(fraction)
            else { return nil }
            cents = fraction.count == 1 ? value * 10 : value
        }
        let (product, overflow) = whole.multipliedReportingOverflow(by: 100)
        let (sum, sumOverflow) = product.addingReportingOverflow(cents)
        guard !overflow, !sumOverflow else { return nil }
        return sum
    }
}
