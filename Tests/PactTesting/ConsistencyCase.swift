import PacteEvents
import PacteProjections

/// A ledger the consistency tests read, and the dates it is read at (`--as-of`,
/// `--today`): every ledger the tests have — the example, the scenario of the one-truth
/// issue, the seeded generated corpus and the rule fixtures — at several dates.
public struct ConsistencyCase: Sendable, CustomStringConvertible {
    public enum Ledger: Sendable {
        /// A ledger file of the repository.
        case file(String)
        /// ``ReportFixtures/hostileLedger(in:name:text:)`` with plain text: State-funded A1
        /// starts on 2025-03-01 while the State has not signed.
        case scenario
        case fixture(PactFixture)
    }

    public var name: String
    public var ledger: Ledger
    public var asOf: String?
    public var today: String

    public var description: String { name + " as of " + (asOf ?? "-") + ", today " + today }

    /// The ledger's file: the repository's, or written in `folder`.
    public func path(in folder: TemporaryFolder) throws -> String {
        switch ledger {
        case .file(let path):
            return path
        case .scenario:
            return try ReportFixtures.hostileLedger(in: folder, name: "scenario.jsonl", text: "(fictif)")
        case .fixture(let fixture):
            let path = folder.path("fixture.jsonl")
            try fixture.write(to: path)
            return path
        }
    }

    /// A date after every year of every ledger: each year is over.
    public static let afterEveryYear = "2028-06-30"

    /// The example ledger, as of dates through its life (mid-signing, votes awaited, in
    /// force, amended, after its years).
    public static let example: [ConsistencyCase] = [nil, "2025-02-25", "2025-06-30", "2025-08-30", "2026-04-20", "2027-01-01"]
        .map { ConsistencyCase(name: "example", ledger: .file(ReportFixtures.example), asOf: $0, today: "2026-12-01") }
        + [ConsistencyCase(name: "example", ledger: .file(ReportFixtures.example), asOf: nil, today: afterEveryYear)]

    /// The one-truth scenario before, on and after A1's start, and after every year. Its
    /// last fact is dated 2025-02-02: the day before, the pact is seen as of that day.
    public static let scenario: [ConsistencyCase] = ["2025-02-01", "2025-03-01", "2025-03-02", "2026-12-01", "2027-01-02", afterEveryYear]
        .map { ConsistencyCase(name: "scenario", ledger: .scenario, asOf: $0 < "2025-02-02" ? $0 : nil, today: $0) }

    /// Each generated pact as it stood on several dates — votes still awaited (June
    /// 2025), after the signing target, while the avenant is signed, after its first
    /// years — and after every year.
    public static let generated: [ConsistencyCase] = GeneratedCorpus().pacts.flatMap { pact in
        ["2025-06-01", "2025-12-01", "2026-03-01", "2026-05-01", "2027-01-15"].map {
            ConsistencyCase(name: pact.name, ledger: .fixture(pact.fixture), asOf: $0, today: $0)
        } + [ConsistencyCase(name: pact.name, ledger: .fixture(pact.fixture), asOf: nil, today: afterEveryYear)]
    }

    /// Every fixture of the rule tables (firing and quiet) at the dates its case judges
    /// it, once per fixture and dates. A fixture holding facts dated after its `today` is
    /// seen as of `today` (every output then reads the same facts). Left out: the few
    /// fixtures the reader refuses (a reference to a priority the ledger never set),
    /// which no output can show.
    public static let ruleFixtures: [ConsistencyCase] = {
        var seen: Set<[UInt8]> = []
        var cases: [ConsistencyCase] = []
        for situation in ruleTables where readingError(of: situation.fixture) == nil {
            let today = situation.today.description
            let later = situation.fixture.steps.contains { $0.effective > today }
            let asOf = situation.asOf?.description ?? (later ? today : nil)
            guard seen.insert(situation.fixture.bytes + Array("\(asOf ?? "-") \(today)".utf8)).inserted else { continue }
            cases.append(ConsistencyCase(name: situation.description, ledger: .fixture(situation.fixture), asOf: asOf, today: today))
        }
        return cases
    }()

    /// Every case of the rule tables, firing and quiet.
    public static var ruleTables: [RuleCase] {
        firingCases + structureFiringCases + boundaryFiringCases + quietCases + structureQuietCases + boundaryQuietCases
    }

    /// Why the reader refuses the fixture's ledger file (`nil` when it reads it).
    public static func readingError(of fixture: PactFixture) -> (any Error)? {
        do {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let path = folder.path("fixture.jsonl")
            try fixture.write(to: path)
            _ = try LedgerFile(path: path).read()
            return nil
        } catch {
            return error
        }
    }

    /// Every ledger at every date.
    public static var all: [ConsistencyCase] { example + scenario + generated + ruleFixtures }
}
