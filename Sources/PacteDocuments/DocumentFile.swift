#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PacteEvents

/// A document written to a file (`report --output`, `export --output`, `agenda --ics
/// --output`): whole or not at all, never over the ledger it was made from.
public enum DocumentFile {
    /// Writes `bytes` to `path` through a temporary file renamed over it, so that a
    /// reader never sees half a report. Refuses to overwrite the ledger itself.
    /// Returns a message when it fails.
    public static func write(_ bytes: [UInt8], to path: String, ledger: String, language: Language) -> String? {
        let fr = language == .french
        if let target = realPath(path), let source = realPath(ledger), target == source {
            return fr ? "erreur : \(path) est le registre lui-même ; choisissez un autre fichier pour --output"
                : "error: \(path) is the ledger itself; choose another file for --output"
        }
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return failure(path, errno, language) }
        // A file replaced keeps its permissions (a report kept private stays private).
        var existing = stat()
        if stat(path, &existing) == 0, (existing.st_mode & S_IFMT) == S_IFREG {
            _ = fchmod(descriptor, existing.st_mode & 0o7777)
        }
        if let written = FileDescriptor.writeAll(bytes, to: descriptor) {
            close(descriptor)
            unlink(temporary)
            return failure(path, written.code, language)
        }
        if close(descriptor) != 0 {
            let code = errno
            unlink(temporary)
            return failure(path, code, language)
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            return failure(path, code, language)
        }
        return nil
    }

    static func failure(_ path: String, _ code: Int32, _ language: Language) -> String {
        let reason = String(cString: strerror(code))
        return language == .french ? "erreur : \(path) : écriture impossible (\(reason))" : "error: \(path): cannot be written (\(reason))"
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
