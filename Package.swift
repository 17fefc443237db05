// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "plantool",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plantool", targets: ["plantool"]),
        .library(name: "PlanKit", targets: ["PlanKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libgit2 from the system (Debian: libgit2-dev), reached through pkg-config.
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        // The only module that talks to libgit2.
        .target(name: "PlanGit", dependencies: ["CLibGit2"]),
        // The plan model, the strict YAML reader and the canonical writer: no printing, no flags.
        .target(
            name: "PlanKit",
            dependencies: [
                "PlanGit",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "plantool",
            dependencies: [
                "PlanKit", "PlanGit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Rainbow", package: "Rainbow"),
            ]
        ),
        .testTarget(
            name: "PlanKitTests",
            dependencies: [
                "PlanKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures", "Export/Golden"]
        ),
        .testTarget(name: "PlanGitTests", dependencies: ["PlanGit"]),
        // End-to-end tests: they run the built plantool binary on real folders.
        .testTarget(name: "PlantoolTests", dependencies: ["PlanKit", "plantool"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
