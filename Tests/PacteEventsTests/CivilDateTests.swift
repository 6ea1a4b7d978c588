import PacteEvents
import Testing

struct CivilDateTests {
    @Test(arguments: [
        ("2025-02-03", 2025, 2, 3),
        ("2024-02-29", 2024, 2, 29),
        ("2000-02-29", 2000, 2, 29),
        ("2025-12-31", 2025, 12, 31),
        ("0001-01-01", 1, 1, 1),
        ("9999-12-31", 9999, 12, 31),
        ("2025-04-30", 2025, 4, 30),
    ])
    func parsesValidDates(_ text: String, _ year: Int, _ month: Int, _ day: Int) throws {
        let date = try #require(CivilDate(text))
        #expect(date.year == year && date.month == month && date.day == day)
        #expect(date.description == text)
        #expect(CivilDate(year: year, month: month, day: day) == date)
    }

    @Test(arguments: [
        "2025-02-29",  // 2025 is not a leap year
        "1900-02-29",  // nor is 1900
        "2025-13-01", "2025-00-10", "2025-01-00", "2025-01-32", "2025-04-31", "2025-06-31",
        "0000-01-01",
        "2025-1-01", "2025-01-1", "25-01-01", "20250101", "2025/01/01", "2025-01-01 ",
        " 2025-01-01", "2025-01-01T00:00:00Z", "2025-01-01x", "+025-01-01", "-025-01-01",
        "2025-0a-01", "２０２５-01-01", "", "2025-01-0\u{0}",
    ])
    func refusesInvalidDates(_ text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test(arguments: [(2025, 2, 29), (2025, 13, 1), (2025, 0, 1), (0, 1, 1), (10_000, 1, 1), (2025, 1, 0), (2025, 11, 31)])
    func refusesDatesOffTheCalendar(_ year: Int, _ month: Int, _ day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test(arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-03-01", 11_017), ("2024-02-29", 19_782),
        ("2025-02-03", 20_122), ("1900-01-01", -25_567), ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ])
    func daysSinceEpochOfKnownDates(_ text: String, _ days: Int) throws {
        let date = try #require(CivilDate(text))
        #expect(date.daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == date)
    }

    @Test func daysSinceEpochRoundTripsDayByDay() throws {
        // Every day from 1899-12-31 to 2101-01-01 (leap years, centuries), checked
        // against a hand count of the calendar.
        var date = try #require(CivilDate(year: 1899, month: 12, day: 31))
        var days = date.daysSinceEpoch
        let end = try #require(CivilDate(year: 2101, month: 1, day: 1))
        while date < end {
            let next: CivilDate
            if date.day < CivilDate.numberOfDays(inMonth: date.month, of: date.year) {
                next = try #require(CivilDate(year: date.year, month: date.month, day: date.day + 1))
            } else if date.month < 12 {
                next = try #require(CivilDate(year: date.year, month: date.month + 1, day: 1))
            } else {
                next = try #require(CivilDate(year: date.year + 1, month: 1, day: 1))
            }
            days += 1
            // One expectation per failing day, not one per day (keeps the test fast).
            if next.daysSinceEpoch != days || CivilDate(daysSinceEpoch: days) != next
                || date.adding(days: 1) != next || next.adding(days: -1) != date
            {
                Issue.record("day arithmetic wrong around \(next) (day \(days))")
            }
            date = next
        }
    }

    @Test func daysSinceEpochRoundTripsOverTheWholeCalendar() {
        let first = -719_162  // 0001-01-01
        let last = 2_932_896  // 9999-12-31
        for days in stride(from: first, through: last, by: 997) {
            let date = CivilDate(daysSinceEpoch: days)
            if date.daysSinceEpoch != days || CivilDate(date.description) != date {
                Issue.record("round trip failed for day \(days) (\(date))")
            }
        }
        #expect(CivilDate(daysSinceEpoch: last).daysSinceEpoch == last)
    }

    @Test(arguments: [
        ("2025-08-31", 6, "2026-02-28"),
        ("2023-08-31", 6, "2024-02-29"),
        ("2025-01-31", 1, "2025-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2025-01-31", 3, "2025-04-30"),
        ("2025-03-31", -1, "2025-02-28"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2025-12-15", 1, "2026-01-15"),
        ("2025-01-15", -1, "2024-12-15"),
        ("2025-03-01", 12, "2026-03-01"),
        ("2025-03-01", -14, "2024-01-01"),
        ("2025-05-31", 0, "2025-05-31"),
        ("2025-10-31", 4, "2026-02-28"),
    ])
    func addingMonthsClampsToTheMonthsLastDay(_ start: String, _ months: Int, _ expected: String) throws {
        let date = try #require(CivilDate(start))
        #expect(date.adding(months: months).description == expected)
    }

    @Test(arguments: [
        (9999, 12, 31, 1, 10_000, 1, 31),
        (9999, 8, 31, 6, 10_000, 2, 29),
        (9999, 12, 1, 120, 10_009, 12, 1),
        (1, 1, 15, -1, 0, 12, 15),
        (1, 3, 31, -13, 0, 2, 29),
    ])
    func addingMonthsPastTheCalendarsEndsDoesNotTrap(
        _ year: Int, _ month: Int, _ day: Int, _ months: Int, _ newYear: Int, _ newMonth: Int, _ newDay: Int
    ) throws {
        // Dates read from a ledger go up to 9999-12-31; a deadline computed from one
        // (a signature window of up to 120 months) may fall after it.
        let date = try #require(CivilDate(year: year, month: month, day: day))
        let result = date.adding(months: months)
        #expect(result.year == newYear && result.month == newMonth && result.day == newDay)
        #expect((result.daysSinceEpoch > date.daysSinceEpoch) == (months > 0))
        #expect(CivilDate(daysSinceEpoch: result.daysSinceEpoch) == result)
    }

    @Test func daysUntil() throws {
        let start = try #require(CivilDate("2025-03-01"))
        #expect(start.days(until: try #require(CivilDate("2026-02-28"))) == 364)
        #expect(start.days(until: start) == 0)
        #expect(try #require(CivilDate("2025-03-02")).days(until: start) == -1)
        #expect(CivilDate.startOfYear(2025).description == "2025-01-01")
        #expect(CivilDate.endOfYear(2026).description == "2026-12-31")
    }

    @Test func leapYears() {
        #expect(CivilDate.isLeapYear(2024))
        #expect(CivilDate.isLeapYear(2000))
        #expect(!CivilDate.isLeapYear(1900))
        #expect(!CivilDate.isLeapYear(2025))
        #expect(CivilDate.numberOfDays(inMonth: 2, of: 2024) == 29)
        #expect(CivilDate.numberOfDays(inMonth: 2, of: 2100) == 28)
        #expect(CivilDate.numberOfDays(inMonth: 9, of: 2025) == 30)
    }

    @Test(arguments: [
        ("2025-01-31", "2025-02-01"), ("2024-12-31", "2025-01-01"), ("2025-02-03", "2025-02-04"),
        ("2025-09-30", "2025-10-01"), ("0999-12-31", "1000-01-01"),
    ])
    func comparesChronologically(_ earlier: String, _ later: String) throws {
        let first = try #require(CivilDate(earlier))
        let second = try #require(CivilDate(later))
        #expect(first < second)
        #expect(!(second < first))
        #expect(first != second)
        #expect(first <= first && first == CivilDate(earlier))
        #expect(max(first, second) == second)
    }

    @Test func sortsByDateNotByText() throws {
        let texts = ["2025-10-01", "2025-09-30", "2024-12-31", "2025-01-01", "2025-02-28"]
        let dates = try texts.map { try #require(CivilDate($0)) }
        #expect(dates.sorted().map(\.description) == ["2024-12-31", "2025-01-01", "2025-02-28", "2025-09-30", "2025-10-01"])
    }
}

struct TimestampTests {
    @Test(arguments: [
        ("2025-02-03T08:30:00Z", 1_738_571_400),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59Z", -1),
        ("2024-02-29T23:59:59Z", 1_709_251_199),
        ("2000-01-01T12:00:00Z", 946_728_000),
    ])
    func parsesAndDescribes(_ text: String, _ seconds: Int) throws {
        let timestamp = try #require(Timestamp(text))
        #expect(timestamp.description == text)
        #expect(timestamp.secondsSinceEpoch == seconds)
        #expect(Timestamp(secondsSinceEpoch: seconds) == timestamp)
    }

    @Test func fieldsOfAParsedTimestamp() throws {
        let timestamp = try #require(Timestamp("2025-03-20T10:15:07Z"))
        #expect(timestamp.date == CivilDate(year: 2025, month: 3, day: 20))
        #expect(timestamp.secondOfDay == 10 * 3600 + 15 * 60 + 7)
        #expect(Timestamp(date: timestamp.date, hour: 10, minute: 15, second: 7) == timestamp)
    }

    @Test(arguments: [
        "2025-02-03T08:30:00", "2025-02-03 08:30:00Z", "2025-02-03t08:30:00Z", "2025-02-03T08:30:00z",
        "2025-02-03T24:00:00Z", "2025-02-03T08:60:00Z", "2025-02-03T08:30:60Z", "2025-02-29T08:30:00Z",
        "2025-02-03T08:30:00.5Z", "2025-02-03T08:30:00+00:00", "2025-02-03T8:30:00Z", "2025-02-03T08:30Z",
        "2025-02-03T08:30:00Z ", "2025-02-03", "", "2025-02-03T08-30-00Z",
    ])
    func refusesInvalidTimestamps(_ text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test func secondsSinceEpochRoundTrip() {
        for seconds in stride(from: -200_000, through: 200_000, by: 3_607) {
            let timestamp = Timestamp(secondsSinceEpoch: seconds)
            #expect(timestamp.secondsSinceEpoch == seconds)
            #expect((0..<86_400).contains(timestamp.secondOfDay))
            #expect(Timestamp(timestamp.description) == timestamp)
        }
    }

    @Test func comparesChronologically() throws {
        let a = try #require(Timestamp("2025-02-03T23:59:59Z"))
        let b = try #require(Timestamp("2025-02-04T00:00:00Z"))
        let c = try #require(Timestamp("2025-02-04T00:00:01Z"))
        #expect(a < b && b < c && a < c)
        #expect(!(b < a))
        #expect(max(a, c) == c)
    }
}
