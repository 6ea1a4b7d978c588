import PacteEvents

// Temporary driver while the benchmark is built.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "read" {
    var count = 0
    for path in arguments.dropFirst() {
        try LedgerFile(path: path).forEachEvent { _ in count += 1 }
    }
    print("events: \(count)")
} else {
    let generator = CorpusGenerator(pactCount: 200, eventsPerPact: 5000)
    let folder = arguments.first ?? "bench-corpus"
    var total = 0
    for pact in 0..<(Int(arguments.dropFirst().first ?? "200") ?? 200) {
        total += try generator.writeLedger(pact: pact, to: "\(folder)/pacte-\(pact).jsonl")
    }
    print("bytes: \(total)")
}
