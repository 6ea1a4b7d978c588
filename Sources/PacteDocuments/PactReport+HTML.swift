import PacteEvents
import PacteProjections

// The report as one self-contained HTML file: inline CSS and SVG, no script, no
// external resource; printable on A4 (each part on a new page, charts kept whole).
extension PactReport {
    public func html() -> String {
        var document = HTMLDocument()
        document.trusted("<!DOCTYPE html>\n")
        document.open("html", ["xmlns": "http://www.w3.org/1999/xhtml", "lang": "fr", "xml:lang": "fr"])
        document.newline()
        document.element("head") { head in
            head.empty("meta", ["charset": "utf-8"])
            head.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
            head.empty("meta", ["name": "generator", "content": "pacte-ledger report"])
            head.element("title", text: title)
            head.element("style") { style in
                style.trusted(Self.styleSheet(footer: audit))
            }
        }
        document.newline()
        document.element("body") { body in
            body.element("header", ["class": "cover"]) { header in
                header.element("p", ["class": "kicker"], text: "Pacte local des solidarités – rapport du registre")
                header.element("h1", text: title)
                for line in subtitle {
                    header.element("p", ["class": "subtitle"], text: line)
                }
                Self.writeFacts(keyFacts, into: &header, className: "facts key-facts")
                header.element("nav", ["class": "toc", "aria-label": "Sommaire"]) { nav in
                    nav.element("h2", text: "Sommaire")
                    nav.element("ol") { list in
                        for part in parts {
                            list.element("li") { item in
                                item.element("a", ["href": "#" + part.id], text: "\(part.number). " + part.title)
                            }
                        }
                        list.element("li") { item in
                            item.element("a", ["href": "#tracabilite"], text: "Traçabilité du registre")
                        }
                    }
                }
            }
            body.newline()
            for part in parts {
                body.element("section", ["class": "part", "id": part.id]) { section in
                    section.element("h2", text: "\(part.number). " + part.title)
                    section.newline()
                    for block in part.blocks {
                        Self.write(block, into: &section)
                    }
                }
                body.newline()
            }
            body.element("footer", ["class": "audit", "id": "tracabilite"]) { footer in
                footer.element("h2", text: "Traçabilité du registre")
                Self.writeFacts(audit.facts, into: &footer, className: "facts")
                footer.element("p", ["class": "note"]) { note in
                    note.text(audit.verificationHint)
                }
            }
            body.newline()
        }
        document.newline()
        document.close("html")
        document.newline()
        return document.markup
    }

    static func write(_ block: ReportBlock, into document: inout HTMLDocument) {
        switch block {
        case .heading(let text, let level, let id):
            let name = "h\(min(max(level, 3), 5))"
            if let id {
                document.element(name, ["id": id], text: text)
            } else {
                document.element(name, text: text)
            }
        case .paragraph(let inlines):
            document.element("p") { writeInlines(inlines, into: &$0) }
        case .note(let inlines):
            document.element("p", ["class": "note"]) { writeInlines(inlines, into: &$0) }
        case .facts(let facts):
            writeFacts(facts, into: &document, className: "facts")
        case .bullets(let items):
            document.element("ul") { list in
                for item in items {
                    list.element("li") { writeInlines(item, into: &$0) }
                }
            }
        case .table(let table):
            writeTable(table, into: &document)
        case .figure(let figure):
            document.element("figure", ["class": "chart"]) { element in
                element.element("figcaption", text: figure.caption)
                switch figure.chart {
                case .signing(let chart): element.trusted(chart.svg())
                case .schedule(let chart): element.trusted(chart.svg())
                case .budget(let chart): element.trusted(chart.svg())
                }
            }
            writeTable(figure.table, into: &document)
        case .group(let group):
            let className = group.newPage ? "sheet new-page" : (group.keepTogether ? "sheet keep" : "sheet")
            let attributes: [(String, String)] = [("class", className)] + (group.id.map { [("id", $0)] } ?? [])
            document.open("section", attributes: attributes)
            document.element("h3", text: group.title)
            for inner in group.blocks {
                write(inner, into: &document)
            }
            document.close("section")
        case .columns(let groups):
            document.element("div", ["class": "columns"]) { columns in
                for group in groups {
                    columns.element("section", ["class": "block"]) { section in
                        section.element("h4", text: group.title)
                        for inner in group.blocks {
                            write(inner, into: &section)
                        }
                    }
                }
            }
        }
        document.newline()
    }

