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

/// Runs plantool with `args` in `dir`, with `env` added to this process's environment, and
/// returns its exit status and everything it wrote. A run longer than `timeout` seconds is killed.
func run(_ args: [String], in dir: URL, env: [String: String] = [:], timeout: Double = 120) -> RunResult {
    let process = Process()
    process.executableURL = PackagePaths.binary
    process.arguments = args
    process.currentDirectoryURL = dir
    process.environment = ProcessInfo.processInfo.environment.merging(env) { _, new in new }
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
        return RunResult(status: -1, stdout: "", stderr: "cannot run \(PackagePaths.binary.path): \(error)")
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
    if timedOut { stderr += "\n[test harness: killed after \(timeout) s]" }
    let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    return RunResult(status: status, stdout: stdout, stderr: stderr)
}
