@main
struct PacteLedger {
    static func main() {}
}