    static func writeInlines(_ inlines: [ReportInline], into document: inout HTMLDocument) {
        for inline in inlines {
            switch inline {
            case .text(let text): document.textWithLineBreaks(text)
            case .strong(let text): document.element("strong") { $0.textWithLineBreaks(text) }
            // Identifiers (a rule, an action, a line) never break; a digest or a file name may.
            case .code(let text): document.element("code", ["class": text.count > 24 ? "long" : "id"], text: text)
            case .flag(let text, let tone): document.element("span", ["class": "flag " + tone.rawValue], text: text)
            }
        }
    }

    static func writeFacts(_ facts: [ReportFact], into document: inout HTMLDocument, className: String) {
        document.element("dl", ["class": className]) { list in
            for fact in facts {
                list.element("div") { row in
                    row.element("dt", text: fact.label)
                    row.element("dd") { writeInlines(fact.value, into: &$0) }
                }
            }
        }
    }

    static func writeTable(_ table: ReportTable, into document: inout HTMLDocument) {
        var className = table.isCompact ? "data compact" : "data"
        if table.rows.count + table.totals.count <= 12 { className += " keep" }
        document.element("table", ["class": className]) { element in
            if let caption = table.caption { element.element("caption", text: caption) }
            element.element("thead") { head in
                head.element("tr") { row in
                    for column in table.columns {
                        row.element("th", ["class": cellClass(column.alignment), "scope": "col"], text: column.title)
                    }
                }
            }
            element.element("tbody") { body in
                for (rows, className) in [(table.rows, ""), (table.totals, "total")] {
                    for cells in rows {
                        body.open("tr", attributes: className.isEmpty ? [] : [("class", className)])
                        for (cell, column) in zip(cells, table.columns) {
                            body.element("td", ["class": cellClass(column.alignment)]) { writeInlines(cell, into: &$0) }
                        }
                        body.close("tr")
                    }
                }
            }
        }
    }

    static func cellClass(_ alignment: ReportTable.Alignment) -> String {
        switch alignment {
        case .left: "text"
        case .right: "num"
        case .center: "center"
        }
    }

    // MARK: - Style

