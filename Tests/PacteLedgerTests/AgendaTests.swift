import Foundation
import PactTesting
import ICSTesting
import PacteEvents
import PacteProjections
import Testing
@testable import pacte_ledger

/// `agenda` on the example ledger at several dates, and its calendar file.
@Suite("Agenda")
struct AgendaTests {
    static let example = ReportFixtures.example
    static let events = try! LedgerFile(path: example).read().events

    static func agenda(_ today: String, asOf: String? = nil, knownAt: String? = nil) -> Agenda {
        Agenda(events: events, asOf: asOf.map { CivilDate($0)! }, knownAt: knownAt.map { Timestamp($0)! }, today: CivilDate(today)!)
    }

    static func keys(_ agenda: Agenda) -> [String] {
        agenda.items.map { "\($0.kind.rawValue) \($0.subject) \($0.due)" }
    }

    /// 15 March 2025: the convention sent on 24 February; the community and the State
    /// signed; the CAF, the département and the association must vote then sign, France
    /// Travail (no statutory body) sign, by 24 August; four partners have not voted the
    /// money planned for 2025 yet, the community not for 2026; both State-funded actions
    /// must end by their limits.
    @Test func whileTheConventionIsInSignature() {
        let agenda = Self.agenda("2025-03-15")
        #expect(Self.keys(agenda) == [
            "approval-vote convention/asso-relais 2025-08-24", "approval-vote convention/caf-31 2025-08-24",
            "approval-vote convention/cd-31 2025-08-24", "signature convention/ft-occitanie 2025-08-24",
            "commitment-vote caf-31/2025 2025-12-31", "commitment-vote cd-31/2025 2025-12-31",
            "commitment-vote ddets-31/2025 2025-12-31", "commitment-vote ft-occitanie/2025 2025-12-31",
            "state-funding-end A1/2025 2026-09-14", "state-funding-end A2/2025 2026-09-30",
            "commitment-vote cc-coteaux/2026 2026-12-31",
        ])
        let first = agenda.items[0]
        #expect(first.daysLeft == 162)
        #expect(first.requestedOn == CivilDate("2025-02-24"))
        #expect(!first.isOverdue)
    }

    /// The dates are the projections' own: the timeline's target date, the funding
    /// window's latest end.
    @Test(arguments: ["2025-03-15", "2025-06-01", "2025-10-01", "2026-03-20", "2026-04-20"])
    func datesComeFromTheProjections(today: String) {
        let agenda = Self.agenda(today)
        let timeline = SigningTimeline(events: Self.events, asOf: CivilDate(today)!, today: CivilDate(today)!)
        for item in agenda.items {
            #expect(item.daysLeft == agenda.date.days(until: item.due))
            switch item.kind {
            case .approvalVote, .signature:
                let document = timeline.documents.first { $0.document == item.document }
                #expect(item.due == document?.targetDate)
                let partner = document?.partners.first { $0.partnerId == item.partnerId }
                #expect(partner != nil && partner?.state != .signed)
            case .stateFundingEnd:
                let window = timeline.stateFundedActions.first { $0.actionId == item.actionId && $0.year == item.year }
                #expect(item.due == window?.latestAllowedEnd)
            default:
                break
            }
        }
    }

    /// 1 October 2025: in force since 8 September; the yearly meeting is still to hold.
    @Test func afterEntryIntoForce() {
        let keys = Self.keys(Self.agenda("2025-10-01"))
        #expect(keys.contains("governance-meeting 2025 2025-12-31"))
        #expect(!keys.contains { $0.hasPrefix("signature") || $0.hasPrefix("approval-vote") })
        #expect(keys.contains("state-funding-end A2/2025 2026-09-30"))
    }

    /// 20 March 2026: the extension of A2 requested on 2 March awaits its decision before
    /// A2's current end; the meeting planned on 9 December 2025 is on 25 June.
    @Test func extensionAwaitingDecision() {
        let agenda = Self.agenda("2026-03-20")
        let decision = try! #require(agenda.items.first { $0.kind == .extensionDecision })
        #expect(decision.actionId == "A2")
        #expect(decision.due == CivilDate("2026-06-30"))
        #expect(decision.requestedEnd == CivilDate("2026-10-31"))
        #expect(decision.seq == [45])
        let meeting = try! #require(agenda.items.first { $0.kind == .governanceMeeting })
        #expect(meeting.due == CivilDate("2026-06-25"))
        #expect(meeting.isPlannedMeeting)
        // Decided on 30 March: gone.
        #expect(!Self.agenda("2026-04-20").items.contains { $0.kind == .extensionDecision })
    }

    /// After the closure on 16 November 2026, nothing is due.
    @Test func nothingDueOnceClosed() {
        #expect(Self.agenda("2026-11-20").items.isEmpty)
        #expect(!Self.agenda("2026-06-01").items.isEmpty)
    }

    /// `--as-of` and `--known-at`: the CAF's vote and signature (April) were recorded on
    /// 2 May; known at 30 April, they are still awaited.
    @Test func asOfAndKnownAt() {
        #expect(Self.keys(Self.agenda("2026-01-01", asOf: "2025-03-15")) == Self.keys(Self.agenda("2025-03-15")))
        let known = Self.keys(Self.agenda("2025-05-01", knownAt: "2025-04-30T23:59:59Z"))
        #expect(known.contains("approval-vote convention/caf-31 2025-08-24"))
        let later = Self.keys(Self.agenda("2025-05-01"))
        #expect(!later.contains { $0.contains("convention/caf-31") })
    }

    /// Overdue deadlines count negative days.
    @Test func overdue() {
        // The département signed on 8 September, after the 24 August target.
        let agenda = Self.agenda("2025-09-01")
        let late = try! #require(agenda.items.first { $0.subject == "convention/cd-31" })
        #expect(late.daysLeft == -8)
        #expect(late.isOverdue)
    }

    // MARK: - The command

    @Test func textInFrenchAndEnglish() {
        let french = ReportFixtures.run(["agenda", Self.example, "--today", "15/03/2025"])
        #expect(french.exitCode == 0)
        #expect(french.standardOutput.contains("24/08/2025  dans 162 jours"))
        #expect(french.standardOutput.contains("Délibération puis signature de la convention : Caisse d'allocations"))
        #expect(french.standardOutput.contains("11 échéances."))
        for line in french.standardOutput.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        let english = ReportFixtures.run(["agenda", Self.example, "--today", "2025-09-01", "--lang", "en"])
        #expect(english.standardOutput.contains("2025-08-24  8 days overdue"))
        let closed = ReportFixtures.run(["agenda", Self.example, "--today", "2026-11-20"])
        #expect(closed.standardOutput.contains("Rien n'est dû"))
    }

    @Test func json() throws {
        let output = ReportFixtures.run(["agenda", Self.example, "--today", "2026-03-20", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        #expect(object["date"] as? String == "2026-03-20")
        #expect(object["pactId"] as? String == "pacte-coteaux-aussonne-2025")
        let items = try #require(object["items"] as? [[String: Any]])
        let decision = try #require(items.first { $0["kind"] as? String == "extension-decision" })
        #expect(decision["due"] as? String == "2026-06-30")
        #expect(decision["daysLeft"] as? Int == 102)
        #expect(decision["overdue"] as? Bool == false)
        #expect(decision["seq"] as? [Int] == [45])
    }

    @Test func badTodaySaysWhatToWrite() {
        let output = ReportFixtures.run(["agenda", Self.example, "--today", "31/06/2025"])
        #expect(output.exitCode == 2)
        #expect(output.standardError.contains("--today « 31/06/2025 » : le 31 juin 2025 n'existe pas"))
    }

    // MARK: - The calendar file

    @Test(arguments: ["2025-03-15", "2025-09-01", "2025-10-01", "2026-03-20", "2026-04-20", "2026-11-20"])
    func calendarPassesTheStrictCheck(today: String) throws {
        let output = ReportFixtures.run(["agenda", Self.example, "--today", today, "--ics"])
        #expect(output.exitCode == 0)
        let checker = ICSChecker(Array(output.standardOutput.utf8))
        #expect(checker.problems == [])
        let calendar = try #require(checker.calendar)
        let events = calendar.children.filter { $0.name == "VEVENT" }
        #expect(events.count == Self.agenda(today).items.count)
        for event in events {
            #expect(event.values("DTSTAMP") == [String(ReportFixtures.commandNow.description.filter { $0 != "-" && $0 != ":" })])
            #expect(event.values("SEQUENCE") == [String(Self.events.count)])
        }
    }

    /// The same deadline keeps its UID from one export to the next (its date may move),
    /// so that importing again updates the event; a longer ledger raises SEQUENCE.
    @Test func uidsAreStable() throws {
        func uids(_ today: String) -> [String: String] {
            let text = ReportFixtures.run(["agenda", Self.example, "--today", today, "--ics"]).standardOutput
            let calendar = ICSChecker(Array(text.utf8)).calendar
            var result: [String: String] = [:]
            for event in calendar?.children ?? [] { result[event.values("UID")[0]] = event.values("DTSTART")[0] }
            return result
        }
        let march = uids("2025-03-15")
        let june = uids("2025-06-01")
        let department = "approval-vote.convention.cd-31.pacte-coteaux-aussonne-2025@pacte-ledger"
        #expect(march[department] == "20250824")
        #expect(june[department] == "20250824")
        // France Travail signed on 5 May: its deadline is gone in June.
        #expect(march["signature.convention.ft-occitanie.pacte-coteaux-aussonne-2025@pacte-ledger"] == "20250824")
        #expect(june["signature.convention.ft-occitanie.pacte-coteaux-aussonne-2025@pacte-ledger"] == nil)
    }

    @Test func calendarToAFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("pacte.ics")
        let output = ReportFixtures.run(["agenda", Self.example, "--today", "2025-03-15", "--ics", "--output", path])
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.contains("Calendrier iCalendar écrit dans \(path) (11 échéances)."))
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(ICSChecker(bytes).problems == [])
    }
}
