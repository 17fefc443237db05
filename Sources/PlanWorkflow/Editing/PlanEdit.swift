import Foundation
import PlanGit
import PlanKit

/// An edit made and checked but not yet saved: the files it rewrites, the plan after it and
/// the warnings it brings (its errors refused it).
public struct PlanEdit {
    /// One rewritten file, before and after.
    public struct FileChange {
        /// Relative to the plan folder: `recommendations/05.yaml`.
        public var path: String
        /// As messages show it, from the current folder.
        public var displayPath: String
        public var old: [UInt8]
        public var new: [UInt8]
    }

    public var folder: URL
    /// The plan's files as read, and with the edit.
    public var before: PlanFiles
    public var after: PlanFiles
    /// Only the files the edit rewrites; every other file keeps its bytes.
    public var files: [FileChange]
    /// The plan after the edit.
    public var plan: Plan
    /// Lint warnings the plan did not have before the edit.
    public var warnings: [Diagnostic]

    /// What the edit changes, as `plantool diff` lists it.
    public var changes: [Change] {
        PlanDiffer.compare(old: PlanDiffer.Side(listing: PlanListing(files: before), read: PlanListing.inMemoryContents(of:)),
                           new: PlanDiffer.Side(listing: PlanListing(files: after), read: PlanListing.inMemoryContents(of:))).changes
    }

    /// The labels `diff` would give the two sides.
    public static let labels = DiffRenderer.Labels(old: "the plan", new: "the plan after the edit")
}

/// Committing an edit at once, as `plantool commit -m` does.
public struct EditCommit {
    let git: GitSelection
    let plan: String
    /// Files outside the plan folder the edit also changes (the owners register at the top of
    /// the repository), staged before the commit.
    var extraPaths: [String] = []

    /// Finds the repository and checks the identity before anything is written, so that a
    /// commit that could not be made refuses the edit instead of leaving it uncommitted.
    public init(folder: URL) throws {
        git = try GitSelection.open(at: folder.path)
        guard let relative = git.repository.relativePath(of: folder.path) else {
            throw WorkflowError(message: "\(folder.path) is outside the repository at \(git.top.path); nothing was written")
        }
        plan = relative
        do {
            _ = try Identity.resolve(.author, repository: git.repository, override: nil)
            _ = try Identity.resolve(.committer, repository: git.repository, override: nil)
        } catch let error as GitError {
            throw WorkflowError(message: "\(error.message); nothing was written")
        }
        try git.refuseIfLocked()
        try refuseOtherChanges()
    }

    /// Refuses when the commit would carry more than this edit: the plan folder is committed
    /// as a whole and the index as it stands, so a hand edit elsewhere in the plan, or a file
    /// staged for another commit, would go in under this edit's message.
    func refuseOtherChanges() throws {
        let prefix = plan.isEmpty ? "" : plan + "/"
        let others: [ChangedFile]
        do {
            others = try git.repository.changedFiles().filter { $0.staged || $0.path.hasPrefix(prefix) }
        } catch let error as GitError {
            throw git.explain(error, doing: "commit")
        }
        guard !others.isEmpty else { return }
        let list = others.prefix(10).map { "  \($0.path)\($0.staged ? " (staged)" : "")" }.joined(separator: "\n")
        let more = others.count > 10 ? "\n  … and \(others.count - 10) more" : ""
        throw WorkflowError(message: "-m would commit these uncommitted changes with the edit:\n\(list)\(more)\ncommit them first (plantool commit), or make the edit without -m; nothing was written", exitCode: 1)
    }

    /// Also stages `url` (a file outside the plan folder the edit wrote).
    public mutating func include(_ url: URL) {
        if let relative = git.repository.relativePath(of: url.standardizedFileURL.path) { extraPaths.append(relative) }
    }

    /// Commits the plan folder (and the files included) with `message`.
    public func commit(message: String) throws -> Committer.Result {
        for path in extraPaths {
            do {
                let index = try git.repository.index()
                try index.stageAll(under: path)
                try index.write()
            } catch let refusal as StagingRefusal {
                throw WorkflowError(message: "the edit was written but not committed: \(refusal.message)")
            } catch let error as GitError {
                throw git.explain(error, doing: "commit")
            }
        }
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        return try Committer(git: git).commit(folder: plan, message: text, author: nil)
    }
}
