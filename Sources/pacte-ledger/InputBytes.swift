#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a payload whole: standard input, or the file of `--data @file`.
enum InputBytes {
    /// The largest payload `record` takes: 16 MiB, far beyond any real event (a ledger
    /// line of a pact is a few kilobytes). Reading a ledger has its own limits.
    static let payloadLimit = 16 << 20

    /// Every byte until end of file; a read error is an ``InputError`` naming `source`,
    /// and so is more than ``payloadLimit`` bytes (`/dev/zero` or an endless pipe).
    static func readAll(from descriptor: Int32, source: String) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError.unreadable(path: source, code: errno)
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= payloadLimit else { throw InputError.tooLarge(source: source, limit: payloadLimit) }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    static func readAll(fromFile path: String) throws(InputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError.unreadable(path: path, code: errno) }
        defer { close(descriptor) }
        return try readAll(from: descriptor, source: path)
    }
}
