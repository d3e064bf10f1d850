// swift-tools-version: 6.1
import PackageDescription

// Layers follow DESIGN.md: Model ← Text ← Extract; Model ← Ingest ← HTTP; Model ← Store ← Server; the CLI ties them.
// HTTP (AsyncHTTPClient) is apart from Ingest so that the readers, and the fuzzers built from them, carry no networking.
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
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0"),
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
        .target(
            name: "SalvoHTTP",
            dependencies: [
                "SalvoIngest",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ]
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
                "SalvoModel", "SalvoText", "SalvoExtract", "SalvoIngest", "SalvoHTTP", "SalvoStore", "SalvoServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(name: "gazetteer-bench", dependencies: ["SalvoText", "SalvoModel"], path: "Benchmarks/GazetteerBench"),
        // Test helpers every test module shares (one lock for starting child processes in the test process).
        .target(name: "SalvoTestSupport", path: "Tests/SalvoTestSupport"),
        .testTarget(name: "SalvoModelTests", dependencies: ["SalvoModel"]),
        .testTarget(name: "SalvoTextTests", dependencies: ["SalvoText"]),
        .testTarget(
            name: "SalvoIngestTests",
            dependencies: ["SalvoIngest", "SalvoHTTP", "SalvoModel", "SalvoMarkup"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "SalvoExtractTests", dependencies: ["SalvoExtract", "SalvoText", "SalvoModel", "SalvoTestSupport"]),
        .testTarget(name: "SalvoStoreTests", dependencies: ["SalvoStore", "SalvoModel", "SalvoTestSupport",
                                                                .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "SalvoServerTests",
            dependencies: ["SalvoServer", "SalvoStore", "SalvoModel", "SalvoTestSupport",
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]
        ),
    ]
)
