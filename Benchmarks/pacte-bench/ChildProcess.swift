#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a command, its output sent to /dev/null (or a file), and measures its wall time
/// and peak resident memory (from `wait4`'s `ru_maxrss`).
struct ChildProcess {
    struct Run {
        var seconds: Double
        var peakMemoryBytes: Int
        var exitCode: Int32
    }

    static func run(_ arguments: [String], standardOutput: String = "/dev/null") -> Run {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        let start = monotonicSeconds()
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &cArguments, environ)
        guard spawned == 0 else { return Run(seconds: 0, peakMemoryBytes: 0, exitCode: 127) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = monotonicSeconds() - start
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Run(seconds: seconds, peakMemoryBytes: Int(usage.ru_maxrss) * 1024, exitCode: exitCode)
    }

    /// Whether `name` is on the PATH.
    static func isInstalled(_ name: String) -> Bool {
        run(["sh", "-c", "command -v \(name)"]).exitCode == 0
    }

    static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
