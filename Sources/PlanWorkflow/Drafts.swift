import Foundation
import PlanGit
import PlanKit

/// Drafts are branches named `draft/NAME`; each remembers the branch it was started from (its
/// base) in git's configuration as `branch.draft/NAME.plantoolBase`.
public struct Drafts {
    public static let prefix = "draft/"
    public let git: GitSelection
    public var repository: Repository { git.repository }

    public init(git: GitSelection) {
        self.git = git
    }

    /// Refuses names git or a person would trip over: `..`, spaces, control characters, a leading
    /// `-` or `.`, `.lock` endings, and anything git refuses.
    public static func validate(_ name: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/")
        let problems: [(Bool, String)] = [
            (name.isEmpty, "is empty"),
            (name.count > 100, "is longer than 100 characters"),
            (!name.allSatisfy { allowed.contains($0) }, "may use only letters, digits, '.', '_', '-' and '/' (no spaces or control characters)"),
            (name.contains(".."), "may not contain '..'"),
            (name.hasPrefix("-") || name.hasPrefix(".") || name.hasPrefix("/"), "may not start with '-', '.' or '/'"),
            (name.hasSuffix("/") || name.hasSuffix(".") || name.hasSuffix(".lock"), "may not end with '/', '.' or '.lock'"),
            (name.contains("//") || name.split(separator: "/").contains { $0.hasPrefix(".") }, "may not have empty parts or parts starting with '.'"),
        ]
        if let problem = problems.first(where: { $0.0 }) {
            throw WorkflowError(message: "'\(name)' is not a valid draft name: it \(problem.1)")
        }
        guard Repository.isValidBranchName(prefix + name) else {
            throw WorkflowError(message: "'\(name)' is not a valid draft name: git does not accept the branch \(prefix + name)")
        }
    }

    public static func baseKey(_ branch: String) -> String { "branch.\(branch).plantoolBase" }

    /// The draft's branch, or a clear error naming the drafts there are.
    public func draft(_ name: String) throws -> Branch {
        try Self.validate(name)
        if let branch = try repository.branch(Self.prefix + name) { return branch }
        let names = try all().map { String($0.name.dropFirst(Self.prefix.count)) }
        let known = names.isEmpty ? "there are no drafts" : "drafts: \(names.joined(separator: ", "))"
        throw WorkflowError(message: "no draft named '\(name)' (\(known))")
    }

    public func all() throws -> [Branch] {
        try repository.branches().filter { $0.name.hasPrefix(Self.prefix) }
    }

    /// The branch a draft merges back into.
    public func base(of branch: String) throws -> String {
        if let base = try repository.config(Self.baseKey(branch)), !base.isEmpty { return base }
        return "main"
    }

    /// Refuses while git is in the middle of a merge, rebase or the like, or (unless `journal`
    /// is false) while a `plantool draft finish` that was interrupted waits to be completed.
    public func refuseIfBusy(doing action: String, journal: Bool = true) throws {
        if let operation = repository.operationInProgress {
            throw WorkflowError(message: "cannot \(action): a \(operation) is in progress; finish or abort it with git first. Nothing was changed")
        }
        if journal { try Self.refuseIfFinishInterrupted(repository, doing: action) }
    }

    /// Refuses while the journal of an interrupted `plantool draft finish` is in the git folder:
    /// the working tree may hold part of the merge, which only completing the finish settles.
    public static func refuseIfFinishInterrupted(_ repository: Repository, doing action: String) throws {
        let journal: DraftFinishJournal?
        do {
            journal = try DraftFinishJournal.pending(in: repository)
        } catch let error as WorkflowError {
            throw WorkflowError(message: "cannot \(action): \(error.message)")
        }
        if let journal {
            throw WorkflowError(message: "cannot \(action): a plantool draft finish of '\(journal.draft)' into \(journal.base) was interrupted; complete it with `plantool draft finish \(journal.draft)` first. Nothing was changed")
        }
    }

    /// Refuses when a branch is checked out in another worktree: moving it would leave that
    /// worktree's files behind its branch.
    public func refuseIfCheckedOutElsewhere(_ branch: String, doing action: String) throws {
        if try repository.isCheckedOutElsewhere(branch) {
            throw WorkflowError(message: "cannot \(action): \(branch) is checked out in another worktree (see `git worktree list`); switch that worktree away first. Nothing was changed")
        }
    }

    /// Refuses while tracked files have changes, naming them.
    public func refuseIfDirty(doing action: String) throws {
        try refuseIfBusy(doing: action)
        let changed = try repository.changedFiles()
        guard !changed.isEmpty else { return }
        let list = changed.prefix(20).map { "  \($0.path)\($0.staged ? " (staged)" : "")" }.joined(separator: "\n")
        let more = changed.count > 20 ? "\n  … and \(changed.count - 20) more" : ""
        throw WorkflowError(message: "cannot \(action): these files have uncommitted changes:\n\(list)\(more)\ncommit them (plantool commit) or put them aside (git stash) first; nothing was changed")
    }

    /// Switches the working tree and HEAD to a branch, safely.
    public func switchTo(_ branch: Branch) throws {
        try refuseIfCheckedOutElsewhere(branch.name, doing: "switch to \(branch.name)")
        try repository.checkout(commit: branch.tip)
        try repository.setHead(toBranch: branch.name)
    }

    /// "Recommendation 5" for a plan's recommendation file, else the path.
    public static func describe(path: String) -> String {
        let parts = path.split(separator: "/")
        if parts.count >= 2, parts[parts.count - 2] == Substring(PlanDirectory.recommendationsFolder),
           let number = PlanLoader.number(fromFileName: String(parts[parts.count - 1])) {
            return "Recommendation \(number) (\(path))"
        }
        return path
    }
}

extension GitSelection {
    /// A GitError as a WorkflowError, for commands that do several git operations.
    public func run<T>(_ action: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GitError {
            throw explain(error, doing: action)
        }
    }
}
