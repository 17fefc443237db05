import Foundation
import PlanGit
import PlanKit

/// The base revision the history rules (target-moved-without-update, update-rewritten, ...)
/// compare a plan with: `--base REV`, else HEAD for the working tree and the index, else the
/// first parent of the revision linted with `--rev`. Without a repository, with an unborn HEAD,
/// a root commit linted with `--rev`, or a plan absent from the base (its first commit), there is
/// no base and the rules are off.
public struct BaseRevision {
    /// The revision given with --base, if any.
    public var explicit: String?
    /// What is linted.
    public var source: PlanSource

    public init(explicit: String?, source: PlanSource) {
        self.explicit = explicit
        self.source = source
    }

    /// The base revision for the source when --base is not given.
    public var defaultRevision: String {
        switch source {
        case .workingTree, .index: "HEAD"
        case .revision(let revision): revision + "^"
        }
    }

    /// The base of one plan, compared with the files to be linted (only differing files are
    /// read); nil when the history rules are off for it.
    public func load(plan relative: String, in repository: PlanRepository, linted: PlanFiles) throws -> BasePlan? {
        let revision = explicit ?? defaultRevision
        let commit: CommitInfo
        do {
            commit = try repository.repository.commit(revision)
        } catch let error as GitError {
            // The default base may be missing (an unborn HEAD, a root commit): the rules are off.
            guard explicit == nil else { throw WorkflowError(message: "--base: \(error.message)") }
            return nil
        }
        do {
            let listing = try repository.listing(ofPlan: relative, from: .revision(commit.id.description), displayRoot: linted.displayRoot)
            // The plan's first commit: nothing to compare with.
            guard listing.planFile != nil else { return nil }
            return BasePlan.compare(name: revision, base: listing, read: repository.contents(of:), with: linted)
        } catch let error as GitError {
            throw WorkflowError(message: "cannot read the plan in \(revision): \(error.message)")
        }
    }

    /// The same for a plan folder on disk: the repository around it, if any.
    public func load(folder: URL, linted: PlanFiles) throws -> BasePlan? {
        guard let repository = try? PlanRepository(discoveringFrom: folder.path) else {
            if let explicit { throw WorkflowError(message: "--base \(explicit): \(folder.path) is not inside a git repository") }
            return nil
        }
        guard let relative = repository.repository.relativePath(of: folder.path) else { return nil }
        return try load(plan: relative, in: repository, linted: linted)
    }
}
