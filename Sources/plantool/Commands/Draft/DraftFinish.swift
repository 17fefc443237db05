import ArgumentParser
import PlanGit

extension Plantool.DraftCommand {
    struct DraftFinish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "finish",
            abstract: "Merge a draft into its base branch, then delete the draft.",
            discussion: """
                Fast-forwards the base when it has not moved since the draft started; otherwise \
                writes a merge commit, when the two sides changed different files. When both changed \
                the same file, stops and names the recommendations in conflict, leaving every branch \
                and the working tree as they were. Ends on the base branch. --keep keeps the draft's \
                branch.
                """
        )

        @Argument(help: "The draft's name.")
        var name: String

        @Flag(help: "Keep the draft's branch after merging it.")
        var keep = false

        @Option(help: ArgumentHelp("The author of a merge commit, instead of your configured identity.", valueName: "Name <email>"))
        var author: String?

        func run() throws {
            let git = try GitSelection.open()
            let drafts = Drafts(git: git)
            let repository = git.repository
            try git.run("finish the draft") {
                let draft = try drafts.draft(name)
                let baseName = try drafts.base(of: draft.name)
                guard let base = try repository.branch(baseName) else {
                    throw PlantoolError(message: "the draft's base branch '\(baseName)' does not exist")
                }
                let current = try repository.currentBranch()
                let onBaseOrDraft = current == base.name || current == draft.name
                try drafts.refuseIfBusy(doing: "finish the draft")
                if onBaseOrDraft { try drafts.refuseIfDirty(doing: "finish the draft") }
                try drafts.refuseIfCheckedOutElsewhere(base.name, doing: "finish the draft into \(baseName)")
                if !keep {
                    if try repository.isCheckedOutElsewhere(draft.name) {
                        throw PlantoolError(message: "cannot finish the draft: \(draft.name) is checked out in another worktree (see `git worktree list`); switch that worktree away, or finish with --keep. Nothing was changed")
                    }
                }
                try git.refuseIfLocked()

                let result: PlanGit.ObjectID
                let how: String
                if try repository.contains(draft.tip, ancestor: base.tip) {
                    result = draft.tip
                    how = "fast-forward"
                } else if try repository.contains(base.tip, ancestor: draft.tip) {
                    Output.line("nothing to merge: \(baseName) already holds every commit of the draft")
                    result = base.tip
                    how = "already merged"
                } else {
                    guard let mergeBase = try repository.mergeBase(base.tip, draft.tip) else {
                        throw PlantoolError(message: "the draft and \(baseName) have no common history; nothing was changed")
                    }
                    let ours = try repository.changedPaths(from: mergeBase, to: base.tip)
                    let theirs = try repository.changedPaths(from: mergeBase, to: draft.tip)
                    let both = ours.intersection(theirs).sorted()
                    if !both.isEmpty {
                        let list = both.map { "  " + Drafts.describe(path: $0) }.joined(separator: "\n")
                        throw PlantoolError(message: "cannot finish '\(name)': it and \(baseName) both changed\n\(list)\nnothing was changed; bring \(baseName) into the draft and settle these by hand, then finish again", exitCode: 1)
                    }
                    guard let tree = try repository.mergeTrees(base: mergeBase, ours: base.tip, theirs: draft.tip) else {
                        throw PlantoolError(message: "cannot finish '\(name)': the merge conflicts; nothing was changed", exitCode: 1)
                    }
                    let author = try Identity.resolve(.author, repository: repository, override: self.author)
                    let committer = try Identity.resolve(.committer, repository: repository)
                    result = try repository.createDetachedCommit(tree: tree, message: "Merge draft '\(name)' into \(baseName)\n",
                                                                 author: author, committer: committer,
                                                                 parents: [base.tip, draft.tip])
                    how = "merge commit"
                }

                // Bring the working tree along first (a safe checkout writes nothing if it would
                // overwrite a file), then move the base.
                let needsCheckout = (current == base.name && result != base.tip) || (current == draft.name && result != draft.tip)
                if needsCheckout { try repository.checkout(commit: result) }
                if result != base.tip {
                    try repository.moveBranch(base.name, from: base.tip, to: result, reason: "plantool draft finish \(name)")
                }
                if current == draft.name { try repository.setHead(toBranch: base.name) }
                if !keep { try repository.deleteBranch(draft.name) }
                Output.line("finished draft '\(name)' into \(baseName) (\(how), now at \(result.short))\(keep ? "" : "; the draft's branch is deleted")")
            }
        }
    }
}
