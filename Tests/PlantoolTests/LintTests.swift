import Foundation
import PlanKit
import Testing

/// End-to-end tests of `plantool lint`: the real binary on copies of the examples and on small
/// fixtures, every output format, colour, the rule catalogue, usage errors, `.plantool.yaml`,
/// inline directives, the git sources and the `--as-of` date.
@Suite("plantool lint")
struct LintTests {
    /// The day the recall-culture plan was updated ("Update December 2021").
    static let december2021 = "2021-12-07"
    /// The day the examples are judged on in these tests.
    static let today = "2026-11-22"

    // MARK: helpers

    /// A copy of the recall-culture example in `dir/name` whose recommendation 5 is partly agreed
    /// without a reason and whose action 5.1 is numbered 4.1 (the id recommendation 4's first action has).
    struct BrokenPlan {
        var plan: URL
        /// Lines in recommendations/05.yaml: `status:` and `- id: "4.1"`; in 04.yaml: its `- id: "4.1"`.
        var statusLine: Int
        var idLine: Int
        var firstIDLine: Int

        init(in dir: URL, name: String = "plan") throws {
            plan = dir.appendingPathComponent(name)
            try GitFixture.copyPlan(to: plan)
            let file = plan.appendingPathComponent("recommendations/05.yaml")
            try GitFixture.replace("\nstatus: agreed\n", with: "\nstatus: partly-agreed\n", in: file)
            try GitFixture.replace("  - id: \"5.1\"\n", with: "  - id: \"4.1\"\n", in: file)
            statusLine = try GitFixture.line(startingWith: "status:", in: file)
            idLine = try GitFixture.line(startingWith: "  - id: \"4.1\"", in: file)
            firstIDLine = try GitFixture.line(startingWith: "  - id: \"4.1\"",
                                              in: plan.appendingPathComponent("recommendations/04.yaml"))
        }
    }

