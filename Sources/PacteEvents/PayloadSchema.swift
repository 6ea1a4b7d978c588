/// The members this writer knows for each event type and version, at every depth of the
/// format's shapes (Partner, Signatory, ActionSheet, FundingLine…). The writer refuses a
/// member it does not know (most often a typo) unless the user says it is deliberate;
/// readers keep unknown members whatever their writer.
public indirect enum PayloadSchema: Sendable {
    /// A string, number, boolean or null: nothing inside to check.
    case value
    /// An object with these members.
    case object([String: PayloadSchema])
    /// An array of elements of one shape.
    case array(PayloadSchema)
    /// An object whose members are those of another shape, all optional (`changes`).
    case membersOf(PayloadSchema)

    /// The shape of `data` of `type` written as `version`; `targetType` is the type of
    /// the event a correction targets (its replacement has that type's shape).
    public static func data(of type: EventType, version: Int, targetType: EventType? = nil) -> PayloadSchema {
        switch type {
        case .pactDrafted:
            return .object([
                "pactId": .value, "title": .value,
                "territory": .object(["name": .value, "department": .value, "communes": .array(.value)]),
                "porteur": partner, "period": .object(["start": .value, "end": .value]), "context": .value,
                "ambition": .value, "governance": .object(["body": .value, "attachedTo": .value]), "revision": .value,
            ])
        case .partnerJoined: return .object(["partner": partner, "via": .value, "amendment": .value])
        case .partnerWithdrew: return .object(["partnerId": .value, "reason": .value])
        case .prioritySet:
            return .object([
                "priorityId": .value, "title": .value, "rationale": .value, "sources": .array(.value), "publics": .array(.value),
            ])
        case .priorityWithdrawn: return .object(["priorityId": .value, "reason": .value])
        case .actionAdded:
            return version >= 2 ? .object(["sheet": sheet, "amendment": .value]) : .object(["sheet": sheet])
        case .actionAmended:
            return .object(["actionId": .value, "changes": .membersOf(sheet), "reason": .value, "amendment": .value])
        case .actionClosed:
            return .object([
                "actionId": .value, "outcome": .value, "summary": .value,
                "impactResult": .object(["value": .value, "note": .value]),
            ])
        case .indicatorReported:
            return .object(["actionId": .value, "indicator": .value, "period": .value, "value": .value, "note": .value])
        case .annexAttached:
            return .object(["annex": .value, "title": .value, "source": .value, "uri": .value, "sha256": .value])
        case .draftPresented:
            return .object(["attendees": .array(.value), "stateServiceInvited": .value, "commissionerInvited": .value])
        case .draftSubmitted: return .object(["to": .array(.value)])
        case .draftValidated: return .object(["validatedBy": .value, "remarks": .value])
        case .signatureRequested: return .object(["document": .value, "partners": .array(.value), "targetMonths": .value])
        case .approvalVoted:
            return .object(["partnerId": .value, "document": .value, "body": .value, "reference": .value, "outcome": .value])
        case .commitmentVoted:
            return .object([
                "partnerId": .value, "year": .value, "body": .value, "reference": .value, "outcome": .value,
                "lines": .array(.object(["actionId": .value, "amountCents": .value, "source": .value, "basis": .value])),
                "inKind": .array(.object(["actionId": .value, "description": .value, "valuationCents": .value])),
            ])
        case .signatureReceived: return .object(["partnerId": .value, "document": .value, "signatory": signatory])
        case .amendmentProposed: return .object(["number": .value, "purpose": .value])
        case .extensionRequested:
            return .object([
                "actionId": .value, "currentEnd": .value, "requestedEnd": .value, "reason": .value, "requestedBy": .value,
            ])
        case .extensionDecided:
            return .object(["request": .value, "decision": .value, "newEnd": .value, "amendment": .value, "reason": .value])
        case .governanceHeld:
            return .object([
                "body": .value, "attendees": .array(.value), "decisions": .array(.value),
                "commitmentsPresented": .array(.value), "actionsReviewed": .array(.value), "nextMeeting": .value,
            ])
        case .correctionRecorded:
            let replacement: PayloadSchema = targetType.map {
                data(of: $0, version: EventType.replacementVersion(of: $0, inCorrectionVersion: version))
            } ?? .value
            return .object(["target": .value, "reason": .value, "replacement": replacement])
        case .pactClosed: return .object(["reason": .value, "summary": .value])
        }
    }

    static let signatory = PayloadSchema.object(["name": .value, "role": .value])

    static let partner = PayloadSchema.object([
        "id": .value, "name": .value, "kind": .value, "statutoryBody": .value, "signatory": signatory,
    ])

    static let sheet = PayloadSchema.object([
        "actionId": .value, "priorityId": .value, "title": .value, "summary": .value, "objectives": .array(.value),
        "perimeter": .value, "publics": .array(.value), "measure": .value, "localJustification": .value,
        "schedule": .object([
            "start": .value, "end": .value, "milestones": .array(.object(["date": .value, "label": .value])),
        ]),
        "partners": .array(.object(["partnerId": .value, "role": .value])),
        "funding": .array(.object([
            "partnerId": .value, "year": .value, "amountCents": .value, "source": .value, "basis": .value,
        ])),
        "inKind": .array(.object(["partnerId": .value, "description": .value, "valuationCents": .value])),
        "indicators": .array(.object(["name": .value, "unit": .value, "target": .value])),
        "impact": .object(["indicator": .value, "baseline": .value, "target": .value, "method": .value]),
        "impactWaiver": .value,
        "participation": .object(["controlGroup": .value, "stages": .array(.value), "description": .value]),
        "participationSheet": .value,
    ])

    /// The first member of `value` (depth first, in order) this shape does not know, with
    /// its path from `path` and the nearest known name at its level. A value of another
    /// kind than the shape expects is left to the decoder, which names it.
    public func firstUnknownMember(in value: JSONValue, path: String) -> (path: String, nearest: String?)? {
        switch (self, value) {
        case (.object(let members), .object(let object)), (.membersOf(.object(let members)), .object(let object)):
            for member in object.members {
                let memberPath = path + "." + member.key
                guard let shape = members[member.key] else {
                    return (memberPath, Self.nearest(to: member.key, among: members.keys))
                }
                if let found = shape.firstUnknownMember(in: member.value, path: memberPath) { return found }
            }
            return nil
        case (.array(let element), .array(let values)):
            for (index, item) in values.enumerated() {
                if let found = element.firstUnknownMember(in: item, path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// The known name closest to `name` (edit distance, case ignored), if it is close
    /// enough to be a typo of it: at most a third of the name's length, and at least 2.
    public static func nearest(to name: String, among known: some Sequence<String>) -> String? {
        let limit = max(2, name.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in known.sorted() {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance, with a transposition of two neighbours counted as one edit.
    public static func editDistance(_ left: String, _ right: String) -> Int {
        let a = Array(left), b = Array(right)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
