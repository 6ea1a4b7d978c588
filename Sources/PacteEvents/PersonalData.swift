/// Finds personal data of a beneficiary in the free text of a payload (ledger-format-v1.md,
/// "More refusals at append"): an append-only ledger cannot honour an erasure request, so
/// the writer refuses a French social security number (NIR) anywhere in `data`, and an
/// e-mail address or a telephone number outside a `signatory` unless told it is a contact
/// to keep. See docs/privacy.md.
public enum PersonalData {
    /// The first personal data found in `value` (depth first), as a refusal naming its member.
    public static func firstFinding(in value: JSONValue, path: String, allowContact: Bool) -> AppendRefusal? {
        switch value {
        case .string(let text):
            // One quick pass first: most text holds too few digits and no `@`.
            let (digits, hasAt) = profile(text)
            if digits >= 13, containsSocialSecurityNumber(text) { return .socialSecurityNumber(member: path) }
            if !allowContact {
                if hasAt, containsEmailAddress(text) { return .contact(member: path, kind: .email) }
                if digits >= 9, containsPhoneNumber(text) { return .contact(member: path, kind: .phone) }
            }
            return nil
        case .object(let object):
            for member in object.members where !identifierMembers.contains(member.key) && !member.key.hasSuffix("Id") {
                // A signatory's name and role are what a signature records; contact
                // details there are the partner's, not a beneficiary's.
                let keepContact = allowContact || member.key == "signatory"
                if let found = firstFinding(in: member.value, path: path + "." + member.key, allowContact: keepContact) {
                    return found
                }
            }
            return nil
        case .array(let values):
            for (index, item) in values.enumerated() {
                if let found = firstFinding(in: item, path: "\(path)[\(index)]", allowContact: allowContact) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// Members that hold identifiers or digests, not free text (an event id's digits are
    /// no telephone number).
    static let identifierMembers: Set<String> = ["id", "target", "request", "sha256"]

    // MARK: - NIR

    /// Whether `text` holds a NIR: 13 characters (sex 1–4 or 7–8, year, month, département
    /// with Corsica's 2A/2B, commune, order) and its 2-digit key, 97 − (number mod 97),
    /// optionally grouped by spaces, dots or hyphens. Linear in the text's UTF-8 length.
    public static func containsSocialSecurityNumber(_ text: String) -> Bool {
        scan(text, minimumDigits: 13) { bytes in
            for start in bytes.indices where isDigit(bytes[start]) && !(start > 0 && isAlphanumeric(bytes[start - 1])) {
                if let candidate = significantBytes(bytes, from: start, count: 15), isValidNIR(candidate) { return true }
            }
            return false
        }
    }

    /// Runs `body` on the UTF-8 bytes of `text` if it holds at least `minimumDigits` ASCII
    /// digits (a quick way out for long text without numbers).
    private static func scan(_ text: String, minimumDigits: Int, _ body: ([UInt8]) -> Bool) -> Bool {
        guard profile(text).digits >= minimumDigits else { return false }
        return body(Array(text.utf8))
    }

    /// How many ASCII digits `text` holds and whether it holds `@`, in one pass over its
    /// bytes in place.
    static func profile(_ text: String) -> (digits: Int, hasAt: Bool) {
        func count(_ bytes: UnsafeBufferPointer<UInt8>) -> (digits: Int, hasAt: Bool) {
            var digits = 0
            var hasAt = false
            for byte in bytes {
                if byte &- 0x30 < 10 { digits &+= 1 } else if byte == 0x40 { hasAt = true }
            }
            return (digits, hasAt)
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(count) { return result }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable(count) ?? (0, false)
    }

    /// `count` significant bytes from `start` (digits, and A/B in the 7th place), skipping
    /// single separators between them; `nil` if the run is shorter or goes on.
    static func significantBytes(_ bytes: [UInt8], from start: Int, count: Int) -> [UInt8]? {
        var result: [UInt8] = []
        var index = start
        var lastWasSeparator = false
        while index < bytes.count, result.count < count {
            let byte = bytes[index]
            if isDigit(byte) {
                result.append(byte)
                lastWasSeparator = false
                index += 1
            } else if result.count == 6, byte | 0x20 == UInt8(ascii: "a") || byte | 0x20 == UInt8(ascii: "b") {
                result.append(byte & ~0x20)
                lastWasSeparator = false
                index += 1
            } else if !lastWasSeparator, !result.isEmpty, let length = separatorLength(bytes, at: index) {
                lastWasSeparator = true
                index += length
            } else {
                break
            }
        }
        guard result.count == count else { return nil }
        // The number must end there: no more digit right after.
        if index < bytes.count, isDigit(bytes[index]) { return nil }
        return result
    }

    /// Checks the structure and the key of 15 significant bytes.
    static func isValidNIR(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 15, "123478".utf8.contains(bytes[0]) else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let month = number(3..<5), (1...12).contains(month) || (20...42).contains(month) || (50...99).contains(month)
        else { return false }
        // Corsica: 2A and 2B count as 19 and 18 for the key.
        let department: Int
        switch (bytes[5], bytes[6]) {
        case (UInt8(ascii: "2"), UInt8(ascii: "A")): department = 19
        case (UInt8(ascii: "2"), UInt8(ascii: "B")): department = 18
        default:
            guard let digits = number(5..<7) else { return false }
            department = digits
        }
        guard let head = number(0..<5), let tail = number(7..<13), let key = number(13..<15) else { return false }
        let body = (head * 100 + department) * 1_000_000 + tail
        return key == 97 - body % 97
    }

    // MARK: - Contact details

    /// Whether `text` holds `local@domain.tld`.
    public static func containsEmailAddress(_ text: String) -> Bool {
        guard profile(text).hasAt else { return false }
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "@") {
            guard index > 0, isAddressByte(bytes[index - 1]) else { continue }
            var end = index + 1
            while end < bytes.count, isAddressByte(bytes[end]) { end += 1 }
            let labels = bytes[(index + 1)..<end].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            if labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), labels.last!.count >= 2 { return true }
        }
        return false
    }

    /// Whether `text` holds a French telephone number: 10 digits starting with 0 and a
    /// non-zero digit, or +33 and 9 digits, grouped or not by spaces, dots or hyphens.
    public static func containsPhoneNumber(_ text: String) -> Bool {
        scan(text, minimumDigits: 9) { bytes in
            for start in bytes.indices where !(start > 0 && isAlphanumeric(bytes[start - 1])) {
                if bytes[start] == UInt8(ascii: "0") {
                    if let digits = significantBytes(bytes, from: start, count: 10), digits[1] != UInt8(ascii: "0"),
                        digits.allSatisfy(isDigit)
                    {
                        return true
                    }
                } else if bytes[start] == UInt8(ascii: "+"), start + 3 < bytes.count, bytes[start + 1] == UInt8(ascii: "3"),
                    bytes[start + 2] == UInt8(ascii: "3")
                {
                    var next = start + 3
                    while next < bytes.count, let length = separatorLength(bytes, at: next) { next += length }
                    if next < bytes.count, bytes[next] != UInt8(ascii: "0"),
                        let digits = significantBytes(bytes, from: next, count: 9), digits.allSatisfy(isDigit)
                    {
                        return true
                    }
                }
            }
            return false
        }
    }

    // MARK: - Bytes

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// ASCII letters and digits (a byte of a non-ASCII character counts as none).
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    private static func isAddressByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "._%+-".utf8.contains(byte)
    }

    /// The length of the separator at `index` (space, dot, hyphen, no-break spaces), if any.
    private static func separatorLength(_ bytes: [UInt8], at index: Int) -> Int? {
        switch bytes[index] {
        case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"): return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: return 2
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAF: return 3
        default: return nil
        }
    }
}