    /// `path:line:col: severity: message [rule]`, the whole line.
    static let humanLine = try! NSRegularExpression(pattern: #"^[^:\n]+:[0-9]+:[0-9]+: (error|warning|info): [^\n]+ \[[a-z0-9]+(-[a-z0-9]+)*\]$"#)

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// A diagnostic as (path, line, column, severity, rule), the way every format gives it.
    struct Finding: Hashable, CustomStringConvertible {
        var path: String
        var line: Int?
        var column: Int?
        var severity: String
        var rule: String
        var message: String

        var description: String { "\(path):\(line ?? 0):\(column ?? 0) \(severity) [\(rule)] \(message)" }

        init(path: String, line: Int?, column: Int?, severity: String, rule: String, message: String) {
            (self.path, self.line, self.column, self.severity, self.rule, self.message) = (path, line, column, severity, rule, message)
        }

        init(_ d: DiagnosticLine) {
            self.init(path: d.path, line: d.line, column: d.column, severity: d.severity, rule: d.rule, message: d.message)
        }

        init?(json: [String: Any]) {
            guard let path = json["path"] as? String, let severity = json["severity"] as? String,
                  let rule = json["rule"] as? String, let message = json["message"] as? String else { return nil }
            self.init(path: path, line: json["line"] as? Int, column: json["column"] as? Int, severity: severity,
                      rule: rule, message: message)
        }
    }

    /// The diagnostics of a `--format json` run, in their order.
    static func jsonFindings(_ result: RunResult) -> [Finding]? {
        guard let object = LintJSON.object(result.stdout), let list = object["diagnostics"] as? [[String: Any]] else { return nil }
        let findings = list.compactMap(Finding.init(json:))
        return findings.count == list.count ? findings : nil
    }

    // MARK: 1. The examples lint with warnings only

    @Test("lint passes (warnings only) on a copy of each example as of 2026-11-22; --strict fails on the warnings",
          arguments: Fixture.examples)
    func examplesHaveWarningsOnly(_ name: String) throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample(name, into: dir)
            let files = try FileManager.default.contentsOfDirectory(atPath: plan.appendingPathComponent("recommendations").path)
                .filter { $0.hasSuffix(".yaml") }.count + 1

            let result = lint(["--as-of", Self.today], in: plan)
            #expect(result.status == 0, "\(result)")
            for line in result.stdoutLines {
                #expect(Self.matches(Self.humanLine, line), "not a finding: \(line)")
            }
            let warnings = result.diagnostics.filter { $0.severity == "warning" }
            #expect(result.errors.isEmpty, "\(result)")
            #expect(!warnings.isEmpty, "\(result)")
            #expect(warnings.count == result.stdoutLines.count, "\(result)")
            #expect(result.stderr.contains("linted \(files) files: 0 errors, \(warnings.count) warning"), "\(result)")

            let strict = lint(["--as-of", Self.today, "--strict"], in: plan)
            #expect(strict.status == 1, "\(strict)")
            #expect(strict.stdout == result.stdout, "\(strict)")

            // Named from the folder above: the same findings, under the plan's folder.
            let named = lint(["--as-of", Self.today, name], in: dir)
            #expect(named.status == 0, "\(named)")
            #expect(named.diagnostics.map(\.path) == warnings.map { "\(name)/\($0.path)" }, "\(named)")
            #expect(lint(["--as-of", Self.today, "--strict", "--plan", name], in: dir).status == 1)
        }
    }

    // MARK: 2. A broken plan: errors at the right keys

    @Test("a partly agreed recommendation without reason and an action 4.1 in recommendation 5: exit 1, each at its key")
    func brokenPlanPointsAtTheKeys() throws {
        try withTemporaryDirectory { dir in
            let broken = try BrokenPlan(in: dir)
            let rec = "recommendations/05.yaml"
            for (cwd, args, prefix) in [(broken.plan, [String](), ""), (dir, ["plan"], "plan/"), (dir, ["--plan", "plan"], "plan/")] {
                let result = lint(["--as-of", Self.december2021] + args, in: cwd)
                #expect(result.status == 1, "\(args): \(result)")
                for line in result.stdoutLines {
                    #expect(Self.matches(Self.humanLine, line), "not a finding: \(line)")
                }
                let errors = result.errors.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) [\($0.rule)]" }
                #expect(errors == ["\(prefix)\(rec):\(broken.statusLine):1 [reason-required]",
                                   "\(prefix)\(rec):\(broken.idLine):5 [action-id-prefix]",
                                   "\(prefix)\(rec):\(broken.idLine):5 [action-id-unique]"], "\(args): \(result)")
                let warnings = result.diagnostics.filter { $0.severity == "warning" }.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) [\($0.rule)]" }
                #expect(warnings == ["\(prefix)\(rec):\(broken.statusLine):1 [partly-agreed-states-part]"], "\(args): \(result)")

                let reason = result.errors.first { $0.rule == "reason-required" }
                #expect(reason?.message.contains("recommendation 5 is partly agreed but gives no reason") == true, "\(result)")
                let prefixError = result.errors.first { $0.rule == "action-id-prefix" }
                #expect(prefixError?.message.contains("action id 4.1 does not start with 5.") == true, "\(result)")
                let unique = result.errors.first { $0.rule == "action-id-unique" }
                #expect(unique?.message.contains("\(prefix)recommendations/04.yaml:\(broken.firstIDLine)") == true, "\(result)")
                #expect(result.stdoutLines.contains("\(prefix)\(rec):\(broken.statusLine):1: error: recommendation 5 is partly agreed but gives no reason; add 'reason' with 'categories' (commissioning, policy, operational or affordability) and 'text' [reason-required]"), "\(result)")
                #expect(result.stderr.contains("linted 9 files: 3 errors, 1 warning"), "\(result)")
            }
        }
    }

    // MARK: 3. --format json

    @Test("--format json: valid JSON with version, tool, diagnostics and summary; counts match; same findings as the human form")
    func jsonFormat() throws {
        try withTemporaryDirectory { dir in
            let broken = try BrokenPlan(in: dir)
            for asOf in [Self.december2021, Self.today] {
                let result = lint(["--as-of", asOf, "--format", "json"], in: broken.plan)
                #expect(result.status == 1, "\(result)")
                let object = try #require(LintJSON.object(result.stdout), "not JSON: \(result)")
                #expect(Set(object.keys) == ["version", "tool", "diagnostics", "summary"], "\(object.keys)")
                #expect(object["version"] as? Int == 1)
                #expect(object["tool"] as? String == "plantool")
                let list = try #require(object["diagnostics"] as? [[String: Any]])
                #expect(!list.isEmpty)
                for item in list {
                    #expect(Set(item.keys) == ["path", "line", "column", "severity", "rule", "message"], "\(item)")
                    #expect(item["path"] is String && item["line"] is Int && item["column"] is Int, "\(item)")
                    #expect(["error", "warning", "info"].contains(item["severity"] as? String ?? ""), "\(item)")
                    #expect((item["rule"] as? String)?.isEmpty == false && (item["message"] as? String)?.isEmpty == false, "\(item)")
                }
                let findings = try #require(Self.jsonFindings(result))
                // Sorted by path, line, column and rule.
                let order = findings.map { ($0.path, $0.line ?? 0, $0.column ?? 0, $0.rule) }
                #expect(zip(order, order.dropFirst()).allSatisfy { $0 <= $1 }, "\(findings)")

                let summary = try #require(object["summary"] as? [String: Any])
                #expect(Set(summary.keys) == ["files", "errors", "warnings", "info"], "\(summary)")
                #expect(summary["files"] as? Int == 9)
                #expect(summary["errors"] as? Int == findings.filter { $0.severity == "error" }.count, "\(summary)")
                #expect(summary["warnings"] as? Int == findings.filter { $0.severity == "warning" }.count, "\(summary)")
                #expect(summary["info"] as? Int == findings.filter { $0.severity == "info" }.count, "\(summary)")
                #expect(summary["errors"] as? Int == 3, "\(summary)")

                // The same findings as the human form.
                let human = lint(["--as-of", asOf], in: broken.plan)
                #expect(Set(human.diagnostics.map(Finding.init)) == Set(findings), "\(human)\n\(result)")
                #expect(human.diagnostics.count == findings.count)
            }

            // A clean plan: an empty list, exit 0.
            let clean = try LintFixture.plan(at: "clean", in: dir, recommendations: ["01.yaml": LintFixture.clean(1)])
            let none = lint(["--as-of", Self.today, "--format", "json"], in: clean)
            #expect(none.status == 0, "\(none)")
            let empty = try #require(LintJSON.object(none.stdout), "\(none)")
            #expect((empty["diagnostics"] as? [Any])?.isEmpty == true, "\(none)")
            #expect(LintJSON.equal(empty["summary"], ["files": 2, "errors": 0, "warnings": 0, "info": 0] as [String: Any]), "\(none)")
        }
    }

    static let golden = """
        {
          "version": 1,
          "tool": "plantool",
          "diagnostics": [
            {"path": "recommendations/01.yaml", "line": 5, "column": 1, "severity": "warning", "rule": "partly-agreed-states-part",
             "message": "recommendation 1 is partly agreed: say which part will be implemented in 'implemented-part'"},
            {"path": "recommendations/01.yaml", "line": 5, "column": 1, "severity": "error", "rule": "reason-required",
             "message": "recommendation 1 is partly agreed but gives no reason; add 'reason' with 'categories' (commissioning, policy, operational or affordability) and 'text'"},
            {"path": "recommendations/01.yaml", "line": 7, "column": 5, "severity": "error", "rule": "action-id-prefix",
             "message": "action id 4.1 does not start with 1. (its recommendation's number); use 1.1, 1.2, ..."},
            {"path": "recommendations/01.yaml", "line": 10, "column": 9, "severity": "warning", "rule": "owner-names-role",
             "message": "owner \\"Jane Smith\\" of action 4.1 names no role; give the post or team responsible"},
            {"path": "recommendations/01.yaml", "line": 11, "column": 5, "severity": "warning", "rule": "action-overdue",
             "message": "action 4.1 is overdue: target 2021-07, 4 months late on 2021-12-07; add an update (completed, or a new target and why)"}
          ],
          "summary": {"files": 2, "errors": 2, "warnings": 3, "info": 0}
        }
        """

    @Test("--format json on a small fixture is exactly the expected document (golden)")
    func jsonGolden() throws {
        try withTemporaryDirectory { dir in
            let plan = try LintFixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": LintFixture.smallBroken])
            let result = lint(["--as-of", Self.december2021, "--format", "json"], in: plan)
            #expect(result.status == 1, "\(result)")
            let actual = try #require(LintJSON.object(result.stdout), "not JSON: \(result)")
            let expected = try #require(LintJSON.object(Self.golden), "the golden document is not JSON")
            #expect(LintJSON.equal(actual, expected), "\(result.stdout)")
            // Nothing but the document on standard output, the report ends with a line end.
            #expect(result.stdout.hasSuffix("}\n"), "\(result)")
            #expect(result.stdout.hasPrefix("{"), "\(result)")
        }
    }

    @Test("--format json: a finding about a whole file has no line or column, and the output follows schema/lint-output.schema.json")
    func jsonWholeFileFindingAndSchema() throws {
        try withTemporaryDirectory { dir in
            let plan = try LintFixture.plan(at: "plan", in: dir, recommendations: [
                "01.yaml": LintFixture.smallBroken, "1.yaml": LintFixture.clean(2),
            ])
            let result = lint(["--as-of", Self.december2021, "--format", "json"], in: plan)
            #expect(result.status == 1, "\(result)")
            let object = try #require(LintJSON.object(result.stdout), "not JSON: \(result)")
            let list = try #require(object["diagnostics"] as? [[String: Any]])
            let fileName = try #require(list.first { $0["rule"] as? String == "file-name" }, "\(result)")
            #expect(fileName["path"] as? String == "recommendations/1.yaml")
            #expect(fileName["line"] == nil && fileName["column"] == nil, "\(fileName)")
            for item in list {
                #expect(Set(["path", "severity", "rule", "message"]).isSubset(of: item.keys), "\(item)")
                #expect((item["line"] == nil) == (item["column"] == nil), "\(item)")
            }

            if ToolOnPath.pythonWithJSONSchema != nil {
                let schema = try String(contentsOf: PackagePaths.schema.appendingPathComponent("lint-output.schema.json"), encoding: .utf8)
                let broken = try BrokenPlan(in: dir, name: "broken")
                for document in [result.stdout, lint(["--as-of", Self.today, "--format", "json"], in: broken.plan).stdout] {
                    let problems = try ToolOnPath.validate(document, schema: schema, in: dir)
                    #expect(problems == nil, "\(problems ?? "")")
                }
            }
        }
    }

    // MARK: 4. --format github

    /// `::command file=F,line=L,col=C,title=plantool RULE::message` (line and col absent for a whole file).
    static let githubLine = try! NSRegularExpression(pattern: #"^::(error|warning|notice) file=[^,:\n]+(,line=[0-9]+,col=[0-9]+)?,title=plantool [a-z0-9-]+::[^\n]+$"#)

    static func unescapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%25", with: "%")
    }

    static func unescapeProperty(_ text: String) -> String {
        unescapeData(text.replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ","))
    }

    /// A github line read back: (command, file, line, col, rule, message), unescaped.
    static func parseGitHub(_ line: String) -> Finding? {
        guard line.hasPrefix("::"), let space = line.firstIndex(of: " ") else { return nil }
        let command = String(line[line.index(line.startIndex, offsetBy: 2)..<space])
        let rest = line[line.index(after: space)...]
        guard let separator = rest.range(of: "::") else { return nil }
        var properties: [String: String] = [:]
        for pair in rest[..<separator.lowerBound].split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            properties[parts[0]] = parts[1]
        }
        guard let file = properties["file"], let title = properties["title"].map(unescapeProperty),
              title.hasPrefix("plantool ") else { return nil }
        let severity = ["error": "error", "warning": "warning", "notice": "info"][command] ?? "?"
        return Finding(path: unescapeProperty(file), line: properties["line"].flatMap { Int($0) },
                       column: properties["col"].flatMap { Int($0) }, severity: severity,
                       rule: String(title.dropFirst("plantool ".count)), message: unescapeData(String(rest[separator.upperBound...])))
    }

    @Test("--format github: one workflow command per finding, the same findings as --format json")
    func githubFormat() throws {
        try withTemporaryDirectory { dir in
            let broken = try BrokenPlan(in: dir)
            let result = lint(["--as-of", Self.today, "--format", "github"], in: broken.plan)
            #expect(result.status == 1, "\(result)")
            #expect(!result.stdoutLines.isEmpty)
            for line in result.stdoutLines {
                #expect(Self.matches(Self.githubLine, line), "not a workflow command: \(line)")
            }
            let json = try #require(Self.jsonFindings(lint(["--as-of", Self.today, "--format", "json"], in: broken.plan)))
            #expect(result.stdoutLines.compactMap(Self.parseGitHub) == json, "\(result)")
            let reason = try #require(json.first { $0.rule == "reason-required" })
            #expect(result.stdoutLines.contains(
                "::error file=recommendations/05.yaml,line=\(broken.statusLine),col=1,title=plantool reason-required::\(reason.message)"),
                "\(result)")
            #expect(result.stdoutLines.contains { $0.hasPrefix("::warning file=recommendations/05.yaml,line=\(broken.statusLine),col=1,title=plantool partly-agreed-states-part::") }, "\(result)")
            #expect(result.stdoutLines.contains { $0.hasPrefix("::warning file=recommendations/03.yaml,") && $0.contains("title=plantool action-overdue::") }, "\(result)")
        }
    }

    @Test("--format github escapes line breaks and percent signs in messages, and commas and colons in properties")
    func githubEscaping() throws {
        try withTemporaryDirectory { dir in
            let odd = """
                number: 1
                addressee: HM Prison and Probation Service
                text: Improve the quality of recall decisions
                status: "partly agreed, 50%"
                "own%er,x\\nnext\\r": 1
                actions: []

                """
            let plan = try LintFixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": odd, "a,b%:c.yaml": odd])
            let result = lint(["--format", "github"], in: plan)
            #expect(result.status == 1, "\(result)")
            let json = try #require(Self.jsonFindings(lint(["--format", "json"], in: plan)))
            // Every finding on a line of its own, however many line breaks its message has.
            #expect(result.stdoutLines.count == json.count, "\(result)")
            #expect(json.contains { $0.message.contains("\n") && $0.message.contains("\r") && $0.message.contains("%") })
            for line in result.stdoutLines {
                #expect(Self.matches(Self.githubLine, line), "not a workflow command: \(line)")
            }
            #expect(result.stdoutLines.compactMap(Self.parseGitHub) == json, "\(result)")
            #expect(result.stdoutLines.contains(
                "::error file=recommendations/01.yaml,line=4,col=9,title=plantool invalid-value::'status' cannot be 'partly agreed, 50%25'; use one of: agreed, partly-agreed, not-agreed"),
                "\(result)")
            #expect(result.stdoutLines.contains { $0.hasPrefix("::error file=recommendations/01.yaml,line=5,col=1,title=plantool unknown-key::unknown key 'own%25er,x%0Anext%0D'") }, "\(result)")
            #expect(result.stdoutLines.contains { $0.hasPrefix("::error file=recommendations/a%2Cb%25%3Ac.yaml,title=plantool file-name::'a,b%25:c.yaml' ") }, "\(result)")
            #expect(result.stdoutLines.contains { $0.hasPrefix("::error file=recommendations/a%2Cb%25%3Ac.yaml,line=4,col=9,title=plantool invalid-value::") }, "\(result)")
        }
    }

    @Test("the human form keeps each finding on one line, even when a quoted key holds a line break")
    func humanFindingsStayOnOneLine() throws {
        try withTemporaryDirectory { dir in
            // A value that, printed as it is, would add a line that reads as a finding of its own.
            let forged = """
                number: 1
                addressee: HM Prison and Probation Service
                text: Improve the quality of recall decisions
                status: agreed
                "maybe\\nplan.yaml:1:1: error: forged finding [forged-rule]": x
                actions: []

                """
            let plan = try LintFixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": forged])
            let json = try #require(Self.jsonFindings(lint(["--format", "json"], in: plan)))
            #expect(json.contains { $0.message.contains("\n") }, "\(json)")
            let result = lint([], in: plan)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdoutLines.count == json.count, "a message's line break split a finding: \(result)")
            #expect(!result.diagnostics.contains { $0.rule == "forged-rule" }, "a value forged a finding: \(result)")
            for line in result.stdoutLines {
                #expect(Self.matches(Self.humanLine, line), "not a finding: \(line)")
            }
        }
    }

    @Test("GITHUB_ACTIONS=true makes github the default format; --format overrides it")
    func githubActionsDefault() throws {
        try withTemporaryDirectory { dir in
            let broken = try BrokenPlan(in: dir)
            let explicit = lint(["--as-of", Self.today, "--format", "github"], in: broken.plan)
            let human = lint(["--as-of", Self.today], in: broken.plan)
            #expect(human.stdoutLines.allSatisfy { Self.matches(Self.humanLine, $0) }, "\(human)")

            let actions = lint(["--as-of", Self.today], in: broken.plan, env: ["GITHUB_ACTIONS": "true"])
            #expect(actions.status == 1, "\(actions)")
            #expect(actions.stdout == explicit.stdout, "\(actions)")
            let overridden = lint(["--as-of", Self.today, "--format", "human"], in: broken.plan, env: ["GITHUB_ACTIONS": "true"])
            #expect(overridden.stdout == human.stdout, "\(overridden)")
            let json = lint(["--as-of", Self.today, "--format", "json"], in: broken.plan, env: ["GITHUB_ACTIONS": "true"])
            #expect(LintJSON.object(json.stdout) != nil, "\(json)")
            let notActions = lint(["--as-of", Self.today], in: broken.plan, env: ["GITHUB_ACTIONS": "false"])
            #expect(notActions.stdout == human.stdout, "\(notActions)")
        }
    }

    // MARK: 5. --format sarif

    /// Checks a SARIF log's structure and returns its results as findings (uri decoded to a path).
    static func sarifFindings(_ text: String) throws -> (findings: [Finding], ruleIDs: [String]) {
        let log = try #require(LintJSON.object(text), "not JSON: \(text)")
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "plantool")
        #expect((driver["version"] as? String)?.isEmpty == false, "\(driver["version"] ?? "no version")")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.count == rules.count && Set(ids).count == ids.count, "rule ids missing or repeated: \(ids)")
        for rule in rules {
            #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false, "\(rule)")
            let level = ((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String) ?? ""
            #expect(["error", "warning", "note"].contains(level), "\(rule)")
        }
        let results = try #require(run["results"] as? [[String: Any]])
        var findings: [Finding] = []
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String, "\(result)")
            #expect(ids.contains(ruleID), "result's ruleId '\(ruleID)' is not among driver.rules")
            if let index = result["ruleIndex"] as? Int {
                #expect(index >= 0 && index < ids.count && ids[index] == ruleID, "ruleIndex \(index) for \(ruleID)")
            }
            let level = try #require(result["level"] as? String, "\(result)")
            #expect(["error", "warning", "note"].contains(level), "\(result)")
            let message = try #require((result["message"] as? [String: Any])?["text"] as? String, "\(result)")
            let locations = try #require(result["locations"] as? [[String: Any]], "\(result)")
            #expect(locations.count == 1, "\(result)")
            let physical = try #require(locations.first?["physicalLocation"] as? [String: Any], "\(result)")
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String, "\(result)")
            #expect(URL(string: uri) != nil && !uri.hasPrefix("/") && !uri.contains(" "), "uri \(uri)")
            let region = physical["region"] as? [String: Any]
            let line = region?["startLine"] as? Int
            let column = region?["startColumn"] as? Int
            if let region {
                #expect((line ?? 0) >= 1 && (column ?? 0) >= 1, "\(region)")
            }
            findings.append(Finding(path: uri.removingPercentEncoding ?? uri, line: line, column: column,
                                    severity: level == "note" ? "info" : level, rule: ruleID, message: message))
        }
        return (findings, ids)
    }

    @Test("--format sarif: SARIF 2.1.0 with plantool's rules; every result has a known ruleId, a level and a location")
    func sarifFormat() throws {
        try withTemporaryDirectory { dir in
            let broken = try BrokenPlan(in: dir)
            // action-overdue as info, so that the log has notes as well as errors and warnings.
            try write("rules:\n  action-overdue: info\n", to: ".plantool.yaml", in: broken.plan)
            let result = lint(["--as-of", Self.today, "--format", "sarif"], in: broken.plan)
            #expect(result.status == 1, "\(result)")
            let (findings, ids) = try Self.sarifFindings(result.stdout)
            #expect(Set(RuleRegistry.allIDs).isSubset(of: ids), "rules missing: \(Set(RuleRegistry.allIDs).subtracting(ids))")
            #expect(Set(findings.map(\.severity)) == ["error", "warning", "info"], "\(findings)")
            let json = try #require(Self.jsonFindings(lint(["--as-of", Self.today, "--format", "json"], in: broken.plan)))
            #expect(findings == json, "\(result)")
            #expect(findings.contains { $0.rule == "reason-required" && $0.line == broken.statusLine && $0.column == 1
                && $0.path == "recommendations/05.yaml" && $0.severity == "error" })

            // Without findings: a run with no results, exit 0.
            let clean = try LintFixture.plan(at: "clean", in: dir, recommendations: ["01.yaml": LintFixture.clean(1)])
            let none = lint(["--as-of", Self.today, "--format", "sarif"], in: clean)
            #expect(none.status == 0, "\(none)")
            #expect(try Self.sarifFindings(none.stdout).findings.isEmpty)

            // Paths that are not plain URI characters are percent-encoded and decode to the path.
            let odd = try LintFixture.plan(at: "odd", in: dir, recommendations: ["01.yaml": LintFixture.clean(1),
                                                                                  "my file%.yaml": LintFixture.clean(2)])
            let encoded = lint(["--format", "sarif"], in: odd)
            let oddFindings = try Self.sarifFindings(encoded.stdout).findings
            #expect(oddFindings.contains { $0.path == "recommendations/my file%.yaml" && $0.rule == "file-name" }, "\(encoded)")
            #expect(encoded.stdout.contains("recommendations/my%20file%25.yaml"), "\(encoded)")

            // A minimal structural schema, checked by an independent validator when one is installed.
            if ToolOnPath.pythonWithJSONSchema != nil {
                let problems = try ToolOnPath.validate(result.stdout, schema: Self.sarifStructure, in: dir)
                #expect(problems == nil, "\(problems ?? "")")
            }
        }
    }

    /// The parts of SARIF 2.1.0 code scanning reads, as a JSON Schema.
    static let sarifStructure = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["version", "runs"],
          "properties": {
            "version": {"const": "2.1.0"},
            "runs": {
              "type": "array", "minItems": 1,
              "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                  "tool": {
                    "type": "object", "required": ["driver"],
                    "properties": {"driver": {
                      "type": "object", "required": ["name", "rules"],
                      "properties": {
                        "name": {"const": "plantool"},
                        "version": {"type": "string"},
                        "rules": {"type": "array", "items": {
                          "type": "object", "required": ["id", "shortDescription"],
                          "properties": {
                            "id": {"type": "string", "minLength": 1},
                            "shortDescription": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
                            "fullDescription": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
                            "defaultConfiguration": {"type": "object", "properties": {"level": {"enum": ["none", "note", "warning", "error"]}}}
                          }
                        }}
                      }
                    }}
                  },
                  "results": {"type": "array", "items": {
                    "type": "object",
                    "required": ["ruleId", "level", "message", "locations"],
                    "properties": {
                      "ruleId": {"type": "string", "minLength": 1},
                      "ruleIndex": {"type": "integer", "minimum": 0},
                      "level": {"enum": ["none", "note", "warning", "error"]},
                      "message": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "minLength": 1}}},
                      "locations": {"type": "array", "minItems": 1, "items": {
                        "type": "object", "required": ["physicalLocation"],
                        "properties": {"physicalLocation": {
                          "type": "object", "required": ["artifactLocation"],
                          "properties": {
                            "artifactLocation": {"type": "object", "required": ["uri"], "properties": {"uri": {"type": "string", "minLength": 1}}},
                            "region": {"type": "object", "required": ["startLine", "startColumn"], "properties": {
                              "startLine": {"type": "integer", "minimum": 1},
                              "startColumn": {"type": "integer", "minimum": 1}
                            }}
                          }
                        }}
                      }}
                    }
                  }}
                }
              }
            }
          }
        }
        """

    @Test("--format sarif: a configuration error's result names a rule that driver.rules describes")
    func sarifConfigurationRule() throws {
        try withTemporaryDirectory { dir in
            let plan = try LintFixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": LintFixture.clean(1)])
            try write("rules:\n  action-overdu: off\n", to: ".plantool.yaml", in: plan)
            let result = lint(["--format", "sarif"], in: plan)
            #expect(result.status == 1, "\(result)")
            let log = try #require(LintJSON.object(result.stdout), "not JSON: \(result)")
            let run = try #require((log["runs"] as? [[String: Any]])?.first)
            let ids = (((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? [])
                .compactMap { $0["id"] as? String }
            let results = run["results"] as? [[String: Any]] ?? []
            #expect(results.map { $0["ruleId"] as? String } == ["configuration"], "\(result)")
            for item in results {
                let ruleID = item["ruleId"] as? String ?? ""
                #expect(ids.contains(ruleID), "result's ruleId '\(ruleID)' is not among driver.rules (\(ids.count) rules)")
                #expect(item["ruleIndex"] is Int, "result for '\(ruleID)' has no ruleIndex")
            }
        }
    }

    // MARK: 6. Colour

    @Test("no colour when piped (the default here), nor with NO_COLOR=1; never in json, github or sarif")
    func noColourWhenPipedOrNoColor() throws {
        try withTemporaryDirectory { dir in
            let broken = try BrokenPlan(in: dir)
            let piped = lint(["--as-of", Self.today], in: broken.plan)
            #expect(piped.status == 1)
            #expect(!ANSI.contains(piped.stdout) && !ANSI.contains(piped.stderr), "\(piped)")
            let noColor = lint(["--as-of", Self.today], in: broken.plan, env: ["NO_COLOR": "1"])
            #expect(!ANSI.contains(noColor.stdout) && !ANSI.contains(noColor.stderr), "\(noColor)")
            #expect(noColor.stdout == piped.stdout)
            for format in ["json", "github", "sarif"] {
                let forced = lint(["--as-of", Self.today, "--format", format], in: broken.plan, env: ["FORCE_COLOR": "1"])
                #expect(!ANSI.contains(forced.stdout), "\(format): \(forced)")
                #expect(forced.stdout == lint(["--as-of", Self.today, "--format", format], in: broken.plan).stdout, "\(format)")
            }
        }
    }

    @Test("FORCE_COLOR=1 colours the human output even when piped")
    func forceColourWhenPiped() throws {
        try withTemporaryDirectory { dir in
            let broken = try BrokenPlan(in: dir)
            let plain = lint(["--as-of", Self.today], in: broken.plan)
            let forced = lint(["--as-of", Self.today], in: broken.plan, env: ["FORCE_COLOR": "1"])
            #expect(forced.status == 1, "\(forced)")
            #expect(ANSI.contains(forced.stdout), "FORCE_COLOR=1 gave no ANSI escapes: \(forced)")
            #expect(ANSI.strip(forced.stdout) == plain.stdout, "\(forced)")
            // FORCE_COLOR wins over NO_COLOR.
            let both = lint(["--as-of", Self.today], in: broken.plan, env: ["FORCE_COLOR": "1", "NO_COLOR": "1"])
            #expect(ANSI.contains(both.stdout), "FORCE_COLOR=1 NO_COLOR=1 gave no ANSI escapes: \(both)")
        }
    }

    @Test("on a terminal the human output is coloured, unless NO_COLOR=1", .enabled(if: ToolOnPath.script != nil))
    func colourOnTerminal() throws {
        try withTemporaryDirectory { dir in
            let broken = try BrokenPlan(in: dir)
            let plain = lint(["--as-of", Self.today], in: broken.plan)
            let terminal = try #require(ToolOnPath.runOnTerminal(["lint", "--as-of", Self.today], in: broken.plan,
                                                                 env: ["TERM": "xterm-256color"]))
            #expect(terminal.status == 1, "\(terminal)")
            #expect(ANSI.contains(terminal.stdout), "\(terminal)")
            let lines = ANSI.strip(terminal.stdout).replacingOccurrences(of: "\r\n", with: "\n")
                .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("linted ") }
            #expect(lines == plain.stdoutLines, "\(terminal)")
            let noColor = try #require(ToolOnPath.runOnTerminal(["lint", "--as-of", Self.today], in: broken.plan,
                                                                env: ["TERM": "xterm-256color", "NO_COLOR": "1"]))
            #expect(!ANSI.contains(noColor.stdout), "\(noColor)")
        }
    }

    // MARK: 7. --list-rules and --explain

    @Test("--list-rules lists every rule once with its default severity and summary")
    func listRules() throws {
        try withTemporaryDirectory { dir in
            let result = lint(["--list-rules"], in: dir)
            #expect(result.status == 0, "\(result)")
            let rows = result.stdoutLines.map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            let ids = rows.compactMap(\.first)
            #expect(Set(ids).count == ids.count, "repeated: \(ids)")
            // The reader's and the linter's rules, and `configuration` (problems in .plantool.yaml).
            #expect(Set(ids) == Set(RuleRegistry.allIDs).union(["configuration"]), "\(result)")
            for id in ["agreed-has-actions", "reason-required", "action-overdue", "unknown-key", "action-id-prefix",
                       "owner-names-role", "partly-agreed-states-part", "ambiguous-scalar", "yaml-syntax"] {
                #expect(ids.contains(id), "\(id) missing from --list-rules")
            }
            var severities: [String: String] = [:]
            for row in rows where row.count >= 3 { severities[row[0]] = row[1] }
            for rule in RuleRegistry.all {
                #expect(severities[rule.id] == rule.defaultSeverity.rawValue, "\(rule.id)")
            }
            for rule in FormatRule.allCases {
                #expect(severities[rule.id] == rule.severity.rawValue, "\(rule.id)")
            }
            #expect(severities["configuration"] == "error")
            #expect(result.stdoutLines.contains { $0.hasPrefix("reason-required ") && $0.contains("A partly or not agreed recommendation gives its reason") })
            // Outside any plan, and whatever else is on the command line.
            #expect(lint(["--list-rules", "--format", "json"], in: dir).stdout == result.stdout)
        }
    }

    @Test("--explain RULE prints the rule's severity, summary and explanation; an unknown rule exits 2, with a suggestion when one is close")
    func explain() throws {
        try withTemporaryDirectory { dir in
            let result = lint(["--explain", "reason-required"], in: dir)
            #expect(result.status == 0, "\(result)")
            let rule = try #require(RuleRegistry.rule("reason-required"))
            #expect(result.stdout.hasPrefix("reason-required (error by default)\n"), "\(result)")
            #expect(result.stdout.contains(rule.summary), "\(result)")
            #expect(result.stdout.contains(rule.explanation), "\(result)")
            #expect(result.stdout.contains("commissioning, policy, operational or"), "\(result)")

            for id in RuleRegistry.allIDs + ["configuration"] {
                let explained = lint(["--explain", id], in: dir)
                #expect(explained.status == 0, "\(id): \(explained)")
                #expect(explained.stdoutLines.first?.hasPrefix("\(id) (") == true, "\(id): \(explained)")
            }

            let nope = lint(["--explain", "nope"], in: dir)
            #expect(nope.status == 2, "\(nope)")
            #expect(nope.stdout.isEmpty, "\(nope)")
            #expect(nope.stderr.contains("no rule 'nope'"), "\(nope)")
            #expect(!nope.stderr.contains("did you mean"), "\(nope)")

            let close = lint(["--explain", "reson-required"], in: dir)
            #expect(close.status == 2, "\(close)")
            #expect(close.stdout.isEmpty, "\(close)")
            #expect(close.stderr.contains("did you mean 'reason-required'?"), "\(close)")
        }
    }

    // MARK: 8. Usage errors

    @Test("usage errors exit 2 and lint nothing", arguments: [
        ["--staged", "--rev", "HEAD"], ["--as-of", "2024-13-01"], ["--format", "xml"], ["--as-of", "2023-02-29"],
        ["--as-of", "22/11/2026"], ["--staged", "recommendations/01.yaml"], ["--explain"], ["--bogus"],
    ])
    func usageErrors(_ args: [String]) throws {
        try withTemporaryDirectory { dir in
            let plan = try LintFixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": LintFixture.smallBroken])
            let result = lint(args, in: plan)
            #expect(result.status == 2, "\(args): \(result)")
            #expect(result.stdout.isEmpty, "\(args): \(result)")
            #expect(!result.stderr.isEmpty, "\(args): \(result)")
            #expect(!result.stderr.contains("linted"), "\(args): \(result)")
        }
    }

    @Test("usage errors name the problem")
    func usageErrorMessages() throws {
        try withTemporaryDirectory { dir in
            let plan = try LintFixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": LintFixture.clean(1)])
            #expect(lint(["--staged", "--rev", "HEAD"], in: plan).stderr.contains("--staged and --rev cannot be used together"))
            #expect(lint(["--as-of", "2024-13-01"], in: plan).stderr.contains("'2024-13-01'"))
            let format = lint(["--format", "xml"], in: plan)
            #expect(format.stderr.contains("'xml'") && format.stderr.contains("human, json, github, sarif"), "\(format)")
            // A leap day is a date.
            #expect(lint(["--as-of", "2024-02-29"], in: plan).status == 0)
        }
    }

    // MARK: 9. .plantool.yaml

    /// A plan whose recommendation 1 has an overdue action (as of 2026) owned by a person's name:
    /// by default an action-overdue and an owner-names-role warning.
    static func configuredPlan(in dir: URL, at relative: String) throws -> URL {
        try LintFixture.plan(at: relative, in: dir, recommendations: ["01.yaml": LintFixture.withAction(1, owner: "Jane Smith")])
    }

    static func ruleSeverities(_ result: RunResult) -> [String] {
        result.diagnostics.map { "\($0.rule) \($0.severity)" }.sorted()
    }

    @Test(".plantool.yaml at the plan's root turns action-overdue off and owner-names-role to error")
    func configurationAtPlanRoot() throws {
        try withTemporaryDirectory { dir in
            let plan = try Self.configuredPlan(in: dir, at: "plan")
            let before = lint(["--as-of", Self.today], in: plan)
            #expect(before.status == 0, "\(before)")
            #expect(Self.ruleSeverities(before) == ["action-overdue warning", "owner-names-role warning"], "\(before)")

            try write("rules:\n  action-overdue: off\n  owner-names-role: error\n", to: ".plantool.yaml", in: plan)
            for (cwd, args) in [(plan, [String]()), (dir, ["plan"]), (dir, ["--plan", "plan"])] {
                let after = lint(["--as-of", Self.today] + args, in: cwd)
                #expect(after.status == 1, "\(args): \(after)")
                #expect(Self.ruleSeverities(after) == ["owner-names-role error"], "\(args): \(after)")
            }
            // --strict has no warning left to fail on; the error fails alone.
            #expect(lint(["--as-of", Self.today, "--strict"], in: plan).status == 1)

            // info: reported, never failing, even with --strict.
            try write("rules:\n  action-overdue: info\n  owner-names-role: off\n", to: ".plantool.yaml", in: plan)
            let info = lint(["--as-of", Self.today, "--strict"], in: plan)
            #expect(info.status == 0, "\(info)")
            #expect(Self.ruleSeverities(info) == ["action-overdue info"], "\(info)")
        }
    }

    @Test("a recommendation file linted on its own follows its plan's .plantool.yaml")
    func configurationForSingleFile() throws {
        try withTemporaryDirectory { dir in
            let plan = try Self.configuredPlan(in: dir, at: "plan")
            try write("rules:\n  action-overdue: off\n  owner-names-role: error\n", to: ".plantool.yaml", in: plan)
            #expect(Self.ruleSeverities(lint(["--as-of", Self.today], in: plan)) == ["owner-names-role error"])
            for (cwd, path) in [(plan, "recommendations/01.yaml"), (dir, "plan/recommendations/01.yaml"),
                                (plan.appendingPathComponent("recommendations"), "01.yaml")] {
                let single = lint(["--as-of", Self.today, path], in: cwd)
                #expect(single.status == 1, "\(path): \(single)")
                #expect(Self.ruleSeverities(single) == ["owner-names-role error"], "\(path): \(single)")
            }
        }
    }

    @Test(".plantool.yaml at the repository's root applies to every plan; a plan's own file overrides it key by key")
    func configurationAtRepositoryRoot() throws {
        try withTemporaryDirectory { dir in
            let repo = dir.appendingPathComponent("repo")
            try gitOK(["init", "-q", "-b", "main", repo.path], in: dir)
            let plan = try Self.configuredPlan(in: repo, at: "plans/one")
            try write("rules:\n  action-overdue: off\n  owner-names-role: error\n", to: ".plantool.yaml", in: repo)

            let rootOnly = lint(["--as-of", Self.today], in: plan)
            #expect(rootOnly.status == 1, "\(rootOnly)")
            #expect(Self.ruleSeverities(rootOnly) == ["owner-names-role error"], "\(rootOnly)")

            // The plan turns action-overdue back on, as an error; owner-names-role stays the root's.
            try write("rules:\n  action-overdue: error\n", to: ".plantool.yaml", in: plan)
            for cwd in [plan, repo, plan.appendingPathComponent("recommendations")] {
                let overridden = lint(["--as-of", Self.today], in: cwd)
                #expect(overridden.status == 1, "\(cwd.path): \(overridden)")
                #expect(Self.ruleSeverities(overridden) == ["action-overdue error", "owner-names-role error"], "\(cwd.path): \(overridden)")
            }
            let fromTop = lint(["--as-of", Self.today], in: repo)
            #expect(fromTop.diagnostics.allSatisfy { $0.path == "plans/one/recommendations/01.yaml" }, "\(fromTop)")

            // The plan's file sets owner-names-role to warning: both warnings, exit 0.
            try write("rules:\n  owner-names-role: warning\n  action-overdue: warning\n", to: ".plantool.yaml", in: plan)
            let relaxed = lint(["--as-of", Self.today], in: plan)
            #expect(relaxed.status == 0, "\(relaxed)")
            #expect(Self.ruleSeverities(relaxed) == ["action-overdue warning", "owner-names-role warning"], "\(relaxed)")
        }
    }

    @Test("a bad .plantool.yaml is reported as path:line:col: error: ... [configuration], exit 1")
    func badConfiguration() throws {
        try withTemporaryDirectory { dir in
            let plan = try Self.configuredPlan(in: dir, at: "plan")
            try write("rules:\n  action-overdu: off\n  owner-names-role: loud\n", to: ".plantool.yaml", in: plan)
            let result = lint(["--as-of", Self.today], in: plan)
            #expect(result.status == 1, "\(result)")
            let config = result.diagnostics.filter { $0.rule == "configuration" }
            #expect(config.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0): \($0.severity)" }
                    == [".plantool.yaml:2:3: error", ".plantool.yaml:3:21: error"], "\(result)")
            #expect(result.stdoutLines.first?.hasPrefix(".plantool.yaml:2:3: error: unknown rule 'action-overdu'; did you mean 'action-overdue'?") == true, "\(result)")
            #expect(result.stdoutLines.first?.hasSuffix(" [configuration]") == true, "\(result)")
            #expect(config.last?.message.contains("owner-names-role") == true, "\(result)")
            for line in result.stdoutLines {
                #expect(Self.matches(Self.humanLine, line), "not a finding: \(line)")
            }
            // From above the plan, the path is shown from there.
            let named = lint(["--as-of", Self.today, "plan"], in: dir)
            #expect(named.status == 1, "\(named)")
            #expect(named.diagnostics.first?.path == "plan/.plantool.yaml", "\(named)")

            // At the repository's root.
            let repo = dir.appendingPathComponent("repo")
            try gitOK(["init", "-q", "-b", "main", repo.path], in: dir)
            let inRepo = try Self.configuredPlan(in: repo, at: "plan")
            try write("rules:\n  reason-requird: error\n", to: ".plantool.yaml", in: repo)
            let rootBad = lint(["--as-of", Self.today], in: inRepo)
            #expect(rootBad.status == 1, "\(rootBad)")
            #expect(rootBad.errors.first.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) [\($0.rule)]" } == "../.plantool.yaml:2:3 [configuration]", "\(rootBad)")
            #expect(rootBad.errors.first?.message.contains("did you mean 'reason-required'?") == true, "\(rootBad)")
        }
    }

    @Test("a .plantool.yaml that is not YAML gives one diagnostic on one line, exit 1")
    func configurationNotYAML() throws {
        try withTemporaryDirectory { dir in
            let plan = try Self.configuredPlan(in: dir, at: "plan")
            try write("rules: [unclosed\n", to: ".plantool.yaml", in: plan)
            let result = lint(["--as-of", Self.today], in: plan)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdoutLines.count == 1, "\(result)")
            for line in result.stdoutLines {
                #expect(Self.matches(Self.humanLine, line), "not a finding: \(line)")
            }
            #expect(result.errors.map { "\($0.path) [\($0.rule)]" } == [".plantool.yaml [configuration]"], "\(result)")
            #expect(result.errors.first?.line != nil, "\(result)")
            let json = Self.jsonFindings(lint(["--as-of", Self.today, "--format", "json"], in: plan)) ?? []
            #expect(json.count == 1 && json.allSatisfy { !$0.message.contains("\n") }, "\(json)")
        }
    }

    // MARK: 10. Inline directives

    /// Recommendation 1: action 1.1 silenced by a trailing directive, 1.2 by one on the line
    /// before, 1.3 not; not in canonical key order (state before owners), so fmt rewrites it.
    static let directives1 = """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
          - id: "1.1"
            text: Publish revised recall guidance for all probation regions
            state: planned
            owners:
              - Deputy Director, Public Protection Group
            target: 2021-07  # plantool: disable=action-overdue
          - id: "1.2"
            text: Publish revised recall guidance for all probation regions
            owners:
              - Deputy Director, Public Protection Group
            # plantool: disable=action-overdue
            target: 2021-08
          - id: "1.3"
            text: Publish revised recall guidance for all probation regions
            owners:
              - Deputy Director, Public Protection Group
            target: 2021-09  # plantool: disable=owner-names-role

        """

    /// Recommendation 2: every action-overdue silenced for the whole file.
    static let directives2 = """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        # plantool: disable-file=action-overdue
        number: 2
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
          - id: "2.1"
            state: planned
            text: Publish revised recall guidance for all probation regions
            owners:
              - Deputy Director, Public Protection Group
            target: 2021-07
          - id: "2.2"
            text: Publish revised recall guidance for all probation regions
            owners:
              - Deputy Director, Public Protection Group
            target: 2021-08

        """

    static func overdue(_ result: RunResult) -> [String] {
        result.diagnostics.filter { $0.rule == "action-overdue" }.map { "\($0.path):\($0.line ?? 0)" }
    }

    @Test("# plantool: disable=RULE silences that line, disable-file=RULE the file; fmt keeps them and they still work")
    func inlineDirectives() throws {
        try withTemporaryDirectory { dir in
            let plan = try LintFixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": Self.directives1, "02.yaml": Self.directives2])
            let file1 = plan.appendingPathComponent("recommendations/01.yaml")
            let file2 = plan.appendingPathComponent("recommendations/02.yaml")

            // Without the directives, all five actions are overdue.
            let bare = try LintFixture.plan(at: "bare", in: dir, recommendations: [
                "01.yaml": Self.directives1.replacingOccurrences(of: #"(?m)\s*# plantool: [a-z=-]+$"#, with: "", options: .regularExpression),
                "02.yaml": Self.directives2.replacingOccurrences(of: "# plantool: disable-file=action-overdue\n", with: ""),
            ])
            #expect(Self.overdue(lint(["--as-of", Self.today], in: bare)).count == 5)

            let before = lint(["--as-of", Self.today], in: plan)
            #expect(before.status == 0, "\(before)")
            let line13 = try GitFixture.line(startingWith: "    target: 2021-09", in: file1)
            #expect(Self.overdue(before) == ["recommendations/01.yaml:\(line13)"], "\(before)")
            #expect(before.diagnostics.count == 1, "\(before)")

            let fmt = run(["fmt"], in: plan)
            #expect(fmt.status == 0, "\(fmt)")
            let text1 = try #require(GitFixture.text(of: file1))
            let text2 = try #require(GitFixture.text(of: file2))
            #expect(text1 != Self.directives1, "fmt did not rewrite the file")
            #expect(text2 != Self.directives2, "fmt did not rewrite the file")
            #expect(text1.contains("\n    target: 2021-07  # plantool: disable=action-overdue\n"), "\(text1)")
            #expect(text1.contains("\n    # plantool: disable=action-overdue\n    target: 2021-08\n"), "\(text1)")
            #expect(text1.contains("\n    target: 2021-09  # plantool: disable=owner-names-role\n"), "\(text1)")
            #expect(text2.hasPrefix("# yaml-language-server: $schema=../schema/recommendation.schema.json\n# plantool: disable-file=action-overdue\n"), "\(text2)")

            let after = lint(["--as-of", Self.today], in: plan)
            #expect(after.status == 0, "\(after)")
            let newLine13 = try GitFixture.line(startingWith: "    target: 2021-09", in: file1)
            #expect(Self.overdue(after) == ["recommendations/01.yaml:\(newLine13)"], "\(after)")
            #expect(after.diagnostics.count == 1, "\(after)")

            // fmt is idempotent with directives.
            #expect(run(["fmt", "--check"], in: plan).status == 0)
            #expect(GitFixture.text(of: file1) == text1)
        }
    }

    // MARK: 11. --staged and --rev

    @Test("lint --staged reads git's index, not the working tree (also .plantool.yaml)")
    func lintStaged() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let rec5 = "plan/recommendations/05.yaml"
            let file = repo.appendingPathComponent(rec5)
            let v = try Recommendation5(of: file)

            // The broken version staged, the original back in the working tree.
            try Recommendation5.put(v.noReason, in: file)
            try gitOK(["add", rec5], in: repo)
            try Recommendation5.put(v.original, in: file)
            for (cwd, path) in [(plan, "recommendations/05.yaml"), (repo, rec5)] {
                let staged = lint(["--staged", "--as-of", Self.december2021], in: cwd)
                #expect(staged.status == 1, "\(staged)")
                #expect(staged.errors.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) [\($0.rule)]" }
                        == ["\(path):\(v.statusLine):1 [reason-required]"], "\(staged)")
                #expect(staged.stderr.contains("in the index"), "\(staged)")
            }
            let working = lint(["--as-of", Self.december2021], in: plan)
            #expect(working.status == 0, "\(working)")
            #expect(working.diagnostics.isEmpty, "\(working)")

            // The other way round: the index clean, the working tree broken.
            try gitOK(["add", rec5], in: repo)
            try Recommendation5.put(v.noReason, in: file)
            #expect(lint(["--staged", "--as-of", Self.december2021], in: plan).status == 0)
            #expect(lint(["--as-of", Self.december2021], in: plan).status == 1)
            try Recommendation5.put(v.original, in: file)

            // .plantool.yaml too is read from the index.
            let config = plan.appendingPathComponent(".plantool.yaml")
            try write("rules:\n  action-overdue: error\n", to: ".plantool.yaml", in: plan)
            #expect(lint(["--staged", "--as-of", Self.today], in: plan).status == 0)
            #expect(lint(["--as-of", Self.today], in: plan).status == 1)
            try gitOK(["add", "plan/.plantool.yaml"], in: repo)
            try FileManager.default.removeItem(at: config)
            let stagedConfig = lint(["--staged", "--as-of", Self.today], in: plan)
            #expect(stagedConfig.status == 1, "\(stagedConfig)")
            #expect(!stagedConfig.errors.isEmpty && stagedConfig.errors.allSatisfy { $0.rule == "action-overdue" }, "\(stagedConfig)")
            #expect(lint(["--as-of", Self.today], in: plan).status == 0)

            // lint --staged changes nothing.
            let state = try RepositoryState.of(repo)
            _ = lint(["--staged"], in: plan)
            #expect(try RepositoryState.of(repo) == state)
        }
    }

    @Test("lint --rev reads a revision: HEAD~1 broken, HEAD fixed; outside a repository --staged is refused")
    func lintRevision() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let rec5 = "plan/recommendations/05.yaml"
            let file = repo.appendingPathComponent(rec5)
            let v = try Recommendation5(of: file)
            try Recommendation5.put(v.noReason, in: file)
            try gitOK(["commit", "-q", "-a", "-m", "Partly agreed"], in: repo)
            try Recommendation5.put(v.fixed, in: file)
            try gitOK(["commit", "-q", "-a", "-m", "With its reason"], in: repo)
            // The working tree broken again: --rev does not read it.
            try Recommendation5.put(v.noReason, in: file)

            let previous = lint(["--rev", "HEAD~1", "--as-of", Self.december2021], in: repo)
            #expect(previous.status == 1, "\(previous)")
            #expect(previous.errors.map { "\($0.path):\($0.line ?? 0) [\($0.rule)]" } == ["\(rec5):\(v.statusLine) [reason-required]"], "\(previous)")
            #expect(previous.stderr.contains("in revision HEAD~1"), "\(previous)")
            let head = lint(["--rev", "HEAD", "--as-of", Self.december2021], in: repo.appendingPathComponent("plan"))
            #expect(head.status == 0, "\(head)")
            #expect(head.diagnostics.isEmpty, "\(head)")
            #expect(lint(["--rev", "HEAD~2", "--as-of", Self.december2021], in: repo).status == 0)
            #expect(lint(["--as-of", Self.december2021], in: repo).status == 1)
            let json = lint(["--rev", "HEAD~1", "--as-of", Self.december2021, "--format", "json"], in: repo.appendingPathComponent("plan"))
            #expect(Self.jsonFindings(json)?.contains { $0.rule == "reason-required" && $0.path == "recommendations/05.yaml" } == true, "\(json)")

            let missing = lint(["--rev", "nope"], in: repo)
            #expect(missing.status == 2, "\(missing)")
            #expect(missing.stderr.contains("'nope'"), "\(missing)")

            let outside = try LintFixture.plan(at: "loose", in: dir, recommendations: ["01.yaml": LintFixture.clean(1)])
            let notRepo = lint(["--staged"], in: outside)
            #expect(notRepo.status == 2, "\(notRepo)")
            #expect(!notRepo.stderr.isEmpty, "\(notRepo)")
        }
    }

    // MARK: 12. --as-of in the past

    @Test("an action due 2021-07 is overdue as of 2021-12-07 and 2021-08-01, not as of 2021-06-30 or 2021-07-31")
    func asOfInThePast() throws {
        try withTemporaryDirectory { dir in
            let plan = try LintFixture.plan(at: "plan", in: dir, recommendations: ["01.yaml": LintFixture.withAction(1, target: "2021-07")])
            let targetLine = try GitFixture.line(startingWith: "    target:", in: plan.appendingPathComponent("recommendations/01.yaml"))
            for (day, overdue) in [("2021-12-07", true), ("2021-08-01", true), ("2021-06-30", false), ("2021-07-31", false),
                                   ("2021-01-01", false), (Self.today, true)] {
                let result = lint(["--as-of", day], in: plan)
                #expect(result.status == 0, "\(day): \(result)")
                if overdue {
                    #expect(result.diagnostics.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) \($0.severity) [\($0.rule)]" }
                            == ["recommendations/01.yaml:\(targetLine):5 warning [action-overdue]"], "\(day): \(result)")
                    #expect(result.diagnostics.first?.message.contains("on \(day)") == true, "\(day): \(result)")
                } else {
                    #expect(result.diagnostics.isEmpty, "\(day): \(result)")
                }
            }
            let december = lint(["--as-of", Self.december2021], in: plan)
            #expect(december.diagnostics.first?.message.contains("target 2021-07, 4 months late on 2021-12-07") == true, "\(december)")
            // Without --as-of, today (long after 2021) is the judge.
            #expect(Self.overdue(lint([], in: plan)).count == 1)
        }
    }

    // MARK: 13. An update's target before its own date

    @Test("update-target-before-date: the hook refuses an update of 2022-06 moving 5.1 to 2022-04, at that target; completing the action in it is accepted")
    func updateTargetBeforeItsDate() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            #expect(run(["hook", "install"], in: repo).status == 0)
            let rec5 = "plan/recommendations/05.yaml"
            let file = repo.appendingPathComponent(rec5)
            let original = try #require(GitFixture.text(of: file))
            #expect(original.hasSuffix("        target: 2022-03\n"))
            let head = try gitOK(["rev-parse", "HEAD"], in: repo)

            let late = original + "      - date: 2022-06\n        text: The pilot's report is delayed\n        target: 2022-04\n"
            try write(late, to: rec5, in: repo)
            let line = try GitFixture.line(startingWith: "        target: 2022-04", in: file)
            let linted = lint([], in: repo.appendingPathComponent("plan"))
            #expect(linted.status == 1, "\(linted)")
            #expect(linted.errors.map(\.description) == ["recommendations/05.yaml:\(line):9: error: update 2022-06 of action 5.1 sets its target to 2022-04, before the update's own date; give a target still to come (check the year), or complete or drop the action in this update [update-target-before-date]"], "\(linted)")
            try gitOK(["add", rec5], in: repo)
            let refused = gitNeutral(["commit", "-m", "June 2022 update"], in: repo)
            #expect(refused.status != 0, "\(refused)")
            #expect(refused.stdoutAndStderr.contains("\(rec5):\(line):9: error: update 2022-06 of action 5.1 sets its target to 2022-04"), "\(refused)")
            #expect(try gitOK(["rev-parse", "HEAD"], in: repo) == head)

            let completed = late + "        state: completed\n"
            try write(completed, to: rec5, in: repo)
            try gitOK(["add", rec5], in: repo)
            let accepted = gitNeutral(["commit", "-m", "June 2022 update: the pilot is complete"], in: repo)
            #expect(accepted.status == 0, "\(accepted)")
            #expect(!accepted.stdoutAndStderr.contains("update-target-before-date"), "\(accepted)")
        }
    }
}
