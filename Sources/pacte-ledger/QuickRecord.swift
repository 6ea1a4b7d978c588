import PacteEvents
import PacteProjections

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
            data["document"] = .string((try scanned.document("document") ?? .convention).description)
            data["body"] = .string(try scanned.required("body"))
            data["reference"] = .string(try scanned.required("reference"))
            data["outcome"] = .string((try scanned.word("outcome", in: Vocabulary.voteOutcome) ?? .adopted).rawValue)
            return (.approvalVoted, data)
        case "commit":
            data["partnerId"] = .string(try scanned.required("partner"))
            guard let year = try scanned.year("year") else {
                throw .missingOption(option: "year", command: command)
            }
            data["year"] = .number(JSONNumber(year))
            data["body"] = .string(try scanned.required("body"))
            data["reference"] = .string(try scanned.required("reference"))
            data["outcome"] = .string((try scanned.word("outcome", in: Vocabulary.voteOutcome) ?? .adopted).rawValue)
            var lines: [JSONValue] = []
            for text in scanned.allValues("line") {
                let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 4 else {
                    throw .invalidValue(
                        option: "line", value: text, expected: "ACTION:EUROS:BASE:SOURCE (A1:12500,00:dédiés:BOP 304 action 23)",
                        command: command)
                }
                let cents = try scanned.typed("line", text) { (_) throws(TypedInputError) in try TypedAmount.cents(parts[1]) }
                let basis = try scanned.typed("line", text) { (_) throws(TypedInputError) in
                    try Vocabulary.fundingBasis.parse(parts[2])
                }
                lines.append(.object(JSONObject([
                    JSONMember("actionId", .string(parts[0])), JSONMember("amountCents", .number(JSONNumber(cents))),
                    JSONMember("source", .string(parts[3])), JSONMember("basis", .string(basis.rawValue)),
                ])))
            }
            data["lines"] = .array(lines)
            var inKind: [JSONValue] = []
            for text in scanned.allValues("in-kind") {
                let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 3 else {
                    throw .invalidValue(
                        option: "in-kind", value: text, expected: "ACTION:EUROS:DESCRIPTION", command: command)
                }
                let cents = try scanned.typed("in-kind", text) { (_) throws(TypedInputError) in try TypedAmount.cents(parts[1]) }
                inKind.append(.object(JSONObject([
                    JSONMember("actionId", .string(parts[0])), JSONMember("description", .string(parts[2])),
                    JSONMember("valuationCents", .number(JSONNumber(cents))),
                ])))
            }
            data["inKind"] = .array(inKind)
            return (.commitmentVoted, data)
        case "sign":
            data["partnerId"] = .string(try scanned.required("partner"))
            data["document"] = .string((try scanned.document("document") ?? .convention).description)
            data["signatory"] = Signatory(name: try scanned.required("signatory"), role: try scanned.required("role")).json
            return (.signatureReceived, data)
        case "meeting":
            data["body"] = .string(try scanned.required("body"))
            data["attendees"] = .array(scanned.allValues("attendee").map(JSONValue.string))
            data["decisions"] = .array(scanned.allValues("decision").map(JSONValue.string))
            data["commitmentsPresented"] = .array(try scanned.years("commitments-year").map { .number(JSONNumber($0)) })
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
            _ = try scanned.required("decision")
            data["decision"] = .string(try scanned.word("decision", in: Vocabulary.extensionDecision)!.rawValue)
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
