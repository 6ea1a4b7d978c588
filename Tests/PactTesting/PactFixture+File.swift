import Foundation
import PacteEvents

extension PactFixture {
    /// The fixture as a ledger file a reader accepts: each line written by the library's
    /// own line writer, chained by its hash (the facts are not judged, as `record` would:
    /// a rule fixture may hold what a rule is there to find).
    public func write(to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
    }

    /// The bytes of the ledger file ``write(to:)`` writes.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        var previous = SHA256Digest.zero
        for event in events {
            let line = LedgerLine.write(
                seq: event.seq, id: event.id, type: event.type, version: event.version, effective: event.effective,
                recorded: event.recorded, recordedBy: event.recordedBy, data: event.data, previousHash: previous)
            bytes += line.bytes
            previous = line.hash
        }
        return bytes
    }
}
