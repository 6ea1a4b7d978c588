// swift-tools-version:6.1
import PackageDescription

/// Every target is built with the same upcoming features.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "pacte-ledger",
    products: [
        .library(name: "PacteEvents", targets: ["PacteEvents"]),
        .library(name: "PacteProjections", targets: ["PacteProjections"]),
        .library(name: "PacteDocuments", targets: ["PacteDocuments"]),
        .executable(name: "pacte-ledger", targets: ["pacte-ledger"]),
    ],
    targets: [
        // Hardware SHA-256 instructions, and only that (see Sources/CSHA256).
        .target(name: "CSHA256"),
        .target(name: "PacteEvents", dependencies: ["CSHA256"], swiftSettings: swiftSettings),
        .target(name: "PacteProjections", dependencies: ["PacteEvents"], swiftSettings: swiftSettings),
        .target(
            name: "PacteDocuments", dependencies: ["PacteEvents", "PacteProjections"], swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "pacte-ledger",
            dependencies: ["PacteEvents", "PacteProjections", "PacteDocuments"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "pacte-bench",
            dependencies: ["PacteEvents", "PacteProjections"],
            path: "Benchmarks/pacte-bench",
            swiftSettings: swiftSettings
        ),
        // A strict RFC 4180 reader shared by the tests that read our CSV back.
        .target(name: "CSVTesting", path: "Tests/CSVTesting", swiftSettings: swiftSettings),
        // A strict RFC 5545 checker shared by the tests that read our iCalendar files back.
        .target(name: "ICSTesting", path: "Tests/ICSTesting", swiftSettings: swiftSettings),
        // The ledgers every consistency check runs over (the example, the rule fixtures, a
        // small seeded corpus) and the report fixtures, shared by the test targets.
        .target(
            name: "PactTesting", dependencies: ["PacteEvents", "PacteProjections", "PacteDocuments"], path: "Tests/PactTesting",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PacteEventsTests", dependencies: ["PacteEvents"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PacteProjectionsTests",
            dependencies: ["PacteEvents", "PacteProjections", "PactTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PacteDocumentsTests",
            dependencies: ["PacteDocuments", "PacteEvents", "PacteProjections", "CSVTesting", "ICSTesting", "PactTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PacteLedgerTests",
            dependencies: [
                "pacte-ledger", "PacteEvents", "PacteProjections", "PacteDocuments", "CSVTesting", "ICSTesting", "PactTesting",
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
