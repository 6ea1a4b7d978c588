import PacteEvents
@testable import PacteProjections
import Testing

/// The fold keeps each text once (``SharedTexts``): equal bytes share one storage,
/// different bytes (NFC and NFD spellings included) stay apart.
@Suite("Texts kept once")
struct SharedTextsTests {
    /// A fresh copy of `text` with its own storage, as each line read brings.
    static func copy(_ text: String) -> String {
        String(decoding: Array(text.utf8), as: UTF8.self)
    }

    static func storage(_ text: String) -> UnsafeRawPointer? {
        text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test func equalTextsShareOneStorage() {
        var texts = SharedTexts()
        let first = texts.shared(Self.copy("generateur@exemple.invalid"))
        let second = Self.copy("generateur@exemple.invalid")
        #expect(Self.storage(first) != Self.storage(second))
        let kept = texts.shared(second)
        #expect(kept == second)
        #expect(Self.storage(kept) == Self.storage(first))
    }

    @Test func differentBytesStayApart() {
        var texts = SharedTexts()
        let nfc = texts.shared(Self.copy("Comité de pilotage du pacte"))
        let nfd = texts.shared(Self.copy("Comite\u{301} de pilotage du pacte"))
        #expect(nfc == nfd)  // canonically equivalent for Swift
        #expect(!nfd.hasSameBytes(as: nfc))
        #expect(nfd.hasSameBytes(as: "Comite\u{301} de pilotage du pacte"))
        #expect(Self.storage(nfc) != Self.storage(nfd))
    }

    @Test func listsShareTheirStorageAndKeepTheirBytes() {
        var texts = SharedTexts()
        let list = ["Fiches-action actualisées", "Engagements de l'année présentés"]
        let first = texts.shared(list.map(Self.copy))
        let second = texts.shared(list.map(Self.copy))
        #expect(second == list)
        #expect(first.withUnsafeBufferPointer { $0.baseAddress } == second.withUnsafeBufferPointer { $0.baseAddress })
        let decomposed = texts.shared(["Fiches-action actualise\u{301}es", "Engagements de l'année présentés"])
        #expect(decomposed[0].hasSameBytes(as: "Fiches-action actualise\u{301}es"))
        #expect(texts.shared([String]()) == [])
    }

    @Test func shortTextsAreLeftAsTheyAre() {
        var texts = SharedTexts()
        #expect(texts.shared("porteur") == "porteur")
        #expect(texts.shared(String?.none) == nil)
    }
}
