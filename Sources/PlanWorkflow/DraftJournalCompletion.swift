import Foundation
import PlanGit
import PlanKit

// Completing a draft finish that was interrupted, from its journal.
extension DraftFinishJournal {
    /// Completes the finish this journal records, or refuses, changing nothing, when that is
    /// no longer safe. Returns what was done, for the caller to say.
    public func complete(_ git: GitSelection) throws -> String {
        let repository = git.repository
        let url = Self.url(in: repository)
        let resume = "completed an interrupted draft finish of '\(draft)' into \(base)"
        guard let branch = try repository.branch(base) else {
            throw WorkflowError(message: "cannot complete the interrupted draft finish of '\(draft)': its base branch \(base) no longer exists; nothing was changed. Recreate it (git branch \(base) \(baseWas.short)) and run `plantool draft finish \(draft)` again, or remove \(url.path) and settle the branches by hand")
        }
        guard (try? repository.commitInfo(result)) != nil else {
            throw WorkflowError(message: "cannot complete the interrupted draft finish of '\(draft)': its result, commit \(result.short), is not in the repository; nothing was changed. \(base) is still at \(branch.tip.short): remove \(url.path), check `git status` (the interrupted checkout may have changed files; `git checkout -- FILE` restores one) and finish the draft again")
        }
        if branch.tip == baseWas && result != baseWas {
            try git.refuseIfLocked()
            try bringWorkingTree(git)
            try repository.moveBranch(base, from: baseWas, to: result, reason: "plantool draft finish \(draft) (completed)")
        } else if branch.tip != result {
            throw WorkflowError(message: "cannot complete the interrupted draft finish of '\(draft)': \(base) has moved since it started (it was at \(baseWas.short), the finish would have moved it to \(result.short), it is now at \(branch.tip.short)); nothing was changed. Check `git status` (the interrupted checkout may have changed files; `git checkout -- FILE` restores one), remove \(url.path), and run `plantool draft finish \(draft)` again to merge the draft into \(base) as it is now")
        } else {
            try git.refuseIfLocked()
            // The base had nothing to move (the draft was in it already), or it moved after the
            // checkout: a checkout cut short, if any, is completed before HEAD moves.
            if head != .base, try headAsItStarted(repository) { try bringWorkingTree(git) }
        }
        // The base holds the result: what is left is HEAD and the draft's branch.
        if head != .base, try headAsItStarted(repository) {
            try repository.setHead(toBranch: base)
        }
        var deleted = ""
        if !keep, let draftBranchNow = try repository.branch(draftBranch) {
            if draftBranchNow.tip == draftTip {
                try repository.deleteBranch(draftBranch)
                deleted = "; the draft's branch is deleted"
            } else {
                deleted = "; the draft's branch has new commits since (now at \(draftBranchNow.tip.short)) and is kept"
            }
        }
        try remove(in: repository)
        return "\(resume) (now at \(result.short))\(deleted)"
    }

    /// Makes the working tree hold the result, when the finish was to check it out: only the
    /// files that differ between what the working tree held and the result are written, and
    /// only once each is found to be the old version, the new one, or a write of the new one
    /// cut short (a first part of it, or no file yet). Any other change, to those files or
    /// any other tracked file, is the user's: completing refuses, naming it, and writes nothing.
    private func bringWorkingTree(_ git: GitSelection) throws {
        guard let from = checkoutFrom else { return }
        let repository = git.repository
        guard try headAsItStarted(repository) else {
            let current = try repository.currentBranch()
            let started = head == .base ? base : head == .draft ? draftBranch : "another branch or a detached HEAD"
            let back = head == .other ? "git switch --detach \(from.short)" : "git switch \(started)"
            throw WorkflowError(message: "cannot complete the interrupted draft finish of '\(draft)': it started on \(started) at \(from.short), but HEAD is now \(current ?? "detached") at \(try repository.headCommit()?.id.short ?? "no commit"); nothing was changed. Switch back (\(back)) and run `plantool draft finish \(draft)` again")
        }
        let paths = try repository.changedPaths(from: from, to: result)
        var problems: [String] = []
        for changed in try repository.changedFiles() where !paths.contains(changed.path) {
            problems.append("  \(changed.path)\(changed.staged ? " (staged)" : "")")
        }
        let oldTree = try repository.commitInfo(from).tree, newTree = try repository.commitInfo(result).tree
        for path in paths.sorted() {
            let old = try version(of: path, in: oldTree, repository), new = try version(of: path, in: newTree, repository)
            let file = URL(fileURLWithPath: git.top.path).appendingPathComponent(path)
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder)
            if isFolder.boolValue {
                problems.append("  \(path) (a folder)")
                continue
            }
            // A link is compared by where it points, as git holds it.
            let link = try? FileManager.default.destinationOfSymbolicLink(atPath: file.path)
            let now = exists || link != nil ? (link.map { Data($0.utf8) } ?? FileManager.default.contents(atPath: file.path)) : nil
            if now == old || now == new { continue }
            // Not written yet (removed to be replaced), or written in part.
            if let new, now.map({ new.starts(with: $0) }) ?? true { continue }
            problems.append("  \(path)")
        }
        if !problems.isEmpty {
            throw WorkflowError(message: "cannot complete the interrupted draft finish of '\(draft)': these files have changes that are not the finish's own:\n\(problems.joined(separator: "\n"))\nnothing was changed; commit them elsewhere or put them aside (git stash), then run `plantool draft finish \(draft)` again")
        }
        try repository.forceCheckout(commit: result, paths: paths.sorted())
    }

    /// A path's bytes in a tree, nil when the tree has no file there.
    private func version(of path: String, in tree: ObjectID, _ repository: Repository) throws -> Data? {
        guard let entry = try repository.entry(ofTree: tree, at: path), entry.kind != .tree, entry.kind != .submodule else { return nil }
        return Data(try repository.blob(entry.id))
    }
}
