import PacteEvents

/// A small seeded corpus of pacts, each the baseline (``PactFixture/baseline``) with its
/// timings varied along the judgments the outputs show: action A1's State window
/// (breached by its start, by year N, by its end), an extension with or without an
/// avenant in force, the voted co-financing (well above half, exactly 50 %, 49.99 %,
/// votes awaited), the signatures (on time, late, missing), the governance years met or
/// missed, and the pact closed at term or terminated early.
///
/// Every option of every dimension appears in the corpus (each dimension's options are
/// dealt in a seeded order, cycling), and the same seed gives the same corpus.
public struct GeneratedCorpus: Sendable {
    /// One generated pact: its name says its options.
    public struct Pact: Sendable, CustomStringConvertible {
        public var name: String
        public var fixture: PactFixture
        public var description: String { name }
    }

    public var pacts: [Pact]

    /// `count` pacts drawn with `seed` (at least 4, so that every option appears).
    public init(count: Int = 12, seed: UInt64 = 2025) {
        var generator = SeededGenerator(seed: seed)
        let dimensions = [Window.allCases.count, Extension.allCases.count, Cofinancing.allCases.count, Signing.allCases.count,
                          Governance.allCases.count, Closure.allCases.count]
        let orders = dimensions.map { Array(0..<$0).shuffled(using: &generator) }
        pacts = (0..<count).map { index in
            let pick = orders.map { $0[index % $0.count] }
            let options = Options(
                window: Window.allCases[pick[0]], extension: Extension.allCases[pick[1]], cofinancing: Cofinancing.allCases[pick[2]],
                signing: Signing.allCases[pick[3]], governance: Governance.allCases[pick[4]], closure: Closure.allCases[pick[5]])
            return Pact(name: "generated-\(index + 1) (" + options.description + ")", fixture: options.fixture)
        }
    }

    // MARK: - The options

    /// A1's schedule against its State window (year N = 2025, the State's vote).
    public enum Window: String, Sendable, CaseIterable {
        /// 2025-07-01 to 2026-06-30: inside.
        case within
        /// Starts on 2025-04-01, before the convention is in force (2025-05-05 at best).
        case startBeforeEntryIntoForce = "start-early"
        /// Starts on 2026-01-15, outside year N.
        case startOutsideYear = "start-outside-N"
        /// Ends on 2026-07-31, 13 months after its start.
        case endBeyondLimit = "end-late"
    }

    /// An extension of A1 to 2026-09-30, decided on 2026-02-15.
    public enum Extension: String, Sendable, CaseIterable {
        case none = "no-extension"
        /// Granted and written in the sheet, but carried by no avenant.
        case withoutAmendment = "extension-no-avenant"
        /// Carried by avenant 1, in force on 2026-04-02 (the State's signature).
        case amendmentInForce = "extension-avenant"
        /// Carried by avenant 1, which the State never signs.
        case amendmentPending = "extension-avenant-pending"
    }

    /// A1's co-financing in 2025, planned and voted alike (the porteur brings 30 000 €).
    public enum Cofinancing: String, Sendable, CaseIterable {
        /// State 40 000 €, others 50 000 €.
        case above = "cofinanced"
        /// State 40 000 €, others 40 000 €: exactly half.
        case exactlyHalf = "cofinancing-50%"
        /// State 40 008 €, others 39 992 €: 49.99 %.
        case justBelowHalf = "cofinancing-49.99%"
        /// The Department planned 20 000 € and never votes: votes awaited in 2025, a
        /// shortfall once the year is over.
        case awaitingVotes = "votes-awaited"
    }

    /// The convention's signatures (sent on 2025-03-03, target 2025-09-03).
    public enum Signing: String, Sendable, CaseIterable {
        case onTime = "signed-on-time"
        /// The State signs on 2025-10-15, after the target.
        case stateLate = "state-signs-late"
        /// The State never signs: late from 2025-09-04, the convention never in force.
        case stateMissing = "state-never-signs"
        /// The Department signs on 2025-09-20, after the target.
        case departmentLate = "department-signs-late"
    }

    /// The governance body's meetings.
    public enum Governance: String, Sendable, CaseIterable {
        /// 2025, 2026 and 2027.
        case everyYear = "governance-every-year"
        /// 2026 only.
        case missed2025 = "governance-missed-2025"
        /// 2025 only.
        case firstYearOnly = "governance-2025-only"
        case never = "governance-never"
    }

    public enum Closure: String, Sendable, CaseIterable {
        case open
        /// Closed at term on 2027-12-31.
        case atTerm = "closed-at-term"
        /// Terminated on 2026-10-01.
        case terminatedEarly = "terminated-early"
    }

    public struct Options: Sendable, CustomStringConvertible {
        public var window: Window
        public var `extension`: Extension
        public var cofinancing: Cofinancing
        public var signing: Signing
        public var governance: Governance
        public var closure: Closure

