extension Display {
    /// A shell command in lines of at most 80 columns, continued with ` \\`; quoted
    /// words are never split. A line already ending with ` \\` continues the command.
    public static func shellLines(_ command: String) -> String {
        let continued = command.hasPrefix("    ")
        var words: [String] = []
        var word = ""
        var quote: Character?
        for character in command.trimmingSpaces() {
            if let open = quote {
                word.append(character)
                if character == open { quote = nil }
            } else if character == " " {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                if character == "\"" || character == "'" { quote = character }
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        var lines: [String] = []
        var line = continued ? "      " : "  "
        for word in words {
            let fresh = line.trimmingSpaces().isEmpty
            if !fresh, line.count + 1 + word.count > 78 {
                lines.append(line + " \\")
                line = "      " + word
            } else {
                line += (fresh ? "" : " ") + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
