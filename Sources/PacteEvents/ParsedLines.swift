/// The lines of a chunk parsed ahead of the in-order pass, in the runs the workers parsed.
struct ParsedLines: Sendable {
    private var runs: [[Result<LedgerEvent, LedgerError>]] = []
    /// The position in the chunk of each run's first line.
    private var starts: [Int] = []

    mutating func append(run: [Result<LedgerEvent, LedgerError>], startingAt start: Int) {
        runs.append(run)
        starts.append(start)
    }

    /// The result of the line at `position` in the chunk (the runs cover every line).
    subscript(position: Int) -> Result<LedgerEvent, LedgerError> {
        var run = runs.count - 1
        while run > 0, starts[run] > position { run -= 1 }
        return runs[run][position - starts[run]]
    }
}
