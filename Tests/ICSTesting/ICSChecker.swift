/// A strict reader of iCalendar files (RFC 5545), for the tests: it reports every way a
/// file breaks the rules a calendar program relies on.
public struct ICSChecker {
    public struct Component {
        public var name: String
        public var properties: [(name: String, parameters: [String], value: String)] = []
        public var children: [Component] = []

        public func values(_ property: String) -> [String] {
            properties.filter { $0.name == property }.map(\.value)
        }
    }

    /// Problems found, one sentence each; empty when the file is valid.
    public private(set) var problems: [String] = []
    /// The VCALENDAR, when the file parses.
    public private(set) var calendar: Component?

    /// Properties whose value is TEXT (escaping checked).
    static let textProperties: Set<String> = ["SUMMARY", "DESCRIPTION", "X-WR-CALNAME", "LOCATION", "COMMENT", "CATEGORIES"]

    public init(_ bytes: [UInt8]) {
        // 1. Physical lines: CRLF only, at most 75 octets, whole UTF-8 sequences.
        var physical: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    physical.append(current)
                    current = []
                    index += 2
                    continue
                }
                problems.append("bare CR at byte \(index)")
            } else if byte == 0x0A {
                problems.append("bare LF at byte \(index) (lines must end with CRLF)")
            } else {
                current.append(byte)
            }
            index += 1
        }
        if !current.isEmpty { problems.append("the last line does not end with CRLF") }
        for (number, line) in physical.enumerated() {
            if line.count > 75 { problems.append("line \(number + 1) has \(line.count) octets (at most 75)") }
            if String(validating: line, as: UTF8.self) == nil {
                problems.append("line \(number + 1) is not whole UTF-8 (a folding split a sequence)")
            }
            if line.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
                problems.append("line \(number + 1) holds a control character")
            }
        }
        // 2. Unfold.
        var logical: [[UInt8]] = []
        for line in physical {
            if let first = line.first, first == 0x20 || first == 0x09 {
                guard !logical.isEmpty else {
                    problems.append("the file starts with a continuation line")
                    continue
                }
                logical[logical.count - 1] += line.dropFirst()
            } else {
                logical.append(line)
            }
        }
        // 3. Content lines and components.
        var stack: [Component] = []
        for bytes in logical {
            let text = String(decoding: bytes, as: UTF8.self)
            guard let parsed = Self.contentLine(text) else {
                problems.append("not a content line: \(text)")
                continue
            }
            if parsed.name == "BEGIN" {
                stack.append(Component(name: parsed.value))
            } else if parsed.name == "END" {
                guard let last = stack.popLast() else {
                    problems.append("END:\(parsed.value) without BEGIN")
                    continue
                }
                if last.name != parsed.value { problems.append("END:\(parsed.value) closes BEGIN:\(last.name)") }
                if stack.isEmpty {
                    if calendar != nil { problems.append("more than one VCALENDAR") }
                    calendar = last
                } else {
                    stack[stack.count - 1].children.append(last)
                }
            } else {
                guard !stack.isEmpty else {
                    problems.append("\(parsed.name) outside any component")
                    continue
                }
                if Self.textProperties.contains(parsed.name), let problem = Self.escapingProblem(parsed.value, name: parsed.name) {
                    problems.append(problem)
                }
                stack[stack.count - 1].properties.append(parsed)
            }
        }
        if !stack.isEmpty { problems.append("BEGIN:\(stack.map(\.name).joined(separator: ", ")) never closed") }
        // 4. Required properties.
        guard let calendar else {
            problems.append("no VCALENDAR")
            return
        }
        if calendar.name != "VCALENDAR" { problems.append("the outer component is \(calendar.name), not VCALENDAR") }
        if calendar.values("VERSION") != ["2.0"] { problems.append("VERSION:2.0 missing or repeated") }
        if calendar.values("PRODID").count != 1 { problems.append("PRODID missing or repeated") }
        var uids: Set<String> = []
        for event in calendar.children where event.name == "VEVENT" {
            let uid = event.values("UID")
            if uid.count != 1 || uid[0].isEmpty { problems.append("a VEVENT lacks one UID") }
            if let first = uid.first, !uids.insert(first).inserted { problems.append("UID \(first) repeated") }
            let stamps = event.values("DTSTAMP")
            if stamps.count != 1 || !Self.isUTCDateTime(stamps[0]) { problems.append("VEVENT \(uid) lacks one DTSTAMP in UTC") }
            let starts = event.properties.filter { $0.name == "DTSTART" }
            guard starts.count == 1 else {
                problems.append("VEVENT \(uid) lacks one DTSTART")
                continue
            }
            let start = starts[0]
            if start.parameters.contains("VALUE=DATE") {
                if Self.date(start.value) == nil { problems.append("DTSTART \(start.value) is not a date YYYYMMDD") }
                for end in event.properties where end.name == "DTEND" {
                    if !end.parameters.contains("VALUE=DATE") || Self.date(end.value) == nil {
                        problems.append("DTEND \(end.value) is not a date like DTSTART")
                    } else if end.value <= start.value {
                        problems.append("DTEND \(end.value) is not after DTSTART \(start.value)")
                    }
                }
            }
            if event.values("SUMMARY").count > 1 { problems.append("VEVENT \(uid) has several SUMMARY") }
        }
    }

    /// `NAME;PARAM=V:value`, or `nil`.
    static func contentLine(_ text: String) -> (name: String, parameters: [String], value: String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let head = text[..<colon].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard let name = head.first, !name.isEmpty,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { return nil }
        return (name.uppercased(), Array(head.dropFirst()), String(text[text.index(after: colon)...]))
    }

    /// A TEXT value's escaping: `\` only before `\ ; , n N`; no bare `;` (nor `,`, except
    /// as CATEGORIES' separator).
    static func escapingProblem(_ value: String, name: String) -> String? {
        var escaped = false
        for character in value {
            if escaped {
                guard "\\;,nN".contains(character) else { return "\(name): \\\(character) is not a TEXT escape" }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ";" || (character == "," && name != "CATEGORIES") {
                return "\(name): unescaped \(character) in \(value)"
            }
        }
        return escaped ? "\(name): ends with a lone backslash" : nil
    }

    static func isUTCDateTime(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count == 16, characters[8] == "T", characters[15] == "Z" else { return false }
        return date(String(characters[0..<8])) != nil && characters[9..<15].allSatisfy(\.isNumber)
    }

    static func date(_ text: String) -> (Int, Int, Int)? {
        guard text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let digits = Array(text)
        let year = Int(String(digits[0..<4]))!, month = Int(String(digits[4..<6]))!, day = Int(String(digits[6..<8]))!
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }
}
