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
        // Peak memory: the child's VmHWM, polled from /proc while it runs. (wait4's
        // ru_maxrss would include this process's own memory: the child shares it until exec.)
        var status: Int32 = 0
        var peak = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            peak = max(peak, highWaterMark(of: pid))
            usleep(2_000)
        }
        let seconds = monotonicSeconds() - start
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Run(seconds: seconds, peakMemoryBytes: peak, exitCode: exitCode)
    }

    /// `VmHWM` of a running process, in bytes (0 when it cannot be read).
    static func highWaterMark(of pid: pid_t) -> Int {
        guard let file = fopen("/proc/\(pid)/status", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:") {
                let digits = text.filter(\.isNumber)
                return (Int(digits) ?? 0) * 1024
            }
        }
        return 0
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
