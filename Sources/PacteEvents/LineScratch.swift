/// What reading one line leaves for the next line read on the same thread, so that it is
/// not allocated again: the storage of the tape's nodes, and the last `by` read (the lines
/// of a ledger mostly repeat it: the same bytes give back the same `String`, shared).
struct LineScratch {
    /// Emptied and refilled by each line's ``JSONTape``.
    var nodes: [JSONTape.Node] = []
    private var lastRecordedBy = ""

    /// The text of `bytes` (valid UTF-8), the last one when its bytes are the same.
    mutating func recordedBy(_ bytes: UnsafeRawBufferPointer) -> String {
        let isSame = lastRecordedBy.withUTF8 { UnsafeRawBufferPointer($0).hasSameBytes(as: bytes) }
        if !isSame { lastRecordedBy = String(decoding: bytes, as: UTF8.self) }
        return lastRecordedBy
    }
}
