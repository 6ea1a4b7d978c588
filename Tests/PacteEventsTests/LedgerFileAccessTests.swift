import Foundation
import PacteEvents
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// A path that is not a ledger: missing, empty, a folder, a symbolic link.
struct LedgerFileAccessTests {
    private static let now = LedgerFixtures.recorded(line: 50)

    private static func nextDraft() throws -> EventDraft {
        try LedgerFixtures.draft(.draftSubmitted, id: LedgerFixtures.id(8), effective: "2025-03-15", #"{"to":["DDETS"]}"#)
    }

    @Test func anEmptyFileIsRefused() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/vide.jsonl"
            try FileBytes.write([], to: path)
            #expect(throws: LedgerError.empty(path: path)) { try LedgerFile(path: path).read() }
            #expect(throws: LedgerError.empty(path: path)) { try LedgerFile(path: path).append(try Self.nextDraft(), now: Self.now) }
            let report = try LedgerFile(path: path).verify()
            #expect(report.problem == .empty(path: path))
            #expect(!report.isValid)
            #expect(report.eventCount == 0)
            #expect(try FileBytes.read(path).isEmpty)
            // init never replaces it, and says what to do; repair removes it (an interrupted
            // init of an earlier version); then init starts the ledger.
            #expect(throws: LedgerError.empty(path: path)) {
                try LedgerFile.create(at: path, with: try LedgerFixtures.pactDrafted(), recordedAt: Self.now)
            }
            #expect(LedgerError.empty(path: path).message(in: .french).contains("pacte-ledger repair"))
            #expect(try LedgerFile(path: path).repair(now: Self.now) == .removedEmpty)
            #expect(!FileBytes.exists(path))
            try LedgerFile.create(at: path, with: try LedgerFixtures.pactDrafted(), recordedAt: Self.now)
            #expect(try LedgerFile(path: path).read().events.count == 1)
            // Line 1 went through a temporary file linked in place: none is left.
            #expect(try FileBytes.names(in: folder) == ["vide.jsonl"])
        }
    }

    @Test func aMissingFileIsNotFound() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/absent.jsonl"
            let expected = LedgerError.fileNotFound(path: path)
            #expect(throws: expected) { try LedgerFile(path: path).read() }
            #expect(throws: expected) { try LedgerFile(path: path).verify() }
            #expect(throws: expected) { try LedgerFile(path: path).append(try Self.nextDraft(), now: Self.now) }
            #expect(throws: expected) { try LedgerFile(path: path).repair(now: Self.now) }
            #expect(!FileBytes.exists(path), "append must not create a ledger")
            #expect(!expected.isContentProblem)
        }
    }

    @Test func createInAMissingFolderIsNotFound() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/absent/pacte.jsonl"
            #expect(throws: LedgerError.fileNotFound(path: path)) {
                try LedgerFile.create(at: path, with: try LedgerFixtures.pactDrafted(), recordedAt: Self.now)
            }
        }
    }

    @Test func createNeverOverwrites() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let before = try FileBytes.read(path)
            #expect(throws: LedgerError.alreadyExists(path: path)) {
                try LedgerFile.create(at: path, with: try LedgerFixtures.pactDrafted(), recordedAt: Self.now)
            }
            let empty = folder + "/vide.jsonl"
            try FileBytes.write([], to: empty)
            // Never replaced either; the error says it is empty and what to do.
            #expect(throws: LedgerError.empty(path: empty)) {
                try LedgerFile.create(at: empty, with: try LedgerFixtures.pactDrafted(), recordedAt: Self.now)
            }
            #expect(try FileBytes.read(path) == before)
            #expect(try FileBytes.read(empty).isEmpty)
        }
    }

    @Test func aFolderIsRefused() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            let expected = LedgerError.isDirectory(path: path)
            #expect(throws: expected) { try LedgerFile(path: path).read() }
            #expect(throws: expected) { try LedgerFile(path: path).verify() }
            #expect(throws: expected) { try LedgerFile(path: path).append(try Self.nextDraft(), now: Self.now) }
            #expect(throws: expected) { try LedgerFile(path: path).repair(now: Self.now) }
            #expect(throws: LedgerError.alreadyExists(path: path)) {
                try LedgerFile.create(at: path, with: try LedgerFixtures.pactDrafted(), recordedAt: Self.now)
            }
        }
    }

    @Test func aSymbolicLinkIsNeverFollowed() throws {
        try TemporaryDirectory.with { folder in
            let target = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: target)
            let before = try FileBytes.read(target)
            let link = folder + "/lien.jsonl"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)

            let expected = LedgerError.symbolicLink(path: link)
            #expect(throws: expected) { try LedgerFile(path: link).read() }
            #expect(throws: expected) { try LedgerFile(path: link).verify() }
            #expect(throws: expected) { try LedgerFile(path: link).append(try Self.nextDraft(), now: Self.now) }
            #expect(throws: expected) { try LedgerFile(path: link).repair(now: Self.now) }
            #expect(throws: expected) { try LedgerFile(path: link).forEachEvent { _ in } }
            #expect(try FileBytes.read(target) == before)
            #expect(!expected.isContentProblem)
        }
    }

    @Test func aDanglingSymbolicLinkIsNeitherFollowedNorReplaced() throws {
        try TemporaryDirectory.with { folder in
            let target = folder + "/ailleurs.jsonl"
            let link = folder + "/lien.jsonl"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
            #expect(throws: LedgerError.symbolicLink(path: link)) { try LedgerFile(path: link).read() }
            #expect(throws: LedgerError.alreadyExists(path: link)) {
                try LedgerFile.create(at: link, with: try LedgerFixtures.pactDrafted(), recordedAt: Self.now)
            }
            #expect(!FileManager.default.fileExists(atPath: target), "create wrote through the link")
        }
    }

    @Test func aFIFOOrADeviceIsNotALedger() throws {
        try TemporaryDirectory.with { folder in
            let fifo = folder + "/tube.jsonl"
            try #require(mkfifo(fifo, 0o600) == 0)
            // Opening must neither wait for a writer nor read forever.
            for path in [fifo, "/dev/null", "/dev/zero"] {
                let expected = LedgerError.notARegularFile(path: path)
                #expect(throws: expected) { try LedgerFile(path: path).read() }
                #expect(throws: expected) { try LedgerFile(path: path).verify() }
                #expect(throws: expected) { try LedgerFile(path: path).append(try Self.nextDraft(), now: Self.now) }
                #expect(throws: expected) { try LedgerFile(path: path).repair(now: Self.now) }
                #expect(!expected.isContentProblem)
            }
        }
    }

    @Test func forEachEventVisitsEveryEventInOrder() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            let written = try LedgerFixtures.writeLedger(try LedgerFixtures.allDrafts(), at: path)
            var seen: [Int] = []
            let scan = try LedgerFile(path: path).forEachEvent { seen.append($0.seq) }
            #expect(seen == Array(1...written.count))
            #expect(scan.index.lastHash == written.last?.hash)
            #expect(scan.validLength == (try FileBytes.read(path)).count)
            #expect(scan.tornTail == nil)
        }
    }
}
