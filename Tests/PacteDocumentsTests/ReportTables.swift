import Foundation
@testable import PacteDocuments
import PacteEvents
import PacteProjections
import PactTesting

/// What a report shows, read back from its content (the model both HTML and Markdown
/// are written from): its tables, each with the chart drawn above it, cells as plain
/// text with no-break spaces as spaces; and where the HTML written shows them.
struct ReportTables {
    struct Table {
        var caption: String?
        var columns: [String]
        var rows: [[String]]
        /// Each cell's runs of text as the HTML writer writes them (escaped, typeset).
        var markup: [[[String]]]
        var chart: ReportFigure.Chart?
        var figureCaption: String?
    }

    var tables: [Table] = []
    /// The report as HTML.
    let html: String

    init(_ report: PactReport) {
        html = report.html()
        for part in report.parts { collect(part.blocks) }
    }

    private mutating func collect(_ blocks: [ReportBlock]) {
        for block in blocks {
            switch block {
            case .table(let table): append(table, chart: nil, caption: nil)
            case .figure(let figure): append(figure.table, chart: figure.chart, caption: figure.caption)
            case .group(let group): collect(group.blocks)
            case .columns(let groups): for group in groups { collect(group.blocks) }
            case .heading, .paragraph, .facts, .bullets, .note: break
            }
        }
    }

    private mutating func append(_ table: ReportTable, chart: ReportFigure.Chart?, caption: String?) {
        tables.append(Table(
            caption: table.caption, columns: table.columns.map(\.title), rows: table.rows.map { $0.map(\.plainText.spaced) },
            markup: table.rows.map { $0.map { $0.map { HTMLDocument.escape(Typography.french($0.plainText)) } } },
            chart: chart, figureCaption: caption))
    }

    /// Whether the HTML shows the cell of row `index` under `title`, each of its runs.
    func htmlShows(_ table: Table, row index: Int, _ title: String) -> Bool {
        guard let column = table.columns.firstIndex(of: title) else { return false }
        return table.markup[index][column].allSatisfy(html.contains)
    }

    /// The SVG of the table's chart as the HTML holds it (after the figure's caption).
    func svg(of table: Table) -> String? {
        guard let caption = table.figureCaption,
              let start = html.range(of: "<figcaption>" + HTMLDocument.escape(Typography.french(caption)) + "</figcaption>"),
              let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.upperBound])
    }

    /// The tables with a column titled each of `titles`.
    func tables(withColumns titles: String...) -> [Table] {
        tables.filter { table in titles.allSatisfy(table.columns.contains) }
    }
}

extension ReportTables.Table {
    /// The cell of `row` under the column titled `title`.
    func cell(_ row: [String], _ title: String) -> String {
        columns.firstIndex(of: title).map { row[$0] } ?? ""
    }
}

/// Reads back the figures people read.
enum ShownFigure {
    /// `40 000,00 €` → 4 000 000 cents.
    static func cents(_ text: String) -> Int? {
        let digits = text.filter(\.isNumber)
        guard text.contains("€"), !digits.isEmpty else { return nil }
        return Int(digits).map { text.contains("-") || text.contains("−") ? -$0 : $0 }
    }

    /// `49,9 %` → 499 tenths of a percent.
    static func permille(_ text: String) -> Int? {
        guard let percent = text.range(of: " %") else { return nil }
        let number = text[..<percent.lowerBound].split(separator: " ").last.map(String.init) ?? ""
        let parts = number.split(separator: ",")
        guard parts.count == 2, let whole = Int(parts[0]), let tenth = Int(parts[1]) else { return nil }
        return whole * 10 + tenth
    }

    /// The first whole number after `marker` (`retard de 28 jours` → 28).
    static func number(after marker: String, in text: String) -> Int? {
        guard let range = text.range(of: marker) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
