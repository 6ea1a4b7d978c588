import PacteEvents

/// `report` and `export`: documents people read, built from the ledger.
enum Reporting {
    static func report(_ request: ReportRequest, invocation: Invocation, environment: Environment, output: inout CommandOutput) throws {
        output.warn(invocation.language == .french ? "commande pas encore disponible" : "command not available yet")
        output.exitCode = 2
    }

    static func export(_ request: ExportRequest, invocation: Invocation, output: inout CommandOutput) throws {
        output.warn(invocation.language == .french ? "commande pas encore disponible" : "command not available yet")
        output.exitCode = 2
    }
}
