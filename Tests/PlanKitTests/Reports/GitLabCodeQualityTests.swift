import Foundation
import Testing
@testable import PlanKit

/// `lint --format gitlab`: the GitLab Code Quality report.
@Suite("GitLab Code Quality report")
struct GitLabCodeQualityTests {
    static let findings = [
        Diagnostic(path: "recommendations/05.yaml", location: SourceLocation(line: 4, column: 1), severity: .error,
                   rule: "reason-required", message: "a Partly Agreed recommendation needs a reason"),
        Diagnostic(path: "recommendations/02.yaml", location: SourceLocation(line: 9, column: 7), severity: .warning,
                   rule: "action-measurable", message: "action 2.1 says \"review\" without a measure"),
        Diagnostic(path: "plan.yaml", location: nil, severity: .info, rule: "action-overdue", message: "overdue"),
    ]

    static func issues(_ text: String) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]], "not a JSON array: \(text)")
    }

    @Test("a JSON array with description, check_name, fingerprint, severity and location for each finding")
    func fields() throws {
        let issues = try Self.issues(LintRenderer.gitlab(Self.findings))
        #expect(issues.count == 3)
        // Sorted as every lint output is: by path, then line.
        let first = try #require(issues.first)
        #expect(first["description"] as? String == "overdue")
        #expect(first["check_name"] as? String == "action-overdue")
        #expect(first["severity"] as? String == "info")
        let location = try #require(first["location"] as? [String: Any])
        #expect(location["path"] as? String == "plan.yaml")
        // GitLab requires a line: a finding about a whole file is placed on line 1.
        #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 1)
        let bySeverity = Dictionary(uniqueKeysWithValues: issues.map { ($0["check_name"] as? String ?? "", $0["severity"] as? String ?? "") })
        #expect(bySeverity == ["reason-required": "critical", "action-measurable": "major", "action-overdue": "info"])
        let error = try #require(issues.first { $0["check_name"] as? String == "reason-required" })
        #expect(((error["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int == 4)
        #expect(Set(issues.compactMap { $0["fingerprint"] as? String }).count == 3)
    }

    @Test("no findings: an empty array")
    func empty() throws {
        #expect(try Self.issues(LintRenderer.gitlab([])).isEmpty)
    }

    @Test("the fingerprint depends only on rule, path, line and message: stable across runs, different when one of them differs")
    func fingerprint() {
        let one = LintRenderer.fingerprint(rule: "r", path: "a.yaml", line: 3, message: "m")
        #expect(one == LintRenderer.fingerprint(rule: "r", path: "a.yaml", line: 3, message: "m"))
        #expect(one.count == 32 && one.allSatisfy(\.isHexDigit), "\(one)")
        // A known value: the fingerprint must not change between releases, or GitLab would see every finding as new.
        // (Computed apart from this code, in Python, from FNV-1a's published constants.)
        #expect(one == "e5ca5c1f184e95edd858ec78fd0e246a")
        for other in [LintRenderer.fingerprint(rule: "s", path: "a.yaml", line: 3, message: "m"),
                      LintRenderer.fingerprint(rule: "r", path: "b.yaml", line: 3, message: "m"),
                      LintRenderer.fingerprint(rule: "r", path: "a.yaml", line: 4, message: "m"),
                      LintRenderer.fingerprint(rule: "r", path: "a.yaml", line: 3, message: "n"),
                      // The separator keeps the fields apart: "ra" + "b" is not "r" + "ab".
                      LintRenderer.fingerprint(rule: "ra", path: ".yaml", line: 3, message: "m")] {
            #expect(other != one)
        }
        // The column is not part of it: a finding moved along its line is the same finding.
        let moved = Diagnostic(path: "a.yaml", location: SourceLocation(line: 3, column: 9), severity: .error, rule: "r", message: "m")
        #expect(LintRenderer.gitlab([moved]).contains("\"fingerprint\" : \"\(one)\""))
    }

    @Test("messages and paths with quotes, backslashes, line breaks and control characters are escaped and read back")
    func escaping() throws {
        let message = "say \"done\" \\ then\nnext line\u{1B}[31m \u{202E}"
        let path = "recommendations/a \"b\".yaml"
        let text = LintRenderer.gitlab([Diagnostic(path: path, location: SourceLocation(line: 2, column: 1), severity: .error,
                                                   rule: "x", message: message)])
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}"), "\(text)")
        let issue = try #require(try Self.issues(text).first)
        #expect(issue["description"] as? String == message)
        #expect((issue["location"] as? [String: Any])?["path"] as? String == path)
    }
}
