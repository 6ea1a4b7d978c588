import PacteEvents

/// Where the pact stands: drafted → presented → submitted → validated → in signature →
/// in force → closed. The status only moves forward: a step recorded late (a
/// validation after the signature request) does not move it back.
public enum PactStatus: String, Sendable, Hashable, CaseIterable, Comparable {
    case drafted
    case presented
    case submitted
    case validated
    case inSignature = "in-signature"
    case inForce = "in-force"
    case closed

    public static func < (lhs: PactStatus, rhs: PactStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// A short label for people.
    public func label(in language: Language) -> String {
        switch (self, language) {
        case (.drafted, .french): "en rédaction"
        case (.presented, .french): "présenté aux partenaires"
        case (.submitted, .french): "soumis à l'État et au commissaire"
        case (.validated, .french): "validé"
        case (.inSignature, .french): "en signature"
        case (.inForce, .french): "en vigueur"
        case (.closed, .french): "clos"
        case (.drafted, .english): "drafted"
        case (.presented, .english): "presented to partners"
        case (.submitted, .english): "submitted to the State and the Commissioner"
        case (.validated, .english): "validated"
        case (.inSignature, .english): "in signature"
        case (.inForce, .english): "in force"
        case (.closed, .english): "closed"
        }
    }
}

/// A step of the pact's status: reached on `since`, by the event `source`.
public struct PactStatusChange: Sendable, Hashable {
    public var status: PactStatus
    public var since: CivilDate
    public var source: EventReference
}
