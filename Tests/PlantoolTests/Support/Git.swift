import Foundation

// Running the real git CLI for the end-to-end tests of plantool's git workflow, in the same
// hermetic environment plantool runs in (TestEnvironment.make): no GIT_* variables of the
// caller's, an empty HOME, a pinned identity and pinned dates.

/// Where the git CLI is: the first `git` on PATH, else /usr/bin/git.
enum GitCLI {
    static let executable: URL = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("git")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: "/usr/bin/git")
    }()
}

/// Runs `git args` in `dir` with `env` added to the hermetic environment (a value of "" removes a
/// variable), and returns its exit status and output. Never throws: check `status`.
@discardableResult
func git(_ args: [String], in dir: URL, env: [String: String] = [:], timeout: Double = 120) -> RunResult {
    var environment = TestEnvironment.make(env)
    // Never wait for an editor or a pager, never prompt.
    environment["GIT_EDITOR"] = environment["GIT_EDITOR"] ?? "true"
    environment["GIT_PAGER"] = environment["GIT_PAGER"] ?? "cat"
    environment["GIT_TERMINAL_PROMPT"] = "0"
    return runProcess(GitCLI.executable, args, in: dir, environment: environment, timeout: timeout)
}

/// A git command a test relies on failed.
struct GitCommandFailed: Error, CustomStringConvertible {
    var arguments: [String]
    var folder: String
    var result: RunResult

    var description: String {
        "git \(arguments.joined(separator: " ")) (in \(folder)) failed: \(result)"
    }
}

/// Runs git and requires exit status 0; returns standard output without its final line end.
@discardableResult
func gitOK(_ args: [String], in dir: URL, env: [String: String] = [:]) throws -> String {
    let result = git(args, in: dir, env: env)
    guard result.status == 0 else {
        throw GitCommandFailed(arguments: args, folder: dir.path, result: result)
    }
    var text = result.stdout
    while text.hasSuffix("\n") { text.removeLast() }
    return text
}

/// Text files and repositories for the git tests.
enum GitFixture {
    /// The example plan the git tests use.
    static let example = "recall-culture-2020"

    /// The plantool binary, as an absolute path (for git hooks).
    static var plantoolPath: String { PackagePaths.binary.standardizedFileURL.path }

    /// Copies examples/<example> to `destination` without its NOTES.md (the plan's files only).
    static func copyPlan(_ example: String = example, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: PackagePaths.examples.appendingPathComponent(example), to: destination)
        let notes = destination.appendingPathComponent("NOTES.md")
        if exists(notes) { try FileManager.default.removeItem(at: notes) }
    }

    /// A repository at `dir/repo` on branch main with one commit holding the example plan in
    /// `plan/` (made with the git CLI, pinned identity and time); returns the repository's top.
    static func repository(in dir: URL, name: String = "repo", planFolder: String = "plan") throws -> URL {
        let repo = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try gitOK(["init", "-q", "-b", "main"], in: repo)
        try copyPlan(to: planFolder.isEmpty ? repo : repo.appendingPathComponent(planFolder))
        try gitOK(["add", "-A"], in: repo)
        try gitOK(["commit", "-q", "-m", "Add the action plan"], in: repo)
        return repo
    }

    /// Replaces the first occurrence of `old` in a text file with `new`; fails when it is absent.
    static func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard let range = text.range(of: old) else {
            throw GitFixtureError(message: "'\(old)' not found in \(file.path)")
        }
        try Data(text.replacingCharacters(in: range, with: new).utf8).write(to: file)
    }

    /// Makes a recommendation file invalid: `status: maybe` (an invalid-value error at column 9).
    static func breakStatus(of file: URL) throws {
        try replace("\nstatus: agreed\n", with: "\nstatus: maybe\n", in: file)
    }

    /// The 1-based line of the first line of `file` that starts with `prefix`.
    static func line(startingWith prefix: String, in file: URL) throws -> Int {
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else {
            throw GitFixtureError(message: "no line starting with '\(prefix)' in \(file.path)")
        }
        return index + 1
    }

    /// The text of a file (nil when it cannot be read).
    static func text(of file: URL) -> String? {
        bytes(of: file).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file of the working tree (outside .git), relative path to bytes.
    static func workingTreeFiles(of repo: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let root = repo.standardizedFileURL.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
        while let relative = walker.nextObject() as? String {
            if relative == ".git" || relative.hasPrefix(".git/") {
                walker.skipDescendants()
                continue
            }
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: full) ?? Data()
            }
        }
        return files
    }
}

struct GitFixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Everything about a repository a refused command must leave as it was.
struct RepositoryState: Equatable, CustomStringConvertible {
    /// `git symbolic-ref HEAD`, or the commit id when HEAD is detached.
    var head: String
    /// `git for-each-ref`: every ref and the object it names.
    var refs: String
    /// `git ls-files -s`: the index's entries (mode, blob, stage, path).
    var index: String
    /// `git status --porcelain --untracked-files=all`.
    var status: String
    /// The working tree's files.
    var files: [String: Data]
    /// The repository's .git/config.
    var config: String

    static func of(_ repo: URL) throws -> RepositoryState {
        let symbolic = git(["symbolic-ref", "-q", "HEAD"], in: repo)
        let head = symbolic.status == 0
            ? symbolic.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            : try gitOK(["rev-parse", "HEAD"], in: repo)
        return RepositoryState(
            head: head,
            refs: try gitOK(["for-each-ref", "--format=%(refname) %(objectname)"], in: repo),
            index: try gitOK(["ls-files", "-s"], in: repo),
            status: try gitOK(["status", "--porcelain", "--untracked-files=all"], in: repo),
            files: GitFixture.workingTreeFiles(of: repo),
            config: try gitOK(["config", "--local", "--list"], in: repo))
    }

    var description: String {
        "HEAD \(head)\nrefs:\n\(refs)\nindex: \(index.split(separator: "\n").count) entries\nstatus:\n\(status)\nfiles: \(files.keys.sorted().joined(separator: ", "))\nconfig:\n\(config)"
    }
}
