import PacteEvents

extension SigningTimeline {
    /// The timeline for programs (see `docs/json-output.md`).
    public var jsonValue: JSONValue {
        .object([
            "today": .date(today),
            "documents": .array(documents.map(\.jsonValue)),
            "stateFundedActions": .array(stateFundedActions.map(\.jsonValue)),
            "governance": .array(governanceYears.map { year in
                .object([
                    "year": .integer(year.year), "status": .string(year.status.rawValue),
                    "meetings": .array(year.meetings.map { .date($0) }), "seq": .integers(year.seq),
                ])
            }),
        ])
    }
}

extension SigningTimeline.Document {
    public var jsonValue: JSONValue {
        .object([
            "document": .string(document.description),
            "requested": .date(requestedOn),
            "targetMonths": .integer(targetMonths),
            "target": .date(targetDate),
            "inForceSince": .date(inForceSince),
            "entryIntoForce": .date(entryIntoForce),
            "projected": .bool(isProjected),
            "partners": .array(partners.map { partner in
                .object([
                    "partnerId": .string(partner.partnerId),
                    "name": .string(partner.name),
                    "needsVote": .bool(partner.needsVote),
                    "voted": .date(partner.voteDate),
                    "voteDays": .integer(partner.voteDays),
                    "signed": .date(partner.signatureDate),
                    "signatureDays": .integer(partner.signatureDays),
                    "state": .string(partner.state.rawValue),
                    "daysPastTarget": .integer(partner.daysPastTarget),
                    "signedLate": .bool(partner.signedLate),
                    "seq": .integers(partner.seq),
                ])
            }),
            "seq": .integers(requestSeq),
        ])
    }
}

extension StateFundingWindow {
    public var jsonValue: JSONValue {
        .object([
            "actionId": .string(actionId),
            "yearN": .integer(year),
            "basis": .string(basis.rawValue),
            "stateCashCents": .integer(stateCashCents),
            "start": .date(start),
            "end": .date(end),
            "twelveMonthLimit": .date(twelveMonthLimit),
            "yearLimit": .date(yearLimit),
            "endLimit": .date(endLimit),
            "extendedEnd": .date(extendedEnd),
            "withinLimits": .bool(endIsWithinLimits),
            "startWithinLimits": .bool(startIsWithinLimits),
            "status": .string(status.rawValue),
            "breaches": .array(breaches.map { .string($0.rawValue) }),
            "extensions": .array(extensions.map { record in
                .object([
                    "requested": .date(record.requestSource.effective),
                    "requestedEnd": .date(record.request.requestedEnd),
                    "decision": .text(record.decision?.decision.rawValue),
                    "newEnd": .date(record.grantedEnd),
                    "amendment": .integer(record.decision?.amendment),
                    "seq": .integer(record.requestSource.seq),
                ])
            }),
            "seq": .integers(sources.map(\.seq)),
        ])
    }
}
