import Foundation
import PacteEvents
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths that are not a usable ledger: a clear message and exit code 2, nothing changed.
/// The tests run as root (here and in CI), for whom permission bits do not stop reading,
/// so every case runs `pacte-ledger` as the unprivileged user 65534 through `setpriv`,
/// from a copy of the binary in a 0755 folder under /tmp.
extension ChildProcessSuites {
@Suite("File access", .timeLimit(.minutes(10)))
struct FileAccessTests {
    static let unprivileged: Int32 = 65534
    static let setpriv = "/usr/bin/setpriv"

    enum Situation: String, CaseIterable, CustomTestStringConvertible {
        case missing, folder, unreadable, readOnly, symbolicLink, danglingSymbolicLink, fifo, device, folderNotTraversable

        var testDescription: String { rawValue }
    }

    enum Verb: String, CaseIterable, CustomTestStringConvertible {
        case verify, log, record, repair

        var testDescription: String { rawValue }
    }

    /// A folder with a copy of the binary and a ledger `pacte.jsonl` owned by 65534.
    struct Setup {
        let folder: Guarantee.Folder
        let binary: String
        let ledger: String

        init() throws {
            folder = try Guarantee.Folder()
            binary = folder.file("pacte-ledger")
            // A hard link when /tmp is on the same file system (the built binary is 0755),
            // else a copy: either way a path that user 65534 can reach.
            if link(Guarantee.binary, binary) != 0 {
                try FileManager.default.copyItem(atPath: Guarantee.binary, toPath: binary)
                guard chmod(binary, 0o755) == 0 else { throw Guarantee.Failure("chmod \(binary)") }
            }
            ledger = folder.file("pacte.jsonl")
            try Guarantee.makeLedger(at: ledger, meetings: 2)
            try own(ledger, mode: 0o644)
        }

        func own(_ path: String, mode: mode_t) throws {
            guard chown(path, uid_t(FileAccessTests.unprivileged), gid_t(FileAccessTests.unprivileged)) == 0, chmod(path, mode) == 0
            else { throw Guarantee.Failure("chown/chmod \(path): errno \(errno)") }
        }

        /// Runs the copied binary as user and group 65534, without supplementary groups.
        func runUnprivileged(_ arguments: [String]) throws -> Guarantee.Outcome {
            try Guarantee.run(
                FileAccessTests.setpriv,
                ["--reuid=\(FileAccessTests.unprivileged)", "--regid=\(FileAccessTests.unprivileged)", "--clear-groups", binary]
                    + arguments,
                timeout: 300)
        }
    }

