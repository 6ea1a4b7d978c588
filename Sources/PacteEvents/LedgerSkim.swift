#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a skim of a ledger (``LedgerFile/skim(_:)``) read: the envelope of every line,
/// not checked, so that a first pass over a large ledger costs a fraction of a strict read.
///
/// A line as format v1 writers write it is read from its first members only (`seq`, `id`,
/// `type`, `v`, `effective`, `recorded`: the writer's order, no escapes), without its
/// `data`, its hash or any check; a correction, and any line written otherwise, is read
/// strictly (``LedgerLine/parse(_:at:)``). What is skimmed is what a strict read of a
/// valid ledger reads; whether the ledger is valid is the strict read's to say, so a skim
/// is only ever followed by one, which reports the first problem as it always does.
public struct LedgerSkim: Sendable {
    /// One line as skimmed.
    public struct Line: Sendable {
        public let seq: Int
        public let type: EventType
        public let effective: CivilDate
        public let recorded: Timestamp
        /// The whole event, read strictly, when it is a correction (its `data` counts).
        public let correction: LedgerEvent?
    }

    /// The lines skimmed (a torn tail is not one of them).
    public var lineCount: Int { types.count }
    /// Line number of each event id.
    private var lineOfId = EventIdLines()
    /// Type of each line, by seq - 1.
    private var types: [EventType] = []

    /// The type of the event with that id, `nil` when no line skimmed has it.
    public func type(ofId id: String) -> EventType? {
        lineOfId[ByteKey(id)].map { types[$0 - 1] }
    }

    /// Skims the next line (without its `\n`) of the ledger `path`, handing it to `visit`.
    /// Returns `false` when the skim cannot vouch for the line: the ledger is then to be
    /// read strictly from the start (it reports why). The `isLast` line is read strictly:
    /// when it is not JSON, it is a torn tail, not a line.
    mutating func read(_ line: UnsafeRawBufferPointer, isLast: Bool, path: String, visit: (Line) -> Void) -> Bool {
        let number = types.count + 1
        if !isLast, let envelope = Envelope(line), envelope.seq == number, envelope.type != .correctionRecorded {
            lineOfId.recordNext(utf8: envelope.id)
            types.append(envelope.type)
            visit(Line(
                seq: number, type: envelope.type, effective: envelope.effective, recorded: envelope.recorded,
                correction: nil))
            return true
        }
        let event: LedgerEvent
        do {
            event = try LedgerLine.parse(line, at: LedgerLocation(file: path, line: number))
        } catch {
            // A last line that is not JSON is a torn tail, left out as the strict read leaves it.
            if isLast, case .malformedLine = error { return true }
            return false
        }
        guard event.seq == number else { return false }
        lineOfId.record(event.id, line: number)
        types.append(event.type)
        visit(Line(
            seq: number, type: event.type, effective: event.effective, recorded: event.recorded,
            correction: event.type == .correctionRecorded ? event : nil))
        return true
    }

    /// The first members of a line as format v1 writers write them, read from its bytes:
    /// `{"seq":N,"id":"…","type":"…","v":N,"effective":"…","recorded":"…",`. `nil` for a
    /// line written otherwise (members in another order, spaces, an escape in a string…).
    ///
    /// In a valid line each member occurs once and a string without `\` is its bytes, so
    /// these are the values a strict read decodes; nothing else is checked.
    struct Envelope {
        var seq: Int
        var id: UnsafeRawBufferPointer
        var type: EventType
        var effective: CivilDate
        var recorded: Timestamp

        init?(_ line: UnsafeRawBufferPointer) {
            var position = 0
            func literal(_ expected: [UInt8]) -> Bool {
                guard line.count - position >= expected.count,
                    expected.withUnsafeBytes({ memcmp(line.baseAddress! + position, $0.baseAddress!, expected.count) }) == 0
                else { return false }
                position += expected.count
                return true
            }
            func number() -> Int? {
                var value = 0
                let start = position
                while position < line.count, line[position] >= UInt8(ascii: "0"), line[position] <= UInt8(ascii: "9") {
                    // A leading zero or a 19th digit (an overflow): the strict read decides.
                    if position - start == 18 || (position > start && value == 0) { return nil }
                    value = value * 10 + Int(line[position] - UInt8(ascii: "0"))
                    position += 1
                }
                return position > start ? value : nil
            }
            func string() -> UnsafeRawBufferPointer? {
                guard position < line.count, line[position] == UInt8(ascii: "\"") else { return nil }
                let start = position + 1
                var index = start
                while index < line.count {
                    switch line[index] {
                    case UInt8(ascii: "\""):
                        position = index + 1
                        return UnsafeRawBufferPointer(rebasing: line[start..<index])
                    case UInt8(ascii: "\\"): return nil
                    default: index += 1
                    }
                }
                return nil
            }
            guard literal(Self.seqKey), let seq = number(),
                literal(Self.idKey), let id = string(), !id.isEmpty,
                literal(Self.typeKey), let typeName = string(), let type = JSONParser.eventType(typeName),
                literal(Self.versionKey), number() != nil,
                literal(Self.effectiveKey), let effectiveText = string(), let effective = CivilDate(utf8: effectiveText),
                literal(Self.recordedKey), let recordedText = string(), let recorded = Timestamp(utf8: recordedText),
                literal(Self.comma)
            else { return nil }
            self.seq = seq
            self.id = id
            self.type = type
            self.effective = effective
            self.recorded = recorded
        }

        private static let seqKey = Array(#"{"seq":"#.utf8)
        private static let idKey = Array(#","id":"#.utf8)
        private static let typeKey = Array(#","type":"#.utf8)
        private static let versionKey = Array(#","v":"#.utf8)
        private static let effectiveKey = Array(#","effective":"#.utf8)
        private static let recordedKey = Array(#","recorded":"#.utf8)
        private static let comma = Array(",".utf8)
    }
}
