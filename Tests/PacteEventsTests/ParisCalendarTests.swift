import PacteEvents
import Testing

/// `CivilDate.paris(at:)`: the Europe/Paris date of a UTC moment (UTC+1, UTC+2 in summer
/// time, from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC).
struct ParisCalendarTests {
    @Test(arguments: [
        // Winter, UTC+1: the Paris day starts at 23:00 UTC the day before.
        ("2025-01-15T22:59:59Z", "2025-01-15"),
        ("2025-01-15T23:00:00Z", "2025-01-16"),
        ("2025-12-31T22:59:59Z", "2025-12-31"),
        ("2025-12-31T23:00:00Z", "2026-01-01"),
        ("2024-02-28T23:00:00Z", "2024-02-29"),
        // Summer, UTC+2: it starts at 22:00 UTC the day before.
        ("2025-07-01T21:59:59Z", "2025-07-01"),
        ("2025-07-01T22:00:00Z", "2025-07-02"),
        // 2025: summer time from Sunday 30 March to Sunday 26 October, 01:00 UTC.
        ("2025-03-29T22:59:59Z", "2025-03-29"),
        ("2025-03-29T23:00:00Z", "2025-03-30"),
        ("2025-03-30T21:59:59Z", "2025-03-30"),
        ("2025-03-30T22:00:00Z", "2025-03-31"),
        ("2025-10-25T21:59:59Z", "2025-10-25"),
        ("2025-10-25T22:00:00Z", "2025-10-26"),
        ("2025-10-26T22:59:59Z", "2025-10-26"),
        ("2025-10-26T23:00:00Z", "2025-10-27"),
        // 2024: from 31 March to 27 October.
        ("2024-03-30T22:30:00Z", "2024-03-30"),
        ("2024-03-31T22:30:00Z", "2024-04-01"),
        ("2024-10-26T22:30:00Z", "2024-10-27"),
        ("2024-10-27T22:30:00Z", "2024-10-27"),
        // 2026: from 29 March to 25 October.
        ("2026-03-28T22:30:00Z", "2026-03-28"),
        ("2026-03-29T22:30:00Z", "2026-03-30"),
        ("2026-10-24T22:30:00Z", "2026-10-25"),
        ("2026-10-25T22:30:00Z", "2026-10-25"),
        // 1970 (before the 1996 rule; computed with it, as documented).
        ("1970-01-01T00:00:00Z", "1970-01-01"),
    ])
    func parisDateOfAUTCMoment(_ utc: String, _ expected: String) throws {
        let moment = try #require(Timestamp(utc))
        #expect(CivilDate.paris(at: moment).description == expected)
    }

    @Test func theParisDateIsTheUTCDateOrTheNextDay() {
        // Every hour of 2025 and 2026: never behind UTC, never more than a day ahead.
        let start = Timestamp(date: CivilDate(year: 2025, month: 1, day: 1)!).secondsSinceEpoch
        for hour in 0..<(2 * 365 * 24) {
            let moment = Timestamp(secondsSinceEpoch: start + hour * 3600)
            let paris = CivilDate.paris(at: moment)
            let ahead = moment.date.days(until: paris)
            if ahead < 0 || ahead > 1 || (ahead == 1 && moment.secondOfDay < 22 * 3600) {
                Issue.record("\(moment) is \(paris) in Paris")
            }
        }
    }
}
