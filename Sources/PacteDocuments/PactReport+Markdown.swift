import PacteEvents
import PacteProjections

// The report as Markdown (CommonMark with GitHub tables): the same text as the HTML
// report, each chart replaced by its table.
extension PactReport {
    public func markdown() -> String {
        var lines: [String] = []
        lines.append("*Pacte local des solidarités – rapport du registre*")
        lines.append("")
        lines.append("# " + Self.markdownInline(title))
        lines.append("")
        for line in subtitle {
            lines.append(Self.markdownInline(line))
            lines.append("")
        }
        lines += Self.markdownFacts(keyFacts)
        lines.append("")
        lines.append("## Sommaire")
        lines.append("")
        for part in parts {
            lines.append("\(part.number). [" + Self.markdownInline(part.title) + "](#" + part.id + ")")
        }
        lines.append("\(parts.count + 1). [Traçabilité du registre](#tracabilite)")
        lines.append("")
        for part in parts {
            lines.append("<a id=\"" + part.id + "\"></a>")
            lines.append("")
            lines.append("## \(part.number). " + Self.markdownInline(part.title))
            lines.append("")
            for block in part.blocks {
                lines += Self.markdown(block)
            }
        }
        lines.append("<a id=\"tracabilite\"></a>")
        lines.append("")
        lines.append("## Traçabilité du registre")
        lines.append("")
        lines += Self.markdownFacts(audit.facts)
        lines.append("")
        lines.append(Self.markdownInline(audit.verificationHint))
        lines.append("")
        return lines.joined(separator: "\n")
    }

    static func markdown(_ block: ReportBlock) -> [String] {
        var lines: [String] = []
        switch block {
        case .heading(let text, let level, _):
            lines.append(String(repeating: "#", count: min(max(level, 3), 5)) + " " + markdownInline(text))
        case .paragraph(let inlines):
            lines += markdownParagraph(inlines)
        case .note(let inlines):
            lines += markdownParagraph(inlines).map { $0.isEmpty ? ">" : "> " + $0 }
        case .facts(let facts):
            lines += markdownFacts(facts)
        case .bullets(let items):
            lines += items.map { "- " + markdownInlines($0) }
        case .table(let table):
            lines += markdownTable(table)
        case .figure(let figure):
            lines.append("**" + markdownInline(figure.caption) + "**")
            lines.append("")
            lines += markdownTable(figure.table)
        case .group(let group):
            if let id = group.id {
                lines.append("<a id=\"" + id + "\"></a>")
                lines.append("")
            }
            lines.append("### " + markdownInline(group.title))
            lines.append("")
            for inner in group.blocks {
                lines += markdown(inner)
            }
            return lines
        case .columns(let groups):
            for group in groups {
                lines.append("#### " + markdownInline(group.title))
                lines.append("")
                for inner in group.blocks {
                    lines += markdown(inner)
                }
            }
            return lines
        }
        lines.append("")
        return lines
    }

    static func markdownFacts(_ facts: [ReportFact]) -> [String] {
        facts.map { "- **" + markdownInline($0.label) + "**\u{202F}: " + markdownInlines($0.value) }
    }

    static func markdownTable(_ table: ReportTable) -> [String] {
        var lines: [String] = []
        if let caption = table.caption {
            lines.append("*" + markdownInline(caption) + "*")
            lines.append("")
        }
        lines.append("| " + table.columns.map { $0.title.isEmpty ? " " : markdownInline($0.title) }.joined(separator: " | ") + " |")
        lines.append("|" + table.columns.map { column in
            switch column.alignment {
            case .left: " --- "
            case .right: " ---: "
            case .center: " :---: "
            }
        }.joined(separator: "|") + "|")
        for row in table.rows {
            lines.append("| " + row.map { markdownInlines($0) }.joined(separator: " | ") + " |")
        }
        for row in table.totals {
            lines.append("| " + row.map { cell in
                let text = markdownInlines(cell)
                return text.isEmpty ? "" : "**" + text + "**"
            }.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// A paragraph whose line ends (in text from the ledger) become hard line breaks.
    static func markdownParagraph(_ inlines: [ReportInline]) -> [String] {
        let text = markdownInlines(inlines, keepingLineEnds: true)
        return text.reportLines.map { line in
            escapeLineStart(String(line.drop { $0 == " " || $0 == "\t" }))
        }.joinedWithHardBreaks()
    }

    /// Inline runs as Markdown. Consecutive bold runs (strong text, flags) are written
    /// as one `**…**`, with their outer spaces outside the markers, as CommonMark needs.
    static func markdownInlines(_ inlines: [ReportInline], keepingLineEnds: Bool = false) -> String {
        var result = ""
        var bold = ""
        func flushBold() {
            guard !bold.isEmpty else { return }
            let leading = bold.prefix { $0 == " " }
            let trailing = String(bold.reversed().prefix { $0 == " " })
            let core = bold.trimmingCharacters(in: " ")
            result += leading + (core.isEmpty ? "" : "**" + core + "**") + (core.isEmpty ? "" : trailing)
            bold = ""
        }
        for inline in inlines {
            switch inline {
            case .text(let text):
                flushBold()
                result += markdownInline(text, keepingLineEnds: keepingLineEnds)
            case .code(let text):
                flushBold()
                result += markdownInline(text)
            case .strong(let text):
                bold += markdownInline(text)
            case .flag(let text, _):
                bold += markdownInline(text)
            }
        }
        flushBold()
        return result
    }

    /// Text escaped for Markdown: characters that would start emphasis, links, code,
    /// HTML or break a table cell are preceded by a backslash; line ends become spaces
    /// (unless kept for a paragraph). French typography is applied first
    /// (``Typography/french(_:)``), as in the HTML.
    static func markdownInline(_ text: String, keepingLineEnds: Bool = false) -> String {
        var escaped = ""
        for scalar in Typography.french(text).unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&":
                escaped += "\\"
                escaped.unicodeScalars.append(scalar)
            case "\r", "\n":
                escaped += keepingLineEnds ? String(scalar) : " "
            default:
                if scalar.value < 0x20, scalar != "\t" { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// A line that would start a list, a heading or a quote is escaped.
    static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "-+=".contains(first) { return "\\" + line }
        // `1.` or `1)` starts an ordered list.
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count < line.count {
            let next = line[line.index(line.startIndex, offsetBy: digits.count)]
            if next == "." || next == ")" {
                return digits + "\\" + line.dropFirst(digits.count)
            }
        }
        return line
    }
}

extension String {
    /// The text without `character` at either end.
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return String(text)
    }
}

extension Array where Element == String {
    /// Lines of one paragraph, each but the last ended by a hard line break.
    func joinedWithHardBreaks() -> [String] {
        let kept = filter { !$0.isEmpty }
        return kept.enumerated().map { index, line in index < kept.count - 1 ? line + "\\" : line }
    }
}
