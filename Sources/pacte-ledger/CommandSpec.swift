import PacteEvents

/// One command declared once, in the manner of swift-argument-parser: its name, what it
/// does, its arguments and options with their help in both languages, whether it has a
/// JSON form, and how it builds its request. Parsing (which options exist, which take a
/// value), help pages, the overview and error messages (the option a JSON member came
/// from) all read this declaration; no other table lists the commands.
struct CommandSpec: Sendable {
    /// One option: `--name VALUE` (or a flag when `value` is `nil`).
    struct Option: Sendable {
        var name: String
        /// The placeholder shown in help (`ID`, `DATE`); `nil` for a flag.
        var value: String?
        var french: String
        var english: String
        /// The payload members this option fills (`data.partnerId`), so that a refused
        /// append names the option the person typed.
        var members: [String] = []
        /// How help lists it, when not `--name VALUE` (`--start DATE --end DATE`: two
        /// options on one line); `""` leaves it out of the list (told on another line).
        var helpLabel: String?

        init(_ name: String, _ value: String?, _ french: String, _ english: String, members: [String] = [], helpLabel: String? = nil) {
            self.name = name
            self.value = value
            self.french = french
            self.english = english
            self.members = members
            self.helpLabel = helpLabel
        }

        /// `--partner ID`, as help lists it.
        var label: String { helpLabel ?? value.map { "--\(name) \($0)" } ?? "--\(name)" }

        /// An option told on the help line of another (`--role` with `--signatory`).
        static func unlisted(_ name: String, _ value: String?, members: [String] = []) -> Self {
            Self(name, value, "", "", members: members, helpLabel: "")
        }
    }

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
