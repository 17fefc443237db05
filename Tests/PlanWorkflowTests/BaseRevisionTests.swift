import Foundation
import PlanKit
import PlanWorkflow
import Testing

@Suite("The base revision of the history rules")
struct BaseRevisionTests {
    @Test("by default HEAD for the working tree and the index, the first parent for a revision")
    func defaults() {
        #expect(BaseRevision(explicit: nil, source: .workingTree).defaultRevision == "HEAD")
        #expect(BaseRevision(explicit: nil, source: .index).defaultRevision == "HEAD")
        #expect(BaseRevision(explicit: nil, source: .revision("v2")).defaultRevision == "v2^")
        #expect(BaseRevision(explicit: "main", source: .revision("v2")).defaultRevision == "v2^")
    }

    static func files(_ plan: URL) -> PlanFiles {
        PlanDirectory.files(of: plan, displayRoot: "plan")
    }

    @Test("a plan committed at HEAD has a base; one that HEAD does not hold yet has none")
    func committed() throws {
        try withTemporaryFolder { folder in
            try repository(in: folder)
            let plan = folder.appendingPathComponent("plan")
            #expect(try BaseRevision(explicit: nil, source: .workingTree).load(folder: plan, linted: Self.files(plan)) != nil)
            let second = folder.appendingPathComponent("second")
            try Examples.copyPlan(to: second)
            #expect(try BaseRevision(explicit: nil, source: .workingTree).load(folder: second, linted: Self.files(second)) == nil)
        }
    }

    @Test("the default base missing (no commit yet, a root commit's parent) turns the rules off")
    func missingDefault() throws {
        try withTemporaryFolder { folder in
            try repository(in: folder, committingPlan: false)
            let plan = folder.appendingPathComponent("plan")
            try Examples.copyPlan(to: plan)
            #expect(try BaseRevision(explicit: nil, source: .workingTree).load(folder: plan, linted: Self.files(plan)) == nil)
            try git(["add", "-A"], in: folder)
            try git(["commit", "-q", "-m", "First"], in: folder)
            #expect(try BaseRevision(explicit: nil, source: .revision("HEAD")).load(folder: plan, linted: Self.files(plan)) == nil)
        }
    }

    @Test("a --base that names no commit is an error, as is one outside git")
    func explicitMissing() throws {
        try withTemporaryFolder { folder in
            let outside = folder.appendingPathComponent("outside")
            try Examples.copyPlan(to: outside)
            let error = #expect(throws: WorkflowError.self) {
                try BaseRevision(explicit: "main", source: .workingTree).load(folder: outside, linted: Self.files(outside))
            }
            #expect(error?.message == "--base main: \(outside.path) is not inside a git repository")
            #expect(try BaseRevision(explicit: nil, source: .workingTree).load(folder: outside, linted: Self.files(outside)) == nil)

            let repo = folder.appendingPathComponent("repo")
            try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
            try repository(in: repo)
            let plan = repo.appendingPathComponent("plan")
            let missing = #expect(throws: WorkflowError.self) {
                try BaseRevision(explicit: "no-such-branch", source: .workingTree).load(folder: plan, linted: Self.files(plan))
            }
            #expect(missing?.message.hasPrefix("--base: ") == true)
        }
    }
}
