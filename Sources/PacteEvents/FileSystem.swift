#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system calls a ledger file makes, as values passed in rather than called
/// globally (swift-system's style): ``LedgerFile`` uses ``live``, the real calls; a test
/// passes functions that record each call, or make one fail, and so observes what only a
/// power cut would otherwise show (an `fsync` left out, a line written in two parts).
///
/// Each function follows the C convention (`-1` and `errno` on failure) and makes one
/// call: retrying after `EINTR` and continuing a short write are done once, by the
/// callers in ``FileSystem`` (``retrying(_:)``) and ``LedgerFile``, never by a function
/// here.
public struct FileSystem: Sendable {
    public var open: @Sendable (_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32
    public var close: @Sendable (_ descriptor: Int32) -> Int32
    /// Writes from `bytes`, returning how many bytes were written.
    public var write: @Sendable (_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
    /// Reads into `buffer` from the file offset given, returning how many bytes were read.
    public var pread: @Sendable (_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ offset: Int) -> Int
    public var fsync: @Sendable (_ descriptor: Int32) -> Int32
    public var flock: @Sendable (_ descriptor: Int32, _ operation: Int32) -> Int32
    public var ftruncate: @Sendable (_ descriptor: Int32, _ length: Int) -> Int32
    public var link: @Sendable (_ existing: String, _ new: String) -> Int32
    public var unlink: @Sendable (_ path: String) -> Int32
    /// Replaces `new` by `existing` in one step (the append's checkpoint, a cache).
    public var rename: @Sendable (_ existing: String, _ new: String) -> Int32

    public init(
        open: @escaping @Sendable (_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32,
        close: @escaping @Sendable (_ descriptor: Int32) -> Int32,
        write: @escaping @Sendable (_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int,
        pread: @escaping @Sendable (_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ offset: Int) -> Int,
        fsync: @escaping @Sendable (_ descriptor: Int32) -> Int32,
        flock: @escaping @Sendable (_ descriptor: Int32, _ operation: Int32) -> Int32,
        ftruncate: @escaping @Sendable (_ descriptor: Int32, _ length: Int) -> Int32,
        link: @escaping @Sendable (_ existing: String, _ new: String) -> Int32,
        unlink: @escaping @Sendable (_ path: String) -> Int32,
        rename: @escaping @Sendable (_ existing: String, _ new: String) -> Int32 = { existing, new in Glibc.rename(existing, new) }
    ) {
        self.open = open
        self.close = close
        self.write = write
        self.pread = pread
        self.fsync = fsync
        self.flock = flock
        self.ftruncate = ftruncate
        self.link = link
        self.unlink = unlink
        self.rename = rename
    }

    /// The real system calls.
    public static let live = FileSystem(
        open: { path, flags, mode in Glibc.open(path, flags, mode) },
        close: { descriptor in Glibc.close(descriptor) },
        write: { descriptor, bytes in Glibc.write(descriptor, bytes.baseAddress, bytes.count) },
        pread: { descriptor, buffer, offset in Glibc.pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset)) },
        fsync: { descriptor in Glibc.fsync(descriptor) },
        flock: { descriptor, operation in lockFile(descriptor, operation) },
        ftruncate: { descriptor, length in Glibc.ftruncate(descriptor, off_t(length)) },
        link: { existing, new in Glibc.link(existing, new) },
        unlink: { path in Glibc.unlink(path) }
    )

    /// Makes `call` again while it fails with `EINTR` (a signal arrived before it did
    /// anything): the one place where interrupted calls are retried. Not for `close`,
    /// which must not be retried on Linux.
    @inline(__always)
    func retrying<Result: BinaryInteger>(_ call: () -> Result) -> Result {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}

/// `flock(2)` (the name alone, in `FileSystem`, means its member or the C struct).
private func lockFile(_ descriptor: Int32, _ operation: Int32) -> Int32 {
    flock(descriptor, operation)
}
