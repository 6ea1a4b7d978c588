/// Reading and writing one line of format v1, and its hash.
///
/// A line is `P,"hash":"H"}` then `\n`, where `H` is the lowercase hex SHA-256 of `P`.
public enum LedgerLine {
    /// `,"hash":"` + 64 hex digits + `"}`: the fixed ending of every line.
    public static let hashSuffixLength = 75
    static let hashMarker: [UInt8] = Array(#","hash":""#.utf8)

    /// The bytes of a new line, `\n` included, and its hash.
    public static func write(
        seq: Int, id: String, type: EventType, version: Int, effective: CivilDate, recorded: Timestamp,
        recordedBy: String, data: JSONObject, previousHash: SHA256Digest
    ) -> (bytes: [UInt8], hash: SHA256Digest) {
        var writer = JSONWriter(reservingCapacity: 512)
        writer.writeRaw(#"{"seq":"#)
        writer.writeRaw(String(seq).utf8)
        writer.writeRaw(#","id":"#)
        writer.write(id)
        writer.writeRaw(#","type":"#)
        writer.write(type.rawValue)
        writer.writeRaw(#","v":"#)
        writer.writeRaw(String(version).utf8)
        writer.writeRaw(#","effective":"#)
        writer.write(effective.description)
        writer.writeRaw(#","recorded":"#)
        writer.write(recorded.description)
        writer.writeRaw(#","by":"#)
        writer.write(recordedBy)
        writer.writeRaw(#","data":"#)
        writer.write(data)
        writer.writeRaw(#","prev":""#)
        writer.writeRaw(previousHash.hexadecimal.utf8)
        writer.writeRaw("\"")
        var bytes = writer.bytes
        let hash = SHA256.hash(bytes)
        bytes.append(contentsOf: hashMarker)
        hash.writeHexadecimal(into: &bytes)
        bytes.append(contentsOf: #""}"#.utf8)
        bytes.append(0x0A)
        return (bytes, hash)
    }

    /// Parses one line (without its `\n`), checks its hash, and decodes its envelope
    /// and payload. Chain, sequence and references are checked by ``LedgerIndex``.
    public static func parse(_ line: UnsafeRawBufferPointer, at location: LedgerLocation) throws(LedgerError) -> LedgerEvent {
        var scratch = LineScratch()
        return try parse(line, at: location, scratch: &scratch)
    }

    /// ``parse(_:at:)`` reusing `scratch`, what the line read before on this thread left.
    static func parse(_ line: UnsafeRawBufferPointer, at location: LedgerLocation, scratch: inout LineScratch)
        throws(LedgerError) -> LedgerEvent
    {
        // Lines as format v1 writers write them take the direct path: the envelope read from
        // the bytes, `data` indexed (``JSONTape``) and its payload decoded from the bytes,
        // `data` kept as bytes. Any other line (or any problem) takes the general one, which
        // names the problem precisely.
        if hasHashEnding(line), var fields = JSONParser.parseEnvelope(line, scratch: &scratch), fields.version >= 1,
            fields.version <= fields.type.newestVersion,
            let payload = fields.dataTape.nodes.withUnsafeBufferPointer({ nodes in
                try? EventPayload(
                    type: fields.type, version: fields.version,
                    reader: ObjectReader(tape: JSONTapeCursor(bytes: line, nodes: nodes, index: 0)))
            })
        {
            // The tape's memory goes back to the scratch for the next line.
            swap(&scratch.nodes, &fields.dataTape.nodes)
            // A payload the tape does not read (a refusal) is read again the general way,
            // which names the member.
            let event = LedgerEvent(
                seq: fields.seq, id: fields.id, type: fields.type, version: fields.version, effective: fields.effective,
                recorded: fields.recorded, recordedBy: fields.recordedBy,
                dataBytes: [UInt8](UnsafeRawBufferPointer(rebasing: line[fields.data])), payload: payload,
                previousHash: fields.previousHash, hash: fields.hash)
            try checkHash(of: line, against: event.hash, at: location)
            return event
        }
        return try parseBuilt(line, at: location)
    }

    /// Parses one line the general way: its JSON built as ``JSONValue``s, then decoded. Any
    /// line the direct path does not read comes here; this names every problem.
    static func parseBuilt(_ line: UnsafeRawBufferPointer, at location: LedgerLocation) throws(LedgerError) -> LedgerEvent {
        let value: JSONValue
        do {
            value = try JSONParser.parseLine(line)
        } catch {
            throw LedgerError.malformedLine(location, error)
        }
        guard case .object(let object) = value else {
            throw LedgerError.invalidMember(location, FieldError(path: "", expected: .object, found: ObjectReader.excerpt(value)))
        }
        guard hasHashEnding(line), object.members.last?.key == "hash" else {
            throw LedgerError.hashNotLast(location)
        }
        let event: LedgerEvent
        do {
            event = try decode(object)
        } catch let error as FieldError {
            throw LedgerError.invalidMember(location, error)
        } catch let error as LedgerError {
            // A version this reader does not know is reported only for a line as its
            // writer wrote it: an altered `v` is tampering, like any other altered byte.
            if case .newerVersion = error, let reader = try? ObjectReader(.object(object), path: ""),
                let written = try? digest(reader, "hash")
            {
                try checkHash(of: line, against: written, at: location)
            }
            throw error.located(at: location)
        } catch {
            preconditionFailure("decode throws only FieldError and LedgerError")
        }
        try checkHash(of: line, against: event.hash, at: location)
        return event
    }

    /// Throws ``LedgerError/hashMismatch(_:computed:written:)`` unless SHA-256 of the line's
    /// bytes before its fixed ending is `written`.
    static func checkHash(of line: UnsafeRawBufferPointer, against written: SHA256Digest, at location: LedgerLocation)
        throws(LedgerError)
    {
        let hashed = UnsafeRawBufferPointer(rebasing: line[0..<(line.count - hashSuffixLength)])
        let computed = SHA256.hash(hashed)
        guard computed == written else {
            throw LedgerError.hashMismatch(location, computed: computed.hexadecimal, written: written.hexadecimal)
        }
    }

    /// Whether the line ends with `,"hash":"` + 64 lowercase hex + `"}`.
    static func hasHashEnding(_ line: UnsafeRawBufferPointer) -> Bool {
        let count = line.count
        guard count > hashSuffixLength + 1 else { return false }
        let start = count - hashSuffixLength
        return UnsafeRawBufferPointer(rebasing: line[start..<(start + 9)]).hasBytes(of: #","hash":""#)
            && SHA256Digest(hexadecimalUTF8: UnsafeRawBufferPointer(rebasing: line[(start + 9)..<(count - 2)])) != nil
            && line[count - 2] == UInt8(ascii: "\"") && line[count - 1] == UInt8(ascii: "}")
    }

    private static func decode(_ object: JSONObject) throws -> LedgerEvent {
        let reader = try ObjectReader(.object(object), path: "")
        let seq = try reader.integer("seq", in: 1...Int.max)
        let id = try reader.string("id")
        guard !id.isEmpty else { throw FieldError(path: "id", expected: .nonEmptyString, found: "\"\"") }
        let typeName = try reader.string("type")
        guard let type = EventType(rawValue: typeName) else {
            throw LedgerError.unknownType(LedgerLocation(file: "", line: seq), typeName)
        }
        let version = try reader.integer("v")
        guard version >= 1 else {
            throw FieldError(path: "v", expected: .integerInRange(1...type.newestVersion), found: String(version))
        }
        guard version <= type.newestVersion else {
            throw LedgerError.newerVersion(LedgerLocation(file: "", line: seq), type: type, version: version)
        }
        let effective = try reader.date("effective")
        let recordedValue = try reader.required("recorded", .timestamp)
        guard case .string(let recordedText) = recordedValue, let recorded = Timestamp(recordedText) else {
            throw FieldError(path: "recorded", expected: .timestamp, found: ObjectReader.excerpt(recordedValue))
        }
        let recordedBy = try reader.string("by")
        let dataValue = try reader.required("data", .object)
        let payload = try EventPayload(type: type, version: version, data: dataValue)
        let previousHash = try digest(reader, "prev")
        let hash = try digest(reader, "hash")
        return LedgerEvent(
            seq: seq, id: id, type: type, version: version, effective: effective, recorded: recorded,
            recordedBy: recordedBy, data: dataValue.objectValue ?? JSONObject(), payload: payload,
            previousHash: previousHash, hash: hash,
            otherMembers: object.members.count == 10 ? [] : object.members.filter { !envelopeMembers.contains($0.key) }
        )
    }

    static let envelopeMembers: Set<String> = ["seq", "id", "type", "v", "effective", "recorded", "by", "data", "prev", "hash"]

    private static func digest(_ reader: ObjectReader, _ key: String) throws(FieldError) -> SHA256Digest {
        let value = try reader.required(key, .hash)
        guard case .string(var text) = value,
            let digest = text.withUTF8({ SHA256Digest(hexadecimalUTF8: UnsafeRawBufferPointer($0)) })
        else {
            throw FieldError(path: key, expected: .hash, found: ObjectReader.excerpt(value))
        }
        return digest
    }
}

/// Where a problem is: the ledger file and the line number (which is also the `seq`
/// the line should have).
public struct LedgerLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