    static func arguments(_ verb: Verb, _ path: String) -> [String] {
        switch verb {
        case .verify, .log, .repair: [verb.rawValue, path]
        case .record: ["record", path, "draft.submitted", "--effective", "2025-03-01", "--by", "me", "--data", #"{"to":["DDETS"]}"#]
        }
    }

    @Test("the unprivileged run works on a sound ledger (so the refusals below are the file's doing)")
    func unprivilegedBaseline() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        #expect(FileManager.default.isExecutableFile(atPath: Self.setpriv), "setpriv is needed to drop root")
        let identity = try Guarantee.run(Self.setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/id", "-u"])
        #expect(identity.output.trimmingCharacters(in: .whitespacesAndNewlines) == "65534", "\(identity)")
        for verb in Verb.allCases {
            let result = try setup.runUnprivileged(Self.arguments(verb, setup.ledger))
            #expect(result.exitCode == 0, "\(verb): \(result)")
        }
        #expect(try LedgerFile(path: setup.ledger).read().events.count == 4)
    }

    @Test("verify, log, record and repair refuse with a clear message and exit 2, changing nothing",
          arguments: Situation.allCases, Verb.allCases)
    func refused(situation: Situation, verb: Verb) throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let elsewhere = try Guarantee.Folder()
        defer { elsewhere.remove() }
        var path = setup.ledger
        let expected: String
        switch situation {
        case .missing:
            path = setup.folder.file("absent.jsonl")
            expected = "fichier introuvable"
        case .folder:
            path = setup.folder.file("dossier.jsonl")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            expected = "c'est un dossier"
        case .unreadable:
            try setup.own(path, mode: 0o000)
            expected = "permission refusée"
        case .readOnly:
            try setup.own(path, mode: 0o444)
            expected = "permission refusée (ouverture en écriture)"
        case .symbolicLink:
            let target = elsewhere.file("pacte.jsonl")
            try FileManager.default.moveItem(atPath: setup.ledger, toPath: target)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
            expected = "lien symbolique"
        case .danglingSymbolicLink:
            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: elsewhere.file("nulle-part.jsonl"))
            expected = "lien symbolique"
        case .fifo:
            path = setup.folder.file("tube.jsonl")
            guard mkfifo(path, 0o666) == 0, chmod(path, 0o666) == 0 else { throw Guarantee.Failure("mkfifo: errno \(errno)") }
            expected = "pas un fichier ordinaire"
        case .device:
            path = "/dev/zero"
            expected = "pas un fichier ordinaire"
        case .folderNotTraversable:
            let closed = setup.folder.file("ferme")
            try FileManager.default.createDirectory(atPath: closed, withIntermediateDirectories: false)
            guard chmod(closed, 0o700) == 0 else { throw Guarantee.Failure("chmod") }
            path = closed + "/pacte.jsonl"
            try FileManager.default.moveItem(atPath: setup.ledger, toPath: path)
            expected = "permission refusée"
        }
        let ledgerPath = situation == .symbolicLink ? elsewhere.file("pacte.jsonl") : path
        let hasLedger: [Situation] = [.unreadable, .readOnly, .symbolicLink, .folderNotTraversable]
        let before = hasLedger.contains(situation) ? try Guarantee.readBytes(ledgerPath) : nil
        let entries = try setup.folder.entries()

        let result = try setup.runUnprivileged(Self.arguments(verb, path))
        if situation == .readOnly && (verb == .verify || verb == .log) {
            // Reading needs no write permission.
            #expect(result.exitCode == 0, "\(result)")
        } else {
            #expect(result.exitCode == 2, "\(result)")
            #expect(!result.timedOut, "must not hang")
            #expect(result.standardError.hasPrefix(path), "the message names the file: \(result)")
            #expect(result.standardError.contains(expected), "\(result)")
            #expect(result.standardOutput.isEmpty)
        }
        #expect(!result.standardError.contains("Fatal error"))
        if let before { #expect(try Guarantee.readBytes(ledgerPath) == before, "the ledger must not change") }
        #expect(try setup.folder.entries() == entries, "no file created or removed")
    }

    @Test("init refuses an existing path, a symbolic link and a folder it may not write in")
    func initRefusals() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        // Through a (dangling) symbolic link: refused, nothing created at the target.
        let link = setup.folder.file("lien.jsonl")
        let target = setup.folder.file("cible.jsonl")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let throughLink = try setup.runUnprivileged(initArguments(link))
        #expect(throughLink.exitCode == 2, "\(throughLink)")
        #expect(throughLink.standardError.contains("existe déjà"), "\(throughLink)")
        #expect(!Guarantee.exists(target))
        // Over an existing ledger (as root too: never overwritten).
        let before = try Guarantee.readBytes(setup.ledger)
        let overwrite = try Guarantee.ledger(initArguments(setup.ledger))
        #expect(overwrite.exitCode == 2)
        #expect(try Guarantee.readBytes(setup.ledger) == before)
        // In a folder owned by root, mode 0755: 65534 may not create a file there.
        let denied = try setup.runUnprivileged(initArguments(setup.folder.file("nouveau.jsonl")))
        #expect(denied.exitCode == 2, "\(denied)")
        #expect(denied.standardError.contains("permission refusée (création)"), "\(denied)")
        #expect(!Guarantee.exists(setup.folder.file("nouveau.jsonl")))
    }

    @Test("a folder reached through a symbolic link is followed: only the ledger's own name is checked")
    func symbolicLinkInTheFolderPath() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let alias = setup.folder.file("alias")
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: setup.folder.path)
        let result = try Guarantee.ledger(["verify", alias + "/pacte.jsonl"])
        #expect(result.exitCode == 0, "\(result)")
    }
}
}  // extension ChildProcessSuites
