import PacteEvents
import PacteProjections

/// How dates and short texts are shown to people.
public enum Display {
    /// `text` broken into lines of at most `width` characters (at spaces), each line
    /// after the first starting with `indent` (counted in `width`). The first line may
    /// have a width of its own, when something stands before it. Never broken where
    /// French typography wants a no-break space (before `:`, inside `« »`, after `n°`).
    public static func wrapped(_ text: String, width: Int, indent: String, firstLineWidth: Int? = nil) -> String {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0  // `line.count`, kept as words are added rather than counted again
        let indentWidth = indent.count
        let typeset = Typography.french(text.replacingNewlines(), keepingMarks: true)
        for word in typeset.split(separator: " ", omittingEmptySubsequences: true) {
            let limit = lines.isEmpty ? (firstLineWidth ?? width) : width - indentWidth
            let wordWidth = word.count
            if !line.isEmpty, lineWidth + 1 + wordWidth > limit {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if line.isEmpty {
                line = String(word)
                lineWidth = wordWidth
            } else {
                line += " " + word
                lineWidth += 1 + wordWidth
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines.enumerated().map { $0.offset == 0 ? $0.element : indent + $0.element }.joined(separator: "\n")
    }

    /// Rows of cells as an aligned table: columns padded, the last one left free.
    public static func table(_ rows: [[String]], rightAligned alignedRight: Set<Int> = []) -> String {
        guard let columnCount = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columnCount)
        for row in rows {
            for (column, cell) in row.enumerated() where column < columnCount - 1 || alignedRight.contains(column) {
                widths[column] = max(widths[column], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                if column == row.count - 1, !alignedRight.contains(column) { return cell }
                return alignedRight.contains(column) ? rightAligned(cell, widths[column]) : padded(cell, widths[column])
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// `text` cut to `width` characters, with an ellipsis when cut.
    public static func truncated(_ text: String, _ width: Int) -> String {
        // Only the first characters are looked at: a 100 MB summary is not copied whole
        // (a newline becomes one space, so cutting first gives the same result).
        let flat = String(text.prefix(width + 1)).replacingNewlines()
        return flat.count <= width ? flat : String(flat.prefix(max(0, width - 1))) + "…"
    }

    /// `text` padded with spaces to `width` characters (or cut).
    public static func padded(_ text: String, _ width: Int) -> String {
        let cut = truncated(text, width)
        return cut + String(repeating: " ", count: max(0, width - cut.count))
    }

    /// `text` right-aligned in `width` characters.
    public static func rightAligned(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}


extension String {
    public func replacingNewlines() -> String {
        // No `\n` or `\r` byte, no such character: the text as it is, not copied.
        guard utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return self }
        return String(map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}

extension String {
    /// The text without leading and trailing spaces.
    public func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
