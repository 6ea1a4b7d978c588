/// A fiche-action (annex 5). Every member but `actionId` may be omitted when the sheet
/// is recorded: `check` (rule SHEET-COMPLETE) reports what a complete sheet lacks.
/// The sheet keeps its JSON so that amendments (`action.amended`) replace members and
/// unknown members survive.
public struct ActionSheet: Sendable, Hashable {
    public var json: JSONObject

    public var actionId: String
    public var priorityId: String?
    public var title: String?
    public var summary: String?
    public var objectives: [String]?
    public var perimeter: String?
    public var publics: [PublicKind]?
    /// The national pact's measure, 1 to 25.
    public var measure: Int?
    public var localJustification: String?
    public var schedule: Schedule?
    public var partners: [EngagedPartner]?
    public var funding: [FundingLine]?
    public var inKind: [InKindContribution]?
    public var indicators: [Indicator]?
    public var impact: Impact?
    public var impactWaiver: String?
    public var participation: Participation?
    public var participationSheet: Bool?

    public init(json value: JSONValue, path: String) throws(FieldError) {
        let reader = try ObjectReader(value, path: path)
        try self.init(reader: reader, actionId: try reader.string("actionId"))
    }

    private init(reader: ObjectReader, actionId: String) throws(FieldError) {
        json = reader.object
        self.actionId = actionId
        for member in Member.allCases {
            try decodeMember(member, from: reader)
        }
    }

    /// The sheet members other than `actionId`, in the format's order.
    enum Member: String, CaseIterable {
        case priorityId, title, summary, objectives, perimeter, publics, measure, localJustification, schedule, partners,
            funding, inKind, indicators, impact, impactWaiver, participation, participationSheet
    }

    /// Decodes the member named `key` from `reader`; other keys are members this version
    /// does not know, kept in ``json`` only.
    private mutating func decodeMember(_ key: String, from reader: ObjectReader) throws(FieldError) {
        guard let member = Member(rawValue: key) else { return }
        try decodeMember(member, from: reader)
    }

    /// Decodes one member from `reader` (absent or `null` gives `nil`). The member is told
    /// by its case, not by comparing its name with each member's.
    private mutating func decodeMember(_ member: Member, from reader: ObjectReader) throws(FieldError) {
        let key = member.rawValue
        switch member {
        case .priorityId: priorityId = try reader.optionalString(key)
        case .title: title = try reader.optionalString(key)
        case .summary: summary = try reader.optionalString(key)
        case .objectives: objectives = try reader.optionalStrings(key)
        case .perimeter: perimeter = try reader.optionalString(key)
        case .publics: publics = try reader.optionalArray(key, PublicKind.element)
        case .measure: measure = try reader.optionalInteger(key, in: 1...25)
        case .localJustification: localJustification = try reader.optionalString(key)
        case .schedule:
            schedule = try reader.optionalObject(key).map { (object) throws(FieldError) in try Schedule(reader: object) }
        case .partners: partners = try reader.optionalObjects(key, EngagedPartner.init(reader:))
        case .funding: funding = try reader.optionalObjects(key, FundingLine.init(reader:))
        case .inKind: inKind = try reader.optionalObjects(key, InKindContribution.init(reader:))
        case .indicators: indicators = try reader.optionalObjects(key, Indicator.init(reader:))
        case .impact:
            impact = try reader.optionalObject(key).map { (object) throws(FieldError) in try Impact(reader: object) }
        case .impactWaiver: impactWaiver = try reader.optionalString(key)
        case .participation:
            participation = try reader.optionalObject(key).map { (object) throws(FieldError) in
                try Participation(reader: object)
            }
        case .participationSheet: participationSheet = try reader.optionalBool(key)
        }
    }

    /// Decodes the members of an `action.amended` change set, which are sheet members to
    /// replace (`actionId` excluded), as a sheet of those members only.
    public static func changedMembers(_ value: JSONValue, path: String, actionId: String) throws(FieldError) -> ActionSheet {
        try changedMembers(try ObjectReader(value, path: path), actionId: actionId)
    }

    /// The same, read by `reader` (a built object or a line's tape); its ``json`` is the
    /// change set, built.
    static func changedMembers(_ reader: ObjectReader, actionId: String) throws(FieldError) -> ActionSheet {
        try ActionSheet(reader: reader, actionId: actionId)
    }

