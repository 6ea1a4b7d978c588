import PacteEvents

extension PactState {
    /// The state for programs (see `docs/json-output.md`): amounts in integer cents in
    /// members ending in `Cents`, dates as `YYYY-MM-DD`, `null` for what is not known.
    public var jsonValue: JSONValue {
        .object([
            "pactId": .text(pact?.pactId),
            "title": .text(pact?.title),
            "territory": territoryJSON,
            "status": .text(status?.rawValue),
            "statusSince": .date(statusSince),
            "inForceSince": .date(inForceSince),
            "statusHistory": .array(statusHistory.map { change in
                .object(["status": .string(change.status.rawValue), "since": .date(change.since), "seq": .integer(change.source.seq)])
            }),
            "articles": articlesJSON,
            "draft": draftJSON,
            "partners": .array(partners.map(partnerJSON)),
            "priorities": .array(priorities.map(priorityJSON)),
            "withdrawnPriorities": .array(withdrawnPriorities.map(priorityJSON)),
            "actions": .array(actions.map(actionJSON)),
            "pendingChanges": .array(pendingChanges.map(pendingJSON)),
            "commitments": .array(commitments.map(commitmentJSON)),
            "documents": .array(documents.map(documentJSON)),
            "amendments": .array(amendments.map(amendmentJSON)),
            "extensions": .array(extensions.map(extensionJSON)),
            "governance": .array(governanceMeetings.map(meetingJSON)),
            "annexes": .array(annexes.map(annexJSON)),
            "totals": totals.jsonValue,
            "closure": closure.map { closure in
                .object([
                    "reason": .string(closure.reason.rawValue), "summary": .string(closure.summary),
                    "date": .date(closure.date), "seq": .integer(closure.source.seq),
                ])
            } ?? .null,
        ])
    }

    private var territoryJSON: JSONValue {
        guard let territory = pact?.territory else { return .null }
        return .object([
            "name": .string(territory.name), "department": .text(territory.department), "communes": .texts(territory.communes),
        ])
    }

    private var articlesJSON: JSONValue {
        guard let pact else { return .null }
        return .object([
            "context": .text(pact.context),
            "ambition": .text(pact.ambition),
            "period": pact.period.map { .object(["start": .date($0.start), "end": .date($0.end)]) } ?? .null,
            "governance": pact.governance.map { .object(["body": .string($0.body), "attachedTo": .text($0.attachedTo)]) } ?? .null,
            "revision": .text(pact.revision),
        ])
    }

    private var draftJSON: JSONValue {
        .object([
            "presented": .date(draft.presentedOn),
            "submitted": .date(draft.submittedOn),
            "validated": .date(draft.validatedOn),
            "presentations": .array(draft.presentations.map { presentation in
                .object([
                    "date": .date(presentation.date), "attendees": .texts(presentation.presented.attendees),
                    "stateServiceInvited": .bool(presentation.presented.stateServiceInvited),
                    "commissionerInvited": .bool(presentation.presented.commissionerInvited),
                    "seq": .integer(presentation.source.seq),
                ])
            }),
            "submissions": .array(draft.submissions.map { submission in
                .object([
                    "date": .date(submission.date), "to": .texts(submission.submitted.recipients),
                    "seq": .integer(submission.source.seq),
                ])
            }),
            "validations": .array(draft.validations.map { validation in
                .object([
                    "date": .date(validation.date), "validatedBy": .string(validation.validated.validatedBy),
                    "remarks": .text(validation.validated.remarks), "seq": .integer(validation.source.seq),
                ])
            }),
        ])
    }

    private func partnerJSON(_ record: PartnerRecord) -> JSONValue {
        let documentsJSON: [JSONValue] = documents.compactMap { signing in
            let requested = signing.isRequested(record.id)
            let votes = signing.votes(of: record.id)
            let signature = signing.signature(of: record.id)
            guard requested || !votes.isEmpty || signature != nil else { return nil }
            return .object([
                "document": .string(signing.document.description),
                "requested": .bool(requested),
                "approvalVotes": .array(votes.map { vote in
                    .object([
                        "date": .date(vote.date), "body": .string(vote.body), "reference": .string(vote.reference),
                        "outcome": .string(vote.outcome.rawValue), "seq": .integer(vote.source.seq),
                    ])
                }),
                "signed": .date(signature?.date),
                "signatory": signature?.signatory.json ?? .null,
                "signatureSeq": .integer(signature?.source.seq),
            ])
        }
        return .object([
            "id": .string(record.id),
            "name": .string(record.partner.name),
            "kind": .string(record.partner.kind.rawValue),
            "statutoryBody": .text(record.partner.statutoryBody),
            "signatory": record.partner.signatory?.json ?? .null,
            "entry": .string(record.entry.rawValue),
            "amendment": .integer(record.amendment),
            "joined": .date(record.joinedOn),
            "withdrawn": .date(record.withdrawal?.date),
            "withdrawalReason": .text(record.withdrawal?.reason),
            "documents": .array(documentsJSON),
            "seq": .integer(record.source.seq),
        ])
    }

