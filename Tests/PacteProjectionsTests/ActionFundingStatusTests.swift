@testable import PacteProjections
import Testing

/// An action's years taken together: the worst of them, as `check` judges each.
struct ActionFundingStatusTests {
    @Test(arguments: [
        ([ActionFunding.Status](), ActionFunding.Status.notStateFunded),
        ([.notStateFunded, .notStateFunded], .notStateFunded),
        ([.notStateFunded, .cofinanced], .cofinanced),
        ([.cofinanced, .awaitingVotes, .cofinanced], .awaitingVotes),
        ([.awaitingVotes, .shortfall], .shortfall),
        ([.shortfall, .cofinanced, .notStateFunded], .shortfall),
    ])
    func yearsTogetherTakeTheWorst(_ statuses: [ActionFunding.Status], _ expected: ActionFunding.Status) {
        #expect(ActionFunding.Status.combining(statuses) == expected)
    }

    /// One action's years of one kind of money, summed as the budget shows them.
    @Test func yearsTogetherAddTheirCashAndTakeTheWorstJudgment() {
        func year(_ year: Int, state: Int, others: Int, _ status: ActionFunding.Status) -> ActionFunding {
            var funding = ActionFunding(actionId: "A1", year: year, money: .voted, inKindCents: 0, seq: [])
            funding.stateCashCents = state
            funding.otherCashCents = others
            funding.status = status
            return funding
        }
        let total = ActionFunding.Total([
            year(2025, state: 20_000_00, others: 5_000_00, .shortfall), year(2026, state: 30_000_00, others: 40_000_00, .cofinanced),
        ])
        #expect(total.stateCashCents == 50_000_00)
        #expect(total.otherCashCents == 45_000_00)
        #expect(total.cashCents == 95_000_00)
        #expect(total.stateShare == Share(50_000_00, of: 95_000_00))
        #expect(total.status == .shortfall)

        let none = ActionFunding.Total()
        #expect(none.cashCents == 0 && none.status == .notStateFunded)

        let huge = ActionFunding.Total([year(2025, state: .max, others: 1, .shortfall), year(2026, state: .max, others: .max, .cofinanced)])
        #expect(huge.stateCashCents == .max && huge.cashCents == .max)
    }
}
