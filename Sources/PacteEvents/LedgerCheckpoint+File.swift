#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The checkpoint's file, read and written only by an append, under the ledger's
/// exclusive lock. Every failure here is the cache's, never the append's: a checkpoint
/// that cannot be read is not used, one that cannot be written is removed (or left to be
/// found stale), and the append goes on.
extension LedgerCheckpoint {
    /// `NAME.jsonl.checkpoint`, beside the ledger.
    static func path(of ledger: String) -> String {
        ledger + ".checkpoint"
    }

    /// The identity, size and permissions of the open file `descriptor`.
    static func identity(of descriptor: Int32) -> (identity: FileIdentity, size: Int, mode: mode_t)? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        #if canImport(Darwin)
        let changed = status.st_ctimespec
        let modified = status.st_mtimespec
        #else
        let changed = status.st_ctim
        let modified = status.st_mtim
        #endif
        let identity = FileIdentity(
            device: UInt64(truncatingIfNeeded: status.st_dev), inode: UInt64(truncatingIfNeeded: status.st_ino),
            changed: Int64(changed.tv_sec), changedNanoseconds: Int64(changed.tv_nsec),
            modified: Int64(modified.tv_sec), modifiedNanoseconds: Int64(modified.tv_nsec))
        return (identity, Int(status.st_size), status.st_mode & 0o666)
    }

    /// The checkpoint beside `ledger`; `nil` if there is none, or it cannot be read or decoded.
    static func load(beside ledger: String, system: FileSystem) -> LedgerCheckpoint? {
        let path = path(of: ledger)
        let descriptor = system.retrying { system.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0) }
        guard descriptor >= 0 else { return nil }
        defer { _ = system.close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                system.retrying { system.pread(descriptor, UnsafeMutableRawBufferPointer(rebasing: buffer[done...]), done) }
            }
            guard count > 0 else { return nil }
            done += count
        }
        return LedgerCheckpoint(bytes: bytes)
    }

    /// Replaces the checkpoint beside `ledger` by `bytes`: written to a temporary file in
    /// the folder, flushed, then renamed over it. Returns whether it was.
    @discardableResult
    static func replace(beside ledger: String, with bytes: [UInt8], mode: mode_t, system: FileSystem) -> Bool {
        let temporary = LedgerFile.folderPath(of: ledger) + "/.pacte-ledger-" + String(UInt64.random(in: 0...UInt64.max), radix: 16) + ".tmp"
        let descriptor = system.retrying { system.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode) }
        guard descriptor >= 0 else { return false }
        var written = true
        do throws(LedgerError) {
            try LedgerFile.writeAll(bytes, to: descriptor, path: temporary, restoringLength: 0, system: system)
            try LedgerFile.synchronize(descriptor, path: temporary, system: system)
        } catch {
            written = false
        }
        _ = system.close(descriptor)
        if written, system.retrying({ system.rename(temporary, path(of: ledger)) }) == 0 { return true }
        _ = system.retrying { system.unlink(temporary) }
        return false
    }

    /// Appends a delta `record` to the checkpoint beside `ledger`, whose size is `size`.
    /// A record that cannot be written whole is cut off again; if even that fails, the
    /// checkpoint is removed.
    static func append(_ record: [UInt8], beside ledger: String, size: Int, system: FileSystem) {
        let path = path(of: ledger)
        let descriptor = system.retrying { system.open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0) }
        guard descriptor >= 0 else {
            _ = system.retrying { system.unlink(path) }
            return
        }
        defer { _ = system.close(descriptor) }
        do throws(LedgerError) {
            try LedgerFile.writeAll(record, to: descriptor, path: path, restoringLength: size, system: system)
        } catch {
            _ = system.retrying { system.unlink(path) }
        }
    }

    /// Removes the checkpoint beside `ledger`, if any.
    static func remove(beside ledger: String, system: FileSystem) {
        _ = system.retrying { system.unlink(path(of: ledger)) }
    }
}
