// swift-tools-version: 6.1
import PackageDescription

// Layers follow DESIGN.md: Model ← Text ← Extract; Model ← Ingest; Model ← Store ← Server; the CLI ties them.
let package = Package(
    name: "Salvo",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "salvo", targets: ["salvo"]),
        .library(name: "SalvoExtract", targets: ["SalvoExtract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        .target(name: "SalvoModel"),
        .target(
            name: "SalvoText",
            dependencies: ["SalvoModel"],
            resources: [.copy("Resources")]
        ),
        .target(name: "SalvoExtract", dependencies: ["SalvoModel", "SalvoText"], resources: [.copy("Resources")]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "SalvoMarkup", dependencies: ["CLibXML2"]),
        .target(
            name: "SalvoIngest",
            dependencies: ["SalvoModel", "SalvoMarkup", "CZlib"],
            resources: [.embedInCode("Resources/months.tsv")]
        ),
        .executableTarget(name: "salvo-html-bench", dependencies: ["SalvoIngest"]),
        .target(
            name: "SalvoStore",
            dependencies: [
                "SalvoModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "SalvoServer",
            dependencies: [
                "SalvoModel", "SalvoStore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "salvo",
            dependencies: [
                "SalvoModel", "SalvoText", "SalvoExtract", "SalvoIngest", "SalvoStore", "SalvoServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "gazetteer-bench", dependencies: ["SalvoText", "SalvoModel"], path: "Benchmarks/GazetteerBench"),
        .testTarget(name: "SalvoModelTests", dependencies: ["SalvoModel"]),
        .testTarget(name: "SalvoTextTests", dependencies: ["SalvoText"]),
        .testTarget(
            name: "SalvoIngestTests",
            dependencies: ["SalvoIngest", "SalvoModel", "SalvoMarkup"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "SalvoExtractTests", dependencies: ["SalvoExtract", "SalvoText", "SalvoModel"]),
        .testTarget(name: "SalvoStoreTests", dependencies: ["SalvoStore", "SalvoModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SalvoServerTests", dependencies: ["SalvoServer", "SalvoStore", "SalvoModel"]),
    ]
)
