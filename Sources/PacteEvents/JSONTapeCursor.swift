/// One value of a ``JSONTape``, read over the line's bytes. It is valid only while the
/// line's bytes and the tape's nodes are (one call of ``LedgerLine/parse(_:at:)``).
struct JSONTapeCursor: @unchecked Sendable {
    // Unchecked: the pointers never leave the decoding of one line, on one thread.
    let bytes: UnsafeRawBufferPointer
    let nodes: UnsafeBufferPointer<JSONTape.Node>
    let index: Int

    var kind: JSONTape.Kind { nodes[index].kind }

    /// Whether this is a string holding an escape.
    var nodeHasEscape: Bool { nodes[index].hasEscape }

    /// The member named `key` (the same bytes), when this is an object that has one.
    func member(_ key: String) -> JSONTapeCursor? {
        let node = nodes[index]
        guard node.kind == .object else { return nil }
        var key = key
        // Names compared by length first, then `memcmp`.
        guard let child = key.withUTF8({ child(named: UnsafeRawBufferPointer($0), before: Int(node.next)) }) else { return nil }
        return JSONTapeCursor(bytes: bytes, nodes: nodes, index: child)
    }

    /// The index of the member of this object named `name`, among the nodes before `end`.
    private func child(named name: UnsafeRawBufferPointer, before end: Int) -> Int? {
        var child = index + 1
        while child < end {
            let candidate = nodes[child]
            if Int(candidate.keyEnd - candidate.keyStart) == name.count,
                UnsafeRawBufferPointer(rebasing: bytes[Int(candidate.keyStart)..<Int(candidate.keyEnd)]).hasSameBytes(as: name)
            {
                return child
            }
            child = Int(candidate.next)
        }
        return nil
    }

    /// The elements, when this is an array (read in place: nothing is allocated).
    var elements: Elements? {
        guard nodes[index].kind == .array else { return nil }
        return Elements(bytes: bytes, nodes: nodes, position: index + 1, end: Int(nodes[index].next))
    }

    /// The elements of an array of a tape, in order.
    struct Elements: Sequence, IteratorProtocol {
        let bytes: UnsafeRawBufferPointer
        let nodes: UnsafeBufferPointer<JSONTape.Node>
        /// The node of the next element.
        var position: Int
        let end: Int

        mutating func next() -> JSONTapeCursor? {
            guard position < end else { return nil }
            let element = JSONTapeCursor(bytes: bytes, nodes: nodes, index: position)
            position = Int(nodes[position].next)
            return element
        }

        /// How many there are.
        var count: Int { reduce(0) { (count: Int, _: JSONTapeCursor) in count + 1 } }
    }

    /// A string's bytes as written (escapes included), when this is a string.
    private var rawBytes: UnsafeRawBufferPointer {
        let node = nodes[index]
        return UnsafeRawBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)])
    }

    /// The text, when this is a string.
    var string: String? {
        let node = nodes[index]
        guard node.kind == .string else { return nil }
        if node.hasEscape { return JSONParser.decodedString(bytes, at: Int(node.start) - 1)?.value }
        return String(decoding: rawBytes, as: UTF8.self)
    }

    /// The UTF-8 bytes of a string without escapes (dates, digests), else `nil`.
    var unescapedUTF8: UnsafeRawBufferPointer? {
        let node = nodes[index]
        guard node.kind == .string, !node.hasEscape else { return nil }
        return rawBytes
    }

    /// The whole number, as ``JSONNumber/integerValue`` reads the literal, with its sign
    /// as ``JSONNumber/isNegative`` reads it; `nil` when this is not a number.
    var number: (integer: Int?, isNegative: Bool)? {
        let node = nodes[index]
        guard node.kind == .number else { return nil }
        var position = Int(node.start)
        let end = Int(node.end)
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        guard end - position <= 18 else { return (nil, negative) }
        var value = 0
        while position < end {
            let byte = bytes[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return (nil, negative) }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            position += 1
        }
        return (negative ? -value : value, negative)
    }

    /// The value built as ``JSONParser`` builds it.
    var value: JSONValue {
        let node = nodes[index]
        switch node.kind {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .number:
            return .number(JSONNumber(literal: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)]), as: UTF8.self)))
        case .string: return .string(string ?? "")
        case .array: return .array(elements.map { $0.map(\.value) } ?? [])
        case .object: return .object(objectValue)
        }
    }

    /// The members built as ``JSONParser`` builds them, when this is an object.
    var objectValue: JSONObject {
        let node = nodes[index]
        guard node.kind == .object else { return JSONObject() }
        var members: [JSONMember] = []
        var child = index + 1
        let end = Int(node.next)
        while child < end {
            let member = nodes[child]
            let key = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[Int(member.keyStart)..<Int(member.keyEnd)]), as: UTF8.self)
            members.append(JSONMember(key, JSONTapeCursor(bytes: bytes, nodes: nodes, index: child).value))
            child = Int(member.next)
        }
        return JSONObject(members)
    }
}
