// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "plantool",
    // No `platforms:` claim: plantool is built and tested on Debian/Linux only (it reads
    // /proc/self/exe, links the system's libyaml and zlib through pkg-config, and loads its libgit2).
    products: [
        .executable(name: "plantool", targets: ["plantool"]),
        .library(name: "PlanKit", targets: ["PlanKit"]),
        .library(name: "PlanImport", targets: ["PlanImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libgit2 from the system (Debian: libgit2-dev): its headers at build time, the library
        // loaded with dlopen when first called (Sources/CLibGit2/include/CLibGit2.h).
        .target(name: "CLibGit2", linkerSettings: [.linkedLibrary("dl")]),
        // libyaml from the system (Debian: libyaml-dev): the plan file reader parses with it.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // zlib from the system (Debian: zlib1g-dev): the DOCX reader inflates with it.
        .systemLibrary(
            name: "CLibZ",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The only module that talks to libgit2.
        .target(name: "PlanGit", dependencies: ["CLibGit2"]),
        // The plan: model, files, storage, lint, diff, merge, progress, layout, export, reports
        // (ARCHITECTURE.md). Values in, values out: no printing, no flags.
        .target(
            name: "PlanKit",
            dependencies: [
                "PlanGit", "CLibYAML",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Import: the readers of Word text, DOCX and CSV, and their interpretation into a plan. A
        // target of its own so that nothing in PlanKit can depend on it.
        .target(
            name: "PlanImport",
            dependencies: ["PlanKit", "CLibZ", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The workflows of the commands (commit, drafts, import, lint targets, history walks):
        // values in, values or WorkflowError out; no flags, no printing.
        // ZIPFoundation: owners' forms are Word packages with custom properties (Forms/).
        .target(name: "PlanWorkflow", dependencies: ["PlanKit", "PlanImport", "PlanGit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .executableTarget(
            name: "plantool",
            dependencies: [
                "PlanKit", "PlanImport", "PlanGit", "PlanWorkflow",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Rainbow", package: "Rainbow"),
            ],
            exclude: ["link-order.txt"],
            // lld (the Swift toolchain's) with relative relocations packed (DT_RELR, glibc 2.36):
            // about 100,000 of them, which gold writes out as 2 MB of table that the dynamic
            // linker reads at every start, and which then stays resident.
            // The functions NetworkStartUp and DeferredRandomSeed (PlanGit) define in place of
            // libgit2's libraries' own are exported by name (mbedTLS's random generator's and
            // entropy pool's by pattern): a build without the static runtime exports nothing else.
            linkerSettings: [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                                           "-Xlinker", "--export-dynamic-symbol=mbedtls_x509_crt_parse_file",
                                           "-Xlinker", "--export-dynamic-symbol=libssh2_init",
                                           "-Xlinker", "--export-dynamic-symbol=mbedtls_ctr_drbg_*",
                                           "-Xlinker", "--export-dynamic-symbol=mbedtls_entropy_*"]),
                             // The functions the everyday commands run, linked next to one
                             // another (scripts/link-order writes the list).
                             .unsafeFlags(["-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/plantool/link-order.txt",
                                           "-Xlinker", "--no-warn-symbol-ordering"], .when(configuration: .release))],
        ),
        // What the test targets share: the seeded generator of their random cases.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "PlanKitTests",
            dependencies: [
                "PlanKit", "PlanImport", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),  // the DOCX tests open archives
            ],
            exclude: ["Fixtures", "Export/Golden"]
        ),
        .testTarget(
            name: "PlanImportTests",
            dependencies: [
                "PlanImport", "PlanKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "PlanGitTests", dependencies: ["PlanGit", "CLibGit2"]),
        .testTarget(name: "PlanWorkflowTests", dependencies: ["PlanWorkflow", "PlanKit", "PlanGit", "TestSupport"]),
        // End-to-end tests: they run the built plantool binary on real folders.
        .testTarget(name: "PlantoolTests", dependencies: ["PlanKit", "plantool", "TestSupport"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)

// Generic types are made by their metadata accessors, not looked up by their mangled names: such
// a lookup checks each generic requirement by scanning every protocol conformance in the binary
// (over 6,000, with Foundation linked in), tens of times as a command starts.
for target in package.targets where target.type != .system && target.name != "CLibGit2" {
    target.swiftSettings = (target.swiftSettings ?? [])
        + [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
           // Each function in a section of its own, for the link order (above).
           .unsafeFlags(["-Xfrontend", "-function-sections"], BuildSettingCondition.when(configuration: .release))]
}
