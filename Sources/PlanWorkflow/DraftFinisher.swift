import PlanGit
import PlanKit

/// `draft finish`: the draft merged into its base (a fast-forward, or a merge commit of the
/// structural merge), the working tree brought along, the base moved and the draft deleted,
/// behind a journal that lets the next finish complete one that was stopped part way.
public struct DraftFinisher {
    public let git: GitSelection
    /// The draft's name, without `draft/`.
    public var name: String
    /// Keep the draft's branch.
    public var keep: Bool
    /// The author of a merge commit, instead of the configured identity.
    public var author: String?

    public init(git: GitSelection, name: String, keep: Bool, author: String?) {
        self.git = git
        self.name = name
        self.keep = keep
        self.author = author
    }

    /// Finishes the draft, or refuses, changing nothing. `report` receives each line to say,
    /// as soon as it holds (a completed interrupted finish, the merge's notes, the outcome).
    public func finish(report: (String) -> Void) throws {
        let drafts = Drafts(git: git)
        let repository = git.repository
        try git.run("finish the draft") {
            // A finish that was interrupted is completed first, whichever draft is named.
            if let journal = try DraftFinishJournal.pending(in: repository) {
                try drafts.refuseIfBusy(doing: "complete the interrupted draft finish", journal: false)
                report(try journal.complete(git))
                if journal.draft == name { return }
            }
            let draft = try drafts.draft(name)
            let baseName = try drafts.base(of: draft.name)
            guard let base = try repository.branch(baseName) else {
                throw WorkflowError(message: "the draft's base branch '\(baseName)' does not exist")
            }
            let current = try repository.currentBranch()
            let head: DraftFinishJournal.Head = current == base.name ? .base : current == draft.name ? .draft : .other
            let headCommit = try repository.headCommit()?.id
            try drafts.refuseIfBusy(doing: "finish the draft")
            // Whatever HEAD is on, the finish ends on the base: nothing uncommitted may be in the way.
            try drafts.refuseIfDirty(doing: "finish the draft")
            if head == .other { try refuseToLeave(current: current, at: headCommit, repository) }
            try drafts.refuseIfCheckedOutElsewhere(base.name, doing: "finish the draft into \(baseName)")
            if !keep {
                if try repository.isCheckedOutElsewhere(draft.name) {
                    throw WorkflowError(message: "cannot finish the draft: \(draft.name) is checked out in another worktree (see `git worktree list`); switch that worktree away, or finish with --keep. Nothing was changed")
                }
            }
            try git.refuseIfLocked()

            let result: PlanGit.ObjectID
            let how: String
            var notes: [String] = []  // what the merge did that must be said
            if try repository.contains(draft.tip, ancestor: base.tip) {
                result = draft.tip
                how = "fast-forward"
            } else if try repository.contains(base.tip, ancestor: draft.tip) {
                report("nothing to merge: \(baseName) already holds every commit of the draft")
                result = base.tip
                how = "already merged"
            } else {
                guard let mergeBase = try repository.mergeBase(base.tip, draft.tip) else {
                    throw WorkflowError(message: "the draft and \(baseName) have no common history; nothing was changed")
                }
                let tree: PlanGit.ObjectID
                switch try DraftMerge.merge(repository, base: mergeBase, ours: base.tip, theirs: draft.tip,
                                            oursName: baseName, theirsName: "the draft") {
                case .merged(let merged, let mergeNotes):
                    tree = merged
                    notes = mergeNotes
                case .problems(let problems):
                    let list = problems.map { problem in
                        (["  " + Drafts.describe(path: problem.path)] + problem.reasons.map { "    " + $0 }).joined(separator: "\n")
                    }.joined(separator: "\n")
                    throw WorkflowError(message: "cannot finish '\(name)': it and \(baseName) changed the same things in different ways\n\(list)\nnothing was changed; bring \(baseName) into the draft and settle these (with the plantool merge driver, `git merge \(baseName)` marks each conflict for `plantool lint`), then finish again", exitCode: 1)
                }
                let author = try Identity.resolve(.author, repository: repository, override: author)
                let committer = try Identity.resolve(.committer, repository: repository)
                result = try repository.createDetachedCommit(tree: tree, message: "Merge draft '\(name)' into \(baseName)\n",
                                                             author: author, committer: committer,
                                                             parents: [base.tip, draft.tip])
                how = "merge commit"
            }

            // The journal says what follows before any of it is done: stopped at any point
            // from here, the next `draft finish` completes it.
            let journal = DraftFinishJournal(draft: name, base: base.name, baseWas: base.tip, result: result, draftTip: draft.tip,
                                             head: head, keep: keep, headWas: head == .other ? headCommit : nil)
            try journal.write(in: repository)
            // Bring the working tree along first (a safe checkout writes nothing if it would
            // overwrite a file), then move the base.
            if journal.checkoutFrom != nil {
                do {
                    try repository.checkout(commit: result)
                } catch let error as GitError where error.isConflict {
                    // A safe checkout checks every file before writing any: refused (a file
                    // changed since the dirty check, say), it wrote nothing, and there is
                    // nothing to complete. The changed file must not make the journal stay.
                    try? journal.remove(in: repository)
                    throw error
                } catch {
                    // Stopped part way, the journal stays for the next finish; with nothing
                    // in the working tree changed, nothing was written.
                    if (try? repository.changedFiles())?.isEmpty == true { try? journal.remove(in: repository) }
                    throw error
                }
            }
            if result != base.tip {
                try repository.moveBranch(base.name, from: base.tip, to: result, reason: "plantool draft finish \(name)")
            }
            if head != .base { try repository.setHead(toBranch: base.name) }
            if !keep { try repository.deleteBranch(draft.name) }
            try journal.remove(in: repository)
            // Said only once the finish holds, before its last line.
            for note in notes { report(note) }
            let switched = head == .other ? "; switched to \(baseName) from \(current ?? "the detached HEAD at \(headCommit?.short ?? "")")" : ""
            report("finished draft '\(name)' into \(baseName) (\(how), now at \(result.short))\(keep ? "" : "; the draft's branch is deleted")\(switched)")
        }
    }

    /// The finish ends on the base; from another branch or a detached HEAD that is a switch,
    /// refused when it would leave something behind: commits no branch holds, or a branch
    /// with no commit yet.
    private func refuseToLeave(current: String?, at commit: PlanGit.ObjectID?, _ repository: Repository) throws {
        guard let commit else {
            throw WorkflowError(message: "cannot finish the draft: HEAD is on \(current ?? "nothing"), which has no commit yet, and the finish ends on the draft's base; switch to a branch first. Nothing was changed")
        }
        guard current == nil else { return }
        for branch in try repository.branches() where try repository.contains(branch.tip, ancestor: commit) { return }
        throw WorkflowError(message: "cannot finish the draft: HEAD is detached at \(commit.short), a commit no branch holds, and the finish ends on the draft's base, which would leave that commit behind; give it a branch (git branch NAME) or switch to a branch first. Nothing was changed")
    }
}
