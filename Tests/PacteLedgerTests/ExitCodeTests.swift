#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

@testable import pacte_ledger

/// `PacteLedger.run` in a child process (Swift Testing exit tests): real exit codes and
/// what reaches standard error.
@Suite("Exit codes")
struct ExitCodeTests {
    @Test func unknownCommandExitsTwoWithAFrenchMessage() async {
        let result = await #expect(processExitsWith: .exitCode(2), observing: [\.standardErrorContent]) {
            exit(PacteLedger.run(["frobnicate"]))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("commande inconnue « frobnicate »"))
        #expect(message.contains("pacte-ledger --help"))
    }

    @Test func missingLedgerExitsTwoNamingTheFile() async {
        let result = await #expect(processExitsWith: .exitCode(2), observing: [\.standardErrorContent]) {
            exit(PacteLedger.run(["verify", "/nonexistent/pacte.jsonl", "--lang", "en"]))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message == "/nonexistent/pacte.jsonl: no such file\n")
    }

    @Test func helpExitsZero() async {
        await #expect(processExitsWith: .success) {
            exit(PacteLedger.run(["check", "--help"]))
        }
    }
}
