import Foundation

/// Runs `body` with a new empty folder, removed afterwards.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-workflow-\(UUID().uuidString)")
        .resolvingSymlinksInPath()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// The repository's examples, for a real plan.
enum Examples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    /// Copies the example plan (its plan.yaml and recommendations/ only) to `destination`.
    static func copyPlan(to destination: URL) throws {
        let source = root.appendingPathComponent("recall-culture-2020")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        for name in ["plan.yaml", "recommendations"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
        }
    }
}

/// A git command a test relies on failed.
struct GitFailed: Error, CustomStringConvertible {
    var description: String
}

/// Runs the git CLI in `folder` with a pinned identity and none of the caller's configuration;
/// returns standard output without its final line end.
@discardableResult
func git(_ arguments: [String], in folder: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
    environment["HOME"] = folder.path
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    for role in ["AUTHOR", "COMMITTER"] {
        environment["GIT_\(role)_NAME"] = "Test Person"
        environment["GIT_\(role)_EMAIL"] = "test@example.org"
        environment["GIT_\(role)_DATE"] = "2024-01-02T12:00:00Z"
    }
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw GitFailed(description: "git \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
    }
    var text = String(decoding: data, as: UTF8.self)
    while text.hasSuffix("\n") { text.removeLast() }
    return text
}

/// A repository at `folder` on branch main; with `plan`, the example plan in `plan/` committed.
func repository(in folder: URL, committingPlan plan: Bool = true) throws {
    try git(["init", "-q", "-b", "main"], in: folder)
    guard plan else { return }
    try Examples.copyPlan(to: folder.appendingPathComponent("plan"))
    try git(["add", "-A"], in: folder)
    try git(["commit", "-q", "-m", "Add the plan"], in: folder)
}