    private func priorityJSON(_ record: PriorityRecord) -> JSONValue {
        .object([
            "priorityId": .string(record.id),
            "title": .string(record.priority.title),
            "rationale": .text(record.priority.rationale),
            "sources": .texts(record.priority.sources),
            "publics": .texts(record.priority.publics.map(\.description)),
            "set": .date(record.firstSetOn),
            "withdrawn": .date(record.withdrawal?.date),
            "withdrawalReason": .text(record.withdrawal?.reason),
            "seq": .integer(record.source.seq),
        ])
    }

    private func actionJSON(_ record: ActionRecord) -> JSONValue {
        .object([
            "actionId": .string(record.id),
            "priorityId": .text(record.sheet.priorityId),
            "title": .text(record.sheet.title),
            "added": .date(record.addedOn),
            "start": .date(record.sheet.schedule?.start),
            "end": .date(record.sheet.schedule?.end),
            "extendedEnd": .date(extendedEnd(ofAction: record.id)),
            "sheet": .object(record.sheet.json),
            "revisions": .array(record.revisions.map { revision in
                .object([
                    "seq": .integer(revision.source.seq),
                    "effective": .date(revision.source.effective),
                    "appliedOn": .date(revision.appliedOn),
                    "amendment": .integer(revision.amendment),
                    "reason": .string(revision.reason),
                    "changes": .array(revision.changes.map(\.jsonValue)),
                ])
            }),
            "closure": record.closure.map { closure in
                .object([
                    "outcome": .string(closure.outcome.rawValue), "summary": .string(closure.summary),
                    "impactResult": closure.impactResult.map { .object(["value": $0.value, "note": .text($0.note)]) } ?? .null,
                    "date": .date(closure.date), "seq": .integer(closure.source.seq),
                ])
            } ?? .null,
            "indicatorReports": .array(record.reports.map { report in
                .object([
                    "indicator": .string(report.indicator), "period": .string(report.period), "value": report.value,
                    "note": .text(report.note), "date": .date(report.source.effective), "seq": .integer(report.source.seq),
                ])
            }),
            "seq": .integer(record.source.seq),
        ])
    }

    private func pendingJSON(_ change: PendingActionChange) -> JSONValue {
        let sheet = action(change.actionId)?.sheet.json
        return .object([
            "seq": .integer(change.source.seq),
            "actionId": .string(change.actionId),
            "amendment": .integer(change.amendment),
            "effective": .date(change.source.effective),
            "reason": .string(change.reason),
            "changes": .array(change.changes.members.map { member in
                FieldChange(member: member.key, before: sheet?[member.key], after: member.value).jsonValue
            }),
        ])
    }

    private func commitmentJSON(_ record: CommitmentRecord) -> JSONValue {
        .object([
            "partnerId": .string(record.partnerId),
            "year": .integer(record.year),
            "body": .string(record.body),
            "reference": .string(record.reference),
            "outcome": .string(record.outcome.rawValue),
            "counts": .bool(record.isAdopted),
            "decided": .date(record.decidedOn),
            "cashCents": .integer(record.cashCents),
            "inKindCents": .integer(record.inKindCents),
            "lines": .array(record.lines.map { line in
                .object([
                    "actionId": .string(line.actionId), "amountCents": .integer(line.amountCents),
                    "source": .string(line.source), "basis": .string(line.basis.rawValue),
                ])
            }),
            "inKind": .array(record.inKind.map { line in
                .object([
                    "actionId": .string(line.actionId), "description": .string(line.description),
                    "valuationCents": .integer(line.valuationCents),
                ])
            }),
            "seq": .integer(record.source.seq),
        ])
    }

    private func documentJSON(_ signing: DocumentSigning) -> JSONValue {
        .object([
            "document": .string(signing.document.description),
            "requested": .date(signing.requestedOn),
            "targetMonths": .integer(signing.targetMonths),
            "target": .date(signing.targetDate),
            "partners": .texts(signing.requestedPartnerIds),
            "inForceSince": .date(signing.inForceSince),
        ])
    }

