import Foundation
import Testing

@Suite("plantool check")
struct CheckTests {
    // MARK: 2. The examples are valid

    @Test("check passes on a copy of each example plan", arguments: Fixture.examples)
    func examplePlanIsValid(_ name: String) throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.copyExample(name, into: dir)
            let recommendations = try FileManager.default
                .contentsOfDirectory(atPath: plan.appendingPathComponent("recommendations").path)
                .filter { $0.hasSuffix(".yaml") }
            #expect(!recommendations.isEmpty)

            let inside = run(["check"], in: plan)
            #expect(inside.status == 0, "\(inside)")
            #expect(!inside.stdout.contains("error:"), "\(inside)")
            #expect(inside.stderr.contains("checked 1 plan, \(recommendations.count + 1) files: 0 errors"), "\(inside)")

            let named = run(["check", name], in: dir)
            #expect(named.status == 0, "\(named)")
            #expect(!named.stdout.contains("error:"), "\(named)")
        }
    }

    // MARK: 3. Every problem, each in the path:line:col form

    /// Three problems: line 4 column 9 (`maybe`), line 8 column 5 (`owner`), line 10 column 13 (`June 2021`).
    static let brokenRecommendation = """
        number: 1
        addressee: HM Prison and Probation Service
        text: Improve the quality of recall decisions
        status: maybe
        actions:
          - id: "1.1"
            text: Publish the revised guidance
            owner:
              - Deputy Director, Public Protection Group
            target: June 2021

        """

    @Test("check reports every problem of a broken file as path:line:col: error: message [rule]")
    func brokenFileReportsEveryProblem() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: "plan", in: dir,
                                        recommendations: ["01.yaml": Self.brokenRecommendation])
            for (cwd, args, path) in [(plan, ["check"], "recommendations/01.yaml"),
                                      (dir, ["check", "plan"], "plan/recommendations/01.yaml"),
                                      (dir, ["check", "--plan", "plan"], "plan/recommendations/01.yaml")] {
                let result = run(args, in: cwd)
                #expect(result.status == 1, "\(args): \(result)")
                // Every line on standard output is a finding in the documented form.
                #expect(!result.stdoutLines.isEmpty, "\(result)")
                for line in result.stdoutLines {
                    #expect(DiagnosticLine(line) != nil, "not a diagnostic: \(line)")
                }
                let errors = result.errors
                #expect(errors.count == 3, "\(args): \(result)")
                #expect(errors.allSatisfy { $0.path == path }, "\(args): \(result)")
                let places = errors.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" }
                #expect(places == ["4:9 invalid-value", "8:5 unknown-key", "10:13 invalid-date"], "\(args): \(result)")
                let unknown = errors.first { $0.rule == "unknown-key" }
                #expect(unknown?.message.contains("did you mean 'owners'") == true, "\(result)")
                #expect(errors.first { $0.rule == "invalid-value" }?.message.contains("maybe") == true, "\(result)")
                #expect(errors.first { $0.rule == "invalid-date" }?.message.contains("June 2021") == true, "\(result)")
                #expect(result.stderr.contains("3 errors"), "\(result)")
            }
        }
    }

    // MARK: 4. Exit status 2 for usage errors

    @Test("check --bogus is a usage error (exit 2)")
    func unknownOptionExits2() throws {
        try withTemporaryDirectory { dir in
            try Fixture.plan(at: ".", in: dir, recommendations: ["01.yaml": Fixture.recommendation(1)])
            #expect(run(["check"], in: dir).status == 0)
            let result = run(["check", "--bogus"], in: dir)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("--bogus"), "\(result)")
            #expect(result.stdout.isEmpty, "\(result)")
        }
    }

    @Test("check --plan naming a folder without plan.yaml exits 2 and names the folder")
    func planOptionWithoutPlanExits2() throws {
        try withTemporaryDirectory { dir in
            try Fixture.plan(at: "real", in: dir, recommendations: ["01.yaml": Fixture.recommendation(1)])
            try write("not a plan\n", to: "notaplan/readme.txt", in: dir)
            let result = run(["check", "--plan", "notaplan"], in: dir)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("notaplan"), "\(result)")
            #expect(result.stdout.isEmpty, "\(result)")
        }
    }

    @Test("check on a path that does not exist exits 2")
    func missingPathExits2() throws {
        try withTemporaryDirectory { dir in
            try Fixture.plan(at: "real", in: dir, recommendations: ["01.yaml": Fixture.recommendation(1)])
            let result = run(["check", "no-such-folder"], in: dir)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("no-such-folder"), "\(result)")
            #expect(result.stdout.isEmpty, "\(result)")
        }
    }

    @Test("check in an empty folder, with no plan anywhere, exits 2: no plan found")
    func noPlanAnywhereExits2() throws {
        try withTemporaryDirectory { dir in
            let result = run(["check"], in: dir)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("no plan found"), "\(result)")
            #expect(result.stdout.isEmpty, "\(result)")
        }
    }

    // MARK: 5. Finding plans

    @Test("check inside recommendations/ checks the enclosing plan")
    func checkFromRecommendationsFolder() throws {
        try withTemporaryDirectory { dir in
            let plan = try Fixture.plan(at: "plan", in: dir, recommendations: [
                "01.yaml": Fixture.recommendation(1), "02.yaml": Fixture.recommendation(2),
            ])
            let folder = plan.appendingPathComponent("recommendations")
            let valid = run(["check"], in: folder)
            #expect(valid.status == 0, "\(valid)")
            #expect(valid.stderr.contains("checked 1 plan, 3 files: 0 errors"), "\(valid)")

            try write(Self.brokenRecommendation.replacingOccurrences(of: "number: 1", with: "number: 2"),
                      to: "recommendations/02.yaml", in: plan)
            let broken = run(["check"], in: folder)
            #expect(broken.status == 1, "\(broken)")
            #expect(broken.errors.count == 3, "\(broken)")
            // The paths shown lead to the file, read from the current folder.
            for error in broken.errors {
                let shown = URL(fileURLWithPath: error.path, relativeTo: folder).standardizedFileURL
                #expect(shown.path == folder.appendingPathComponent("02.yaml").path, "\(error)")
            }
        }
    }

    @Test("check in a folder holding two plans checks both")
    func checkTwoPlansBelow() throws {
        try withTemporaryDirectory { dir in
            try Fixture.plan(at: "first", in: dir, recommendations: ["01.yaml": Fixture.recommendation(1)])
            try Fixture.plan(at: "group/second", in: dir, recommendations: ["01.yaml": Fixture.recommendation(1)])
            let valid = run(["check"], in: dir)
            #expect(valid.status == 0, "\(valid)")
            #expect(valid.stderr.contains("checked 2 plans, 4 files: 0 errors"), "\(valid)")

            try write(Self.brokenRecommendation, to: "group/second/recommendations/01.yaml", in: dir)
            let broken = run(["check"], in: dir)
            #expect(broken.status == 1, "\(broken)")
            #expect(broken.stderr.contains("checked 2 plans"), "\(broken)")
            #expect(broken.errors.count == 3, "\(broken)")
            #expect(broken.errors.allSatisfy { $0.path == "group/second/recommendations/01.yaml" }, "\(broken)")
        }
    }

    // MARK: 6. A single file

    @Test("check on a single recommendation file reports its problems")
    func checkSingleFile() throws {
        try withTemporaryDirectory { dir in
            try Fixture.plan(at: "plan", in: dir, recommendations: [
                "01.yaml": Self.brokenRecommendation, "02.yaml": Fixture.recommendation(2),
            ])
            let broken = run(["check", "plan/recommendations/01.yaml"], in: dir)
            #expect(broken.status == 1, "\(broken)")
            let places = broken.errors.map { "\($0.path):\($0.line ?? 0):\($0.column ?? 0) \($0.rule)" }
            #expect(places == ["plan/recommendations/01.yaml:4:9 invalid-value",
                               "plan/recommendations/01.yaml:8:5 unknown-key",
                               "plan/recommendations/01.yaml:10:13 invalid-date"], "\(broken)")
            #expect(broken.stderr.contains("checked 1 file: 3 errors"), "\(broken)")

            let valid = run(["check", "plan/recommendations/02.yaml"], in: dir)
            #expect(valid.status == 0, "\(valid)")
            #expect(valid.stdout.isEmpty, "\(valid)")
            #expect(valid.stderr.contains("checked 1 file: 0 errors"), "\(valid)")

            let planFile = run(["check", "plan/plan.yaml"], in: dir)
            #expect(planFile.status == 0, "\(planFile)")
            #expect(planFile.stdout.isEmpty, "\(planFile)")
        }
    }
}
