import PacteEvents

/// An iCalendar file (RFC 5545) of all-day events, written by hand: CRLF line ends,
/// content lines folded at 75 octets without splitting a UTF-8 sequence, TEXT values
/// escaped (`\\`, `;`, `,`, newline). Outlook, Thunderbird and Google Calendar import it;
/// an event imported again with the same UID updates the first.
public struct ICalendar: Sendable {
    public struct Event: Sendable, Equatable {
        /// Stable across exports: the same deadline keeps its UID when its date moves.
        public var uid: String
        public var date: CivilDate
        public var summary: String
        public var description: String
        public var categories: [String] = []
        /// Grows with every export of a longer ledger, so a re-import replaces the event.
        public var sequence: Int

        public init(uid: String, date: CivilDate, summary: String, description: String, categories: [String] = [], sequence: Int) {
            self.uid = uid
            self.date = date
            self.summary = summary
            self.description = description
            self.categories = categories
            self.sequence = sequence
        }
    }

    /// `-//pacte-ledger//agenda//FR`.
    public var productId: String
    public var name: String
    public var events: [Event]

    public init(productId: String, name: String, events: [Event]) {
        self.productId = productId
        self.name = name
        self.events = events
    }

    /// The file's text; `stamp` is the DTSTAMP of every event (when the file was made).
    public func text(stamp: Timestamp) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productId, "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Self.escaped(name),
        ]
        let dtstamp = Self.utc(stamp)
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + event.uid,
                "DTSTAMP:" + dtstamp,
                "DTSTART;VALUE=DATE:" + Self.basic(event.date),
                "DTEND;VALUE=DATE:" + Self.basic(event.date.adding(days: 1)),
                "SEQUENCE:" + String(event.sequence),
                "SUMMARY:" + Self.escaped(event.summary),
                "DESCRIPTION:" + Self.escaped(event.description),
            ]
            if !event.categories.isEmpty { lines.append("CATEGORIES:" + event.categories.map(Self.escaped).joined(separator: ",")) }
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined()
    }

    /// `20250315`.
    static func basic(_ date: CivilDate) -> String {
        String(date.description.filter { $0 != "-" })
    }

    /// `20250315T093000Z`.
    static func utc(_ timestamp: Timestamp) -> String {
        String(timestamp.description.filter { $0 != "-" && $0 != ":" })
    }

    /// A TEXT value (RFC 5545 § 3.3.11): backslash, semicolon, comma and newline escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasCarriageReturn { result += "\\n" }
            default:
                // Other control characters are not allowed in a TEXT value.
                if scalar.value < 0x20 || scalar.value == 0x7F { result += " " } else { result.unicodeScalars.append(scalar) }
            }
            previousWasCarriageReturn = scalar == "\r"
        }
        return result
    }

    /// One content line, folded: at most 75 octets per physical line (a continuation
    /// line starts with a space, which counts), never inside a UTF-8 sequence, CRLF after each.
    static func folded(_ line: String) -> String {
        var result = ""
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > limit {
                result += "\r\n "
                octets = 1
                limit = 75
            }
            result.unicodeScalars.append(scalar)
            octets += size
        }
        return result + "\r\n"
    }
}