        public var description: String {
            [window.rawValue, `extension`.rawValue, cofinancing.rawValue, signing.rawValue, governance.rawValue, closure.rawValue]
                .joined(separator: ", ")
        }

        /// The baseline with these options.
        public var fixture: PactFixture {
            var pact = PactFixture.baseline.without("copil-2025")
            let schedule: (start: String, end: String) = switch window {
            case .within: ("2025-07-01", "2026-06-30")
            case .startBeforeEntryIntoForce: ("2025-04-01", "2026-03-31")
            case .startOutsideYear: ("2026-01-15", "2026-12-31")
            case .endBeyondLimit: ("2025-07-01", "2026-07-31")
            }
            pact = pact.setting("a1", "sheet.schedule", #"{"start":"\#(schedule.start)","end":"\#(schedule.end)"}"#)

            let (stateCents, departmentCents) = switch cofinancing {
            case .above, .awaitingVotes: (4_000_000, 2_000_000)
            case .exactlyHalf: (4_000_000, 1_000_000)
            case .justBelowHalf: (4_000_800, 999_200)
            }
            pact = pact.setting("a1", "sheet.funding", """
                [{"partnerId":"etat","year":2025,"amountCents":\(stateCents),"source":"BOP 304 action 23","basis":"dedicated"},
                 {"partnerId":"cc-val","year":2025,"amountCents":3000000,"source":"budget intercommunal","basis":"dedicated"},
                 {"partnerId":"cd11","year":2025,"amountCents":\(departmentCents),"source":"budget départemental","basis":"common-law-contracted"}]
                """)
            pact = pact.setting("commit-etat", "lines", #"[{"actionId":"A1","amountCents":\#(stateCents),"source":"BOP 304 action 23","basis":"dedicated"}]"#)
            if cofinancing == .awaitingVotes {
                pact = pact.without("commit-cd")
            } else {
                pact = pact.setting(
                    "commit-cd", "lines", #"[{"actionId":"A1","amountCents":\#(departmentCents),"source":"budget départemental","basis":"common-law-contracted"}]"#)
            }

            switch signing {
            case .onTime: break
            case .stateLate: pact = pact.moving("sign-etat", to: "2025-10-15")
            case .stateMissing: pact = pact.without("sign-etat")
            case .departmentLate: pact = pact.moving("sign-cd", to: "2025-09-20")
            }

            let meetings: [Int] = switch governance {
            case .everyYear: [2025, 2026, 2027]
            case .missed2025: [2026]
            case .firstYearOnly: [2025]
            case .never: []
            }
            for year in meetings {
                pact = pact.adding("copil-\(year)", .governanceHeld, "\(year)-11-15", """
                    {"body":"comité de pilotage","attendees":["cc-val","etat","cd11","caf11"],"decisions":["bilan \(year)"],"commitmentsPresented":[\(year)],"actionsReviewed":["A1","A2"]}
                    """)
            }

            if `extension` != .none {
                // The new end lies after the current one (a year later for a start in 2026).
                let newEnd = window == .startOutsideYear ? "2027-03-31" : "2026-09-30"
                let amendment = `extension` == .withoutAmendment ? "" : #","amendment":1"#
                pact = pact
                    .adding("ext-req", .extensionRequested, "2026-02-01", """
                        {"actionId":"A1","currentEnd":"\(schedule.end)","requestedEnd":"\(newEnd)","reason":"Retard des travaux","requestedBy":"cc-val"}
                        """)
                    .adding("ext-dec", .extensionDecided, "2026-02-15", #"{"request":"ext-req","decision":"granted","newEnd":"\#(newEnd)"\#(amendment)}"#)
                    .adding("a1-amend", .actionAmended, "2026-02-15", """
                        {"actionId":"A1","changes":{"schedule":{"start":"\(schedule.start)","end":"\(newEnd)"}},"reason":"Prorogation accordée"\(amendment)}
                        """)
            }
            if `extension` == .amendmentInForce || `extension` == .amendmentPending {
                // Avenant 1 as in ``PactFixture/withAmendment``: proposed, sent, voted, signed
                // (by the State on 2026-04-02 only when in force).
                var keys: Set = ["amend-1", "req-1", "vote-cc-1", "vote-cd-1", "sign-cc-1", "sign-caf-1", "sign-cd-1"]
                if `extension` == .amendmentInForce { keys.insert("sign-etat-1") }
                pact.steps += PactFixture.withAmendment.steps.filter { keys.contains($0.key) }
            }

            switch closure {
            case .open: break
            case .atTerm: pact = pact.adding("closed", .pactClosed, "2027-12-31", #"{"reason":"term","summary":"terme"}"#)
            case .terminatedEarly: pact = pact.adding("closed", .pactClosed, "2026-10-01", #"{"reason":"terminated","summary":"résiliation"}"#)
            }
            return pact
        }
    }
}
