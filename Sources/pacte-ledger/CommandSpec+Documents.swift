import PacteDocuments
import PacteEvents
import PacteProjections

/// The commands that make a document from the ledger: `report`, `export`.
extension CommandSpec {
    static let documents: [CommandSpec] = [report, export]

    static let report = CommandSpec(
        name: "report",
        french: "le pacte comme document : convention, annexes, fiches partenaires, calendrier de signature et budget en graphiques, historique et contrôles ; HTML imprimable (A4) ou Markdown.",
        english: "the pact as a document: convention, annexes, partner sheets, signing timeline and budget charts, history and checks; printable HTML (A4) or Markdown.",
        shortFrench: "le pacte en document HTML ou Markdown", shortEnglish: "the pact as an HTML or Markdown document",
        usage: "pacte-ledger report FICHIER [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--format html|markdown] [--output CHEMIN] [--sections all|convention]",
        options: ProjectionDates.options(today: (
            "les délais sont appréciés au plus tôt de ce jour et de --as-of",
            "deadlines are judged at the earlier of that day and --as-of")) + [
            Option("format", "F", "html (défaut) ou markdown", "html (default) or markdown"),
            Option("sections", "S", "all (défaut) ou convention : la convention, ses annexes et les pages de signature seules", "all (default) or convention: only the convention, its annexes and the signature pages"),
            .output,
        ],
        examples: ["pacte-ledger report ledgers/pacte-coteaux-aussonne.jsonl --output rapport.html",
                   "pacte-ledger report ledgers/pacte-coteaux-aussonne.jsonl --format markdown --as-of 2025-12-31"],
        json: .withOutput,
        build: { (scanned) throws(UsageError) -> Command in
            let formatName = scanned.value("format") ?? "html"
            guard let format = ReportRequest.Format(rawValue: formatName) else {
                throw .invalidValue(option: "format", value: formatName, expected: "html | markdown", command: scanned.command)
            }
            let sectionsName = scanned.value("sections") ?? "all"
            guard let sections = ReportSections(rawValue: sectionsName) else {
                throw .invalidValue(option: "sections", value: sectionsName, expected: "all | convention", command: scanned.command)
            }
            let file = try scanned.file()
            let dates = try ProjectionDates(scanned)
            return .report(ReportRequest(
                file: file, asOf: dates.asOf, knownAt: dates.knownAt, today: dates.today, format: format,
                output: scanned.value("output"), sections: sections))
        })

    static let export = CommandSpec(
        name: "export",
        french: "une table en CSV (RFC 4180, UTF-8, avec en-tête) : engagements, actions ou signatures, pour un tableur.",
        english: "one table as CSV (RFC 4180, UTF-8, with a header): commitments, actions or signatures, for a spreadsheet.",
        shortFrench: "une table en CSV", shortEnglish: "one table as CSV",
        usage: "pacte-ledger export FICHIER --table commitments|actions|signatures [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--separator ,|; | --excel] [--output CHEMIN]",
        options: [
            Option("table", "T", "commitments (une ligne par ligne d'engagement), actions, signatures", "commitments (one row per commitment line), actions, signatures"),
        ] + ProjectionDates.options(today: (
            "les retards de signature sont appréciés au plus tôt de ce jour et de --as-of",
            "late signatures are judged at the earlier of that day and --as-of")) + [
            .separator("séparateur (« ; » pour les tableurs français)", "separator (\";\" for French spreadsheets)"),
            Option("excel", nil, "pour Excel en français : marque d'ordre UTF-8, « ; », en-têtes, mots et dates en français, virgule décimale (sans --excel : RFC 4180, en-têtes anglais stables pour les programmes)", "for French Excel: UTF-8 byte-order mark, \";\", French headers, words and dates, decimal comma (without --excel: RFC 4180, stable English headers for programs)"),
            .output,
        ],
        examples: ["pacte-ledger export ledgers/pacte-coteaux-aussonne.jsonl --table signatures --excel --output signatures.csv",
                   "pacte-ledger export ledgers/pacte-coteaux-aussonne.jsonl --table commitments --separator ';' > engagements.csv"],
        json: .withOutput,
        build: { (scanned) throws(UsageError) -> Command in
            let tableName = try scanned.required("table")
            guard let table = ExportRequest.Table(rawValue: tableName) else {
                throw .invalidValue(option: "table", value: tableName, expected: "commitments | actions | signatures", command: scanned.command)
            }
            let file = try scanned.file()
            let dates = try ProjectionDates(scanned)
            return .export(ExportRequest(
                file: file, table: table, asOf: dates.asOf, knownAt: dates.knownAt, today: dates.today,
                separator: scanned.has("excel") ? ";" : try scanned.separator(), output: scanned.value("output"),
                excel: scanned.has("excel")))
        })
}
