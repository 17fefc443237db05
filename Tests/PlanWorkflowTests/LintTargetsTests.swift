import Foundation
import PlanKit
import PlanWorkflow
import Testing

@Suite("Lint targets and their configuration, found on disk")
struct LintTargetsTests {
    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    @Test("a plan folder named is one target, linted as a whole plan with its place kept for the history rules")
    func planFolder() throws {
        try withTemporaryFolder { folder in
            let plan = folder.appendingPathComponent("plan")
            try Examples.copyPlan(to: plan)
            let targets = try LintTargets.collect(plan: plan.path, paths: [], source: .workingTree)
            #expect(targets.count == 1)
            #expect(targets.first?.configuration != nil)
            #expect(targets.first?.configurationDiagnostics.isEmpty == true)
            #expect(targets.first?.files.planFile != nil)
            guard case .folder(let place) = targets.first?.place else {
                Issue.record("no folder place")
                return
            }
            #expect(place.standardizedFileURL.path == plan.path)
        }
    }

    @Test("a folder holding plans gives every plan below it; a file named is linted on its own")
    func foldersAndFiles() throws {
        try withTemporaryFolder { folder in
            try Examples.copyPlan(to: folder.appendingPathComponent("plans/a"))
            try Examples.copyPlan(to: folder.appendingPathComponent("plans/b"))
            let file = folder.appendingPathComponent("plans/a/recommendations/01.yaml")
            let targets = try LintTargets.collect(plan: nil, paths: [folder.appendingPathComponent("plans").path, file.path],
                                                  source: .workingTree)
            #expect(targets.count == 3)
            #expect(targets.filter { $0.place == nil }.count == 1)
            let single = try #require(targets.last)
            #expect(single.files.planFile == nil)
            #expect(single.files.recommendationFiles.map(\.path) == ["recommendations/01.yaml"])
        }
    }

    @Test("a folder without a plan is refused")
    func noPlan() throws {
        try withTemporaryFolder { folder in
            let error = #expect(throws: WorkflowError.self) {
                try LintTargets.collect(plan: nil, paths: [folder.path], source: .workingTree)
            }
            #expect(error?.message == "\(folder.path): no plan here (no plan.yaml in it or below it)")
        }
    }

    @Test("the repository's .plantool.yaml is overlaid by the plan's")
    func layered() throws {
        try withTemporaryFolder { folder in
            try repository(in: folder, committingPlan: false)
            let plan = folder.appendingPathComponent("plan")
            try Examples.copyPlan(to: plan)
            try Self.write("rules:\n  action-overdue: off\n  plan-dates: info\n", to: folder.appendingPathComponent(".plantool.yaml"))
            try Self.write("rules:\n  plan-dates: error\n", to: plan.appendingPathComponent(".plantool.yaml"))
            let (configuration, problems) = LintTargets.configuration(forPlan: plan)
            #expect(problems.isEmpty)
            let found = try #require(configuration)
            #expect(found.severity(of: "action-overdue", default: .warning) == nil)
            #expect(found.severity(of: "plan-dates", default: .warning) == .error)
            #expect(found.severity(of: "action-has-owner", default: .warning) == .warning)
        }
    }

    @Test("an invalid configuration is no configuration, with its problems")
    func invalid() throws {
        try withTemporaryFolder { folder in
            let plan = folder.appendingPathComponent("plan")
            try Examples.copyPlan(to: plan)
            try Self.write("rules:\n  no-such-rule: off\n", to: plan.appendingPathComponent(".plantool.yaml"))
            let (configuration, problems) = LintTargets.configuration(forPlan: plan)
            #expect(configuration == nil)
            #expect(!problems.isEmpty)
            #expect(problems.allSatisfy { $0.severity == .error })
        }
    }

    @Test("a file named that is not a plan file is refused, not skipped")
    func notAPlanFile() throws {
        try withTemporaryFolder { folder in
            let notes = folder.appendingPathComponent("notes.txt")
            try Self.write("hello\n", to: notes)
            guard case .failure(let error) = SingleFilePlan.read(notes) else {
                Issue.record("read a .txt file")
                return
            }
            #expect(error.message == "is not a plan file: a plan file's name ends in .yaml or .yml")
        }
    }
}
