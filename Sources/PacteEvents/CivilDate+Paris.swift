#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CivilDate {
    /// The Europe/Paris calendar date at the UTC moment `now`: UTC+1, and UTC+2 from the
    /// last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC (the EU
    /// summer-time rule in force since 1996). No time-zone database is needed.
    public static func paris(at now: Timestamp) -> CivilDate {
        let year = now.date.year
        let summerStart = Timestamp(date: lastSunday(ofMonth: 3, in: year), hour: 1)
        let summerEnd = Timestamp(date: lastSunday(ofMonth: 10, in: year), hour: 1)
        let offsetHours = (now >= summerStart && now < summerEnd) ? 2 : 1
        return Timestamp(secondsSinceEpoch: now.secondsSinceEpoch + offsetHours * 3600).date
    }

    /// The last Sunday of `month` in `year`.
    static func lastSunday(ofMonth month: Int, in year: Int) -> CivilDate {
        // Unchecked: a clock past 9999 must not trap (appends refuse it; reads go on).
        let last = CivilDate(unchecked: year, month, numberOfDays(inMonth: month, of: year))
        // 1970-01-01 was a Thursday: weekday 0 = Sunday.
        let weekday = ((last.daysSinceEpoch % 7) + 7 + 4) % 7
        return last.adding(days: -weekday)
    }
}

extension Timestamp {
    /// The current UTC time, to the second, from the system clock.
    public static func now() -> Timestamp {
        var seconds = 0
        withUnsafeMutablePointer(to: &seconds) { pointer in
            _ = time(pointer)
        }
        return Timestamp(secondsSinceEpoch: seconds)
    }
}
