import PacteEvents

extension Agenda {
    /// The agenda for programs (see `docs/json-output.md`).
    public var jsonValue: JSONValue {
        .object([
            "date": .date(date),
            "pactId": .text(pactId),
            "eventCount": .integer(eventCount),
            "items": .array(items.map(\.jsonValue)),
        ])
    }
}

extension Agenda.Item {
    public var jsonValue: JSONValue {
        .object([
            "kind": .string(kind.rawValue),
            "due": .date(due),
            "daysLeft": .integer(daysLeft),
            "overdue": .bool(isOverdue),
            "subject": .string(subject),
            "partnerId": .text(partnerId),
            "actionId": .text(actionId),
            "document": .text(document?.description),
            "year": .integer(year),
            "requested": .date(requestedOn),
            "voted": .date(votedOn),
            "scheduledEnd": .date(scheduledEnd),
            "twelveMonthLimit": .date(twelveMonthLimit),
            "yearLimit": .date(yearLimit),
            "extendedEnd": .date(extendedEnd),
            "requestedEnd": .date(requestedEnd),
            "plannedCents": .integer(plannedCents),
            "actionIds": .texts(actionIds),
            "plannedMeeting": .bool(isPlannedMeeting),
            "seq": .integers(seq),
        ])
    }
}
