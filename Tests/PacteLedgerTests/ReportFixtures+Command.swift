import Foundation
import PacteEvents
import PactTesting
@testable import pacte_ledger

/// An in-process run of the command line with a fixed clock.
extension ReportFixtures {
    /// A fixed clock, in the past (lines recorded with it are never dated in the future):
    /// 20 November 2026, 10:00 UTC, after the example ledger's last line.
    static let commandNow = Timestamp("2026-11-20T10:00:00Z")!

    static let environment = Environment(now: { commandNow }, readStandardInput: { [] })

    /// Runs one command line in process, with the fixed clock.
    /// No-break spaces of French typography read as spaces (these tests are about
    /// content; TypographyCommandTests checks the typography).
    static func run(_ arguments: [String]) -> CommandOutput {
        var output = PacteLedger.execute(arguments, environment: environment)
        output.standardOutput = String(output.standardOutput.map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : $0 })
        return output
    }
}
