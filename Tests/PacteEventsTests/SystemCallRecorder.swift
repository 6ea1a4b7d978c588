import Foundation
import PacteEvents

/// A ``FileSystem`` that makes the real calls and records each one, named by the role of
/// its file (`ledger`, `temporary`, `side`, `folder`), or makes chosen calls fail or
/// write short. Lets a test see the order of the calls an operation makes on the disk.
final class SystemCallRecorder: @unchecked Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case open, close, write, pread, fsync, flock, ftruncate, link, unlink, rename
    }

    /// One call made (or refused by a planted fault).
    struct Call: Sendable {
        var kind: Kind
        /// The role of the file: the path opened, or the path named (`link`, `rename`: the new name).
        var role: String
        /// `link`, `rename`: the role of the existing file.
        var from: String?
        /// `open`: flags; `flock`: operation; `ftruncate`: length.
        var argument: Int
        /// `write`: the bytes written (only those the call wrote).
        var bytes: [UInt8]
        /// The `errno` of a failed call, 0 if it succeeded.
        var error: Int32

        /// `write ledger`, `flock ledger exclusive`, `link temporary side`, `fsync folder ✗EIO`.
        var summary: String {
            var text = kind.rawValue
            if let from { text += " " + from }
            text += " " + role
            if kind == .flock { text += argument & Int(LOCK_EX) != 0 ? " exclusive" : argument & Int(LOCK_UN) != 0 ? " unlock" : " shared" }
            if error != 0 { text += " ✗" + SystemCallRecorder.errorName(error) }
            return text
        }
    }

    /// A planted failure: the `skip + 1`-th call of `kind` on a file of `role` fails with `code`.
    struct Fault: Sendable, CustomStringConvertible {
        var kind: Kind
        var role: String
        var code: Int32
        var skip = 0

        var description: String {
            "\(kind.rawValue) \(role) \(SystemCallRecorder.errorName(code))" + (skip > 0 ? " (call \(skip + 1))" : "")
        }
    }

    let ledger: String
    let folder: String
    private let lock = NSLock()
    private var recorded: [Call] = []
    private var paths: [Int32: String] = [:]
    private var faults: [Fault]
    private var shortWrite: (role: String, count: Int)?

    init(ledger: String, faults: [Fault] = [], shortWrite: (role: String, count: Int)? = nil) {
        self.ledger = ledger
        self.folder = (ledger as NSString).deletingLastPathComponent
        self.faults = faults
        self.shortWrite = shortWrite
    }

    var calls: [Call] {
        lock.withLock { recorded }
    }

    /// The calls' summaries, consecutive `pread`s of one file counted once.
    var trace: [String] {
        var result: [String] = []
        for call in calls {
            let summary = call.summary
            if call.kind == .pread, result.last == summary { continue }
            result.append(summary)
        }
        return result
    }

    func role(of path: String) -> String {
        if path == ledger { return "ledger" }
        if path == folder { return "folder" }
        let name = (path as NSString).lastPathComponent
        if name.hasPrefix(".pacte-ledger-") { return "temporary" }
        if name.contains(".torn-") { return "side" }
        if path == ledger + ".checkpoint" { return "checkpoint" }
        return path
    }

    static func errorName(_ code: Int32) -> String {
        switch code {
        case EIO: "EIO"
        case ENOSPC: "ENOSPC"
        case EINTR: "EINTR"
        default: "errno \(code)"
        }
    }

    /// Records a call on `role`; returns the planted error for it, if any.
    private func plantedError(_ kind: Kind, role: String) -> Int32? {
        lock.withLock {
            guard let index = faults.firstIndex(where: { $0.kind == kind && $0.role == role }) else { return nil }
            if faults[index].skip > 0 {
                faults[index].skip -= 1
                return nil
            }
            return faults.remove(at: index).code
        }
    }

    private func record(_ call: Call) {
        lock.withLock { recorded.append(call) }
    }

    private func role(of descriptor: Int32) -> String {
        lock.withLock { paths[descriptor].map(role(of:)) ?? "descriptor \(descriptor)" }
    }

    /// Runs `call` unless a fault is planted for it; records it either way.
    private func perform<Result: BinaryInteger>(
        _ kind: Kind, role: String, from: String? = nil, argument: Int = 0, _ call: () -> Result
    ) -> Result {
        if let code = plantedError(kind, role: role) {
            record(Call(kind: kind, role: role, from: from, argument: argument, bytes: [], error: code))
            errno = code
            return -1
        }
        let result = call()
        let code = result < 0 ? errno : 0
        record(Call(kind: kind, role: role, from: from, argument: argument, bytes: [], error: code))
        errno = code
        return result
    }

    var system: FileSystem {
        FileSystem(
            open: { path, flags, mode in
                let descriptor = self.perform(.open, role: self.role(of: path), argument: Int(flags)) {
                    FileSystem.live.open(path, flags, mode)
                }
                if descriptor >= 0 { self.lock.withLock { self.paths[descriptor] = path } }
                return descriptor
            },
            close: { descriptor in
                self.perform(.close, role: self.role(of: descriptor)) { FileSystem.live.close(descriptor) }
            },
            write: { descriptor, bytes in
                let role = self.role(of: descriptor)
                if let code = self.plantedError(.write, role: role) {
                    self.record(Call(kind: .write, role: role, argument: 0, bytes: [], error: code))
                    errno = code
                    return -1
                }
                var wanted = bytes
                self.lock.withLock {
                    if let short = self.shortWrite, short.role == role {
                        wanted = UnsafeRawBufferPointer(rebasing: bytes[0..<min(short.count, bytes.count)])
                        self.shortWrite = nil
                    }
                }
                let written = FileSystem.live.write(descriptor, wanted)
                let code = written < 0 ? errno : 0
                let out = written > 0 ? [UInt8](UnsafeRawBufferPointer(rebasing: wanted[0..<written])) : []
                self.record(Call(kind: .write, role: role, argument: 0, bytes: out, error: code))
                errno = code
                return written
            },
            pread: { descriptor, buffer, offset in
                self.perform(.pread, role: self.role(of: descriptor), argument: offset) {
                    FileSystem.live.pread(descriptor, buffer, offset)
                }
            },
            fsync: { descriptor in
                self.perform(.fsync, role: self.role(of: descriptor)) { FileSystem.live.fsync(descriptor) }
            },
            flock: { descriptor, operation in
                self.perform(.flock, role: self.role(of: descriptor), argument: Int(operation)) {
                    FileSystem.live.flock(descriptor, operation)
                }
            },
            ftruncate: { descriptor, length in
                self.perform(.ftruncate, role: self.role(of: descriptor), argument: length) {
                    FileSystem.live.ftruncate(descriptor, length)
                }
            },
            link: { existing, new in
                self.perform(.link, role: self.role(of: new), from: self.role(of: existing)) {
                    FileSystem.live.link(existing, new)
                }
            },
            unlink: { path in
                self.perform(.unlink, role: self.role(of: path)) { FileSystem.live.unlink(path) }
            },
            rename: { existing, new in
                self.perform(.rename, role: self.role(of: new), from: self.role(of: existing)) {
                    FileSystem.live.rename(existing, new)
                }
            }
        )
    }
}