    /// A CSS string literal holding `text`: every character but letters, digits, space
    /// and `.-_:/()` is written as a 6-digit escape, so no text can close the string or
    /// the style element.
    static func cssString(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " .-_:/()".unicodeScalars.contains(scalar) {
                literal.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                // The space after the escape ends it and is not part of the string.
                literal += "\\" + String(repeating: "0", count: max(0, 6 - hex.count)) + hex + " "
            }
        }
        return literal + "\""
    }

    static func styleSheet(footer audit: ReportAudit) -> String {
        let footerText = cssString(audit.fileName + " – \(audit.eventCount) événements – empreinte " + String(audit.digest.prefix(16)) + "…")
        return """

        @page {
          size: A4;
          margin: 15mm 14mm 17mm 14mm;
          @bottom-left { content: \(footerText); font-family: "DejaVu Sans", Arial, sans-serif; font-size: 7pt; color: #555; }
          @bottom-right { content: "page " counter(page) " / " counter(pages); font-family: "DejaVu Sans", Arial, sans-serif; font-size: 7pt; color: #555; }
        }
        html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; line-height: 1.38; color: #1a1a1a; background: #fff; }
        body { margin: 0 auto; max-width: 182mm; padding: 10mm 8mm; }
        h1 { font-size: 18pt; line-height: 1.2; color: #1f4e9c; margin: 1mm 0 3mm; }
        h2 { font-size: 14pt; color: #1f4e9c; border-bottom: 1.5pt solid #1f4e9c; padding-bottom: 1mm; margin: 0 0 4mm; break-after: avoid; }
        h3 { font-size: 11.5pt; margin: 6mm 0 2mm; break-after: avoid; }
        h4 { font-size: 10pt; margin: 4mm 0 1.5mm; color: #333; break-after: avoid; }
        p { margin: 0 0 2.5mm; }
        ul { margin: 0 0 3mm; padding-left: 6mm; }
        li { margin: 0 0 1mm; }
        .kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 8pt; color: #555; margin: 0; }
        .subtitle { font-size: 10.5pt; color: #333; margin: 0 0 1.5mm; }
        .note { font-size: 8.3pt; color: #4a4a4a; }
        .cover .key-facts { margin-top: 6mm; padding: 3mm 4mm; background: #f3f6fa; border-left: 3pt solid #1f4e9c; }
        .toc ol { padding-left: 0; list-style: none; }
        .toc a { color: #1a1a1a; text-decoration: none; }
        .toc h2 { margin-top: 8mm; }
        dl.facts { display: grid; grid-template-columns: 44mm 1fr; column-gap: 4mm; row-gap: 1.2mm; margin: 0 0 3.5mm; }
        dl.facts > div { display: contents; }
        dl.facts dt { font-weight: bold; color: #333; }
        dl.facts dd { margin: 0; }
        table.data { width: 100%; border-collapse: collapse; font-size: 8.2pt; margin: 0 0 4mm; }
        table.compact { font-size: 7.3pt; }
        table.data caption { caption-side: top; text-align: left; font-weight: bold; font-size: 8.8pt; padding: 0 0 1mm; }
        table.data th { background: #e9eef5; border-bottom: 1pt solid #8a94a3; padding: 0.9mm 1.4mm; text-align: left; vertical-align: bottom; }
        table.data td { border-bottom: 0.4pt solid #cfd5dd; padding: 0.8mm 1.4mm; vertical-align: top; }
        table.data .num { text-align: right; white-space: nowrap; }
        table.data .center { text-align: center; white-space: nowrap; }
        table.data.keep { break-inside: avoid; }
        table.data caption, h3 + table.data, h4 + table.data { break-before: avoid; }
        section.keep { break-inside: avoid; }
        table.data tr.total td { font-weight: bold; border-top: 1pt solid #8a94a3; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.9em; }
        code.id { white-space: nowrap; }
        code.long { overflow-wrap: anywhere; }
        .flag { font-weight: bold; }
        .flag.good { color: #2e7d32; }
        .flag.warning { color: #a35400; }
        .flag.bad { color: #c62828; }
        .flag.neutral { color: #555; }
        figure.chart { margin: 3mm 0 2mm; break-inside: avoid; }
        figure.chart figcaption { font-weight: bold; font-size: 8.8pt; margin: 0 0 1mm; }
        svg.chart-svg { display: block; width: 100%; height: auto; }
        section.sheet > h3 { background: #e9eef5; border-left: 3pt solid #1f4e9c; padding: 1.5mm 2.5mm; margin-top: 7mm; }
        section.sheet.new-page { break-before: page; }
        div.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 5mm; margin: 2mm 0 4mm; }
        div.columns > section.block { border: 0.6pt solid #8a94a3; padding: 1.5mm 2.5mm 6mm; break-inside: avoid; }
        div.columns > section.block > h4 { margin: 0 0 1.5mm; }
        div.columns dl.facts { grid-template-columns: 24mm 1fr; margin: 0; }
        .nowrap, table.data td.date { white-space: nowrap; }
        section.sheet.new-page > h3 { margin-top: 0; }
        section.part { margin-top: 12mm; }
        footer.audit { margin-top: 8mm; padding-top: 2mm; border-top: 1.5pt solid #1f4e9c; break-inside: avoid; }
        footer.audit h2 { border: none; }
        @media print {
          html { font-size: 8.7pt; }
          body { max-width: none; padding: 0; }
          .part { break-before: page; }
          section.part { margin-top: 0; }
          a { color: inherit; text-decoration: none; }
        }

        """
    }
}

extension ReportAudit {
    /// The audit footer's facts.
    var facts: [ReportFact] {
        var facts = [
            ReportFact("Fichier du registre", [.code(fileName)]),
            ReportFact("Événements", Formatted.count(eventCount, "ligne", in: .french)),
            ReportFact("Empreinte (SHA-256 de la dernière ligne)", [.code(digest)]),
            ReportFact("Pacte en l'état au", asOf.map { LongDate.french($0) } ?? "toutes les lignes du registre"),
        ]
        if let knownAt {
            facts.append(ReportFact("Tel que connu le", PactReport.timestampText(knownAt)))
        }
        if let knownLine {
            facts.append(ReportFact("Dernière ligne connue alors", [.text("ligne \(knownLine.seq), empreinte "), .code(knownLine.hash)]))
        }
        facts.append(ReportFact("Échéances appréciées au", LongDate.french(judgementDate)))
        facts.append(ReportFact("Rapport établi le", PactReport.timestampText(generatedAt)))
        if let tornTailLine {
            facts.append(ReportFact("Attention", [.flag("la ligne \(tornTailLine) est interrompue (écriture inachevée) et n'est pas prise en compte", .bad)]))
        }
        return facts
    }

    /// How to check that a printed copy matches the ledger.
    var verificationHint: String {
        "Pour vérifier qu'un registre est bien celui de ce rapport, ou qu'il n'a été que complété depuis : pacte-ledger verify "
            + fileName + " --digest " + digest
    }
}
