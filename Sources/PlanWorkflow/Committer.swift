import PlanGit
import PlanKit

/// Staging a folder and committing it safely: everything that can refuse is checked before the
/// index or any branch is touched.
public struct Committer {
    public let git: GitSelection

    public init(git: GitSelection) {
        self.git = git
    }

    public struct Result {
        public var id: ObjectID
        public var branch: String
        public var summary: String
    }

    public func commit(folder: String, message: String, author override: String?) throws -> Result {
        let repository = git.repository
        let author: Person
        let committer: Person
        do {
            author = try Identity.resolve(.author, repository: repository, override: override)
            committer = try Identity.resolve(.committer, repository: repository, override: nil)
        } catch let error as GitError {
            throw WorkflowError(message: error.message)
        }
        try git.refuseIfLocked()

        do {
            // During a merge the commit concludes it, as `git commit` does; other operations
            // (rebase, cherry-pick, ...) are git's to finish.
            var mergeHeads: [ObjectID] = []
            if let operation = repository.operationInProgress {
                guard operation == "merge" else {
                    throw WorkflowError(message: "a \(operation) is in progress; finish it with git first. Nothing was changed")
                }
                mergeHeads = try repository.mergeHeads()
            }
            let index = try repository.index()
            do {
                try index.stageAll(under: folder)
            } catch let refusal as StagingRefusal {
                throw WorkflowError(message: "commit refused: \(UnsafeCharacters.neutralised(refusal.message, keepingLineBreaks: false)). Nothing was changed")
            }
            let conflicts = index.conflictedPaths
            if !conflicts.isEmpty {
                throw WorkflowError(message: "these files still have merge conflicts; settle them and stage them first (nothing was changed):\n" +
                                    conflicts.map { "  " + $0 }.joined(separator: "\n"))
            }
            let tree = try index.writeTree()
            let head = try repository.headCommit()
            if head?.tree == tree && mergeHeads.isEmpty {
                throw WorkflowError(message: "nothing to commit: \(folder.isEmpty ? "the plan" : folder) has no changes", exitCode: 1)
            }
            // The index is saved before the branch moves: a process stopped in between leaves
            // the change staged (as `git add` would), never a moved branch with the old index,
            // which `git status` shows as the change undone and a `git commit` would undo.
            try index.write()
            let id = try repository.createCommit(tree: tree, message: message, author: author, committer: committer,
                                                 parents: (head.map { [$0.id] } ?? []) + mergeHeads)
            if !mergeHeads.isEmpty { try repository.finishOperation() }
            let branch = (try? repository.currentBranch()) ?? nil
            return Result(id: id, branch: branch ?? "detached HEAD",
                          summary: message.split(separator: "\n").first.map(String.init) ?? "")
        } catch let error as GitError {
            throw git.explain(error, doing: "commit")
        }
    }
}
