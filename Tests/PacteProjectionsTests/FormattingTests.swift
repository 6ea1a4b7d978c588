import PacteEvents
import PacteProjections
import Testing

@Suite("Wording")
struct FormattingTests {
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
