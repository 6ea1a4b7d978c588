/// A partner of the pact: the porteur, the State, the département, the CAF, an
/// association… Shared shape `Partner` of format v1.
public struct Partner: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case state, region, department, epci, commune, ccas, caf, cpam, msa
        case franceTravail = "france-travail"
        case association, other
    }

    public var id: String
    public var name: String
    public var kind: Kind
    /// The body that must vote before the partner signs (« conseil municipal »), if any.
    public var statutoryBody: String?
    public var signatory: Signatory?

    public init(id: String, name: String, kind: Kind, statutoryBody: String? = nil, signatory: Signatory? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.statutoryBody = statutoryBody
        self.signatory = signatory
    }

    public init(json: JSONValue, path: String) throws(FieldError) {
        try self.init(reader: try ObjectReader(json, path: path))
    }

    init(reader: ObjectReader) throws(FieldError) {
        id = try reader.string("id")
        name = try reader.string("name")
        kind = try reader.choice("kind", as: Kind.self)
        statutoryBody = try reader.optionalString("statutoryBody")
        signatory = try reader.optionalObject("signatory").map { (object) throws(FieldError) in
            try Signatory(reader: object)
        }
    }
}

/// The person who signs for a partner.
public struct Signatory: Sendable, Hashable {
    public var name: String
    public var role: String

    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }

    public init(reader: ObjectReader) throws(FieldError) {
        name = try reader.string("name")
        role = try reader.string("role")
    }

    public var json: JSONValue {
        .object(JSONObject([JSONMember("name", .string(name)), JSONMember("role", .string(role))]))
    }
}

/// A target public (« public cible »).
public enum PublicKind: Sendable, Hashable, CustomStringConvertible {
    case children, youth, singleParentFamilies, excluded, workingPoor
    case other(String)

    /// The names of the publics the guidance lists, as written in the format.
    public static let namedCases = ["children", "youth", "single-parent-families", "excluded", "working-poor"]

    public init?(_ text: String) {
        switch text {
        case "children": self = .children
        case "youth": self = .youth
        case "single-parent-families": self = .singleParentFamilies
        case "excluded": self = .excluded
        case "working-poor": self = .workingPoor
        default:
            guard text.hasPrefix("other:"), text.count > "other:".count else { return nil }
            self = .other(String(text.dropFirst("other:".count)))
        }
    }

    public var description: String {
        switch self {
        case .children: "children"
        case .youth: "youth"
        case .singleParentFamilies: "single-parent-families"
        case .excluded: "excluded"
        case .workingPoor: "working-poor"
        case .other(let text): "other:" + text
        }
    }

    static func element(_ value: JSONValue, _ path: String) throws(FieldError) -> PublicKind {
        guard case .string(let text) = value, let kind = PublicKind(text) else {
            throw FieldError(path: path, expected: .publicName, found: ObjectReader.excerpt(value))
        }
        return kind
    }
}

/// The document a vote or signature is about: the convention, or amendment N.
public enum DocumentReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    case convention
    case amendment(Int)

    public init?(_ text: String) {
        if text == "convention" {
            self = .convention
            return
        }
        guard text.hasPrefix("amendment-"), let number = Int(text.dropFirst("amendment-".count)),
            number >= 1, String(number) == text.dropFirst("amendment-".count)
        else { return nil }
        self = .amendment(number)
    }

    public var description: String {
        switch self {
        case .convention: "convention"
        case .amendment(let number): "amendment-\(number)"
        }
    }

    public static func < (lhs: DocumentReference, rhs: DocumentReference) -> Bool {
        switch (lhs, rhs) {
        case (.convention, .amendment): true
        case (.amendment(let left), .amendment(let right)): left < right
        default: false
        }
    }
}
