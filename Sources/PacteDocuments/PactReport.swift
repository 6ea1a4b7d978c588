import PacteEvents
import PacteProjections

/// The pact as a document people read: its content, built once from the ledger and
/// written as HTML (``html()``, printable on A4, charts in SVG) or as Markdown
/// (``markdown()``, charts as tables). Both formats carry the same text.
///
/// The content follows the regional guidance: the convention (articles 1 to 5 and the
/// partners), annexes 1 to 5 with every action sheet in full, one sheet per partner, the
/// signing calendar, the budget, the amendments and corrections, the rule findings, and
/// an audit footer that ties a printed copy to the ledger (file, events, digest).
public struct PactReport {
    var title: String
    /// Lines under the title (territory, period, date of the state shown).
    var subtitle: [String]
    /// The key facts shown on the first page.
    var keyFacts: [ReportFact]
    var parts: [ReportPart]
    var audit: ReportAudit
}

/// A numbered part of the report; in HTML each starts on a new page.
struct ReportPart {
    var number: Int
    var id: String
    var title: String
    var blocks: [ReportBlock]
}

/// One block of content.
indirect enum ReportBlock {
    /// A heading inside a part: level 3 (`###`, `<h3>`) or 4.
    case heading(String, level: Int, id: String? = nil)
    case paragraph([ReportInline])
    /// Labelled facts (`<dl>` in HTML, a bullet list in Markdown).
    case facts([ReportFact])
    case bullets([[ReportInline]])
    case table(ReportTable)
    /// A chart: SVG then its table in HTML, the table alone in Markdown.
    case figure(ReportFigure)
    /// Blocks kept together (an action sheet, a partner sheet). `newPage` starts it on a
    /// new page when printed.
    case group(ReportGroup)
    /// A remark in smaller type.
    case note([ReportInline])
    /// Small groups side by side when there is room (signature blocks), each kept whole.
    case columns([ReportGroup])
}

/// Which parts a report holds.
public enum ReportSections: String, Sendable, CaseIterable {
    /// Everything: the convention and its annexes, then the register's audit parts.
    case all
    /// What gets signed: the convention, its annexes and the signature pages.
    case convention
}

/// A run of text inside a paragraph, a fact or a table cell. Every string is text from
/// the ledger or from this program: the writers escape it.
enum ReportInline {
    case text(String)
    case strong(String)
    /// An identifier or a digest, in a fixed-width font.
    case code(String)
    /// A mark that must not rest on colour alone: the text says it, the tone colours it.
    case flag(String, ReportTone)
}

enum ReportTone: String {
    case good, warning, bad, neutral
}

struct ReportFact {
    var label: String
    var value: [ReportInline]

    init(_ label: String, _ value: [ReportInline]) {
        self.label = label
        self.value = value
    }

    init(_ label: String, _ text: String) {
        self.init(label, [.text(text)])
    }
}

struct ReportTable {
    enum Alignment {
        case left, right, center
    }

    struct Column {
        var title: String
        var alignment: Alignment = .left
    }

    var caption: String?
    var columns: [Column]
    var rows: [[[ReportInline]]]
    /// Rows shown after the others in bold (totals).
    var totals: [[[ReportInline]]] = []
    /// Small type for wide tables (the change log).
    var isCompact = false

    init(caption: String? = nil, columns: [Column], rows: [[[ReportInline]]] = [], totals: [[[ReportInline]]] = [],
         isCompact: Bool = false) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.isCompact = isCompact
    }

    /// A table whose columns are given as `(title, alignment)`.
    init(caption: String? = nil, _ columns: [(String, Alignment)], isCompact: Bool = false) {
        self.init(caption: caption, columns: columns.map { Column(title: $0.0, alignment: $0.1) }, isCompact: isCompact)
    }

    mutating func append(_ row: [[ReportInline]]) {
        precondition(row.count == columns.count, "a table row has \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    mutating func appendTotal(_ row: [[ReportInline]]) {
        precondition(row.count == columns.count, "a total row has \(row.count) cells for \(columns.count) columns")
        totals.append(row)
    }
}

struct ReportFigure {
    enum Chart {
        case signing(SigningChart)
        case schedule(ScheduleChart)
        case budget(BudgetChart)
    }

    var caption: String
    var chart: Chart
    /// The chart's figures as a table (the whole chart in Markdown).
    var table: ReportTable
}

struct ReportGroup {
    var title: String
    var id: String?
    var newPage: Bool
    /// Kept on one page when it fits (a partner sheet, a document's signing).
    var keepTogether = false
    var blocks: [ReportBlock]
}

/// What ties a printed copy to the ledger.
struct ReportAudit {
    var fileName: String
    var eventCount: Int
    var digest: String
    var asOf: CivilDate?
    var knownAt: Timestamp?
    /// The last line known at `knownAt` and its hash, when `knownAt` leaves lines out.
    var knownLine: (seq: Int, hash: String)?
    var judgementDate: CivilDate
    var generatedAt: Timestamp
    var tornTailLine: Int?
}

// MARK: - Inline helpers

extension ReportInline {
    /// The text without marks (for Markdown's plain cells, tests, titles).
    var plainText: String {
        switch self {
        case .text(let text), .strong(let text), .code(let text), .flag(let text, _): Typography.unmarked(text)
        }
    }
}

extension Array where Element == ReportInline {
    var plainText: String { map(\.plainText).joined() }
}
