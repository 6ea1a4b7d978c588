import Foundation
import PacteEvents
@testable import pacte_ledger

/// The example ledger and an in-process run of the command line with a fixed clock.
enum ReportFixtures {
    /// `ledgers/pacte-coteaux-aussonne.jsonl` in this checkout.
    static let example: String = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("ledgers/pacte-coteaux-aussonne.jsonl")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return "ledgers/pacte-coteaux-aussonne.jsonl"
    }()

    /// A fixed clock, in the past (lines recorded with it are never dated in the future):
    /// 20 November 2026, 10:00 UTC, after the example ledger's last line.
    static let now = Timestamp("2026-11-20T10:00:00Z")!

    static let environment = Environment(now: { now }, readStandardInput: { [] })

    /// Runs one command line in process, with the fixed clock.
    /// No-break spaces of French typography read as spaces (these tests are about
    /// content; TypographyCommandTests checks the typography).
    static func run(_ arguments: [String]) -> CommandOutput {
        var output = PacteLedger.execute(arguments, environment: environment)
        output.standardOutput = String(output.standardOutput.map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : $0 })
        return output
    }

    enum FixtureError: Error {
        case refused(String, String)
    }
}
