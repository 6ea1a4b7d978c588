internal import CSHA256

extension SHA256 {
    /// How the compression function runs: on the CPU's SHA instructions, or in plain Swift.
    ///
    /// Both give the same digests (the tests run every vector through each available one);
    /// ``fastest`` is the default everywhere. Choosing ``portable`` keeps the fallback that
    /// runs on every other CPU exercised on machines that have the instructions.
    public enum Implementation: Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The x86-64 SHA extensions (SHA-NI), through the `CSHA256` target; detected at run
        /// time with `cpuid`.
        case hardware
        /// FIPS 180-4 in plain Swift, on any CPU.
        case portable

        /// ``hardware`` when this CPU has the SHA instructions, ``portable`` otherwise.
        public static let fastest: Implementation = hardwareDetected ? .hardware : .portable

        /// The implementations this CPU runs, ``portable`` always among them.
        public static var available: [Implementation] { allCases.filter(\.isAvailable) }

        /// Whether this CPU runs this implementation.
        public var isAvailable: Bool {
            switch self {
            case .hardware: Self.hardwareDetected
            case .portable: true
            }
        }

        public var description: String {
            switch self {
            case .hardware: "hardware"
            case .portable: "portable"
            }
        }

        /// `cpuid` says SHA, SSSE3 and SSE4.1 (read once).
        private static let hardwareDetected = csha256_hardware_available() != 0

        /// Runs the compression function over `count` consecutive 64-byte blocks at `blocks`.
        @inline(__always)
        func compress(_ state: inout State, blocks: UnsafeRawPointer, count: Int) {
            switch self {
            case .hardware: Self.compressInHardware(&state, blocks: blocks, count: count)
            case .portable: SHA256.compress(&state, blocks: blocks, count: count)
            }
        }

        private static func compressInHardware(_ state: inout State, blocks: UnsafeRawPointer, count: Int) {
            var words = (state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h)
            withUnsafeMutableBytes(of: &words) { words in
                csha256_compress_hardware(words.baseAddress!.assumingMemoryBound(to: UInt32.self), blocks, count)
            }
            state = State(
                a: words.0, b: words.1, c: words.2, d: words.3, e: words.4, f: words.5, g: words.6, h: words.7)
        }
    }
}
