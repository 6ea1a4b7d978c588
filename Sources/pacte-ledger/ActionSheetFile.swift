import PacteDocuments
import PacteEvents
import PacteProjections

/// The text sheet a secretariat fills in for `add-action --sheet` (``ActionSheetForm``),
/// read into the options it stands for, so that a sheet and the flags build the same event.
enum ActionSheetFile {
    /// `arguments` with `--sheet PATH` followed by the options its lines stand for
    /// (options typed on the command line come after, and complete or override them).
    static func expand(_ arguments: [String], read: (String) throws(InputError) -> [UInt8]) throws -> [String] {
        guard arguments.first == "add-action" else { return arguments }
        var path: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--sheet", index + 1 < arguments.count { path = arguments[index + 1] }
            if argument.hasPrefix("--sheet=") { path = String(argument.dropFirst("--sheet=".count)) }
        }
        guard let path else { return arguments }
        let bytes = try read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw UsageError.invalidValue(option: "sheet", value: path, expected: "un fichier texte UTF-8 / a UTF-8 text file", command: "add-action")
        }
        return [arguments[0]] + (try options(in: text, path: path)) + arguments.dropFirst()
    }

    /// The options a sheet's lines stand for.
    static func options(in text: String, path: String) throws(UsageError) -> [String] {
        do {
            return try ActionSheetForm.values(in: text).flatMap { ["--" + $0.field, $0.value] }
        } catch {
            throw .sheetLine(file: path, line: error.line, text: error.text, command: "add-action")
        }
    }
}
