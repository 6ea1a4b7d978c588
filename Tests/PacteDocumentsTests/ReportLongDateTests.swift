import PacteEvents
import Testing
@testable import PacteDocuments

/// Long French dates and the small formatting helpers of the report.
@Suite("Report: formatting")
struct ReportLongDateTests {
    @Test(arguments: [
        ("2025-03-12", "12 mars 2025"), ("2025-03-01", "1er mars 2025"), ("2026-08-31", "31 août 2026"),
        ("2024-12-25", "25 décembre 2024"), ("2025-02-01", "1er février 2025"), ("2025-01-09", "9 janvier 2025"),
    ])
    func longFrenchDate(date: String, expected: String) {
        #expect(LongDate.french(CivilDate(date)!) == expected)
    }

    @Test func periodAndMissingDate() {
        #expect(LongDate.period(from: CivilDate("2025-01-01")!, to: CivilDate("2026-10-31")!) == "du 1er janvier 2025 au 31 octobre 2026")
        #expect(LongDate.french(nil as CivilDate?) == "—")
        #expect(LongDate.shortMonthAndYear(CivilDate("2025-07-14")!) == "juil. 2025")
    }

    @Test(arguments: [(0.0, "0"), (12.5, "12.5"), (12.04, "12"), (-3.25, "-3.3"), (680, "680")])
    func svgCoordinates(value: Double, expected: String) {
        #expect(ChartCanvas.number(value) == expected)
    }

    @Test func budgetTicksAreRound() {
        #expect(BudgetChart.tickStep(for: 4_200_000) == 1_000_000)
        #expect(BudgetChart.tickStep(for: 100_000) == 20_000)
        #expect(BudgetChart.tickStep(for: 1) == 100)
    }

    @Test func monthTicksStayApart() {
        let ticks = ChartAxis.monthTicks(from: CivilDate("2025-01-10")!, to: CivilDate("2027-01-01")!, pixels: 400)
        #expect(ticks.first.map { $0.day == 1 } == true)
        #expect(ticks.count >= 3 && ticks.count <= 7)
        let close = ChartAxis.monthTicks(from: CivilDate("2025-02-20")!, to: CivilDate("2025-09-01")!, pixels: 480)
        #expect(close.map(\.month) == [3, 4, 5, 6, 7, 8, 9])
    }
}
