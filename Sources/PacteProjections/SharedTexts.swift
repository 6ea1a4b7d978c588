import PacteEvents

/// The texts a fold keeps, each stored once: a text (or a list of texts) equal in bytes to
/// one already kept is replaced by that one, whose storage it then shares.
///
/// A ledger repeats its texts: the same `by` on every line, the same indicator, body,
/// funding source or attendee list event after event. Each line read brings its own
/// copy; kept as read, a million-event ledger's state held hundreds of thousands of
/// copies of the same words. Texts of up to 15 bytes are stored inline by `String` and
/// are left as they are. Texts compare as bytes (``ByteKey``): NFC and NFD spellings stay
/// distinct.
///
/// It is bookkeeping, not part of the pact: two folds that differ only by it are equal.
struct SharedTexts: Sendable, Hashable {
    /// The longest text `String` stores inline (64-bit platforms).
    private static let inlineLimit = 15

    /// How many of the texts kept last are compared before the set is searched.
    private static let recentCount = 8

    private var texts: Set<ByteKey> = []
    private var lists: Set<ByteList> = []
    /// The texts kept last (a ring): most texts repeat those of the lines just before
    /// (the same `by` on every line), and comparing a few bytes is cheaper than hashing.
    private var recent: [String] = []
    private var nextRecent = 0

    /// `text`, sharing the storage of an equal text kept before.
    mutating func shared(_ text: String) -> String {
        guard text.utf8.count > Self.inlineLimit else { return text }
        for kept in recent where kept.hasSameBytes(as: text) { return kept }
        let kept = texts.insert(ByteKey(text)).memberAfterInsert.text
        if recent.count < Self.recentCount {
            recent.append(kept)
        } else {
            recent[nextRecent] = kept
            nextRecent = (nextRecent + 1) % Self.recentCount
        }
        return kept
    }

    /// `text`, sharing the storage of an equal text kept before.
    mutating func shared(_ text: String?) -> String? {
        text.map { shared($0) }
    }

    /// `list` (and each of its texts), sharing the storage of an equal list kept before.
    mutating func shared(_ list: [String]) -> [String] {
        guard !list.isEmpty else { return list }
        let key = ByteList(texts: list)
        if let kept = lists.firstIndex(of: key) { return lists[kept].texts }
        let texts = list.map { shared($0) }
        lists.insert(ByteList(texts: texts))
        return texts
    }

    static func == (lhs: SharedTexts, rhs: SharedTexts) -> Bool { true }
    func hash(into hasher: inout Hasher) {}

    /// A list of texts compared and hashed by their bytes.
    private struct ByteList: Hashable, Sendable {
        let texts: [String]

        static func == (lhs: ByteList, rhs: ByteList) -> Bool {
            lhs.texts.count == rhs.texts.count && zip(lhs.texts, rhs.texts).allSatisfy { $0.hasSameBytes(as: $1) }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(texts.count)
            for text in texts { ByteKey(text).hash(into: &hasher) }
        }
    }
}
