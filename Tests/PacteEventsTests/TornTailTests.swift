import PacteEvents
import Testing

/// An interrupted last line: read around it, refuse to append after it, repair it.
struct TornTailTests {
    private static let repairTime = Timestamp(date: CivilDate(year: 2025, month: 6, day: 1)!, hour: 12, minute: 5, second: 9)

    /// A ledger of the 7 base lines whose 8th line (`draft.submitted`) is cut after
    /// `keep` bytes (or replaced by `replacement`). Returns the path, the bytes of the 7
    /// good lines, the torn bytes, and the 8th draft.
    private static func withTornLedger(
        keep: Cut = .half, replacement: [UInt8]? = nil,
        _ body: (_ path: String, _ good: [UInt8], _ torn: [UInt8], _ draft: EventDraft) throws -> Void
    ) throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            let eighth = try LedgerFixtures.draft(.draftSubmitted, id: LedgerFixtures.id(8), effective: "2025-03-15", #"""
                {"to":["DDETS 31","Commissaire"]}
                """#)
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts() + [eighth], at: path)
            let lines = FileBytes.lines(try FileBytes.read(path))
            let good = lines.dropLast().concatenated
            let last = lines[lines.count - 1]
            let torn = replacement ?? Array(last.prefix(keep.kept(of: last.count)))
            try FileBytes.write(good + torn, to: path)
            try body(path, good, torn, eighth)
        }
    }

    /// Where an interrupted write stopped.
    enum Cut: CaseIterable, Sendable {
        case oneByte, half, allButTheHashEnding, allButTheNewline

        func kept(of count: Int) -> Int {
            switch self {
            case .oneByte: 1
            case .half: count / 2
            case .allButTheHashEnding: count - 3
            case .allButTheNewline: count - 1
            }
        }
    }

    /// A torn tail's line, offset and byte count.
    private static func fields(_ torn: TornTail?) -> [Int]? {
        torn.map { [$0.line, $0.offset, $0.byteCount] }
    }

    @Test(arguments: Cut.allCases)
    func readReturnsTheEventsBeforeATruncatedLine(_ cut: Cut) throws {
        try Self.withTornLedger(keep: cut) { path, good, torn, _ in
            let contents = try LedgerFile(path: path).read()
            #expect(contents.events.count == 7)
            #expect(contents.events.last?.seq == 7)
            #expect(Self.fields(contents.tornTail) == [8, good.count, torn.count])
            #expect(!torn.contains(0x0A))

            let report = try LedgerFile(path: path).verify()
            #expect(!report.isValid)
            #expect(report.problem == nil)
            #expect(report.eventCount == 7)
            #expect(report.tornTail == contents.tornTail)
        }
    }

    @Test func appendRefusesAfterATornTail() throws {
        try Self.withTornLedger { path, good, torn, draft in
            let before = good + torn
            #expect(throws: LedgerError.tornTail(path: path, line: 8, byteCount: torn.count)) {
                try LedgerFile(path: path).append(draft, now: LedgerFixtures.recorded(line: 9))
            }
            // Not even the same event again.
            let seventh = try LedgerFixtures.baseDrafts()[6]
            #expect(throws: LedgerError.tornTail(path: path, line: 8, byteCount: torn.count)) {
                try LedgerFile(path: path).append(seventh, now: LedgerFixtures.recorded(line: 9))
            }
            #expect(try FileBytes.read(path) == before)
        }
    }

    @Test func repairMovesExactlyTheTornBytesAside() throws {
        try Self.withTornLedger { path, good, torn, draft in
            let outcome = try LedgerFile(path: path).repair(now: Self.repairTime)
            let sidePath = path + ".torn-20250601T120509Z"
            #expect(outcome == .repaired(sideFile: sidePath, line: 8, byteCount: torn.count, eventCount: 7))
            #expect(try FileBytes.read(sidePath) == torn)
            #expect(try FileBytes.read(path) == good)

            let report = try LedgerFile(path: path).verify()
            #expect(report.isValid)
            #expect(report.eventCount == 7)

            // The interrupted event can now be appended again.
            let appended = try LedgerFile(path: path).append(draft, now: LedgerFixtures.recorded(line: 8))
            guard case .appended(let event) = appended else {
                Issue.record("not appended: \(appended)")
                return
            }
            #expect(event.seq == 8)
            #expect(try LedgerFile(path: path).verify().isValid)
            #expect(try LedgerFile(path: path).repair(now: Self.repairTime) == .nothingToRepair(eventCount: 8))
        }
    }

    @Test func aSecondRepairAtTheSameTimeKeepsTheFirstSideFile() throws {
        try Self.withTornLedger { path, good, torn, _ in
            _ = try LedgerFile(path: path).repair(now: Self.repairTime)
            let secondTorn = Array("{\"seq\":8,\"id\":".utf8)
            try FileBytes.write(good + secondTorn, to: path)
            let outcome = try LedgerFile(path: path).repair(now: Self.repairTime)
            let secondSide = path + ".torn-20250601T120509Z-1"
            #expect(outcome == .repaired(sideFile: secondSide, line: 8, byteCount: secondTorn.count, eventCount: 7))
            #expect(try FileBytes.read(path + ".torn-20250601T120509Z") == torn)
            #expect(try FileBytes.read(secondSide) == secondTorn)
            #expect(try FileBytes.read(path) == good)
        }
    }

    @Test func aLastLineThatIsNotJSONIsATornTail() throws {
        let garbage = Array("{\"seq\":8,\"id\":\u{0}\u{0}\u{0}garbage\n".utf8)
        try Self.withTornLedger(replacement: garbage) { path, good, torn, _ in
            let contents = try LedgerFile(path: path).read()
            #expect(contents.events.count == 7)
            #expect(Self.fields(contents.tornTail) == [8, good.count, garbage.count])
            #expect(throws: LedgerError.tornTail(path: path, line: 8, byteCount: garbage.count)) {
                try LedgerFile(path: path).append(try LedgerFixtures.baseDrafts()[6], now: LedgerFixtures.recorded(line: 9))
            }
            let outcome = try LedgerFile(path: path).repair(now: Self.repairTime)
            guard case .repaired(let sideFile, 8, garbage.count, 7) = outcome else {
                Issue.record("unexpected repair outcome \(outcome)")
                return
            }
            #expect(try FileBytes.read(sideFile) == torn)
            #expect(try FileBytes.read(path) == good)
            #expect(try LedgerFile(path: path).verify().isValid)
        }
    }

    @Test func theSameGarbageInTheMiddleIsAProblemNamingItsLine() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            var lines = FileBytes.lines(try FileBytes.read(path))
            lines.insert(Array("{\"seq\":4,\"id\":garbage\n".utf8), at: 3)
            let bytes = lines.concatenated
            try FileBytes.write(bytes, to: path)

            let error = #expect(throws: LedgerError.self) { try LedgerFile(path: path).read() }
            guard case .malformedLine(let location, _)? = error else {
                Issue.record("expected a malformed line, got \(String(describing: error))")
                return
            }
            #expect(location == LedgerLocation(file: path, line: 4))

            let report = try LedgerFile(path: path).verify()
            #expect(!report.isValid)
            #expect(report.tornTail == nil)
            #expect(report.problem?.line == 4)
            #expect(report.eventCount == 3)

            // Neither append nor repair touches it.
            let problem = try #require(error)
            #expect(throws: problem) {
                try LedgerFile(path: path).append(try LedgerFixtures.baseDrafts()[6], now: LedgerFixtures.recorded(line: 9))
            }
            #expect(throws: problem) { try LedgerFile(path: path).repair(now: Self.repairTime) }
            #expect(try FileBytes.read(path) == bytes)
        }
    }

    @Test func aBlankLineInTheMiddleIsAProblem() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            var lines = FileBytes.lines(try FileBytes.read(path))
            lines.insert([0x0A], at: 2)
            try FileBytes.write(lines.concatenated, to: path)
            #expect(throws: LedgerError.malformedLine(
                LedgerLocation(file: path, line: 3), JSONSyntaxError(offset: 0, reason: .unexpectedEnd))) {
                try LedgerFile(path: path).read()
            }
        }
    }

    @Test func aTornFirstLineLeavesNoEvents() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger([try LedgerFixtures.pactDrafted()], at: path)
            let line = try FileBytes.read(path)
            let torn = Array(line.prefix(40))
            try FileBytes.write(torn, to: path)
            let contents = try LedgerFile(path: path).read()
            #expect(contents.events.isEmpty)
            #expect(Self.fields(contents.tornTail) == [1, 0, 40])
            let outcome = try LedgerFile(path: path).repair(now: Self.repairTime)
            #expect(outcome == .repaired(sideFile: path + ".torn-20250601T120509Z", line: 1, byteCount: 40, eventCount: 0))
            #expect(try FileBytes.read(path + ".torn-20250601T120509Z") == torn)
            // No good line is left: the ledger is removed (not left at 0 bytes), so init starts it again.
            #expect(!FileBytes.exists(path))
            try LedgerFile.create(at: path, with: try LedgerFixtures.pactDrafted(), recordedAt: LedgerFixtures.recorded(line: 1))
            #expect(try FileBytes.read(path) == line)
        }
    }

    @Test func aSideFileAlreadyHoldingTheTornBytesIsReused() throws {
        try Self.withTornLedger { path, good, torn, _ in
            // What a repair whose ftruncate failed (or that was killed before it) leaves.
            let earlier = path + ".torn-20250501T000000Z"
            try FileBytes.write(torn, to: earlier)
            let outcome = try LedgerFile(path: path).repair(now: Self.repairTime)
            #expect(outcome == .repaired(sideFile: earlier, line: 8, byteCount: torn.count, eventCount: 7))
            #expect(try FileBytes.namesBesideCheckpoints(in: String(path[..<path.lastIndex(of: "/")!])) == ["pacte.jsonl", "pacte.jsonl.torn-20250501T000000Z"])
            #expect(try FileBytes.read(path) == good)
        }
    }

    @Test("a ledger whose name is 234 to 255 bytes still gets a side file (its name shortened)", arguments: [234, 240, 255])
    func longLedgerName(length: Int) throws {
        try TemporaryDirectory.with { folder in
            // "é" is two bytes: the name is shortened at a character boundary.
            let name = String(repeating: "é", count: (length - 6) / 2) + String(repeating: "x", count: (length - 6) % 2) + ".jsonl"
            #expect(name.utf8.count == length)
            let path = folder + "/" + name
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let good = try FileBytes.read(path)
            let torn = Array(#"{"seq":8,"id":"#.utf8)
            try FileBytes.write(good + torn, to: path)
            let outcome = try LedgerFile(path: path).repair(now: Self.repairTime)
            guard case .repaired(let sideFile, 8, torn.count, 7) = outcome else {
                Issue.record("\(outcome)")
                return
            }
            let sideName = String(sideFile.split(separator: "/").last ?? "")
            #expect(sideName.utf8.count <= 255)
            #expect(sideName.hasSuffix(".torn-20250601T120509Z"))
            #expect(sideName.unicodeScalars.allSatisfy { $0 == "é" || $0 == "x" || ".jsonltorn-0123456789TZ".unicodeScalars.contains($0) })
            #expect(try FileBytes.read(sideFile) == torn)
            #expect(try FileBytes.read(path) == good)
        }
    }

    @Test func repairOfAnIntactLedgerDoesNothing() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let before = try FileBytes.read(path)
            #expect(try LedgerFile(path: path).repair(now: Self.repairTime) == .nothingToRepair(eventCount: 7))
            #expect(try FileBytes.read(path) == before)
            let siblings = try FileBytes.namesBesideCheckpoints(in: folder)
            #expect(siblings == ["pacte.jsonl"])
        }
    }
}
