import PacteProjections
/// An HTML (or inline SVG) document written element by element, escaping every text and
/// attribute value it is given, so that text from a ledger can never become markup.
///
/// The output is HTML5 that is also well-formed XML: every element is closed, void
/// elements are written `<br/>`, attribute values are double-quoted, and the only
/// entities written are `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`.
///
/// ```swift
/// var document = HTMLDocument()
/// document.element("p", ["class": "note"]) { $0.text(title) }
/// ```
struct HTMLDocument {
    /// The markup written so far.
    private(set) var markup = ""
    /// The elements opened and not closed yet, innermost last.
    private(set) var openElements: [String] = []

    /// HTML elements that have no content and no end tag (written `<br/>`).
    static let voidElements: Set<String> = ["area", "base", "br", "col", "hr", "img", "input", "link", "meta", "wbr"]

    init() {}

    // MARK: - Escaping

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities: safe as element
    /// content and as a double-quoted attribute value, in HTML and in SVG.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default:
                // Control characters other than tab and line ends are not allowed in
                // HTML or XML text: they are dropped.
                if scalar.value < 0x20, scalar != "\n", scalar != "\t" {
                    if scalar == "\r" { escaped += "\n" }
                    continue
                }
                if (0x7F...0x9F).contains(scalar.value) || scalar == "\u{FFFE}" || scalar == "\u{FFFF}" { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    // MARK: - Writing

    /// Writes `<name attributes>`; close it with ``close(_:)``.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        open(name, attributes: attributes.map { ($0.key, $0.value) })
    }

    /// Writes `<name attributes>` with attributes built at run time.
    mutating func open(_ name: String, attributes: [(String, String)]) {
        markup += "<" + name + Self.attributeText(attributes) + ">"
        openElements.append(name)
    }

    /// Writes `</name>`; `name` must be the innermost open element.
    mutating func close(_ name: String) {
        precondition(openElements.last == name, "closing <\(name)> while <\(openElements.last ?? "nothing")> is open")
        openElements.removeLast()
        markup += "</" + name + ">"
    }

    /// An element and its content.
    mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ content: (inout HTMLDocument) -> Void
    ) {
        open(name, attributes)
        content(&self)
        close(name)
    }

    /// An element whose content is `text`, escaped.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    /// An element without content: `<br/>`, `<meta …/>`, or an SVG shape (`<line …/>`).
    /// Other HTML elements always get an end tag.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        empty(name, attributes: attributes.map { ($0.key, $0.value) })
    }

    /// An element without content, with attributes built at run time.
    mutating func empty(_ name: String, attributes: [(String, String)]) {
        markup += "<" + name + Self.attributeText(attributes) + "/>"
    }

    /// Text, escaped, with French typography (``Typography/french(_:)``: the program's
    /// words typeset, ledger text kept as typed).
    mutating func text(_ text: String) {
        markup += Self.escape(Typography.french(text))
    }

    /// Text whose line ends (LF, CR LF or CR) become `<br/>`.
    mutating func textWithLineBreaks(_ text: String) {
        for (index, line) in text.reportLines.enumerated() {
            if index > 0 { empty("br") }
            self.text(line)
        }
    }

    /// Markup written by this program (a style sheet, a fragment built by another
    /// `HTMLDocument`), copied as is. Never pass text from a ledger.
    mutating func trusted(_ markup: String) {
        self.markup += markup
    }

    /// A line end, for readability of the source.
    mutating func newline() {
        markup += "\n"
    }

    static func attributeText(_ attributes: [(String, String)]) -> String {
        var text = ""
        for (name, value) in attributes {
            precondition(!name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ":") },
                         "attribute names are written by this program")
            text += " " + name + "=\"" + escape(Typography.unmarked(value)) + "\""
        }
        return text
    }
}

extension String {
    /// The lines of the text, split at LF, CR LF or CR (one empty line for empty text).
    var reportLines: [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }
}
