import Foundation

/// Runs the built `pacte-ledger` executable, the way a user does.
struct BuiltBinary {
    struct Result {
        var exitCode: Int32
        /// Standard output with the no-break spaces of French typography as spaces: most
        /// tests are about content.
        var standardOutput: String
        var standardError: String
        /// Standard output exactly as written, no-break spaces included (for a test about
        /// typography).
        var exactStandardOutput: String
    }

    /// The executable next to the test bundle (`.build/debug/pacte-ledger`).
    static let url: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        // Inside an .xctest bundle on some platforms the binary sits a few levels up.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("pacte-ledger")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pacte-ledger")
    }()

    @discardableResult
    static func run(_ arguments: [String], in folder: URL? = nil, standardInput: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let standardInput { input.fileHandleForWriting.write(Data(standardInput.utf8)) }
        try input.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let exact = String(decoding: outputData, as: UTF8.self)
        return Result(
            exitCode: process.terminationStatus,
            // TypographyCommandTests and the tests reading `exactStandardOutput` check the typography.
            standardOutput: String(exact.map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : $0 }),
            standardError: String(decoding: errorData, as: UTF8.self),
            exactStandardOutput: exact
        )
    }
}

/// The arguments of `init` for a small pact, with the porteur `cc-val`.
func initArguments(_ file: String) -> [String] {
    [
        "init", file, "--pact", "val-2025", "--title", "Pacte local du Val (fictif)", "--territory", "CC du Val",
        "--department", "31", "--commune", "31901", "--porteur", "cc-val", "--porteur-name", "CC du Val",
        "--porteur-kind", "epci", "--porteur-body", "conseil communautaire", "--start", "2025-01-01", "--end", "2027-12-31",
        "--context", "Contexte.", "--ambition", "Ambition.", "--governance-body", "Comité de pilotage",
        "--revision", "Par avenant.", "--effective", "2025-01-15", "--by", "secretariat",
        "--recorded", "2025-01-15T09:00:00Z",
    ]
}
