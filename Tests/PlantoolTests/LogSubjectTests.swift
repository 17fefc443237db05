import Foundation
import Testing

/// End-to-end tests of `plantool log ID` for ids the plan never had: an error naming the id and
/// what there is, nothing on standard output; ids the plan had earlier still show their history.
@Suite("plantool log: an id that is not in the history")
struct LogSubjectTests {
    static let rec5 = "plan/recommendations/05.yaml"
    static let rec10 = "plan/recommendations/10.yaml"

    /// The recall-culture plan in three commits: as it is (recommendations 1 to 8, action 5.1
    /// only); with an action 5.2 and a recommendation 10 added; with both taken out again.
    static func repository(in dir: URL) throws -> URL {
        let repo = try GitFixture.repository(in: dir)
        let file = repo.appendingPathComponent(rec5)
        let original = try #require(GitFixture.text(of: file))
        let action52 = "  - id: \"5.2\"\n    text: Publish the Part B pilot's evaluation\n    owners:\n      - Deputy Director, Public Protection Group\n    target: 2022-06\n"
        try write(original + action52, to: rec5, in: repo)
        try write(LintFixture.clean(10), to: rec10, in: repo)
        try gitOK(["add", "-A"], in: repo)
        try gitOK(["commit", "-q", "-m", "Add action 5.2 and recommendation 10"], in: repo)
        try write(original, to: rec5, in: repo)
        try FileManager.default.removeItem(at: repo.appendingPathComponent(rec10))
        try gitOK(["add", "-A"], in: repo)
        try gitOK(["commit", "-q", "-m", "Take action 5.2 and recommendation 10 out again"], in: repo)
        return repo
    }

    @Test("an id no commit ever had is an error (exit 2) naming it and what there is, with nothing on standard output, in text and json",
          arguments: [
              (["5.9"], "no action 5.9 in the history of HEAD: recommendation 5 has actions 5.1"),
              (["99"], "no recommendation 99 in the history of HEAD; the plan has recommendations 1 to 8"),
              (["99.1"], "no action 99.1 in the history of HEAD: there is no recommendation 99 either; the plan has recommendations 1 to 8"),
              (["5.9", "--rev", "HEAD~1"], "no action 5.9 in the history of HEAD~1: recommendation 5 has actions 5.1, 5.2"),
              (["5.9", "--since", "2030-01-01"], "no action 5.9 in the history of HEAD: recommendation 5 has actions 5.1"),
          ])
    func unknownID(arguments: [String], message: String) throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            for format in ["text", "json"] {
                let result = run(["log"] + arguments + ["--format", format], in: repo)
                #expect(result.status == 2, "\(format): \(result)")
                #expect(result.stdout.isEmpty, "\(format): \(result)")
                #expect(result.stderr == "plantool: error: \(message)\n", "\(format): \(result)")
            }
        }
    }

    @Test("an action or a recommendation the plan had earlier but not now still shows its history")
    func earlierID() throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            let five = run(["log", "5.2"], in: repo)
            #expect(five.status == 0, "\(five)")
            #expect(five.stdoutLines.filter { !$0.hasPrefix(" ") }.map { $0.split(separator: ":").last.map(String.init) }
                    == [" Take action 5.2 and recommendation 10 out again", " Add action 5.2 and recommendation 10", " Add the action plan"], "\(five)")
            // Each change is followed by the words it added or removed, quoted.
            let changes = five.stdoutLines.filter { $0.hasPrefix("    ") && !$0.hasPrefix("     ") }
            #expect(changes == ["    - action 5.2 removed (it was planned, due 2022-06)", "    + action 5.2 added (planned, due 2022-06)",
                                "    + Recommendation 5 added (agreed, 1 action)"], "\(five)")
            #expect(five.stdoutLines.filter { $0.hasPrefix("        \"Publish the Part B pilot") }.count == 2, "\(five)")
            let ten = run(["log", "10"], in: repo)
            #expect(ten.status == 0, "\(ten)")
            #expect(ten.stdoutLines.filter { $0.hasPrefix(" ") } == ["    - Recommendation 10 removed (it was agreed, 1 action)", "        \"Improve the quality of recall decisions\"",
                                                                       "    + Recommendation 10 added (agreed, 1 action)", "        \"Improve the quality of recall decisions\""], "\(ten)")
            // An action that is there, outside the dates asked for: nothing changed it then.
            let quiet = run(["log", "5.1", "--since", "2030-01-01"], in: repo)
            #expect(quiet.status == 0, "\(quiet)")
            #expect(quiet.stdout == "no commit changed action 5.1\n", "\(quiet)")
        }
    }

    @Test("a malformed id is a usage error (exit 2) with nothing on standard output",
          arguments: ["5.x", "0", "-1", "5.", ".5", "5..1", "x", "0.1"])
    func malformedID(subject: String) throws {
        try withTemporaryDirectory { dir in
            let repo = try Self.repository(in: dir)
            let result = run(["log", subject], in: repo)
            #expect(result.status == 2, "\(result)")
            #expect(result.stdout.isEmpty, "\(result)")
            #expect(!result.stderr.isEmpty, "\(result)")
        }
    }

    @Test("on the recall-culture demo the README's examples of unknown ids are the real output")
    func readmeExamples() throws {
        try withTemporaryDirectory { dir in
            let (repo, _) = try Demo.build(in: dir)
            let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
            for subject in ["5.9", "99"] {
                let result = run(["log", subject], in: repo)
                #expect(result.status == 2, "\(result)")
                #expect(result.stdout.isEmpty, "\(result)")
                #expect(readme.contains("$ plantool log \(subject)\n\(result.stderr)"), "\(result)")
            }
        }
    }
}
