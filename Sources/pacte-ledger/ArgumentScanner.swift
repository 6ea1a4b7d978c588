import PacteEvents
import PacteProjections

/// The words of one command line, sorted into positional arguments, options with
/// values and flags. Options may come before or after the file; `--name value` and
/// `--name=value` are the same; `--` ends the options.
struct ScannedArguments {
    var positionals: [String] = []
    /// The options, as the form of the event or view the command asks for.
    var form = TypedForm()
    let command: String

    /// Scans `arguments` for a command that takes the options `valueOptions` (with a
    /// value) and `flagOptions` (without). `--lang`, `--json` and `--help` are always known.
    init(_ arguments: ArraySlice<String>, command: String, valueOptions: Set<String>, flagOptions: Set<String> = [])
        throws(UsageError)
    {
        self.command = command
        let valueOptions = valueOptions.union(["lang"])
        let flagOptions = flagOptions.union(["json", "help"])
        var index = arguments.startIndex
        var optionsEnded = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "-h" {
                form.flags.insert("help")
                continue
            }
            guard argument.hasPrefix("--") else { throw .unknownOption(argument, command: command) }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if valueOptions.contains(name) {
                if let inlineValue {
                    form.values[name, default: []].append(inlineValue)
                } else {
                    guard index < arguments.endIndex else { throw .missingValue(option: name, command: command) }
                    form.values[name, default: []].append(arguments[index])
                    index += 1
                }
            } else if flagOptions.contains(name), inlineValue == nil {
                form.flags.insert(name)
            } else {
                throw .unknownOption("--" + name, command: command)
            }
        }
    }

    /// `read` applied to the options; a field it cannot use is a usage error of this command.
    func read<Value>(_ read: (TypedForm) throws(FormError) -> Value) throws(UsageError) -> Value {
        do {
            return try read(form)
        } catch {
            throw UsageError(error, command: command)
        }
    }

    func value(_ name: String) -> String? { form.value(name) }
    func allValues(_ name: String) -> [String] { form.allValues(name) }
    func has(_ flag: String) -> Bool { form.has(flag) }
    func required(_ name: String) throws(UsageError) -> String { try read { (form) throws(FormError) in try form.required(name) } }
    func date(_ name: String) throws(UsageError) -> CivilDate? { try read { (form) throws(FormError) in try form.date(name) } }
    func requiredDate(_ name: String) throws(UsageError) -> CivilDate { try read { (form) throws(FormError) in try form.requiredDate(name) } }
    func timestamp(_ name: String) throws(UsageError) -> Timestamp? { try read { (form) throws(FormError) in try form.timestamp(name) } }

    func integer(_ name: String, in range: ClosedRange<Int> = 0...Int.max) throws(UsageError) -> Int? {
        try read { (form) throws(FormError) in try form.integer(name, in: range) }
    }

    /// The one positional argument: the ledger file.
    func file() throws(UsageError) -> String {
        guard let first = positionals.first else { throw .missingFile(command: command) }
        if positionals.count > 1 { throw .unexpectedArgument(positionals[1], command: command) }
        return first
    }

    func language() throws(UsageError) -> Language {
        guard let text = value("lang") else { return .french }
        guard let language = Language(rawValue: text) else {
            throw .invalidValue(option: "lang", value: text, expected: "fr | en", command: command)
        }
        return language
    }
}
