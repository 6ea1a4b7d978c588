// Payloads of the drafting events. Members that a rule of rules.md judges (the articles
// of the convention, a priority's rationale and sources) may be absent: `check`
// reports them. Every other member the format lists without `?` is required.

/// `pact.drafted`, line 1 only.
public struct PactDrafted: Sendable, Hashable {
    public struct Territory: Sendable, Hashable {
        public var name: String
        public var department: String?
        public var communes: [String]
    }

    public struct Period: Sendable, Hashable {
        public var start: CivilDate
        public var end: CivilDate
    }

    public struct Governance: Sendable, Hashable {
        public var body: String
        public var attachedTo: String?
    }

    public var pactId: String
    public var title: String
    public var territory: Territory
    public var porteur: Partner
    public var period: Period?
    public var context: String?
    public var ambition: String?
    public var governance: Governance?
    public var revision: String?

    init(reader: ObjectReader) throws(FieldError) {
        pactId = try reader.string("pactId")
        title = try reader.string("title")
        let territoryReader = try reader.object("territory")
        territory = Territory(
            name: try territoryReader.string("name"),
            department: try territoryReader.optionalString("department"),
            communes: try territoryReader.optionalStrings("communes") ?? []
        )
        porteur = try Partner(reader: try reader.object("porteur"))
        if let periodReader = try reader.optionalObject("period") {
            period = Period(start: try periodReader.date("start"), end: try periodReader.date("end"))
        }
        context = try reader.optionalString("context")
        ambition = try reader.optionalString("ambition")
        if let governanceReader = try reader.optionalObject("governance") {
            governance = Governance(
                body: try governanceReader.string("body"),
                attachedTo: try governanceReader.optionalString("attachedTo")
            )
        }
        revision = try reader.optionalString("revision")
    }
}

/// `partner.joined`.
public struct PartnerJoined: Sendable, Hashable {
    public enum Via: String, Sendable, Hashable, CaseIterable {
        case initial, adhesion
    }

    public var partner: Partner
    public var via: Via
    public var amendment: Int?

    init(reader: ObjectReader) throws(FieldError) {
        partner = try Partner(reader: try reader.object("partner"))
        via = try reader.choice("via", as: Via.self)
        amendment = try reader.optionalInteger("amendment", in: 1...9999)
    }
}

/// `partner.withdrew`.
public struct PartnerWithdrew: Sendable, Hashable {
    public var partnerId: String
    public var reason: String

    init(reader: ObjectReader) throws(FieldError) {
        partnerId = try reader.string("partnerId")
        reason = try reader.string("reason")
    }
}

/// `priority.set`: setting an existing id replaces it.
public struct PrioritySet: Sendable, Hashable {
    public var priorityId: String
    public var title: String
    public var rationale: String?
    public var sources: [String]
    public var publics: [PublicKind]

    init(reader: ObjectReader) throws(FieldError) {
        priorityId = try reader.string("priorityId")
        title = try reader.string("title")
        rationale = try reader.optionalString("rationale")
        sources = try reader.optionalStrings("sources") ?? []
        publics = try reader.optionalArray("publics", PublicKind.element) ?? []
    }
}

/// `priority.withdrawn`.
public struct PriorityWithdrawn: Sendable, Hashable {
    public var priorityId: String
    public var reason: String

    init(reader: ObjectReader) throws(FieldError) {
        priorityId = try reader.string("priorityId")
        reason = try reader.string("reason")
    }
}

/// `action.added` (version 2): with `amendment`, the action waits until amendment N is
/// in force (an action added to a convention in force is a revision, made by avenant).
public struct ActionAdded: Sendable, Hashable {
    public var sheet: ActionSheet
    public var amendment: Int?

    public init(sheet: ActionSheet, amendment: Int?) {
        self.sheet = sheet
        self.amendment = amendment
    }

    init(reader: ObjectReader) throws(FieldError) {
        sheet = try ActionSheet(json: try reader.required("sheet", .object), path: reader.memberPath("sheet"))
        amendment = try reader.optionalInteger("amendment", in: 1...9999)
    }
}

/// `action.amended`: with `amendment`, the changes wait until amendment N is in force.
public struct ActionAmended: Sendable, Hashable {
    public var actionId: String
    public var changes: JSONObject
    public var reason: String
    public var amendment: Int?
    /// The changes decoded as a sheet whose other members are absent (for the ids they
    /// name), decoded once when the line is read.
    public var changedMembers: ActionSheet

    init(reader: ObjectReader) throws(FieldError) {
        actionId = try reader.string("actionId")
        // Decoded where it is (a line's tape is not built twice); `changes` is its object, built.
        changedMembers = try ActionSheet.changedMembers(try reader.object("changes"), actionId: actionId)
        changes = changedMembers.json
        reason = try reader.string("reason")
        amendment = try reader.optionalInteger("amendment", in: 1...9999)
    }

}

/// `action.closed`.
public struct ActionClosed: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        case completed, abandoned
    }

    public var actionId: String
    public var outcome: Outcome
    public var summary: String
    public struct ImpactResult: Sendable, Hashable {
        public var value: JSONValue
        public var note: String?
    }

    public var impactResult: ImpactResult?

    init(reader: ObjectReader) throws(FieldError) {
        actionId = try reader.string("actionId")
        outcome = try reader.choice("outcome", as: Outcome.self)
        summary = try reader.string("summary")
        if let result = try reader.optionalObject("impactResult") {
            impactResult = ImpactResult(value: try result.scalar("value"), note: try result.optionalString("note"))
        }
    }
}

/// `indicator.reported`.
public struct IndicatorReported: Sendable, Hashable {
    public var actionId: String
    public var indicator: String
    public var period: String
    public var value: JSONValue
    public var note: String?

    init(reader: ObjectReader) throws(FieldError) {
        actionId = try reader.string("actionId")
        indicator = try reader.string("indicator")
        period = try reader.string("period")
        value = try reader.scalar("value")
        note = try reader.optionalString("note")
    }
}

/// `annex.attached`: annexes 1 to 5 of the guidance.
public struct AnnexAttached: Sendable, Hashable {
    public var annex: Int
    public var title: String
    public var source: String
    public var uri: String?
    public var sha256: String?

    init(reader: ObjectReader) throws(FieldError) {
        annex = try reader.integer("annex", in: 1...5)
        title = try reader.string("title")
        source = try reader.string("source")
        uri = try reader.optionalString("uri")
        sha256 = try reader.optionalString("sha256")
    }
}

extension ActionSheet {
    /// Every partner id the sheet names (engaged partners, funding, in-kind).
    public var referencedPartnerIds: [String] {
        (partners ?? []).map(\.partnerId) + (funding ?? []).map(\.partnerId) + (inKind ?? []).map(\.partnerId)
    }
}

