// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for Salvo, apart from the main package so that its `swift build` and `swift test`
// never see them. The modules under test are the main package's own sources (symlinks in Sources/),
// compiled here with `-enable-testing` so the fuzzers reach internal readers (JSON Lines, WARC).
// Mirror the main Package.swift here when one of these modules gains resources or dependencies.
// Built and run by `scripts/fuzz`; see README.md.
let testable: [SwiftSetting] = [.unsafeFlags(["-enable-testing"])]

let package = Package(
    name: "SalvoFuzz",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "SalvoModel", swiftSettings: testable),
        .target(name: "SalvoText", dependencies: ["SalvoModel"], resources: [.copy("Resources")], swiftSettings: testable),
        .target(name: "SalvoExtract", dependencies: ["SalvoModel", "SalvoText"], resources: [.copy("Resources")],
                swiftSettings: testable),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "SalvoMarkup", dependencies: ["CLibXML2"], swiftSettings: testable),
        .target(name: "SalvoIngest", dependencies: ["SalvoModel", "SalvoMarkup", "CZlib"],
                resources: [.embedInCode("Resources/months.tsv")], swiftSettings: testable),
        .target(name: "CLibFuzzer"),
        // One binary for every target (one link instead of nine); SALVO_FUZZ_TARGET picks the target.
        .executableTarget(
            name: "salvo-fuzz",
            dependencies: ["CLibFuzzer", "SalvoModel", "SalvoText", "SalvoExtract", "SalvoIngest", "SalvoMarkup"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
