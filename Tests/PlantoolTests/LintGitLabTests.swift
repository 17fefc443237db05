import Foundation
import Testing

/// `lint --format gitlab` through the built binary.
@Suite("lint --format gitlab")
struct LintGitLabTests {
    @Test("a Code Quality report holding the same findings as --format json, with stable fingerprints; exit codes as usual")
    func report() throws {
        try withTemporaryDirectory { dir in
            let broken = try LintTests.BrokenPlan(in: dir)
            try write("rules:\n  action-overdue: info\n", to: ".plantool.yaml", in: broken.plan)
            let result = lint(["--as-of", LintTests.today, "--format", "gitlab"], in: broken.plan)
            #expect(result.status == 1, "\(result)")
            let issues = try #require(LintJSON.array(result.stdout), "not a JSON array: \(result.stdout)")
            let json = try #require(LintTests.jsonFindings(lint(["--as-of", LintTests.today, "--format", "json"], in: broken.plan)))
            #expect(issues.count == json.count && !json.isEmpty)
            let severities = ["error": "critical", "warning": "major", "info": "info"]
            for (issue, finding) in zip(issues, json) {
                let location = issue["location"] as? [String: Any]
                #expect(issue["description"] as? String == finding.message)
                #expect(issue["check_name"] as? String == finding.rule)
                #expect(issue["severity"] as? String == severities[finding.severity])
                #expect(location?["path"] as? String == finding.path)
                #expect((location?["lines"] as? [String: Any])?["begin"] as? Int == finding.line ?? 1)
            }
            #expect(Set(issues.compactMap { $0["severity"] as? String }) == ["critical", "major", "info"], "\(result.stdout)")
            // The same findings give the same fingerprints on another run.
            let again = lint(["--as-of", LintTests.today, "--format", "gitlab"], in: broken.plan)
            #expect(again.stdout == result.stdout)

            // No findings: an empty array, exit 0.
            let clean = try LintFixture.plan(at: "clean", in: dir, recommendations: ["01.yaml": LintFixture.clean(1)])
            let none = lint(["--as-of", LintTests.today, "--format", "gitlab"], in: clean)
            #expect(none.status == 0, "\(none)")
            #expect(LintJSON.array(none.stdout)?.isEmpty == true, "\(none.stdout)")
        }
    }
}

extension LintJSON {
    static func array(_ text: String) -> [[String: Any]]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]]
    }
}
