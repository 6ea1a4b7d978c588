import PacteEvents

/// What `check` reports about one rule: its id, severity, a message a user can act on
/// (in French and in English), and the `seq` of the events involved.
public struct Finding: Sendable, Hashable {
    public var rule: Rule
    public var severity: Severity
    /// The `seq` of the events involved, ascending, each once.
    public var seq: [Int]
    public var frenchMessage: String
    public var englishMessage: String

    public init(rule: Rule, severity: Severity, french: String, english: String, seq: [Int]) {
        self.rule = rule
        self.severity = severity
        self.frenchMessage = french
        self.englishMessage = english
        self.seq = Array(Set(seq)).sorted()
    }

    /// The rule's id (`PRIO-COUNT`).
    public var ruleId: String { rule.rawValue }

    public func message(in language: Language) -> String {
        language == .french ? frenchMessage : englishMessage
    }

    /// `{"rule","severity","message","seq"}`, the message in `language`.
    public func jsonValue(in language: Language) -> JSONValue {
        .object([
            "rule": .string(rule.rawValue), "severity": .string(severity.rawValue),
            "message": .string(message(in: language)), "seq": .integers(seq),
        ])
    }
}

extension Array where Element == Finding {
    /// The findings as a JSON array of `{"rule","severity","message","seq"}`.
    public func jsonValue(in language: Language) -> JSONValue {
        .array(map { $0.jsonValue(in: language) })
    }
}
