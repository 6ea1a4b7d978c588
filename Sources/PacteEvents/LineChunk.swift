#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Complete lines of a ledger read together, in storage of their own: handed to the threads
/// that parse them while the file is read on.
struct LineChunk: Sendable {
    /// The chunk's bytes from its first line's first byte (storage past the last `\n` is
    /// not the chunk's).
    var bytes: [UInt8]
    /// The position in ``bytes`` of each line's `\n`.
    var newlines: [Int]
    /// Where ``bytes`` starts in the file.
    var fileOffset: Int
    /// The line number of the chunk's first line.
    var firstLine: Int

    var lineCount: Int { newlines.count }

    /// The bytes of line `position` of the chunk (from 0), its `\n` excluded.
    func range(ofLine position: Int) -> Range<Int> {
        (position == 0 ? 0 : newlines[position - 1] + 1)..<newlines[position]
    }
}

extension LineChunk {
    /// Reads a ledger as ``LineChunk``s of about `chunkSize` bytes (a line longer than that
    /// makes a chunk of its own), each in new storage.
    struct Reader {
        let descriptor: Int32
        let path: String
        let system: FileSystem
        let chunkSize: Int
        /// The bytes read after the last `\n` returned, at the start of storage for the next chunk.
        private var buffer: [UInt8]
        private var filled = 0
        /// Where `buffer` starts in the file.
        private(set) var fileOffset = 0
        private var linesBefore = 0
        private var endOfFile = false

        init(descriptor: Int32, path: String, system: FileSystem, chunkSize: Int) {
            self.descriptor = descriptor
            self.path = path
            self.system = system
            self.chunkSize = chunkSize
            buffer = Self.storage(count: chunkSize)
        }

        /// Bytes after the last `\n` of the chunks returned: at the end of the file, an
        /// interrupted write (from ``fileOffset``).
        var unreadCount: Int { filled }

        /// The next chunk, or `nil` at the end of the file.
        mutating func next() throws(LedgerError) -> LineChunk? {
            while !endOfFile {
                if buffer.count - filled < chunkSize / 2 {
                    var larger = Self.storage(count: buffer.count * 2)
                    Self.copy(buffer[0..<filled], into: &larger)
                    buffer = larger
                }
                let searched = filled  // the bytes before hold no `\n`
                let count = try LedgerScanner.readMore(
                    into: &buffer, after: filled, at: fileOffset, descriptor: descriptor, path: path, system: system)
                filled += count
                endOfFile = count == 0
                let newlines = buffer.withUnsafeBytes { bytes in
                    var newlines: [Int] = []
                    var position = searched
                    while position < filled, let newline = memchr(bytes.baseAddress! + position, 0x0A, filled - position) {
                        let end = bytes.baseAddress!.distance(to: UnsafeRawPointer(newline))
                        newlines.append(end)
                        position = end + 1
                    }
                    return newlines
                }
                guard let last = newlines.last else { continue }
                let complete = last + 1
                var rest = Self.storage(count: max(chunkSize, 2 * (filled - complete)))
                Self.copy(buffer[complete..<filled], into: &rest)
                let chunk = LineChunk(bytes: buffer, newlines: newlines, fileOffset: fileOffset, firstLine: linesBefore + 1)
                buffer = rest
                fileOffset += complete
                filled -= complete
                linesBefore += newlines.count
                return chunk
            }
            return nil
        }

        /// `count` bytes of storage, left as they are (each is written before it is read).
        private static func storage(count: Int) -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }

        private static func copy(_ bytes: ArraySlice<UInt8>, into storage: inout [UInt8]) {
            guard !bytes.isEmpty else { return }
            storage.withUnsafeMutableBytes { target in
                bytes.withUnsafeBytes { source in target.baseAddress!.copyMemory(from: source.baseAddress!, byteCount: source.count) }
            }
        }
    }
}
