import Foundation

// Helpers for the fault tests: killing plantool part way, copying a prepared repository, and
// the git CLI checks every fault test makes afterwards.

enum Faults {
    /// Starts plantool with `args` in `dir` (output thrown away), kills it with SIGKILL after
    /// `delay` seconds unless it has finished, and gives its exit status (128 + 9 when killed).
    static func runKilled(_ args: [String], in dir: URL, after delay: Double) -> Int32 {
        let process = Process()
        process.executableURL = PackagePaths.binary
        process.arguments = args
        process.currentDirectoryURL = dir
        process.environment = TestEnvironment.make()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// How long a run of plantool takes, in seconds.
    static func duration(of args: [String], in dir: URL) -> (Double, RunResult) {
        let start = Date()
        let result = run(args, in: dir)
        return (Date().timeIntervalSince(start), result)
    }

    /// The longest of three runs of plantool, each on a fresh copy of `repo` (in `folder` of
    /// it), so that kill delays drawn up to it cover the whole run on a busy machine; gives the
    /// last copy and run too, to compare with.
    static func longestRun(of args: [String], copying repo: URL, in folder: String = "") throws -> (Double, URL, RunResult) {
        var longest = 0.0
        var last: (URL, RunResult)?
        for attempt in 0..<3 {
            if let (previous, _) = last { try FileManager.default.removeItem(at: previous) }
            let copy = try copy(repo, as: "timing-\(attempt)")
            let (seconds, result) = duration(of: args, in: folder.isEmpty ? copy : copy.appendingPathComponent(folder))
            longest = max(longest, seconds)
            last = (copy, result)
        }
        guard let (copy, result) = last else { throw GitFixtureError(message: "no timing run") }
        return (longest, copy, result)
    }

    /// Copies a prepared repository folder to a fresh one beside it.
    static func copy(_ repo: URL, as name: String) throws -> URL {
        let copy = repo.deletingLastPathComponent().appendingPathComponent(name)
        try FileManager.default.copyItem(at: repo, to: copy)
        return copy
    }

    /// `git fsck --strict` (dangling objects allowed: a killed or refused command may leave
    /// unreferenced objects, which are harmless); nil when clean, else what it said.
    static func fsckProblems(_ repo: URL) -> RunResult? {
        let fsck = git(["fsck", "--strict", "--no-dangling", "--no-progress"], in: repo)
        return fsck.status == 0 && fsck.stdout.isEmpty && fsck.stderr.isEmpty ? nil : fsck
    }

    /// The lock files left in the repository's .git folder (index.lock, refs' .lock files, ...).
    static func locks(in repo: URL) -> [String] {
        let gitDir = repo.appendingPathComponent(".git").path
        guard let walker = FileManager.default.enumerator(atPath: gitDir) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".lock") { found.append(relative) }
        }
        return found.sorted()
    }

    /// The commits of a branch, newest first, as "id subject".
    static func log(_ branch: String, in repo: URL) throws -> [String] {
        try gitOK(["log", "--format=%H %s", branch], in: repo).split(separator: "\n").map(String.init)
    }

    /// Whether this process runs as root, for whom file permissions do not hold.
    static var isRoot: Bool { getuid() == 0 }

    /// Runs a program (not plantool) with arguments, for chattr, chmod and the like.
    @discardableResult
    static func tool(_ path: String, _ args: [String], in dir: URL) -> RunResult {
        runProcess(URL(fileURLWithPath: path), args, in: dir, environment: TestEnvironment.make(), timeout: 30)
    }

    /// The first of `candidates` that is an executable file.
    static func executable(_ candidates: [String]) -> String? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
