import Foundation
import PactTesting
import PacteEvents
import Testing

/// The README's walk-through ("Step by step: your own pact"), run exactly as written with
/// the built binary, so that the README and the tool cannot drift apart.
@Suite struct ReadmeWalkthroughTests {
    /// The shell block of the walk-through, without its first two lines (`swift build`
    /// and the alias, which the test replaces by a function calling the built binary).
    static func walkthrough() throws -> String {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("README.md").path) {
            folder.deleteLastPathComponent()
        }
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Step by step: your own pact"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```sh\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```\n"))
        let lines = rest[open.upperBound..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "swift build")
        #expect(lines.dropFirst().first == "alias pacte-ledger=.build/debug/pacte-ledger")
        return lines.dropFirst(2).joined(separator: "\n")
    }

    @Test(.timeLimit(.minutes(10)))
    func walkthroughRecordsAWholeLifecycleWithoutJSON() throws {
        let script = try Self.walkthrough()
        // No JSON typed by hand, no `record`: only the flag forms and the sheet.
        #expect(!script.contains("{"))
        #expect(!script.contains("pacte-ledger record"))
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let prelude = "set -e\npacte-ledger() { \"\(BuiltBinary.url.path)\" \"$@\"; }\n"
        try (prelude + script + "\n").write(toFile: folder.path("walkthrough.sh"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["walkthrough.sh"]
        process.currentDirectoryURL = folder.url
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errorText)")
        #expect(errorText.isEmpty, "\(errorText)")

        let contents = try LedgerFile(path: folder.path("mon-pacte.jsonl")).read()
        #expect(try LedgerFile(path: folder.path("mon-pacte.jsonl")).verify().isValid)
        let types = Set(contents.events.map(\.type))
        let lifecycle: [EventType] = [
            .pactDrafted, .partnerJoined, .prioritySet, .actionAdded, .signatureRequested, .approvalVoted, .signatureReceived,
            .commitmentVoted, .governanceHeld, .extensionRequested, .amendmentProposed, .extensionDecided, .actionAmended,
            .indicatorReported, .actionClosed, .correctionRecorded, .pactClosed,
        ]
        for type in lifecycle { #expect(types.contains(type), "the walk-through records no \(type)") }
        // Euros with a comma, read as cents; the request named by its line stored as its id.
        let commitment = try #require(contents.events.last { $0.type == .commitmentVoted })
        #expect(JSONWriter.string(of: .object(commitment.data)).contains(#""amountCents":1250050"#))
        let decision = try #require(contents.events.first { $0.type == .extensionDecided })
        let request = try #require(contents.events.first { $0.type == .extensionRequested })
        #expect(decision.data["request"] == .string(request.id))
    }
}
