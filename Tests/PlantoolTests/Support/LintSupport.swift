import Foundation

// Helpers for the end-to-end tests of `plantool lint` and `plantool hook` (LintTests, HookTests).

/// The environment lint runs get unless a test says otherwise: no CI or colour variables inherited
/// from the machine running the tests (on GitHub Actions, GITHUB_ACTIONS=true would switch the
/// default output to workflow commands).
enum LintEnvironment {
    static let neutral: [String: String] = ["GITHUB_ACTIONS": "", "FORCE_COLOR": "", "NO_COLOR": "", "CLICOLOR_FORCE": ""]

    static func with(_ overrides: [String: String]) -> [String: String] {
        neutral.merging(overrides) { _, new in new }
    }
}

/// Runs `plantool lint args` in `dir` in the neutral environment plus `env`.
func lint(_ args: [String], in dir: URL, env: [String: String] = [:]) -> RunResult {
    run(["lint"] + args, in: dir, env: LintEnvironment.with(env))
}

/// Runs git in `dir` in the neutral environment plus `env` (for commits that run the hook).
func gitNeutral(_ args: [String], in dir: URL, env: [String: String] = [:]) -> RunResult {
    git(args, in: dir, env: LintEnvironment.with(env))
}

/// Plan files for the lint tests.
enum LintFixture {
    /// plan.yaml with both dates, published before every target the fixtures use.
    static let planYAML = """
        # yaml-language-server: $schema=schema/plan.schema.json
        format: 1
        title: Test plan
        organisation: HM Prison and Probation Service
        inspectorate: HM Inspectorate of Probation
        report:
          title: Test report
          published: "2020-11-10"
        submitted: "2020-12-07"

        """

    /// One recommendation, partly agreed without a reason, whose only action has the id 4.1, an
    /// owner that names no role and the target 2021-07. As of 2021-12-07 it gives exactly:
    /// 5:1 partly-agreed-states-part (warning), 5:1 reason-required, 7:5 action-id-prefix,
    /// 10:9 owner-names-role (warning), 11:5 action-overdue (warning).
    static let smallBroken = """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: partly-agreed
        actions:
          - id: "4.1"
            text: Publish revised recall guidance for all probation regions
            owners:
              - Jane Smith
            target: 2021-07
            state: planned

        """

    /// A recommendation that lints clean whatever the date: its action has an owner naming a role
    /// and a target far ahead.
    static func clean(_ number: Int) -> String {
        """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        number: \(number)
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
          - id: "\(number).1"
            text: Publish revised recall guidance for all probation regions
            owners:
              - Deputy Director, Public Protection Group
            target: 2099-12
            state: planned

        """
    }

    /// A recommendation with one planned action due `target`, owned by `owner`.
    static func withAction(_ number: Int, owner: String = "Deputy Director, Public Protection Group",
                           target: String = "2021-07") -> String {
        """
        # yaml-language-server: $schema=../schema/recommendation.schema.json
        number: \(number)
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: agreed
        actions:
          - id: "\(number).1"
            text: Publish revised recall guidance for all probation regions
            owners:
              - \(owner)
            target: \(target)
            state: planned

        """
    }

    /// Writes plan.yaml and the recommendations (file name to text) into `folder`/`relative`.
    @discardableResult
    static func plan(at relative: String, in folder: URL, recommendations: [String: String]) throws -> URL {
        let plan = relative.isEmpty || relative == "." ? folder : folder.appendingPathComponent(relative)
        try write(planYAML, to: "plan.yaml", in: plan)
        try FileManager.default.createDirectory(at: plan.appendingPathComponent("recommendations"), withIntermediateDirectories: true)
        for (name, text) in recommendations {
            try write(text, to: "recommendations/\(name)", in: plan)
        }
        return plan
    }
}

/// The recall-culture example's recommendation 5 in three versions: as published (agreed), partly
/// agreed without a reason (a reason-required error on its `status` line), and partly agreed with
/// the part implemented and the reason (clean).
struct Recommendation5 {
    var original: String
    var noReason: String
    var fixed: String
    /// The 1-based line of `status:`.
    var statusLine: Int

