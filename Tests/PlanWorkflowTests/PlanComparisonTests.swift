import Foundation
import PlanGit
import PlanKit
import PlanWorkflow
import Testing

@Suite("diff's two sides, resolved in a repository")
struct PlanComparisonTests {
    /// main: first, third; side (from first): second. Returns the three commits' ids.
    static func forked(in folder: URL) throws -> (first: String, second: String, third: String) {
        try repository(in: folder)
        let first = try git(["rev-parse", "HEAD"], in: folder)
        try git(["switch", "-q", "-c", "side"], in: folder)
        try git(["commit", "-q", "--allow-empty", "-m", "Second"], in: folder)
        let second = try git(["rev-parse", "HEAD"], in: folder)
        try git(["switch", "-q", "main"], in: folder)
        try git(["commit", "-q", "--allow-empty", "-m", "Third"], in: folder)
        return (first, second, try git(["rev-parse", "HEAD"], in: folder))
    }

    static func endpoints(_ revisions: [String], staged: Bool = false, in folder: URL) throws -> [PlanComparison.Endpoint] {
        let repository = try Repository.discover(from: folder.path)
        let (old, new) = try PlanComparison(plan: nil, staged: staged, revisions: revisions).endpoints(repository)
        return [old, new]
    }

    @Test("each notation compares what git compares, every revision resolved to its commit")
    func notations() throws {
        try withTemporaryFolder { folder in
            let ids = try Self.forked(in: folder)
            let base = try #require(ObjectID(hex: ids.first))
            #expect(try Self.endpoints([], in: folder) == [.init(source: .revision("HEAD"), label: "HEAD"),
                                                           .init(source: .workingTree, label: "the working tree")])
            #expect(try Self.endpoints(["side"], in: folder) == [.init(source: .revision(ids.second), label: "side"),
                                                                 .init(source: .workingTree, label: "the working tree")])
            #expect(try Self.endpoints(["main..side"], in: folder) == [.init(source: .revision(ids.third), label: "main"),
                                                                       .init(source: .revision(ids.second), label: "side")])
            #expect(try Self.endpoints(["main", "side"], in: folder) == [.init(source: .revision(ids.third), label: "main"),
                                                                         .init(source: .revision(ids.second), label: "side")])
            #expect(try Self.endpoints(["main...side"], in: folder) == [
                .init(source: .revision(ids.first), label: "merge base of main and side (\(base.short))"),
                .init(source: .revision("side"), label: "side"),
            ])
            #expect(try Self.endpoints(["side"], staged: true, in: folder) == [.init(source: .revision(ids.second), label: "side"),
                                                                               .init(source: .index, label: "the index")])
        }
    }

    @Test("with no commit yet, the old side is nothing")
    func unborn() throws {
        try withTemporaryFolder { folder in
            try repository(in: folder, committingPlan: false)
            #expect(try Self.endpoints([], in: folder) == [.init(source: nil, label: "HEAD (no commits yet)"),
                                                           .init(source: .workingTree, label: "the working tree")])
        }
    }

    @Test("a revision that names nothing is an error before anything is read")
    func unknownRevision() throws {
        try withTemporaryFolder { folder in
            try repository(in: folder)
            #expect(throws: GitError.self) { try Self.endpoints(["main..no-such-branch"], in: folder) }
        }
    }
}
