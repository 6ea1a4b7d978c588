import Testing

@testable import pacte_ledger

@Suite("String natural order")
struct StringNaturalOrderTests {
    @Test func numbersCompareByValue() {
        let names = ["pacte-10.jsonl", "pacte-2.jsonl", "pacte-1.jsonl", "aude.jsonl", "pacte-02b.jsonl"]
        #expect(names.sorted { $0.compare(naturally: $1) }
            == ["aude.jsonl", "pacte-1.jsonl", "pacte-2.jsonl", "pacte-02b.jsonl", "pacte-10.jsonl"])
    }

    @Test func aPrefixComesFirst() {
        #expect("pacte".compare(naturally: "pacte-1"))
        #expect(!"pacte-1".compare(naturally: "pacte"))
        #expect(!"pacte".compare(naturally: "pacte"))
    }
}
