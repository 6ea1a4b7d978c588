import PacteEvents
import PacteProjections

/// One command declared once, in the manner of swift-argument-parser: its name, what it
/// does, its arguments and options with their help in both languages, whether it has a
/// JSON form, and how it builds its request. Parsing (which options exist, which take a
/// value), help pages, the overview and error messages (the option a JSON member came
/// from) all read this declaration; no other table lists the commands.
struct CommandSpec: Sendable {
    /// One option: `--name VALUE` (or a flag when its `value` is `nil`), a field of a form.
    typealias Option = FormField

    /// A positional argument help describes (`template TYPE`).
    struct Argument: Sendable {
        var label: String
        var french: String
        var english: String
    }

    /// Whether `--json` applies.
    enum JSONForm: Sendable {
        /// The output has a JSON form.
        case always
        /// Only with `--output`: JSON then tells the file written (the document has none).
        case withOutput
        /// Refused: the output has no JSON form.
        case never
    }

    var name: String
    var french: String
    var english: String
    /// One line of help saying what the command does, in the overview.
    var shortFrench: String
    var shortEnglish: String
    var usage: String
    var arguments: [Argument] = []
    var options: [Option]
    var examples: [String]
    var json: JSONForm = .always
    var build: @Sendable (ScannedArguments) throws(UsageError) -> Command

    var valueOptions: Set<String> { Set(options.filter { $0.value != nil }.map(\.name)) }
    var flagOptions: Set<String> { Set(options.filter { $0.value == nil }.map(\.name)) }

    /// The option that fills the payload member at `path` (`data.lines[2].amountCents`
    /// → `--line`), if this command has one.
    func option(forMember path: String) -> String? {
        let bare = path.replacing(/\[[0-9]+\]/, with: "")
        var candidate = bare
        while !candidate.isEmpty {
            if let option = options.first(where: { $0.members.contains(candidate) }) { return "--" + option.name }
            guard let dot = candidate.lastIndex(of: ".") else { break }
            candidate = String(candidate[..<dot])
        }
        return nil
    }

    /// The option each payload member comes from (`data.partnerId` → `--partner`), for
    /// the messages of a refused append.
    var optionNames: [String: String] {
        var names = ["effective": "--effective"]
        for option in options {
            for member in option.members { names[member] = "--" + option.name }
        }
        return names
    }

    /// The command declared under `name`.
    static func named(_ name: String) -> CommandSpec? {
        all.first { $0.name == name }
    }

    /// Every command, in the order help lists them.
    static let all: [CommandSpec] = writing + lifecycle + inspection + projection + documents
}
