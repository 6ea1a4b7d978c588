import PacteEvents

/// `state`, `history`, `timeline` and `check`: read the ledger, fold, print.
enum Projecting {
    static func perform(_ invocation: Invocation, environment: Environment, output: inout CommandOutput) throws {
        output.warn(invocation.language == .french ? "commande pas encore disponible" : "command not available yet")
        output.exitCode = 2
    }
}
