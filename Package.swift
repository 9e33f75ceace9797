// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Balcao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "balcao", targets: ["balcao"]),
        .executable(name: "balcao-bench", targets: ["balcao-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.50.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.32.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.4.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.29.0"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
    ],
    targets: [
        // Ink: Markdown for help articles (its HTML then goes through our sanitizer).
        .target(name: "BalcaoCore", dependencies: [.product(name: "Ink", package: "Ink")], swiftSettings: strict),
        .target(
            name: "BalcaoStore",
            dependencies: [
                "BalcaoCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // SMTP and IMAP clients over SwiftNIO: a leaf module that knows bytes, not tickets.
        .target(
            name: "BalcaoMailTransport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "BalcaoWeb",
            dependencies: [
                "BalcaoCore",
                "BalcaoStore",
                "BalcaoMailTransport",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Leaf", package: "leaf"),
            ],
            resources: [.copy("OpenAPI/openapi.json"), .copy("Web")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "balcao",
            dependencies: [
                "BalcaoWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "balcao-bench",
            dependencies: [
                "BalcaoWeb", "BalcaoStore", "BalcaoCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "BalcaoTestSupport",
            dependencies: [
                "BalcaoCore", "BalcaoStore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Tests/BalcaoTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "BalcaoCoreTests", dependencies: ["BalcaoCore", "BalcaoTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "BalcaoStoreTests",
            dependencies: ["BalcaoStore", "BalcaoTestSupport", .product(name: "SQLKit", package: "sql-kit")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BalcaoMailTransportTests",
            dependencies: [
                "BalcaoMailTransport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BalcaoWebTests",
            dependencies: [
                "BalcaoWeb", "BalcaoStore", "BalcaoTestSupport",
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: strict
        ),
    ]
)
