import Foundation
import PlanKit
import Testing

// Helpers for the end-to-end tests of `plantool diff` (DiffTests, DiffGoldenTests).

/// Runs `plantool diff args` in `dir` in the neutral environment (no colour, no CI variables).
func diff(_ args: [String], in dir: URL, env: [String: String] = [:]) -> RunResult {
    run(["diff"] + args, in: dir, env: LintEnvironment.with(env))
}

/// `plantool diff --format json`, as DiffRenderer.json writes it.
struct DiffJSON: Decodable {
    var version: Int
    var tool: String
    var old: String
    var new: String
    var counts: [String: Int]
    var parsedFiles: Int
    var changes: [Change]

    var summaries: [String] { changes.map(\.summary) }
    var kinds: [ChangeKind] { changes.map(\.kind) }

    /// The changes of one kind, in order.
    func changes(of kind: ChangeKind) -> [Change] {
        var found: [Change] = []
        for change in changes where change.kind == kind { found.append(change) }
        return found
    }

    /// The first change of `kind` about action `action`. (Helpers rather than closures inside
    /// `#require`: with Swift 6.3.1 a trailing closure inside `#require(...)` was seen to be
    /// swapped with another closure of the same test, so that a later `filter` ran its predicate.)
    func change(_ kind: ChangeKind, action: String) -> Change? {
        for change in changes where change.kind == kind && change.action == action { return change }
        return nil
    }
}

struct DiffJSONError: Error, CustomStringConvertible {
    var description: String
}

/// Runs `plantool diff args --format json` and reads its output; throws unless it exits 0 (or
/// `status`) and prints a diff.
func diffJSON(_ args: [String], in dir: URL, status: Int32 = 0,
              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> DiffJSON {
    let result = diff(args + ["--format", "json"], in: dir)
    guard result.status == status else {
        throw DiffJSONError(description: "plantool diff \(args.joined(separator: " ")) --format json: expected exit status \(status), got \(result)")
    }
    do {
        return try JSONDecoder().decode(DiffJSON.self, from: Data(result.stdout.utf8))
    } catch {
        throw DiffJSONError(description: "plantool diff \(args.joined(separator: " ")) --format json printed no diff (\(error)): \(result)")
    }
}

/// Golden files of exact output, in Tests/PlantoolTests/Golden/diff. They are written only when
/// PLANTOOL_RECORD_GOLDEN=1, and a test that writes one fails with a note saying so: a test never
/// quietly writes its own expectation.
enum Golden {
    static let folder = PackagePaths.root.appendingPathComponent("Tests/PlantoolTests/Golden/diff")

    static var recording: Bool { ProcessInfo.processInfo.environment["PLANTOOL_RECORD_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name` (or records it).
    static func check(_ actual: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if recording {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record("recorded the golden file \(url.path) (PLANTOOL_RECORD_GOLDEN=1); read it critically, then run the tests again without PLANTOOL_RECORD_GOLDEN",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record the golden file \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("the golden file \(url.path) is missing; record it by running the tests with PLANTOOL_RECORD_GOLDEN=1, then read it critically. The output was:\n\(actual)",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        Issue.record("the output differs from the golden file \(name): \(firstDifference(expected, actual))\n--- actual output ---\n\(actual)",
                     sourceLocation: sourceLocation)
    }

    /// Where two texts first differ, line by line.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? String(a[index]) : "(end of file)"
            let y = index < b.count ? String(b[index]) : "(end of output)"
            if x != y { return "line \(index + 1):\n  expected: \(x)\n  actual:   \(y)" }
        }
        return "(no line differs)"
    }
}

/// The recall-culture demo: examples/recall-culture-demo.sh run into a folder with the built
/// plantool and the hermetic environment; tags v1 (December 2020) and v2 (December 2021).
enum Demo {
    static let script = PackagePaths.examples.appendingPathComponent("recall-culture-demo.sh")

    /// Runs the demo into `dir`/demo; returns the repository and the script's run.
    static func build(in dir: URL) throws -> (repo: URL, result: RunResult) {
        let repo = dir.appendingPathComponent("demo")
        guard let bash = ToolOnPath.find("bash") else { throw DiffJSONError(description: "bash is not on PATH") }
        let environment = TestEnvironment.make(LintEnvironment.with(["PLANTOOL": PackagePaths.binary.standardizedFileURL.path]))
        let result = runProcess(bash, [script.path, repo.path], in: dir, environment: environment, timeout: 300)
        guard result.status == 0 else {
            throw DiffJSONError(description: "\(script.path) \(repo.path) failed: \(result)")
        }
        return (repo, result)
    }
}

/// A plan repository built with the git CLI, from files written as text.
enum DiffRepo {
    /// A new repository at `dir`/`name` on branch main, with no commit.
    static func empty(in dir: URL, name: String = "repo") throws -> URL {
        let repo = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try gitOK(["init", "-q", "-b", "main"], in: repo)
        return repo
    }

    /// Makes the working tree's files under `repo` those of `files` (path to text; nil deletes),
    /// stages everything and commits with `message`; returns the new commit's id.
    @discardableResult
    static func commit(_ files: [String: String?], in repo: URL, message: String) throws -> String {
        for (path, text) in files {
            let url = repo.appendingPathComponent(path)
            if let text {
                try write(text, to: path, in: repo)
            } else if exists(url) {
                try FileManager.default.removeItem(at: url)
            }
        }
        try gitOK(["add", "-A"], in: repo)
        try gitOK(["commit", "-q", "-m", message], in: repo)
        return try gitOK(["rev-parse", "HEAD"], in: repo)
    }
}
