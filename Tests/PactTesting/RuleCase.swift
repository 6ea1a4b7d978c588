import PacteEvents
import PacteProjections

/// One situation of the rule table: a fixture, the date it is judged at, and what must
/// (or must not) be found.
public struct RuleCase: Sendable, CustomStringConvertible {
    public var name: String
    public var rule: Rule
    public var severity: Severity
    public var fixture: PactFixture
    public var today: CivilDate = PactFixture.today
    public var asOf: CivilDate?
    /// Fragments the French message must contain.
    public var french: [String] = []

    public var description: String { "\(rule.id): \(name)" }

    public init(
        name: String, rule: Rule, severity: Severity, fixture: PactFixture, today: CivilDate = PactFixture.today,
        asOf: CivilDate? = nil, french: [String] = []
    ) {
        self.name = name
        self.rule = rule
        self.severity = severity
        self.fixture = fixture
        self.today = today
        self.asOf = asOf
        self.french = french
    }

    /// The findings of ``rule`` on the fixture, judged at ``asOf`` and ``today``.
    public func findings() -> [Finding] {
        RuleCheck.findings(events: fixture.events, asOf: asOf, today: today).filter { $0.rule == rule }
    }
}
