/// The in-order pass of a scan: each line's event, or the problem met reading it, checked
/// against the lines before it (``LedgerIndex``: `seq`, `prev`, ids, references) in the
/// file's order, whichever thread parsed it.
struct ScanProgress {
    let path: String
    /// What the good lines established.
    private(set) var index = LedgerIndex()
    /// Bytes of good lines from the start of the file.
    private var validLength = 0
    /// Lines begun so far.
    private var lineNumber = 0
    /// A line that is not JSON is a torn tail only if it is the last one: it waits here.
    private var pendingMalformed: (error: LedgerError, offset: Int)?

    init(path: String) {
        self.path = path
    }

    /// Where the next line is, or the problem that ends the scan before it (a line before
    /// it that was not JSON, which another line follows).
    mutating func beginLine() -> Result<LedgerLocation, LedgerError> {
        if let pending = pendingMalformed { return .failure(pending.error) }
        lineNumber += 1
        return .success(LedgerLocation(file: path, line: lineNumber))
    }

    /// Takes the line begun last, which starts at `offset` in the file and whose `\n` ends
    /// before `nextOffset`: `visit` gets its event once the index admits it. Returns the
    /// problem that ends the scan, if there is one.
    mutating func take(
        _ parsed: Result<LedgerEvent, LedgerError>, offset: Int, nextOffset: Int, visit: (LedgerEvent, LedgerIndex) -> Void
    ) -> LedgerError? {
        do throws(LedgerError) {
            let event = try parsed.get()
            try index.admit(event, file: path)
            visit(event, index)
            validLength = nextOffset
            return nil
        } catch {
            if case .malformedLine = error {
                pendingMalformed = (error, offset)
                return nil
            }
            return error
        }
    }

    /// The scan, ended by `problem`.
    func stopped(by problem: LedgerError) -> LedgerScan {
        LedgerScan(index: index, validLength: validLength, tornTail: nil, problem: problem)
    }

    /// The scan at the end of the file, where `unreadCount` bytes from `unreadOffset` follow
    /// the last `\n` (an interrupted write).
    func finished(unreadOffset: Int, unreadCount: Int) -> LedgerScan {
        let fileLength = unreadOffset + unreadCount
        if let pending = pendingMalformed {
            let torn = TornTail(line: lineNumber, offset: pending.offset, byteCount: fileLength - pending.offset)
            return LedgerScan(index: index, validLength: validLength, tornTail: torn, problem: nil)
        }
        if unreadCount > 0 {
            let torn = TornTail(line: lineNumber + 1, offset: unreadOffset, byteCount: unreadCount)
            return LedgerScan(index: index, validLength: validLength, tornTail: torn, problem: nil)
        }
        if lineNumber == 0 {
            return LedgerScan(index: index, validLength: 0, tornTail: nil, problem: .empty(path: path))
        }
        return LedgerScan(index: index, validLength: validLength, tornTail: nil, problem: nil)
    }
}
