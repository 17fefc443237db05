import Foundation

/// What a run of the plantool binary gave back.
struct RunResult: Sendable, CustomStringConvertible {
    /// The exit status; 128 + the signal number when the process was killed by a signal.
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String {
        "exit status \(status)\n--- stdout ---\n\(stdout)--- stderr ---\n\(stderr)"
    }

    /// The lines of standard output, without empty ones.
    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
}

/// Where the package is: the nearest folder above this file holding Package.swift.
enum PackagePaths {
    static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        // Tests/PlantoolTests/Support/Run.swift: the package is four levels up.
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }()

    static var examples: URL { root.appendingPathComponent("examples") }
    static var schema: URL { root.appendingPathComponent("schema") }

    /// The plantool binary: $PLANTOOL_BIN, else beside the test runner (the build products
    /// folder), else .build/debug/plantool in the package.
    static let binary: URL = {
        let manager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["PLANTOOL_BIN"], !path.isEmpty,
           manager.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        let beside = runner.deletingLastPathComponent().appendingPathComponent("plantool")
        if manager.isExecutableFile(atPath: beside.path) { return beside }
        return root.appendingPathComponent(".build/debug/plantool")
    }()
}

/// Collects a pipe's bytes on a background thread.
private final class PipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let bytes = handle.readDataToEndOfFile()
            lock.lock()
            data = bytes
            lock.unlock()
            done.signal()
        }
    }

    func result() -> Data {
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}

/// A hermetic environment for git: no GIT_* variables of the caller's, no user or system git
/// configuration (HOME is an empty folder), and a pinned identity and time, so commits have
/// stable ids. A value of "" in `overrides` removes that variable.
enum TestEnvironment {
    static let home: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plantool-test-home-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static let identity: [String: String] = [
        "GIT_AUTHOR_NAME": "Plan Author", "GIT_AUTHOR_EMAIL": "author@example.org",
        "GIT_COMMITTER_NAME": "Plan Committer", "GIT_COMMITTER_EMAIL": "committer@example.org",
        "GIT_AUTHOR_DATE": "@1638871200 +0000", "GIT_COMMITTER_DATE": "@1638871200 +0000",
    ]

    static func make(_ overrides: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = home.path
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment.merge(identity) { _, new in new }
        for (key, value) in overrides {
            environment[key] = value.isEmpty ? nil : value
        }
        return environment
    }
}

/// Runs plantool with `args` in `dir`, with `env` added to a hermetic environment, and
/// returns its exit status and everything it wrote. A run longer than `timeout` seconds is killed.
func run(_ args: [String], in dir: URL, env: [String: String] = [:], timeout: Double = 120) -> RunResult {
    runProcess(PackagePaths.binary, args, in: dir, environment: TestEnvironment.make(env), timeout: timeout)
}

/// Runs a program and collects its exit status (128 + the signal when killed by one), standard
/// output and standard error, reading both pipes as they fill so that neither can block it.
func runProcess(_ executable: URL, _ args: [String], in dir: URL, environment: [String: String],
                timeout: Double) -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = args
    process.currentDirectoryURL = dir
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice

    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    do {
        try process.run()
    } catch {
        return RunResult(status: -1, stdout: "", stderr: "cannot run \(executable.path): \(error)")
    }
    // The parent's copies of the write ends must be closed, or the reads never see end of file.
    try? output.fileHandleForWriting.close()
    try? errors.fileHandleForWriting.close()
    let outReader = PipeReader(output.fileHandleForReading)
    let errReader = PipeReader(errors.fileHandleForReading)

    var timedOut = false
    if finished.wait(timeout: .now() + timeout) == .timedOut {
        timedOut = true
        process.terminate()
    }
    process.waitUntilExit()
    let stdout = String(decoding: outReader.result(), as: UTF8.self)
    var stderr = String(decoding: errReader.result(), as: UTF8.self)
    if timedOut { stderr += "\n[test harness: \(executable.lastPathComponent) killed after \(timeout) s]" }
    let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    return RunResult(status: status, stdout: stdout, stderr: stderr)
}
