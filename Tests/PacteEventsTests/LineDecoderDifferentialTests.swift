import Foundation
@testable import PacteEvents
import Testing

/// The direct path of `LedgerLine.parse` (envelope and payload read from the bytes through a
/// `JSONTape`) against the general one (`LedgerLine.parseBuilt`: a `JSONValue` tree, then
/// decoded): over every fixture line and thousands of mutated lines, both give the same
/// event or the same error, with the same message.
struct LineDecoderDifferentialTests {
    private static let location = LedgerLocation(file: "pacte.jsonl", line: 7)

    /// The lines of the fixture ledgers: the golden example, the repository's example
    /// ledger and a ledger of every event type.
    private static func fixtureLines() throws -> [[UInt8]] {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let files = ["../Fixtures/golden/golden.jsonl", "../../ledgers/pacte-coteaux-aussonne.jsonl"]
        let ledgers = try files.map { try [UInt8](Data(contentsOf: tests.appendingPathComponent($0).standardized)) }
            + [try LedgerFixtures.allDraftsLedger.get().bytes]
        return ledgers.flatMap { bytes in bytes.split(separator: 0x0A).map(Array.init) }
    }

    /// Both decoders' results for `line`, compared; returns whether the direct path kept
    /// `data` as bytes (it read the line itself).
    @discardableResult
    private static func expectSameResult(_ line: [UInt8], _ label: @autoclosure () -> String) -> Bool {
        let (direct, built) = line.withUnsafeBytes { buffer in
            (Result { () throws(LedgerError) in try LedgerLine.parse(buffer, at: location) },
             Result { () throws(LedgerError) in try LedgerLine.parseBuilt(buffer, at: location) })
        }
        switch (direct, built) {
        case (.success(let left), .success(let right)):
            #expect(left == right, "\(label())")
            #expect(left.data == right.data, "\(label())")
            #expect(left.payload == right.payload, "\(label())")
            #expect(left.otherMembers == right.otherMembers, "\(label())")
            return left.keepsDataAsBytes
        case (.failure(let left), .failure(let right)):
            #expect(left == right, "\(label())")
            #expect(left.message(in: .french) == right.message(in: .french), "\(label())")
            #expect(left.message(in: .english) == right.message(in: .english), "\(label())")
        default:
            Issue.record("\(label()): direct \(direct), general \(built)")
        }
        return false
    }

