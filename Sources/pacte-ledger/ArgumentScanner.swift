import PacteEvents
import PacteProjections

/// The words of one command line, sorted into positional arguments, options with
/// values and flags. Options may come before or after the file; `--name value` and
/// `--name=value` are the same; `--` ends the options.
struct ScannedArguments {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
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
                flags.insert("help")
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
                    values[name, default: []].append(inlineValue)
                } else {
                    guard index < arguments.endIndex else { throw .missingValue(option: name, command: command) }
                    values[name, default: []].append(arguments[index])
                    index += 1
                }
            } else if flagOptions.contains(name), inlineValue == nil {
                flags.insert(name)
            } else {
                throw .unknownOption("--" + name, command: command)
            }
        }
    }

    /// The last value given for `name`.
    func value(_ name: String) -> String? {
        values[name]?.last
    }

    func allValues(_ name: String) -> [String] {
        values[name] ?? []
    }

    func required(_ name: String) throws(UsageError) -> String {
        guard let value = value(name) else { throw .missingOption(option: name, command: command) }
        return value
    }

    func has(_ flag: String) -> Bool {
        flags.contains(flag)
    }

    /// The one positional argument: the ledger file.
    func file() throws(UsageError) -> String {
        guard let first = positionals.first else { throw .missingFile(command: command) }
        if positionals.count > 1 { throw .unexpectedArgument(positionals[1], command: command) }
        return first
    }

    // MARK: - Typed values

    /// A date as people write it: `15/03/2025` or `2025-03-15` (see ``TypedDate``).
    func date(_ name: String) throws(UsageError) -> CivilDate? {
        guard let text = value(name) else { return nil }
        do {
            return try TypedDate.parse(text)
        } catch {
            throw .unusableValue(option: name, value: text, error, command: command)
        }
    }

    func requiredDate(_ name: String) throws(UsageError) -> CivilDate {
        guard let date = try date(name) else { throw .missingOption(option: name, command: command) }
        return date
    }

    /// A timestamp `YYYY-MM-DDTHH:MM:SSZ`, or a date meaning the end of that day (UTC).
    func timestamp(_ name: String) throws(UsageError) -> Timestamp? {
        guard let text = value(name) else { return nil }
        if let timestamp = Timestamp(text) { return timestamp }
        if let date = try? TypedDate.parse(text) { return Timestamp(date: date, hour: 23, minute: 59, second: 59) }
        throw .invalidValue(
            option: name, value: text, expected: "YYYY-MM-DDTHH:MM:SSZ, JJ/MM/AAAA / DD/MM/YYYY", command: command)
    }

    func integer(_ name: String, in range: ClosedRange<Int> = 0...Int.max) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw .invalidValue(option: name, value: text, expected: "\(range.lowerBound)…", command: command)
        }
        return number
    }

    func language() throws(UsageError) -> Language {
        guard let text = value("lang") else { return .french }
        guard let language = Language(rawValue: text) else {
            throw .invalidValue(option: "lang", value: text, expected: "fr | en", command: command)
        }
        return language
    }
}