    /// Replaces the members of `changes` in this sheet, in place (an amendment in force).
    /// Only the changed members are decoded again.
    public mutating func apply(_ changes: JSONObject) {
        guard let reader = try? ObjectReader(.object(changes), path: "changes") else { return }
        for member in changes.members where member.key != "actionId" {
            json[member.key] = member.value
            // The members were validated when the change was appended.
            try? decodeMember(member.key, from: reader)
        }
    }

    // MARK: - Parts

    public struct Schedule: Sendable, Hashable {
        public var start: CivilDate
        public var end: CivilDate
        public var milestones: [Milestone]

        init(reader: ObjectReader) throws(FieldError) {
            start = try reader.date("start")
            end = try reader.date("end")
            milestones = try reader.optionalObjects("milestones", Milestone.init(reader:)) ?? []
        }
    }

    public struct Milestone: Sendable, Hashable {
        public var date: CivilDate
        public var label: String

        init(reader: ObjectReader) throws(FieldError) {
            date = try reader.date("date")
            label = try reader.string("label")
        }
    }

    public struct EngagedPartner: Sendable, Hashable {
        public var partnerId: String
        public var role: String?

        init(reader: ObjectReader) throws(FieldError) {
            partnerId = try reader.string("partnerId")
            role = try reader.optionalString("role")
        }
    }

    /// A follow-up indicator (« indicateur de suivi »).
    public struct Indicator: Sendable, Hashable {
        public var name: String
        public var unit: String?
        public var target: JSONValue?

        init(reader: ObjectReader) throws(FieldError) {
            name = try reader.string("name")
            unit = try reader.optionalString("unit")
            target = try reader.optionalScalar("target")
        }
    }

    /// The impact indicator: the direct effect on the target public.
    public struct Impact: Sendable, Hashable {
        public var indicator: String
        public var baseline: JSONValue?
        public var target: JSONValue?
        public var method: String?

        init(reader: ObjectReader) throws(FieldError) {
            indicator = try reader.string("indicator")
            baseline = try reader.optionalScalar("baseline")
            target = try reader.optionalScalar("target")
            method = try reader.optionalString("method")
        }
    }

    /// How the people concerned take part in the action.
    public struct Participation: Sendable, Hashable {
        public enum Stage: String, Sendable, Hashable, CaseIterable {
            case design, implementation, evaluation
        }

        public var controlGroup: Bool
        public var stages: [Stage]
        public var description: String?

        init(reader: ObjectReader) throws(FieldError) {
            controlGroup = try reader.bool("controlGroup")
            stages = try reader.array("stages") { (value, path) throws(FieldError) in
                guard case .string(let text) = value, let stage = Stage(rawValue: text) else {
                    throw FieldError(
                        path: path, expected: .oneOf(Stage.allCases.map(\.rawValue)), found: ObjectReader.excerpt(value))
                }
                return stage
            }
            description = try reader.optionalString("description")
        }
    }
}

/// Money a partner puts into an action for one year (shared shape `FundingLine`).
public struct FundingLine: Sendable, Hashable {
    public enum Basis: String, Sendable, Hashable, CaseIterable {
        /// Funding dedicated to the pact.
        case dedicated
        /// Droit commun, contracted elsewhere.
        case commonLawContracted = "common-law-contracted"
        /// Droit commun, not contracted.
        case commonLaw = "common-law"
    }

    public var partnerId: String
    public var year: Int
    public var amountCents: Int
    public var source: String
    public var basis: Basis

    public init(partnerId: String, year: Int, amountCents: Int, source: String, basis: Basis) {
        self.partnerId = partnerId
        self.year = year
        self.amountCents = amountCents
        self.source = source
        self.basis = basis
    }

    public init(json: JSONValue, path: String) throws(FieldError) {
        try self.init(reader: try ObjectReader(json, path: path))
    }

    init(reader: ObjectReader) throws(FieldError) {
        partnerId = try reader.string("partnerId")
        year = try reader.integer("year", in: 1900...2999)
        amountCents = try reader.cents("amountCents")
        source = try reader.string("source")
        basis = try reader.choice("basis", as: Basis.self)
    }
}

/// Premises, staff or volunteers a partner lends, at their valuation (shared shape `InKind`).
public struct InKindContribution: Sendable, Hashable {
    public var partnerId: String
    public var description: String
    public var valuationCents: Int

    public init(json: JSONValue, path: String) throws(FieldError) {
        try self.init(reader: try ObjectReader(json, path: path))
    }

    init(reader: ObjectReader) throws(FieldError) {
        partnerId = try reader.string("partnerId")
        description = try reader.string("description")
        valuationCents = try reader.cents("valuationCents")
    }
}