    /// `prefix` (a line before its hash member) sealed with its own hash.
    private static func sealed(_ prefix: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(prefix)
        return bytes + Array(#","hash":""#.utf8) + Array(SHA256.hash(bytes).hexadecimal.utf8) + Array(#""}"#.utf8)
    }

    /// The line without its hash member.
    private static func prefix(of line: [UInt8]) -> [UInt8] {
        Array(line.dropLast(LedgerLine.hashSuffixLength))
    }

    @Test func everyFixtureLineReadsTheSameAndTakesTheDirectPath() throws {
        let lines = try Self.fixtureLines()
        #expect(lines.count > 90)
        for (number, line) in lines.enumerated() {
            let direct = Self.expectSameResult(line, "fixture line \(number + 1)")
            #expect(direct, "fixture line \(number + 1) should take the direct path")
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func randomByteMutationsReadTheSame() throws {
        var random = SplitMix64(seed: 14)
        let alphabet = Array(#"{}[],:"\ 0123456789-+.eEtfnulrsaxz/"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xA9, 0xE2, 0x84, 0xAA, 0xFF]
        for (number, line) in try Self.fixtureLines().enumerated() {
            for round in 0..<40 {
                var bytes = Self.prefix(of: line)
                for _ in 0..<(1 + random.next(below: 3)) {
                    let position = random.next(below: bytes.count)
                    switch random.next() % 5 {
                    case 0: bytes.remove(at: position)
                    case 1: bytes.insert(alphabet[random.next(below: alphabet.count)], at: position)
                    case 2: bytes[position] ^= 1 << UInt8(random.next() % 8)
                    case 3: bytes[position] = alphabet[random.next(below: alphabet.count)]
                    default:
                        let end = min(bytes.count, position + 1 + random.next(below: 24))
                        bytes.insert(contentsOf: bytes[position..<end], at: position)
                    }
                    if bytes.isEmpty { bytes = [0x7B] }
                }
                let label = "line \(number + 1), mutation \(round)"
                Self.expectSameResult(Self.sealed(bytes), label + " (sealed)")
                Self.expectSameResult(bytes + line.suffix(LedgerLine.hashSuffixLength), label)
            }
        }
    }

    /// Edits of `data`'s text that reach the decoders: each replaces the first match of
    /// a pattern, then the line is sealed again.
    private static let edits: [(String, String)] = [
        // Duplicate and unusual member names.
        (#""data":{"#, #""data":{"x":1,"#),
        (#""data":{""#, #""data":{"dup":1,"dup":2,""#),
        (#""actionId":"#, #""actionId":"A9","actionId":"#),
        (#""partnerId":"#, #""partnerId":"P","partnerId":"#),
        (#""inKind":"#, "\"in\u{212A}ind\":"),
        (#""inKind":"#, #""in\u212Aind":"#),
        (#""partnerId":"#, #""partner\u0049d":"#),
        (#""reason":"#, "\"re\u{0301}ason\":"),
        // Values the decoders refuse or read unusually.
        (#""amountCents":"#, #""amountCents":-0,"x":"#),
        (#""amountCents":"#, #""amountCents":1e3,"x":"#),
        (#""amountCents":"#, #""amountCents":1.0,"x":"#),
        (#""amountCents":"#, #""amountCents":1000000000001,"x":"#),
        (#""amountCents":"#, #""amountCents":123456789012345678901234567890,"x":"#),
        (#""year":"#, #""year":-0,"x":"#),
        (#""year":"#, #""year":"2027","x":"#),
        (#""year":"#, #""year":99999999999999999999,"x":"#),
        (#""number":"#, #""number":0,"x":"#),
        (#""outcome":"#, #""outcome":"Adopted","x":"#),
        (#""basis":"#, #""basis":null,"x":"#),
        (#""via":"#, #""via":"initi\u0061l","x":"#),
        (#""document":"#, #""document":"amendment:0","x":"#),
        (#""effective":"#, #""effective":"2027-02-30","x":"#),
        (#""nextMeeting":"#, #""nextMeeting":"2027\u002d01\u002d01","x":"#),
        (#""nextMeeting":"#, #""nextMeeting":"2027-13-01","x":"#),
        (#""value":"#, #""value":[1],"x":"#),
        (#""value":"#, #""value":-0.5e-3,"x":"#),
        (#""lines":["#, #""lines":[1,"#),
        (#""lines":["#, #""lines":[{},"#),
        (#""attendees":["#, #""attendees":[null,"#),
        (#""replacement":"#, #""replacement":[],"x":"#),
        (#""signatory":"#, #""signatory":null,"x":"#),
        // Strings: escapes good and bad, control characters, invalid UTF-8.
        (#""reason":""#, #""reason":"\u00e9\n\"\\\/\b\f\r\t"#),
        (#""reason":""#, #""reason":"\ud83d\ude00"#),
        (#""reason":""#, #""reason":"\ud800"#),
        (#""reason":""#, #""reason":"\udc00\ud800"#),
        (#""reason":""#, #""reason":"\x"#),
        (#""reason":""#, #""reason":"\u12"#),
        (#""reason":""#, "\"reason\":\"\u{1}"),
        (#""title":""#, #""title":"\u0000"#),
        // White space the grammar allows.
        (#""data":{"#, "\"data\" : { \t"),
        (#"},"prev":"#, " \n},\"prev\":"),
        // Containers: empty, nested, deep.
        (#""data":{"#, #""data":{"z":{},"y":[],"w":[[],[{}]],"#),
        (#""data":{"#, #""data":{"z":"# + String(repeating: "[", count: 62) + String(repeating: "]", count: 62) + ","),
        (#""data":{"#, #""data":{"z":"# + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + ","),
        (#""data":{"#, #""data":{"z":"# + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + ","),
        (#""data":{"#, #""data":{"z":"# + String(repeating: "{\"a\":", count: 63) + "1" + String(repeating: "}", count: 63) + ","),
        (#""data":{"#, #""data":{"# + (0..<70).map { "\"m\($0)\":\($0)," }.joined()),
        (#""data":{"#, #""data":{"# + (0..<20).map { "\"m\($0 % 19)\":\($0)," }.joined()),
    ]

    @Test(.timeLimit(.minutes(10)))
    func editedDataReadsTheSame() throws {
        var applied = 0
        for (number, line) in try Self.fixtureLines().enumerated() {
            let text = String(decoding: Self.prefix(of: line), as: UTF8.self)
            for (pattern, replacement) in Self.edits {
                guard let range = text.range(of: pattern) else { continue }
                applied += 1
                let edited = text.replacingCharacters(in: range, with: replacement)
                Self.expectSameResult(Self.sealed(Array(edited.utf8)), "line \(number + 1): \(pattern) → \(replacement)")
            }
        }
        #expect(applied > 500)
    }

    @Test func linesTheTapeLeavesToTheGeneralPathStillRead() throws {
        // Each is valid, and read by the general path only (the tape gives up on it).
        let lines = try Self.fixtureLines()
        let line = try #require(lines.first)
        let text = String(decoding: Self.prefix(of: line), as: UTF8.self)
        for replacement in [
            #""data":{"in\u212Aind":1,"#,
            #""data":{"# + (0..<70).map { "\"m\($0)\":\($0)," }.joined(),
        ] {
            let edited = text.replacingOccurrences(of: #""data":{"#, with: replacement)
            let bytes = Self.sealed(Array(edited.utf8))
            let direct = Self.expectSameResult(bytes, replacement)
            #expect(!direct)
        }
    }
}
