import PacteProjections
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
}