    private func amendmentJSON(_ record: AmendmentRecord) -> JSONValue {
        let stage = amendmentStage(record.number)
        let carried = changes(carriedBy: record.number)
        var changesJSON: [JSONValue] = carried.applied.map { item in
            .object([
                "seq": .integer(item.revision.source.seq), "actionId": .string(item.actionId), "applied": .bool(true),
                "appliedOn": .date(item.revision.appliedOn), "reason": .string(item.revision.reason),
                "changes": .array(item.revision.changes.map(\.jsonValue)),
            ])
        }
        changesJSON += carried.pending.map { change in
            .object([
                "seq": .integer(change.source.seq), "actionId": .string(change.actionId), "applied": .bool(false),
                "appliedOn": .null, "reason": .string(change.reason),
                "changes": .array(change.changes.members.map { FieldChange(member: $0.key, before: nil, after: $0.value).jsonValue }),
            ])
        }
        var since: CivilDate?
        if case .inForce(let date) = stage { since = date }
        return .object([
            "number": .integer(record.number),
            "purpose": .string(record.purpose),
            "proposed": .date(record.proposedOn),
            "status": .string(stage.code),
            "signatureRequested": .date(signing(of: record.document)?.requestedOn),
            "inForceSince": .date(since),
            "changes": .array(changesJSON),
            "partnersJoining": .texts(partners.filter { $0.amendment == record.number }.map(\.id)),
            "extensions": .integers(extensions.filter { $0.decision?.amendment == record.number }.map(\.requestSource.seq)),
            "seq": .integer(record.source.seq),
        ])
    }

    private func extensionJSON(_ record: ExtensionRecord) -> JSONValue {
        let amendment = record.decision?.amendment
        return .object([
            "actionId": .string(record.actionId),
            "requested": .date(record.requestSource.effective),
            "currentEnd": .date(record.request.currentEnd),
            "requestedEnd": .date(record.request.requestedEnd),
            "reason": .string(record.request.reason),
            "requestedBy": .string(record.request.requestedBy),
            "decision": .text(record.decision?.decision.rawValue),
            "decided": .date(record.decisionSource?.effective),
            "newEnd": .date(record.grantedEnd),
            "amendment": .integer(amendment),
            "amendmentInForceSince": .date(amendment.flatMap { inForceSince(.amendment($0)) }),
            "decisionReason": .text(record.decision?.reason),
            "seq": .integer(record.requestSource.seq),
            "decisionSeq": .integer(record.decisionSource?.seq),
        ])
    }

    private func meetingJSON(_ record: GovernanceMeeting) -> JSONValue {
        .object([
            "date": .date(record.date),
            "body": .string(record.meeting.body),
            "attendees": .texts(record.meeting.attendees),
            "decisions": .texts(record.meeting.decisions),
            "commitmentsPresented": .integers(record.meeting.commitmentsPresented),
            "actionsReviewed": .texts(record.meeting.actionsReviewed),
            "nextMeeting": .date(record.meeting.nextMeeting),
            "seq": .integer(record.source.seq),
        ])
    }

    private func annexJSON(_ record: AnnexRecord) -> JSONValue {
        .object([
            "annex": .integer(record.number),
            "title": .string(record.annex.title),
            "source": .string(record.annex.source),
            "uri": .text(record.annex.uri),
            "sha256": .text(record.annex.sha256),
            "attached": .date(record.attachedOn),
            "seq": .integer(record.source.seq),
        ])
    }
}

extension PactTotals {
    /// `{"voted": Amounts, "planned": Amounts, "votedByPartner": [...], ...}`, rows sorted by key.
    public var jsonValue: JSONValue {
        .object([
            "voted": Self.json(voted),
            "planned": Self.json(planned),
            "votedDetails": .array(votedDetails.map { detail in
                var object = Self.json(detail.amounts).objectValue!
                object.members.insert(contentsOf: [
                    JSONMember("partnerId", .string(detail.partnerId)), JSONMember("year", .integer(detail.year)),
                    JSONMember("actionId", .string(detail.actionId)),
                ], at: 0)
                object["sources"] = .texts(detail.sources)
                return .object(object)
            }),
            "votedByPartner": Self.rows(votedByPartner, key: "partnerId"),
            "votedByYear": Self.rows(votedByYear),
            "votedByAction": Self.rows(votedByAction, key: "actionId"),
            "plannedByPartner": Self.rows(plannedByPartner, key: "partnerId"),
            "plannedByYear": Self.rows(plannedByYear),
            "plannedByAction": Self.rows(plannedByAction, key: "actionId"),
        ])
    }

    static func json(_ amounts: Amounts) -> JSONValue {
        .object([
            "cashCents": .integer(amounts.cashCents),
            "dedicatedCents": .integer(amounts.dedicatedCents),
            "commonLawContractedCents": .integer(amounts.commonLawContractedCents),
            "commonLawCents": .integer(amounts.commonLawCents),
            "inKindCents": .integer(amounts.inKindCents),
        ])
    }

    private static func rows(_ table: [ByteKey: Amounts], key: String) -> JSONValue {
        .array(table.keys.sorted { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }.map { name in
            var object = json(table[name]!).objectValue!
            object.members.insert(JSONMember(key, .string(name.text)), at: 0)
            return .object(object)
        })
    }

    private static func rows(_ table: [Int: Amounts]) -> JSONValue {
        .array(table.keys.sorted().map { year in
            var object = json(table[year]!).objectValue!
            object.members.insert(JSONMember("year", .integer(year)), at: 0)
            return .object(object)
        })
    }
}
