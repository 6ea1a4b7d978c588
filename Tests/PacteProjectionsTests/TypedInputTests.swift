import PacteEvents
import PacteProjections
import Testing

/// Dates, years and amounts as people type them.
@Suite("Typed dates and amounts")
struct TypedInputTests {
    @Test("dates accepted", arguments: [
        ("2025-03-15", "2025-03-15"), ("15/03/2025", "2025-03-15"), ("5/3/2025", "2025-03-05"), ("15.03.2025", "2025-03-15"),
        ("15-03-2025", "2025-03-15"), (" 29/02/2024 ", "2024-02-29"), ("31/12/2026", "2026-12-31"),
    ])
    func datesAccepted(text: String, stored: String) throws {
        #expect(try TypedDate.parse(text).description == stored)
    }

    @Test("impossible days say so", arguments: [
        ("30/02/2025", "le 30 février 2025 n'existe pas", "30 February 2025 does not exist"),
        ("2025-02-30", "le 30 février 2025 n'existe pas", "30 February 2025 does not exist"),
        ("29/02/2025", "le 29 février 2025 n'existe pas", "29 February 2025 does not exist"),
        ("31/04/2026", "le 31 avril 2026 n'existe pas", "31 April 2026 does not exist"),
    ])
    func impossibleDays(text: String, french: String, english: String) {
        #expect(throws: TypedInputError.self) { try TypedDate.parse(text) }
        do {
            _ = try TypedDate.parse(text)
        } catch {
            #expect(error.message(in: .french) == french)
            #expect(error.message(in: .english) == english)
        }
    }

    @Test("other dates refused with the forms to use", arguments: [
        ("15/03/25", TypedInputError.twoDigitYear("15/03/25")), ("2025/03/15", .malformedDate("2025/03/15")),
        ("15 mars 2025", .malformedDate("15 mars 2025")), ("", .malformedDate("")), ("15/13/2025", .monthOutOfRange(13)),
        ("2025-3-15x", .malformedDate("2025-3-15x")), ("123/03/2025", .malformedDate("123/03/2025")),
    ])
    func datesRefused(text: String, expected: TypedInputError) {
        #expect(throws: expected) { try TypedDate.parse(text) }
    }

    @Test func malformedDateMessageGivesTheForms() {
        #expect(TypedInputError.malformedDate("x").message(in: .french)
            == "attendu une date JJ/MM/AAAA ou AAAA-MM-JJ (par exemple 15/03/2025)")
    }

    @Test("years", arguments: [("2026", 2026), ("1900", 1900), ("2999", 2999)])
    func yearsAccepted(text: String, year: Int) throws {
        #expect(try TypedDate.year(text) == year)
    }

    @Test("years refused", arguments: [
        ("26", TypedInputError.malformedYear("26")), ("twenty", .malformedYear("twenty")), ("20266", .malformedYear("20266")),
        ("1899", .yearOutOfRange(1899)), ("3000", .yearOutOfRange(3000)),
    ])
    func yearsRefused(text: String, expected: TypedInputError) {
        #expect(throws: expected) { try TypedDate.year(text) }
    }

    @Test func twoDigitYearMessage() {
        #expect(TypedInputError.malformedYear("26").message(in: .french)
            == "une année sur quatre chiffres est attendue (par exemple 2026)")
        #expect(TypedInputError.malformedYear("26").message(in: .english) == "a four-digit year is expected (for example 2026)")
    }

    @Test("amounts", arguments: [
        ("1500", 150_000), ("1 500", 150_000), ("1 500,50", 150_050), ("1500.50", 150_050), ("1500,5", 150_050),
        ("1\u{202F}500,50 €", 150_050), ("1\u{00A0}500 €", 150_000), ("0,05", 5), ("12500.00", 1_250_000), ("€20", 2000),
        ("10000000000", 1_000_000_000_000), ("007", 700),
    ])
    func amounts(text: String, cents: Int) throws {
        #expect(try TypedAmount.cents(text) == cents)
    }

    @Test("amounts refused", arguments: [
        ("1500,505", TypedInputError.tooManyDecimals("1500,505")), ("1,500", .tooManyDecimals("1,500")),
        ("1.500,50", .mixedSeparators("1.500,50")), ("-5", .negativeAmount), ("abc", .malformedAmount("abc")),
        ("", .malformedAmount("")), ("1,2,3", .malformedAmount("1,2,3")), ("1.5e3", .malformedAmount("1.5e3")),
        ("10000000000,01", .amountTooLarge), ("99999999999999999999999", .amountTooLarge), ("12,", .malformedAmount("12,")),
    ])
    func amountsRefused(text: String, expected: TypedInputError) {
        #expect(throws: expected) { try TypedAmount.cents(text) }
    }

    @Test func amountMessages() {
        #expect(TypedInputError.tooManyDecimals("1,500").message(in: .french)
            == "au plus deux décimales (les centimes) ; 1 500 € s'écrit 1500 ou 1 500, sans virgule")
        #expect(TypedInputError.amountTooLarge.message(in: .french) == "montant invraisemblable : au plus 10 000 000 000,00 €")
    }
}