    init(of file: URL) throws {
        guard let text = GitFixture.text(of: file), text.contains("\nstatus: agreed\n") else {
            throw GitFixtureError(message: "\(file.path) is not the agreed recommendation 5 the tests expect")
        }
        original = text
        noReason = text.replacingOccurrences(of: "\nstatus: agreed\n", with: "\nstatus: partly-agreed\n")
        fixed = text.replacingOccurrences(of: "\nstatus: agreed\n", with: """

            status: partly-agreed
            implemented-part: The review of timescales
            reason:
              categories: [affordability]
              text: resourcing need and affordability will need to be balanced

            """)
        statusLine = try GitFixture.line(startingWith: "status:", in: file)
    }

    static func put(_ text: String, in file: URL) throws {
        try Data(text.utf8).write(to: file)
    }
}

/// JSON as Foundation reads it.
enum LintJSON {
    static func object(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    /// Whether two values read from JSON are the same (objects key by key, arrays in order).
    static func equal(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil):
            return true
        case let (x as [String: Any], y as [String: Any]):
            return x.count == y.count && x.allSatisfy { key, value in y.keys.contains(key) && equal(value, y[key]) }
        case let (x as [Any], y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case let (x as String, y as String):
            return x == y
        case let (x as Int, y as Int):
            return x == y
        case let (x as Double, y as Double):
            return x == y
        case let (x as Bool, y as Bool):
            return x == y
        case (is NSNull, is NSNull):
            return true
        default:
            return false
        }
    }
}

/// ANSI escape sequences in text.
enum ANSI {
    static func contains(_ text: String) -> Bool { text.contains("\u{1B}[") }

    static func strip(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }
}

/// Programs found on PATH (python3, script), for checks that are skipped without them.
enum ToolOnPath {
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// python3 with the `jsonschema` package, when both are installed.
    static let pythonWithJSONSchema: URL? = {
        guard let python = find("python3") else { return nil }
        let probe = runProcess(python, ["-c", "import jsonschema"], in: FileManager.default.temporaryDirectory,
                               environment: ProcessInfo.processInfo.environment, timeout: 60)
        return probe.status == 0 ? python : nil
    }()

    /// util-linux `script`, to run a command on a pseudo-terminal.
    static let script: URL? = {
        guard let script = find("script") else { return nil }
        let probe = runProcess(script, ["-qec", "true", "/dev/null"], in: FileManager.default.temporaryDirectory,
                               environment: ProcessInfo.processInfo.environment, timeout: 60)
        return probe.status == 0 ? script : nil
    }()

    /// Validates the JSON document `instance` against the JSON Schema `schema` (both text) with
    /// Python's jsonschema; returns nil when valid, else the errors.
    static func validate(_ instance: String, schema: String, in dir: URL) throws -> String? {
        guard let python = pythonWithJSONSchema else { return nil }
        let instanceFile = try write(instance, to: "validate-instance-\(UUID().uuidString).json", in: dir)
        let schemaFile = try write(schema, to: "validate-schema-\(UUID().uuidString).json", in: dir)
        let program = """
            import json, sys
            import jsonschema
            schema = json.load(open(sys.argv[1]))
            instance = json.load(open(sys.argv[2]))
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            errors = sorted(cls(schema).iter_errors(instance), key=lambda e: list(e.absolute_path))
            for e in errors:
                print("/".join(str(p) for p in e.absolute_path) + ": " + e.message)
            sys.exit(1 if errors else 0)
            """
        let result = runProcess(python, ["-c", program, schemaFile.path, instanceFile.path], in: dir,
                                environment: ProcessInfo.processInfo.environment, timeout: 120)
        return result.status == 0 ? nil : result.description
    }

    /// Runs plantool `args` in `dir` on a pseudo-terminal (through `script`), with `env` added to
    /// the neutral lint environment; standard output and error arrive together, with CR LF ends.
    static func runOnTerminal(_ args: [String], in dir: URL, env: [String: String]) -> RunResult? {
        guard let script else { return nil }
        let command = ([PackagePaths.binary.path] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        return runProcess(script, ["-qec", command, "/dev/null"], in: dir,
                          environment: TestEnvironment.make(LintEnvironment.with(env)), timeout: 120)
    }
}

extension RunResult {
    /// Standard output and error together (what a user of `git commit` sees from a hook).
    var stdoutAndStderr: String { stdout + stderr }
}

/// The permission bits of a file.
func posixPermissions(of url: URL) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? Int
}
