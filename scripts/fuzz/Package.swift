// swift-tools-version: 6.1
// Fuzz targets for PlanKit's readers and importers: one executable per entry point, each a
// libFuzzer `LLVMFuzzerTestOneInput`. Not part of the test suite; build with `build.sh`, run with
// `run.sh TARGET SECONDS` (see RELIABILITY.md at the top of the repository).
import PackageDescription

let targets = ["FuzzRecommendation", "FuzzPlanInfo", "FuzzConfiguration", "FuzzWordText", "FuzzDocx", "FuzzDocxXML",
               "FuzzDocxPackage", "FuzzCSV", "FuzzMerge", "FuzzDiff"]

let package = Package(
    name: "plantool-fuzz",
    // No `platforms:` claim, as in the package it fuzzes: Debian/Linux only.
    dependencies: [.package(name: "plantool", path: "../..")],
    targets: [
        // libFuzzer's driver, declared for Swift.
        .target(name: "CFuzzDriver"),
        // zlib's deflate and CRC-32, to build the ZIP archives of FuzzDocxPackage.
        .target(name: "CFuzzZlib", linkerSettings: [.linkedLibrary("z")]),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", .product(name: "PlanKit", package: "plantool")]),
    ] + targets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "PlanKit", package: "plantool"), .product(name: "PlanImport", package: "plantool")]
                + (name == "FuzzDocxPackage" ? ["CFuzzZlib"] : []),
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    },
    swiftLanguageModes: [.v6]
)
