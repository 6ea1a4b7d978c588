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
            if containsSocialSecurityNumber(text) { return .socialSecurityNumber(member: path) }
            if !allowContact {
                if containsEmailAddress(text) { return .contact(member: path, kind: .email) }
                if containsPhoneNumber(text) { return .contact(member: path, kind: .phone) }
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
    /// optionally grouped by spaces, dots or hyphens.
    public static func containsSocialSecurityNumber(_ text: String) -> Bool {
        let characters = Array(text)
        for start in characters.indices where characters[start].isASCII && characters[start].isNumber {
            if start > characters.startIndex, isAlphanumeric(characters[start - 1]) { continue }
            if let candidate = significantCharacters(characters, from: start, count: 15), isValidNIR(candidate) {
                return true
            }
        }
        return false
    }

    /// `count` significant characters from `start` (digits, and A/B in the 7th place),
    /// skipping single separators between them; `nil` if the run is shorter or goes on.
    static func significantCharacters(_ characters: [Character], from start: Int, count: Int) -> [Character]? {
        var result: [Character] = []
        var index = start
        var lastWasSeparator = false
        while index < characters.count, result.count < count {
            let character = characters[index]
            if character.isASCII, character.isNumber {
                result.append(character)
                lastWasSeparator = false
            } else if result.count == 6, character == "A" || character == "B" || character == "a" || character == "b" {
                result.append(Character(character.uppercased()))
                lastWasSeparator = false
            } else if isSeparator(character), !lastWasSeparator, !result.isEmpty {
                lastWasSeparator = true
            } else {
                break
            }
            index += 1
        }
        guard result.count == count else { return nil }
        // The number must end there: no more digit right after.
        if index < characters.count, characters[index].isASCII, characters[index].isNumber { return nil }
        return result
    }

    /// Checks the structure and the key of 15 significant characters.
    static func isValidNIR(_ characters: [Character]) -> Bool {
        guard characters.count == 15, "123478".contains(characters[0]) else { return false }
        let month = Int(String(characters[3...4])) ?? 0
        guard (1...12).contains(month) || (20...42).contains(month) || (50...99).contains(month) else { return false }
        var body = String(characters[0..<13])
        // Corsica: 2A and 2B count as 19 and 18 for the key.
        if characters[5] == "2", characters[6] == "A" {
            body = String(characters[0..<5]) + "19" + String(characters[7..<13])
        } else if characters[5] == "2", characters[6] == "B" {
            body = String(characters[0..<5]) + "18" + String(characters[7..<13])
        } else if !characters[6].isNumber {
            return false
        }
        guard let number = Int(body), let key = Int(String(characters[13...14])) else { return false }
        return key == 97 - number % 97
    }

    // MARK: - Contact details

    /// Whether `text` holds `local@domain.tld`.
    public static func containsEmailAddress(_ text: String) -> Bool {
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "@" {
            guard index > 0, isAddressCharacter(characters[index - 1]) else { continue }
            var end = index + 1
            while end < characters.count, isAddressCharacter(characters[end]) || characters[end] == "-" { end += 1 }
            let domain = String(characters[(index + 1)..<end])
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            if labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), labels.last!.count >= 2 { return true }
        }
        return false
    }

    /// Whether `text` holds a French telephone number: 10 digits starting with 0 and a
    /// non-zero digit, or +33 and 9 digits, grouped or not by spaces, dots or hyphens.
    public static func containsPhoneNumber(_ text: String) -> Bool {
        let characters = Array(text)
        for start in characters.indices {
            if start > 0, isAlphanumeric(characters[start - 1]) { continue }
            if characters[start] == "0" {
                if let digits = significantCharacters(characters, from: start, count: 10), digits[1] != "0",
                    digits.allSatisfy(\.isNumber)
                {
                    return true
                }
            } else if characters[start] == "+", start + 3 < characters.count, characters[start + 1] == "3",
                characters[start + 2] == "3"
            {
                var next = start + 3
                while next < characters.count, isSeparator(characters[next]) { next += 1 }
                if next < characters.count, characters[next] != "0",
                    let digits = significantCharacters(characters, from: next, count: 9), digits.allSatisfy(\.isNumber)
                {
                    return true
                }
            }
        }
        return false
    }

    private static func isSeparator(_ character: Character) -> Bool {
        character == " " || character == "." || character == "-" || character == "\u{00A0}" || character == "\u{202F}"
    }

    private static func isAlphanumeric(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    private static func isAddressCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._%+-".contains(character))
    }
}
