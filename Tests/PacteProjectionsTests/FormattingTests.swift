import PacteEvents
import PactTesting
import PacteProjections
import Testing

@Suite("Wording")
struct FormattingTests {
    /// Percentages are rounded down everywhere: a failing 49.99 % never reads as 50 %.
    @Test("Percent", arguments: [
        (476, 1000, "47,6 %", "47.6 %", 47), (1, 3, "33,3 %", "33.3 %", 33), (2, 3, "66,6 %", "66.6 %", 66),
        (1, 2, "50,0 %", "50.0 %", 50), (4999, 10000, "49,9 %", "49.9 %", 49),
    ])
    func percent(part: Int, whole: Int, french: String, english: String, whole percent: Int) {
        let share = Share(part, of: whole)
        #expect(Formatted.percent(share, in: .french) == french)
        #expect(Formatted.percent(share, in: .english) == english)
        #expect(share.percentRoundedDown == percent)
        #expect(share.isAtLeastHalf == (part * 2 >= whole))
    }

    @Test func percentOfNothing() {
        #expect(Formatted.percent(Share(5, of: 0), in: .french) == "—")
        #expect(Share(0, of: 0).percentRoundedDown == nil)
        #expect(!Share(0, of: 0).isAtLeastHalf)
    }

    @Test("Euros", arguments: [
        (1_250_000, "12 500,00 €", "€12,500.00"), (5, "0,05 €", "€0.05"), (100, "1,00 €", "€1.00"),
        (123_456_789, "1 234 567,89 €", "€1,234,567.89"), (0, "0,00 €", "€0.00"),
    ])
    func euros(cents: Int, french: String, english: String) {
        #expect(Formatted.euros(cents, in: .french) == french)
        #expect(Formatted.euros(cents, in: .english) == english)
    }

    @Test func dates() {
        #expect(Formatted.date(day("2025-03-12"), in: .french) == "12/03/2025")
        #expect(Formatted.date(day("2025-03-12"), in: .english) == "2025-03-12")
    }

    @Test("Sources naming BOP 304 action 23", arguments: [
        "BOP 304 action 23", "BOP304 - action 23 « Pacte des solidarités »", "bop 304 / Action n° 23",
        "Action 23 du BOP 304", "BOP-304, action 23 (DREETS)",
    ])
    func acceptedSource(text: String) {
        #expect(CreditSource.namesBOP304Action23(text))
    }

    @Test("Sources that do not", arguments: [
        "BOP 177", "BOP 304", "action 23", "BOP 304 action 230", "BOP 3040 action 23", "crédits État", "",
    ])
    func refusedSource(text: String) {
        #expect(!CreditSource.namesBOP304Action23(text))
    }
}
