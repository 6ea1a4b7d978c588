#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PacteDocuments
import PacteEvents
import PacteProjections

/// The ledgers `summary` is given: files, and folders of `*.jsonl` files, read in
/// parallel; a broken ledger is reported on its row and does not stop the others.
enum LedgerPaths {
    /// The ledgers named: files as given, folders as their `*.jsonl` files (sorted).
    static func files(in paths: [String]) throws(LedgerError) -> [String] {
        var files: [String] = []
        for path in paths {
            guard let folder = opendir(path) else {
                if errno == ENOTDIR || errno == ENOENT || errno == EACCES { files.append(path); continue }
                throw LedgerError.inputOutput(path: path, operation: .listFolder, code: errno)
            }
            var names: [String] = []
            while let entry = readdir(folder) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasSuffix(".jsonl"), !name.hasPrefix(".") { names.append(name) }
            }
            closedir(folder)
            let prefix = path.hasSuffix("/") ? path : path + "/"
            files += names.sorted { $0.compare(naturally: $1) }.map { prefix + $0 }
        }
        return files
    }

    static func summaryRows(files: [String], dates: ProjectionDates, today: CivilDate) -> [SummaryPrinter.Row] {
        files.parallelMap { file in
            SummaryPrinter.Row(file: file, result: Result { () throws(LedgerError) in
                PactSummary(events: try LedgerFile(path: file).read().events, asOf: dates.asOf, knownAt: dates.knownAt, today: today)
            })
        }
    }
}
